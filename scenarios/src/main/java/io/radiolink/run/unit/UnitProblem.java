package io.radiolink.run.unit;

/**
 * Why a file under {@code units/} is not a valid unit (docs/runs.md, section 1). {@link UnitStore#read}
 * checks in the order: size, magic, version, model, code, size against the header, checksum, name,
 * payload; a file has the first problem found. The identity is checked before the size and the checksum,
 * so that a torn or corrupt file whose header names another run is refused, never deleted.
 */
public enum UnitProblem {
    /**
     * Shorter than a header and a checksum (100 bytes) and, as far as it goes, the start of a unit: a
     * zero-length file, or one starting with the magic's first bytes (a shorter file starting otherwise is
     * {@link #NOT_A_UNIT}).
     */
    TOO_SHORT,
    /** Does not start with the magic {@code RLU1}. */
    NOT_A_UNIT,
    /** A unit of another container format version. */
    OTHER_FORMAT_VERSION,
    /** The size is not the header's 96 + payload length + 4: cut short by a crash or a copy, or grown. */
    CUT_SHORT,
    /** The CRC-32C of the header and payload does not match the trailer. */
    CHECKSUM,
    /** The header's point and replication are not the file name's. */
    NAME_MISMATCH,
    /** The header's flags or series width are invalid, or the payload does not decode to exactly its length. */
    UNDECODABLE,
    /** The header names another model identity: another run's unit, which a resume never deletes. */
    OTHER_MODEL,
    /** The header names other class files: a unit of other code, which a resume never deletes. */
    OTHER_CODE;

    /**
     * Whether a write of radiolink's cut by a crash can leave this problem (too short, cut short, a wrong
     * checksum): a resume deletes such a unit and runs it again. The others are files radiolink did not
     * write as they are, and a resume refuses them (docs/runs.md, section 1).
     */
    public boolean torn() {
        return this == TOO_SHORT || this == CUT_SHORT || this == CHECKSUM;
    }

    /** Whether the header names another identity: radiolink's unit of another run, never deleted by a resume. */
    public boolean ofAnotherIdentity() {
        return this == OTHER_MODEL || this == OTHER_CODE;
    }
}
