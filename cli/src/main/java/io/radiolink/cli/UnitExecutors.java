package io.radiolink.cli;

import io.radiolink.run.UnitExecutor;
import io.radiolink.scenario.ResolvedScenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What computes a {@code run}'s units (docs/spark.md, section 2): this JVM's threads ({@link #THREADS}, the
 * command's own), or an executor an embedding application gives
 * {@link Main#execute(String[], java.io.PrintWriter, java.io.PrintWriter, java.util.Map, UnitExecutors)} (the
 * spark module's). Everything else of the run, its folder, units, resume and reports, is the command's.
 */
public interface UnitExecutors {

    /** An executor opened for one run; closed once its units are computed, before the reports are written. */
    interface Opened extends UnitExecutor, AutoCloseable {

        @Override
        void close() throws IOException;
    }

    /** The run's units on {@code --threads} threads of this JVM. */
    UnitExecutors THREADS = (threads, scratch) -> new Opened() {
        private final UnitExecutor pool = UnitExecutor.threads(threads);

        @Override
        public void run(ResolvedScenario scenario, List<UnitTask> tasks, Finished finished) throws IOException {
            pool.run(scenario, tasks, finished);
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return pool.toString();
        }
    };

    /**
     * The executor of one run on {@code threads} threads (the command's {@code --threads}, or the cores). It may
     * keep scratch files in {@code scratch}, a folder of the run folder it makes if it needs one
     * ({@value RunFolderFiles#SCRATCH}, which the run removes after {@link Opened#close()}, and a resume after
     * a kill): the only place it may write.
     */
    Opened open(int threads, Path scratch) throws IOException;
}
