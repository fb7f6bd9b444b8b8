package io.radiolink.protocol;

/** The two automatic-repeat-request schemes the data transfer can use. */
public enum ArqMode {
    /** One frame in flight; the next leaves when the previous one is acknowledged. */
    STOP_AND_WAIT,
    /** Up to a window of frames in flight, each acknowledged and retransmitted on its own. */
    SELECTIVE_REPEAT
}
