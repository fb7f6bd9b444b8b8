package io.radiolink.cli;

import java.util.List;

/**
 * The folder rules in one table: what {@code radiolink run} does, by what the place it writes holds (a row)
 * and how it was asked (a column: plain, {@code --resume}, {@code --fresh}). {@link OutputFolder} decides by
 * it; the README and {@code docs/design.md} print it, and {@code RunFolderTableDocumentationTest} checks
 * that they print this one.
 */
enum RunFolderTable {

    /** No {@code DIR}, or an empty one, and no run folder beside it. */
    NONE("nothing, or an empty folder", Cell.RUN, Cell.RUN, Cell.RUN),
    /** {@code DIR} is radiolink's finished run of this scenario name, every file as radiolink wrote it. */
    FINISHED("a finished radiolink run of this scenario name", Cell.REPLACE_BY_NEW, Cell.REUSE_UNITS,
            Cell.REPLACE),
    /** The run folder {@code .DIR.radiolink-run} is radiolink's unfinished run of this scenario name. */
    UNFINISHED("an unfinished radiolink run", Cell.REFUSE_USE_RESUME_OR_FRESH, Cell.CONTINUE, Cell.DISCARD),
    /** Anything else: another scenario's folder, files radiolink did not write, a link, a file. */
    OTHER("anything else", Cell.REFUSE_EXIT_2, Cell.REFUSE, Cell.REFUSE);

    /** How a run was asked: a column of the table. */
    enum Mode {
        PLAIN("plain `run`"),
        RESUME("`run --resume`"),
        FRESH("`run --fresh`");

        final String heading;

        Mode(String heading) {
            this.heading = heading;
        }
    }

    /** What a run does: a cell of the table, as the README words it. */
    enum Cell {
        /** Runs every unit into a new run folder and publishes it as {@code DIR}. */
        RUN("run"),
        /** As {@link #RUN}, replacing {@code DIR} at the end. */
        REPLACE_BY_NEW("replace it with a complete new one"),
        /** As {@link #REPLACE_BY_NEW}. */
        REPLACE("replace"),
        /**
         * Refuses unless {@code DIR} is of this run's identity; then a new run folder takes {@code DIR}'s units
         * (hard links), runs the rest and replaces {@code DIR} at the end.
         */
        REUSE_UNITS("reuse matching units, run the rest; another identity: refuse"),
        /** Refuses unless the run folder is of this run's identity; then the run goes on in it. */
        CONTINUE("continue (another identity: refuse)"),
        /** Removes the run folder whole, then runs as {@link #RUN}. */
        DISCARD("discard it, run"),
        /** Refuses, telling how to go on. */
        REFUSE_USE_RESUME_OR_FRESH("refuse: \"use --resume or --fresh\""),
        /** Refuses. */
        REFUSE_EXIT_2("refuse (exit 2)"),
        /** As {@link #REFUSE_EXIT_2}. */
        REFUSE("refuse");

        final String text;

        Cell(String text) {
            this.text = text;
        }
    }

    /** What the place holds, in the README's words. */
    final String holds;
    private final List<Cell> cells;

    RunFolderTable(String holds, Cell plain, Cell resume, Cell fresh) {
        this.holds = holds;
        this.cells = List.of(plain, resume, fresh);
    }

    /** What a run asked so does here. */
    Cell cell(Mode mode) {
        return cells.get(mode.ordinal());
    }

    /** The table in Markdown, as the README and docs/design.md print it. */
    static String markdown() {
        StringBuilder table = new StringBuilder("| the folder holds |");
        for (Mode mode : Mode.values()) {
            table.append(' ').append(mode.heading).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(Mode.values().length)).append('\n');
        for (RunFolderTable row : values()) {
            table.append("| ").append(row.holds).append(" |");
            for (Mode mode : Mode.values()) {
                table.append(' ').append(row.cell(mode).text).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }
}
