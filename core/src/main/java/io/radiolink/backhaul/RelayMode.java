package io.radiolink.backhaul;

/** How a station relays an object between the air and its backhaul (see {@link Relay}). */
public enum RelayMode {
    /** The station receives the whole object, then sends it over the backhaul as one message. */
    STORE_AND_FORWARD,
    /** The station sends each piece (frame) over the backhaul as it arrives, one message per piece. */
    STREAMED;

    /** The name a scenario file uses: {@code storeAndForward} or {@code streamed}. */
    @Override
    public String toString() {
        return switch (this) {
            case STORE_AND_FORWARD -> "storeAndForward";
            case STREAMED -> "streamed";
        };
    }
}
