package io.radiolink.protocol;

import io.radiolink.node.ContentDigest;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.UserData;
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
     * Terminal A asks to back up its data under its phone number (claims 2, 5); {@code password} is null
     * under challenge-response, where the password never crosses the air.
     */
    record BackupRequest(PhoneNumber phoneNumber, String password, UserData data) implements Message {
        /** Checks for nulls. */
        public BackupRequest {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * The station's response to a backup request (claim 2). To an authenticated terminal it also tells
     * the digest of the copy stored under the number now ({@code storedDigest}, null if none), from which
     * a terminal whose earlier backup ended without the station's complete learns whether it committed.
     */
    record BackupResponse(Admission admission, ContentDigest storedDigest) implements Message {
        /** A response that tells nothing of the stored copy. */
        public BackupResponse(Admission admission) {
            this(admission, null);
        }
    }

    /**
     * Terminal B asks for the data stored under a phone number (claims 6, 10); {@code password} is null
     * under challenge-response.
     */
    record DownloadRequest(PhoneNumber phoneNumber, String password) implements Message {
        /** Checks for nulls. */
        public DownloadRequest {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
        }
    }

    /** Challenge-response: the station's nonce for the terminal to answer. */
    record Challenge(long nonce) implements Message {}

    /**
     * Challenge-response: the terminal's proof for the nonce, and the verifier a first backup of the
     * number is stored with (a salted hash, never the password).
     */
    record ChallengeResponse(String proof, PasswordVerifier verifier) implements Message {
        /** Checks for nulls. */
        public ChallengeResponse {
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(verifier, "verifier");
        }
    }

    /** The station's response to a download request; {@code data} is null unless accepted. */
    record DownloadResponse(Admission admission, UserData data) implements Message {}

    /** Data frame {@code sequence} (0-based) of a transfer. */
    record DataFrame(int sequence) implements Message {}

    /** Acknowledges data frame {@code sequence}. */
    record Ack(int sequence) implements Message {}

    /** The terminal's complete command (claims 3, 7). */
    record TerminalComplete() implements Message {}

    /** The station's complete command, answering the terminal's (claims 3, 7). */
    record StationComplete() implements Message {}

    /** The station's answer to a backup's complete command when the received object's digest did not match. */
    record IntegrityFailure() implements Message {}
}
