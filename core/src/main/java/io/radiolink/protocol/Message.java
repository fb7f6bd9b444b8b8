package io.radiolink.protocol;

import io.radiolink.node.ContentDigest;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.UserData;
import java.util.BitSet;
import java.util.Objects;

/**
 * Everything the protocol sends over the air. Control messages and acknowledgements occupy one
 * control frame of the sending direction; a data frame occupies a header plus its share of the
 * payload.
 *
 * <p>Frames carry sizes, not bits: the request and response that announce a transfer carry the
 * {@link UserData} value itself, which the receiver adopts once every frame has arrived.
 */
public sealed interface Message {

    /**
     * The request a flow opens with, one kind per {@link FlowKind}: it names the phone number the data is
     * stored under and carries the typed password (null under challenge-response, where a proof answers
     * the station's challenge instead). A station answers each kind with its own handler, reached through
     * {@link #accept}: a new kind does not compile until every {@link Visitor} handles it.
     */
    sealed interface Request extends Message permits BackupRequest, DownloadRequest {

        /** The phone number the data is stored under. */
        PhoneNumber phoneNumber();

        /** The typed password, or null when the station challenges instead. */
        String password();

        /** The flow kind this request opens. */
        FlowKind kind();

        /** This kind's response refusing the request with {@code admission}, telling nothing else. */
        Message rejection(Admission admission);

        /** Calls the visitor's method for this kind. */
        <R> R accept(Visitor<R> visitor);

        /** One method per request kind. */
        interface Visitor<R> {
            R backup(BackupRequest request);

            R download(DownloadRequest request);
        }
    }

    /**
     * Terminal A asks to back up its data under its phone number (claims 2, 5); {@code password} is null
     * under challenge-response, where the password never crosses the air.
     */
    record BackupRequest(PhoneNumber phoneNumber, String password, UserData data) implements Request {
        /** Checks for nulls. */
        public BackupRequest {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public FlowKind kind() {
            return FlowKind.BACKUP;
        }

        @Override
        public BackupResponse rejection(Admission admission) {
            return new BackupResponse(admission);
        }

        @Override
        public <R> R accept(Request.Visitor<R> visitor) {
            return visitor.backup(this);
        }

        /** Shows whether a password is carried, never the password. */
        @Override
        public String toString() {
            return "BackupRequest[phoneNumber=" + phoneNumber + ", password=" + masked(password) + ", data=" + data + "]";
        }
    }

    /**
     * The station's response to a backup request (claim 2). To an authenticated terminal it also tells
     * the digest of the copy stored under the number now ({@code storedDigest}, null if none), from which
     * a terminal whose earlier backup ended without the station's complete learns whether it committed.
     * An accepted backup starts at frame {@code resumeFromFrame}: 0, or the verified prefix of a partial
     * upload of the same data the station kept ({@link ResumeConfig}).
     */
    record BackupResponse(Admission admission, ContentDigest storedDigest, int resumeFromFrame)
            implements Message {
        /** A response that tells nothing of the stored copy and resumes nothing. */
        public BackupResponse(Admission admission) {
            this(admission, null, 0);
        }
    }

    /**
     * Terminal B asks for the data stored under a phone number (claims 6, 10); {@code password} is null
     * under challenge-response. A reconnected download names the object it holds a verified prefix of
     * ({@code resumeDigest}, null if none) and the prefix's length in frames.
     */
    record DownloadRequest(PhoneNumber phoneNumber, String password, ContentDigest resumeDigest,
            int resumeFromFrame) implements Request {
        /** Checks for nulls. */
        public DownloadRequest {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
        }

        /** A request that resumes nothing. */
        public DownloadRequest(PhoneNumber phoneNumber, String password) {
            this(phoneNumber, password, null, 0);
        }

        @Override
        public FlowKind kind() {
            return FlowKind.DOWNLOAD;
        }

        @Override
        public DownloadResponse rejection(Admission admission) {
            return new DownloadResponse(admission, null, 0);
        }

        @Override
        public <R> R accept(Request.Visitor<R> visitor) {
            return visitor.download(this);
        }

        /** Shows whether a password is carried, never the password. */
        @Override
        public String toString() {
            return "DownloadRequest[phoneNumber=" + phoneNumber + ", password=" + masked(password) + ", resumeDigest="
                    + resumeDigest + ", resumeFromFrame=" + resumeFromFrame + "]";
        }
    }

    /** Challenge-response: the station's nonce for the terminal to answer. */
    record Challenge(long nonce) implements Message {}

    /**
     * Challenge-response: the terminal's proof for the nonce ({@link AuthMode#proof}) and, answering a
     * backup's challenge, {@code enrolment}: the verifier of the typed password {@link PasswordVerifier#sealed
     * sealed} under the terminal's SIM key and the nonce, which the station stores if it holds no copy of
     * the number yet (null for a download). Neither the password nor the verifier crosses the air.
     */
    record ChallengeResponse(String proof, String enrolment) implements Message {
        /** Checks for nulls. */
        public ChallengeResponse {
            Objects.requireNonNull(proof, "proof");
        }
    }

    /**
     * The station's response to a download request; {@code data} is null unless accepted. The transfer
     * starts at frame {@code startFrame}: the prefix the terminal asked to resume from if it holds a
     * prefix of this very object, else 0.
     */
    record DownloadResponse(Admission admission, UserData data, int startFrame) implements Message {}

    /** Data frame {@code sequence} (0-based over the object) sent in ARQ round {@code round}. */
    record DataFrame(int sequence, int round) implements Message {

        private static final DataFrame[] SHARED = new DataFrame[SharedFrames.SIZE];

        /**
         * The data frame, shared with every other use of the same sequence and round where they are
         * small (sending one allocates nothing in a long run); equal to {@code new DataFrame(...)}.
         */
        public static DataFrame of(int sequence, int round) {
            return SharedFrames.shared(SHARED, sequence, round, DataFrame::new);
        }
    }

    /** Acknowledges the copy of data frame {@code sequence} sent in round {@code round}. */
    record Ack(int sequence, int round) implements Message {

        private static final Ack[] SHARED = new Ack[SharedFrames.SIZE];

        /** The acknowledgement, shared as {@link DataFrame#of} shares frames. */
        public static Ack of(int sequence, int round) {
            return SharedFrames.shared(SHARED, sequence, round, Ack::new);
        }
    }

    /**
     * The receiver asks for repair round {@code round} (from 1): the chunks in {@code chunks} failed their
     * digest and are sent again.
     */
    record RepairRequest(int round, BitSet chunks) implements Message {
        /** Copies the chunks. */
        public RepairRequest {
            chunks = (BitSet) chunks.clone();
        }

        /** The chunks to send again (a copy). */
        @Override
        public BitSet chunks() {
            return (BitSet) chunks.clone();
        }
    }

    /** The terminal's complete command (claims 3, 7). */
    record TerminalComplete() implements Message {}

    /** The station's complete command, answering the terminal's (claims 3, 7). */
    record StationComplete() implements Message {}

    /** The station's answer to a backup's complete command when the received object's digest did not match. */
    record IntegrityFailure() implements Message {}

    /** A password as a message's text shows it: {@code ***}, or null when none is carried. */
    private static String masked(String password) {
        return password == null ? "null" : "***";
    }

}
