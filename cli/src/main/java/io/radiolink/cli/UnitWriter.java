package io.radiolink.cli;

import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.run.unit.UnitStore;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes each finished unit into the run folder ({@link UnitStore#write}) on a thread of its own, so that
 * the simulation threads do not wait for the disk: forcing a unit's file to disk takes milliseconds (about
 * 7.5 ms per file on this machine's disk), as long as a short unit's whole simulation. One thread writes
 * every unit, in the order they finish; a unit finished and not yet written when the run is killed is
 * simply run again by {@code --resume}. The first failure ends the run: it is thrown by the next
 * {@link #finished} or by {@link #awaitWritten}. Public only so that bench's {@code UnitWriteCost} measures
 * the run's own writer.
 */
public final class UnitWriter implements ScenarioRunner.UnitSink, AutoCloseable {

    private final UnitStore store;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread writer = new Thread(runnable, "radiolink-unit-writer");
        writer.setDaemon(true);
        return writer;
    });
    /** The first write that failed. Guarded by this. */
    private IOException failure;

    /** A writer into {@code store}. */
    public UnitWriter(UnitStore store) {
        this.store = store;
    }

    @Override
    public void finished(UnitResult unit, double seriesBinSeconds) throws IOException {
        rethrow();
        thread.execute(() -> {
            try {
                store.write(unit, seriesBinSeconds);
            } catch (IOException e) {
                failed(e);
            } catch (RuntimeException e) {
                // A unit the codec cannot write (a defect): the run must not end as if it had been written.
                failed(new IOException("cannot write unit (point " + unit.point() + ", replication "
                        + unit.replication() + "): " + e, e));
            }
        });
    }

    /** Waits until every unit given is written, and throws the first failure if a write failed. */
    public void awaitWritten() throws IOException {
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                // a slow disk: keep waiting, every unit given is on its way
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the units were written", e);
        }
        rethrow();
    }

    /** Stops writing: the units not yet written are dropped (a resume runs them again). */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    private synchronized void failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }

    private synchronized void rethrow() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }
}
