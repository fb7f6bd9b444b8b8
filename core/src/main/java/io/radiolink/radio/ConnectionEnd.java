package io.radiolink.radio;

/** How a connection ended, as both sides learn it. */
public enum ConnectionEnd {
    /** The terminal asked for the release and it completed. */
    RELEASED_BY_TERMINAL,
    /** The network asked for the release and it completed. */
    RELEASED_BY_STATION,
    /** A radio link failure dropped the connection. */
    DROPPED,
    /** The base station went down. */
    STATION_DOWN
}
