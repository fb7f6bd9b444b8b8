package io.radiolink.node;

import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a subscriber's SIM shares with the network's authentication centre, as GSM's Ki or AKA's K:
 * 256 bits that key the SIM-keyed proofs and seal a first backup's verifier ({@link PasswordVerifier}). It
 * never travels in a message; the terminal holds it in its SIM, the station gets it from the network.
 *
 * <p>The model provisions it per replication and phone number from the random stream
 * {@link StreamPurpose#SIM_KEY} (entity: the phone number's digits), so it is a deterministic fixture of a
 * simulated subscriber: whoever knows the scenario's seed can compute it, as whoever reads the scenario knows
 * its passwords. The adversary the model defends against sees the air only (threat model in
 * {@code docs/protocol.md}).
 */
public final class SimKey {

    private static final String HMAC = "HmacSHA256";
    private static final int BYTES = 32;

    private final byte[] key;

    private SimKey(byte[] key) {
        this.key = key;
    }

    /** The key of the SIM of {@code phone} in the replication of {@code streams}. */
    public static SimKey provisioned(RandomStreams streams, PhoneNumber phone) {
        Objects.requireNonNull(phone, "phone");
        RandomGenerator random = streams.stream(StreamPurpose.SIM_KEY, phone.digits(), 0);
        ByteBuffer key = ByteBuffer.allocate(BYTES);
        while (key.hasRemaining()) {
            key.putLong(random.nextLong());
        }
        return new SimKey(key.array());
    }

    /**
     * HMAC-SHA256 under this key of {@code label} (a purpose, so that a proof is never a sealing pad),
     * {@code nonce} and {@code data}.
     */
    byte[] mac(String label, long nonce, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(nonce).array());
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }

    @Override
    public String toString() {
        return "SimKey[***]";
    }
}
