package io.radiolink.cli;

import io.radiolink.run.unit.UnitStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a place on disk holds, as a run of one scenario sees it: nothing, an empty folder, radiolink's
 * folder of this scenario (with or without files radiolink did not write), radiolink's folder of another
 * scenario, or something that is not radiolink's. {@link OutputFolder} decides from it, by the rows of
 * {@link RunFolderTable}, what a run does.
 *
 * @param kind what the place holds
 * @param marker radiolink's marker there, if any
 * @param otherFiles the entries radiolink did not write there, sorted: all of them when there is no marker,
 *     else those its marker does not list and those it lists that are not plain files (a folder, a link),
 *     and, in a finished run's {@code units/}, anything that is not a unit (paths relative to the place)
 * @param changedFiles the plain files its marker lists whose size or SHA-256 is no longer what radiolink
 *     wrote (a report the user annotated, a plot they replaced), sorted: the user's now
 * @param damagedUnits in a finished run's {@code units/}, why each unit that is no longer valid under the
 *     marker's identity is not (cut short, another checksum, ...): the user's now, like a changed file
 * @param units the valid units of a finished run, in unit order; empty for anything else
 */
record FolderState(Kind kind, Optional<FolderMarker> marker, List<String> otherFiles, List<String> changedFiles,
        List<String> damagedUnits, List<UnitStore.Found.Unit> units) {

    /** What a place holds. */
    enum Kind {
        /** Nothing: no file or folder by that name. */
        ABSENT,
        /** An empty folder. */
        EMPTY,
        /**
         * A folder of radiolink's for this scenario, holding nothing but the files its marker lists, as
         * plain files, each as radiolink wrote it, and, if it is finished, its valid units.
         */
        OURS,
        /**
         * A folder of radiolink's for this scenario that also holds files radiolink did not write, or that
         * changed since it wrote them.
         */
        OURS_WITH_OTHER_FILES,
        /** A folder of radiolink's for another scenario. */
        OTHER_SCENARIO,
        /**
         * A folder holding only the marker's temporary file, with the start of the first marker a run of this
         * scenario writes: the run was killed while writing it.
         */
        STARTED_CUT_SHORT,
        /** A folder with entries and no marker of radiolink's. */
        NOT_RADIOLINKS,
        /** A symbolic link (radiolink neither follows nor replaces one). */
        SYMBOLIC_LINK,
        /** A file or anything else that is not a folder. */
        NOT_A_FOLDER
    }

    private FolderState(Kind kind, Optional<FolderMarker> marker, List<String> otherFiles) {
        this(kind, marker, otherFiles, List.of(), List.of(), List.of());
    }

    /** What {@code place} holds, seen by a run of {@code scenario}. */
    static FolderState of(Path place, String scenario) throws IOException {
        if (Files.isSymbolicLink(place)) {
            return new FolderState(Kind.SYMBOLIC_LINK, Optional.empty(), List.of());
        }
        if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
            return new FolderState(Kind.ABSENT, Optional.empty(), List.of());
        }
        if (!Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
            return new FolderState(Kind.NOT_A_FOLDER, Optional.empty(), List.of());
        }
        List<String> entries = entries(place);
        if (entries.isEmpty()) {
            return new FolderState(Kind.EMPTY, Optional.empty(), List.of());
        }
        Optional<FolderMarker> marker = FolderMarker.readFrom(place);
        if (marker.isEmpty()) {
            boolean cutShort = entries.equals(List.of(FolderMarker.NEXT_FILE_NAME))
                    && FolderMarker.startedCutShort(place, scenario);
            return new FolderState(cutShort ? Kind.STARTED_CUT_SHORT : Kind.NOT_RADIOLINKS, marker, entries);
        }
        if (!marker.get().scenario().equals(scenario)) {
            return new FolderState(Kind.OTHER_SCENARIO, marker, List.of());
        }
        // radiolink writes only plain files into its folders: a folder or a link by a listed name is someone
        // else's, and so is a listed file no longer as radiolink wrote it.
        List<String> other = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        List<UnitStore.Found.Unit> units = new ArrayList<>();
        for (String name : entries) {
            if (name.equals(FolderMarker.FILE_NAME)) {
                continue;
            }
            Path entry = place.resolve(name);
            Optional<FolderMarker.WrittenFile> written = marker.get().file(name);
            Optional<FolderMarker.Run> finishedRun = marker.get().state() == FolderMarker.State.FINISHED
                    ? marker.get().run() : Optional.empty();
            if (name.equals(UnitStore.FOLDER) && finishedRun.isPresent()
                    && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                readUnits(place, finishedRun.get().identity(), other, damaged, units);
            } else if (written.isEmpty() || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                other.add(name);
            } else if (!written.get().isUnchanged(entry)) {
                changed.add(name);
            }
        }
        Kind kind = other.isEmpty() && changed.isEmpty() && damaged.isEmpty() ? Kind.OURS : Kind.OURS_WITH_OTHER_FILES;
        return new FolderState(kind, marker, other.stream().sorted().toList(), List.copyOf(changed),
                List.copyOf(damaged), List.copyOf(units));
    }

    /**
     * Sorts the entries of a finished run's {@code units/} under {@code place}: its valid units (of the
     * marker's {@code identity}) into {@code units}, the others' reasons into {@code damaged}, and anything
     * that is not a unit (a leftover temporary file, which a finished run does not leave, or a file radiolink
     * did not write) into {@code other}.
     */
    private static void readUnits(Path place, FolderMarker.Identity identity, List<String> other,
            List<String> damaged, List<UnitStore.Found.Unit> units) throws IOException {
        for (UnitStore.Found found : UnitStore.in(place, identity.units()).scan()) {
            if (found instanceof UnitStore.Found.Unit unit) {
                if (unit.read() instanceof UnitStore.Read.Invalid invalid) {
                    damaged.add(invalid.message());
                } else {
                    units.add(unit);
                }
            } else {
                other.add(relative(place, found.file()));
            }
        }
    }

    /** {@code file} as a path inside {@code place}, with {@code /} between names. */
    static String relative(Path place, Path file) {
        Path inside = place.toAbsolutePath().relativize(file.toAbsolutePath());
        return inside.toString().replace(inside.getFileSystem().getSeparator(), "/");
    }

    /**
     * Why a run of {@code scenario} leaves this place alone, in a few words, calling radiolink's folder its
     * {@code noun} ("output", "unfinished run"); null where it would not.
     */
    String why(String scenario, String noun) {
        return switch (kind) {
            case ABSENT, EMPTY -> null;
            case OURS -> marker.orElseThrow().state() == FolderMarker.State.FINISHED ? null : "is radiolink's unfinished"
                    + " run of '" + scenario + "' (a run folder moved there?), not a finished " + noun;
            case OURS_WITH_OTHER_FILES -> "is radiolink's " + noun + " of '" + scenario + "' but " + String.join(
                    ", and ", users());
            case OTHER_SCENARIO -> "is radiolink's " + noun + " of scenario '" + marker.orElseThrow().scenario()
                    + "', not of '" + scenario + "'";
            case STARTED_CUT_SHORT -> "holds only " + FolderMarker.NEXT_FILE_NAME + ", the start of the marker a"
                    + " killed run was writing, and no " + noun;
            case NOT_RADIOLINKS -> "holds " + named(otherFiles) + " and no readable " + FolderMarker.FILE_NAME
                    + ", so it is not radiolink's";
            case SYMBOLIC_LINK -> "is a symbolic link";
            case NOT_A_FOLDER -> "exists and is not a folder";
        };
    }

    /** What in radiolink's folder is the user's, in a few words each: files it did not write, files changed since. */
    private List<String> users() {
        List<String> users = new ArrayList<>();
        if (!otherFiles.isEmpty()) {
            users.add("also holds " + named(otherFiles) + ", which radiolink did not write");
        }
        if (!changedFiles.isEmpty()) {
            users.add(named(changedFiles) + (changedFiles.size() == 1 ? " changed since radiolink wrote it"
                    : " changed since radiolink wrote them") + " (size or SHA-256)");
        }
        if (!damagedUnits.isEmpty()) {
            users.add(damagedUnits.get(0) + (damagedUnits.size() == 1 ? "" : " (and " + (damagedUnits.size() - 1)
                    + " more units)") + ", so it changed since radiolink wrote it");
        }
        return users;
    }

    /** The sorted names of the entries of {@code folder}. */
    static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** True if {@code name} is one entry of a folder: not empty, no separator, not {@code .} or {@code ..}. */
    static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    /** {@code 'a'}, {@code 'a' and 'b'}, or {@code 'a', 'b' and 3 more}. */
    private static String named(List<String> names) {
        String first = quoted(names.get(0));
        return switch (names.size()) {
            case 1 -> first;
            case 2 -> first + " and " + quoted(names.get(1));
            default -> first + ", " + quoted(names.get(1)) + " and " + (names.size() - 2) + " more";
        };
    }

    /** {@code 'name'}, control characters written as {@code \}{@code u....} so that a message stays one line. */
    private static String quoted(String name) {
        StringBuilder s = new StringBuilder("'");
        for (char c : name.toCharArray()) {
            s.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return s.append('\'').toString();
    }
}
