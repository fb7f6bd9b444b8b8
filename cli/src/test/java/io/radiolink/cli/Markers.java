package io.radiolink.cli;

import io.radiolink.run.CodeIdentity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Markers for tests that make folders by hand: of a fixed run, and of version 2 (an output before units). */
final class Markers {

    /** An identity no real run has. */
    static final FolderMarker.Identity IDENTITY = new FolderMarker.Identity("1".repeat(64),
            new CodeIdentity("0.0.0-test", null, null, "2".repeat(64)));

    /** A run of {@link #IDENTITY} with one replication and each point's default series width. */
    static final FolderMarker.Run RUN = new FolderMarker.Run(IDENTITY, "3".repeat(64), 1, OptionalDouble.empty(),
            Optional.empty(), false);

    private Markers() {}

    /** The first marker a run of {@code scenario} that is {@link #RUN} writes. */
    static FolderMarker started(String scenario) {
        return FolderMarker.started(scenario, RUN);
    }

    /** A version 2 marker of {@code scenario} listing {@code files}. */
    static FolderMarker version2(String scenario, List<FolderMarker.WrittenFile> files) {
        return new FolderMarker(scenario, FolderMarker.State.FINISHED, Optional.empty(), files);
    }
}
