package io.radiolink.run.unit;

import java.nio.file.Path;
import java.util.List;

/**
 * A part whose units cannot be merged ({@link PartUnits#gather}): its kind, the files it concerns, and a
 * one-line message naming the part and the file.
 */
public final class PartException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a part's units are refused. */
    public enum Kind {
        /** The part given is not a folder. */
        NOT_A_FOLDER,
        /** A unit's header names another model identity or other class files. */
        OTHER_IDENTITY,
        /** A unit file is torn, corrupt or misnamed ({@link UnitProblem}, identity aside). */
        INVALID_UNIT,
        /** A file or folder under {@code units/} that radiolink does not write. */
        FOREIGN_FILE,
        /** One unit in two files whose payloads differ. */
        DIFFERENT_DUPLICATE
    }

    private final Kind kind;
    private final transient List<Path> files;

    PartException(Kind kind, String message, Path... files) {
        super(message);
        this.kind = kind;
        this.files = List.of(files);
    }

    /** Why the part is refused. */
    public Kind kind() {
        return kind;
    }

    /** The files concerned: the part, one file, or for {@link Kind#DIFFERENT_DUPLICATE} both. */
    public List<Path> files() {
        return files;
    }
}
