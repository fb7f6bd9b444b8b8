package io.radiolink.protocol;

/**
 * Where the shared {@link Message.DataFrame}s and {@link Message.Ack}s of the first sequences and rounds
 * sit: 2^15 sequences (45 MB of 1,400-byte frames) in rounds 0 and 1.
 */
final class SharedFrames {

    private static final int SEQUENCES = 1 << 15;
    private static final int ROUNDS = 2;
    static final int SIZE = SEQUENCES * ROUNDS;

    private SharedFrames() {}

    /** The slot of (sequence, round), or -1 if they are not shared. */
    static int index(int sequence, int round) {
        return sequence >= 0 && sequence < SEQUENCES && round >= 0 && round < ROUNDS
                ? round * SEQUENCES + sequence : -1;
    }
}
