package io.radiolink.workload;

import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.terminal.TerminalSide;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * One flow started at a fixed time, for scenarios that script individual users rather than (or beside)
 * a generated workload: a {@link Backup} or a {@link Download}, each with only its own fields. Each kind
 * says which phone it runs on and how it starts ({@link #phone}, {@link #start}), so that a new kind is one
 * more record here and nothing else in the workload or the simulation.
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

    /**
     * The terminal this flow runs on in a replication, before it starts: one of {@code ownPhones} or a new one.
     */
    Terminal phone(Phones ownPhones);

    /**
     * Starts this flow, now, on {@code phone} (the one {@link #phone} chose, idle, its password already typed)
     * with {@code station}, through {@code terminals}; {@code label} tells this flow's synthetic user data
     * from any other's.
     */
    void start(Terminal phone, BaseStation station, TerminalSide terminals, long label);

    /** The phones of one replication that keep their identity (and data) from one scripted flow to the next. */
    @FunctionalInterface
    interface Phones {

        /** The terminal of {@code number}: the same object for every call with that number in a replication. */
        Terminal of(PhoneNumber number);
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

        /** The number's own phone: a later backup of the same number replaces the data it holds. */
        @Override
        public Terminal phone(Phones ownPhones) {
            return ownPhones.of(terminalNumber);
        }

        /** Stores synthetic user data of this size and record count on {@code phone}, and backs it up. */
        @Override
        public void start(Terminal phone, BaseStation station, TerminalSide terminals, long label) {
            phone.store(UserData.synthetic(userDataBytes, recordCount, label));
            terminals.startBackup(phone, station);
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

        /** A new, empty phone of the number: the replacement phone the data is restored to. */
        @Override
        public Terminal phone(Phones ownPhones) {
            return Terminal.empty(terminalNumber);
        }

        @Override
        public void start(Terminal phone, BaseStation station, TerminalSide terminals, long label) {
            terminals.startDownload(phone, storedNumber, station);
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
