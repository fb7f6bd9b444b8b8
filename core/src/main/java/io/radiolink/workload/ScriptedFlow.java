package io.radiolink.workload;

import io.radiolink.node.PhoneNumber;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * One flow started at a fixed time, for scenarios that script individual users rather than (or beside)
 * a generated workload: a {@link Backup} or a {@link Download}, each with only its own fields. Code that
 * treats the kinds apart implements a {@link Visitor}, so that a new kind does not compile until every
 * such place handles it.
 *
 * <p>A null password means the user entered none, so nothing is sent (claims 4, 9). A flow's
 * {@code toString} shows whether a password is typed, never the password.
 */
public sealed interface ScriptedFlow {

    /** Start times. */
    Range AT_SECONDS = Range.seconds();

    /** When the flow starts, >= 0. */
    double atSeconds();

    /** The base station to use. */
    String stationId();

    /** The phone running the flow. */
    PhoneNumber terminalNumber();

    /** The maintenance password the user types, or null for none. */
    String password();

    /** The user data this flow sends up: a backup's size; 0 for a download, which fetches what a backup stored. */
    long uploadedBytes();

    /** What {@code visitor} makes of this flow's kind. */
    <R> R accept(Visitor<R> visitor);

    /**
     * Handles each kind of scripted flow; a new kind adds its method here.
     *
     * @param <R> what the visitor makes of a flow
     */
    interface Visitor<R> {

        /** What a backup makes. */
        R backup(Backup flow);

        /** What a download makes. */
        R download(Download flow);
    }

    /**
     * A backup on the terminal with {@code terminalNumber} (the same terminal object for every scripted backup
     * of that number in a replication), holding synthetic user data of {@code userDataBytes} bytes in
     * {@code recordCount} records; stored under the terminal's own number.
     *
     * @param atSeconds when the backup starts, >= 0
     * @param stationId the base station to use
     * @param terminalNumber the phone backing up, whose number the data is stored under
     * @param userDataBytes the size of the user data, >= 1
     * @param recordCount the number of records, >= 0
     * @param password the maintenance password the user types, or null for none
     */
    record Backup(double atSeconds, String stationId, PhoneNumber terminalNumber, long userDataBytes,
            int recordCount, String password) implements ScriptedFlow {

        /** A backup's size. */
        public static final Range USER_DATA_BYTES = Range.wholeAtLeast(1);
        /** A backup's record count. */
        public static final Range RECORD_COUNT = Range.wholeAtLeast(0);

        /** Validates every field. */
        public Backup {
            checkStart(atSeconds, stationId, terminalNumber);
            USER_DATA_BYTES.check("userDataBytes", userDataBytes);
            RECORD_COUNT.check("recordCount", recordCount);
            checkPassword(password);
        }

        @Override
        public long uploadedBytes() {
            return userDataBytes;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.backup(this);
        }

        @Override
        public String toString() {
            return "Backup[atSeconds=" + atSeconds + ", stationId=" + stationId + ", terminalNumber=" + terminalNumber
                    + ", userDataBytes=" + userDataBytes + ", recordCount=" + recordCount + ", password="
                    + shown(password) + "]";
        }
    }

    /**
     * A download onto a new, empty terminal with {@code terminalNumber} of the data stored under
     * {@code storedNumber}.
     *
     * @param atSeconds when the download starts, >= 0
     * @param stationId the base station to use
     * @param terminalNumber the phone downloading
     * @param storedNumber the number the data is stored under
     * @param password the maintenance password the user types, or null for none
     */
    record Download(double atSeconds, String stationId, PhoneNumber terminalNumber, PhoneNumber storedNumber,
            String password) implements ScriptedFlow {

        /** Validates every field. */
        public Download {
            checkStart(atSeconds, stationId, terminalNumber);
            Objects.requireNonNull(storedNumber, "storedNumber");
            checkPassword(password);
        }

        @Override
        public long uploadedBytes() {
            return 0;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.download(this);
        }

        @Override
        public String toString() {
            return "Download[atSeconds=" + atSeconds + ", stationId=" + stationId + ", terminalNumber="
                    + terminalNumber + ", storedNumber=" + storedNumber + ", password=" + shown(password) + "]";
        }
    }

    /** A backup of {@code number}'s data of {@code bytes} in {@code records} records at {@code atSeconds}. */
    static Backup backup(double atSeconds, String stationId, PhoneNumber number, long bytes, int records,
            String password) {
        return new Backup(atSeconds, stationId, number, bytes, records, password);
    }

    /** A download onto a new phone {@code terminal} of the data stored under {@code stored} at {@code atSeconds}. */
    static Download download(double atSeconds, String stationId, PhoneNumber terminal, PhoneNumber stored,
            String password) {
        return new Download(atSeconds, stationId, terminal, stored, password);
    }

    private static void checkStart(double atSeconds, String stationId, PhoneNumber terminalNumber) {
        AT_SECONDS.check("atSeconds", atSeconds);
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(terminalNumber, "terminalNumber");
    }

    private static void checkPassword(String password) {
        if (password != null && password.isEmpty()) {
            throw InvalidFieldException.stated("password", password,
                    "password must not be empty (null means none entered)", "a non-empty string, or null for none");
        }
    }

    private static String shown(String password) {
        return password == null ? "null" : "***";
    }
}
