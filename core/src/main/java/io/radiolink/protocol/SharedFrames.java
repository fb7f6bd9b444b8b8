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

    /** Makes the message of a sequence and a round. */
    interface Maker<T> {
        T make(int sequence, int round);
    }

    /**
     * The message of (sequence, round) from {@code table}, made and kept on first use; made afresh if
     * the pair is beyond the shared ones. Racing threads may each store an equal instance: immutable
     * values, harmless.
     */
    static <T> T shared(T[] table, int sequence, int round, Maker<T> maker) {
        if (sequence < 0 || sequence >= SEQUENCES || round < 0 || round >= ROUNDS) {
            return maker.make(sequence, round);
        }
        int index = round * SEQUENCES + sequence;
        T message = table[index];
        if (message == null) {
            message = maker.make(sequence, round);
            table[index] = message;
        }
        return message;
    }
}
