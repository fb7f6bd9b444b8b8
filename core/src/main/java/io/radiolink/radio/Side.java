package io.radiolink.radio;

/** The two ends of a connection. */
public enum Side {
    /** The mobile terminal. */
    TERMINAL,
    /** The base station (the network). */
    STATION
}
