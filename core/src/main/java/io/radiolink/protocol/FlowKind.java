package io.radiolink.protocol;

/** The two flows of the method. */
public enum FlowKind {
    /** Terminal A sends its user data to the base station (claims 2-5). */
    BACKUP,
    /** Terminal B fetches the user data stored under a phone number (claims 6-10). */
    DOWNLOAD
}
