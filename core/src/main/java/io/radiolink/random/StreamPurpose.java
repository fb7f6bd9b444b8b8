package io.radiolink.random;

/**
 * What a random stream is drawn for: the closed set of purposes the model draws from, each with the name
 * that {@link RandomStreams} hashes into the stream's seed. The names are part of every recorded result:
 * renaming one changes its streams. The table of purposes in {@code docs/design.md} lists these constants
 * in this order, with the entity and instance each is keyed by.
 */
public enum StreamPurpose {
    /** Set-up failures of a cell. */
    SETUP("setup"),
    /** Times to radio link failure of a cell's connections. */
    RADIO_LINK_FAILURE("radio-link-failure"),
    /** Uplink loss of one connection. */
    LOSS_UPLINK("loss-uplink"),
    /** Downlink loss of one connection. */
    LOSS_DOWNLINK("loss-downlink"),
    /** A workload's inter-arrival times and subscriber picks. */
    ARRIVALS("arrivals"),
    /** One subscriber's data size and content label. */
    USER_DATA("user-data"),
    /** A workload's restore decisions and delays. */
    RESTORE("restore"),
    /** A workload's mistyped maintenance passwords. */
    PASSWORD_TYPO("password-typo"),
    /** A station's random outage start times and lengths. */
    OUTAGE("outage"),
    /** A station's challenge nonces. */
    NONCE("nonce"),
    /** The key of one phone number's SIM. */
    SIM_KEY("sim-key"),
    /** A cell's random-access preamble picks and back-off slots. */
    RANDOM_ACCESS("random-access"),
    /** The jitter of the back-offs of flows at a station: reconnections and retries of refused attempts. */
    BACKOFF("backoff"),
    /** Uplink corruption of one connection. */
    CORRUPTION_UPLINK("corruption-uplink"),
    /** Downlink corruption of one connection. */
    CORRUPTION_DOWNLINK("corruption-downlink"),
    /** Losses of one direction of a station's backhaul. */
    BACKHAUL_LOSS("backhaul-loss"),
    /** A station's backhaul's random outage start times and lengths. */
    BACKHAUL_OUTAGE("backhaul-outage"),
    /** A workload's stations of restores (relocation of the replacement phone). */
    RELOCATION("relocation"),
    /** Random outage start times and lengths of the network's subscriber store (entity {@code store}). */
    STORE_OUTAGE("store-outage");

    private final String id;

    StreamPurpose(String id) {
        this.id = id;
    }

    /** The name hashed into the stream seed, e.g. {@code loss-uplink}. */
    public String id() {
        return id;
    }
}
