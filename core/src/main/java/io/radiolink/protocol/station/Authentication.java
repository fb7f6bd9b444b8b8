package io.radiolink.protocol.station;

import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StoredBackup;
import io.radiolink.protocol.AuthMode;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.Challenge;
import io.radiolink.protocol.Message.ChallengeResponse;
import io.radiolink.protocol.Message.Request;

/**
 * A session's check of who may act on a phone number ({@code docs/protocol.md}, threat model): the
 * lock-out, the challenge and its nonce, the password or proof against a stored copy's verifier, and the
 * enrolment of a first backup's verifier. Every attempt is counted in the station's store's count ({@link
 * StoreAccess#guard}: under network storage, or station storage with peer fetch, one count shared by every
 * station) and told to the station's
 * authentication listener, as this station's.
 */
final class Authentication {

    private final StationSide side;
    /** The SIM on the connection, which the radio layer authenticated at set-up (outside this model). */
    private final PhoneNumber subscriber;
    private long nonce;

    Authentication(StationSide side, PhoneNumber subscriber) {
        this.side = side;
        this.subscriber = subscriber;
    }

    private AuthMode mode() {
        return side.config().auth().mode();
    }

    /** True if the station challenges instead of taking a password from the request. */
    boolean challenges() {
        return mode().challenges();
    }

    /** A challenge with a fresh nonce, which the session's answer must prove. */
    Challenge challenge() {
        nonce = side.nextNonce();
        return new Challenge(nonce);
    }

    /**
     * True if {@code request}'s number is locked out now, which is then told as a rejection: the answer
     * is the same as a wrong password's, whatever is stored (a locked number reveals nothing).
     */
    boolean lockedOut(Request request) {
        PhoneNumber phone = request.phoneNumber();
        double now = side.scheduler().nowSeconds();
        if (!side.guard().isLocked(phone, now)) {
            return false;
        }
        side.station().authListener().rejected(side.station().id(), phone, true, now);
        return true;
    }

    /** True if the proof in {@code answer} is {@code verifier}'s for this session's nonce and SIM. */
    private boolean proves(PasswordVerifier verifier, ChallengeResponse answer) {
        return PasswordVerifier.sameProof(mode().proof(verifier, side.simKey(subscriber), nonce), answer.proof());
    }

    /**
     * True if the request's password, or {@code answer}'s proof (non-null under a challenge), matches
     * {@code copy}'s verifier; counts the attempt either way.
     */
    boolean authenticates(StoredBackup copy, Request request, ChallengeResponse answer) {
        PhoneNumber phone = copy.phoneNumber();
        boolean matches = answer != null ? proves(copy.verifier(), answer)
                : copy.verifier().matches(phone, passwordOf(request));
        return counted(phone, matches);
    }

    /**
     * The verifier a first backup of a number enrols: that of the password in the request, or the one
     * sealed in the challenge's answer, unsealed with the key of the number's own SIM, if the answer's proof
     * is its proof; null otherwise (not sealed by that SIM, or not belonging to the proof). So under a
     * challenge only the number's SIM can enrol it.
     */
    PasswordVerifier enrolment(BackupRequest request, ChallengeResponse answer) {
        if (answer == null) {
            return PasswordVerifier.of(request.phoneNumber(), passwordOf(request));
        }
        return PasswordVerifier.unsealed(answer.enrolment(), side.simKey(request.phoneNumber()), nonce)
                .filter(verifier -> proves(verifier, answer)).orElse(null);
    }

    /** Counts an attempt on {@code phone}: a success resets its failures, a failure is told and may lock it. */
    boolean counted(PhoneNumber phone, boolean matches) {
        double now = side.scheduler().nowSeconds();
        if (matches) {
            side.guard().succeeded(phone);
            side.station().authListener().succeeded(side.station().id(), phone, now);
        } else {
            side.station().authListener().rejected(side.station().id(), phone, false, now);
            if (side.guard().failed(phone, now)) {
                side.station().authListener().lockedOut(side.station().id(), phone, now);
            }
        }
        return matches;
    }

    private static String passwordOf(Request request) {
        return request.password() == null ? "" : request.password();
    }
}
