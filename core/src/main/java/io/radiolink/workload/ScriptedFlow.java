package io.radiolink.workload;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.FlowKind;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * One flow started at a fixed time, for scenarios that script individual users rather than (or beside)
 * a generated workload.
 *
 * <p>A backup runs on the terminal with {@code terminalNumber}, holding synthetic user data of
 * {@code userDataBytes} bytes in {@code recordCount} records (the same terminal object for every
 * scripted flow of that number in a replication). A download runs on a new, empty terminal with
 * {@code terminalNumber} and asks for the data stored under {@code storedNumber}. A null password
 * means the user entered none, so nothing is sent (claims 4, 9).
 *
 * @param atSeconds when the flow starts, >= 0
 * @param kind backup or download
 * @param stationId the base station to use
 * @param terminalNumber the phone running the flow
 * @param storedNumber the number the data is stored under: for a backup, the terminal's own
 * @param userDataBytes for a backup, the size of the user data (>= 1); ignored for a download
 * @param recordCount for a backup, the number of records (>= 0); ignored for a download
 * @param password the maintenance password the user types, or null for none
 */
public record ScriptedFlow(double atSeconds, FlowKind kind, String stationId, PhoneNumber terminalNumber,
        PhoneNumber storedNumber, long userDataBytes, int recordCount, String password) {

    /** Start times. */
    public static final Range AT_SECONDS = Range.seconds();
    /** A backup's size. */
    public static final Range USER_DATA_BYTES = Range.wholeAtLeast(1);
    /** A backup's record count. */
    public static final Range RECORD_COUNT = Range.wholeAtLeast(0);

    /** Validates every field. */
    public ScriptedFlow {
        AT_SECONDS.check("atSeconds", atSeconds);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(terminalNumber, "terminalNumber");
        Objects.requireNonNull(storedNumber, "storedNumber");
        if (kind == FlowKind.BACKUP) {
            USER_DATA_BYTES.check("userDataBytes", userDataBytes);
            RECORD_COUNT.check("recordCount", recordCount);
            if (!storedNumber.equals(terminalNumber)) {
                throw InvalidFieldException.stated("storedNumber", storedNumber.digits(),
                        "storedNumber of a backup must be the terminal's own number", "the terminal's own number");
            }
        }
        if (password != null && password.isEmpty()) {
            throw InvalidFieldException.stated("password", password,
                    "password must not be empty (null means none entered)", "a non-empty string, or null for none");
        }
    }

    /** Shows whether a password is typed, never the password. */
    @Override
    public String toString() {
        return "ScriptedFlow[atSeconds=" + atSeconds + ", kind=" + kind + ", stationId=" + stationId + ", terminalNumber="
                + terminalNumber + ", storedNumber=" + storedNumber + ", userDataBytes=" + userDataBytes
                + ", recordCount=" + recordCount + ", password=" + (password == null ? "null" : "***") + "]";
    }

    /** A backup of {@code number}'s data of {@code bytes} in {@code records} records at {@code atSeconds}. */
    public static ScriptedFlow backup(double atSeconds, String stationId, PhoneNumber number, long bytes, int records,
            String password) {
        return new ScriptedFlow(atSeconds, FlowKind.BACKUP, stationId, number, number, bytes, records, password);
    }

    /** A download onto a new phone {@code terminal} of the data stored under {@code stored} at {@code atSeconds}. */
    public static ScriptedFlow download(double atSeconds, String stationId, PhoneNumber terminal, PhoneNumber stored,
            String password) {
        return new ScriptedFlow(atSeconds, FlowKind.DOWNLOAD, stationId, terminal, stored, 0, 0, password);
    }
}
