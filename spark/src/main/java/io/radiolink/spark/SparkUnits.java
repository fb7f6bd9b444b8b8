package io.radiolink.spark;

import io.radiolink.cli.UnitExecutors;
import io.radiolink.run.ModelIdentity;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitComputationException;
import io.radiolink.run.UnitResult;
import io.radiolink.run.unit.RecordCodec;
import io.radiolink.run.unit.UnitFormatException;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Units computed by Spark tasks (docs/spark.md, section 3): one partition per unit; each task rebuilds the
 * scenario from its file's bytes ({@link ScenarioSource}), checks the model identity, runs the unit as
 * {@link ScenarioRunner#runUnit} does and returns the unit codec's bytes; the driver decodes each result as its
 * partition finishes and tells it on the thread that called {@link #run}. Spark runs each partition's result
 * handler once, for its first successful attempt, so a retried or speculative task cannot tell a unit twice.
 */
final class SparkUnits implements UnitExecutors.Opened {

    /** How long the driver waits for the next result before it looks whether the job has failed. */
    private static final long POLL_MILLIS = 200;

    private final JavaSparkContext context;
    private final boolean stopOnClose;
    private final Fault fault;

    /**
     * Which task attempts fail before computing their unit: none in a run; the tests' way of making Spark retry
     * a task ({@code spark.task.maxFailures}), which must change nothing.
     */
    interface Fault extends Serializable {

        /** No attempt fails. */
        Fault NONE = (point, replication, attempt) -> false;

        /** Whether attempt {@code attempt} (from 0) of the task of that unit fails. */
        boolean fails(int point, int replication, int attempt);
    }

    /** Units on {@code context}'s executors; the context is stopped on {@link #close()} if {@code stopOnClose}. */
    SparkUnits(JavaSparkContext context, boolean stopOnClose) {
        this(context, stopOnClose, Fault.NONE);
    }

    /** As {@link #SparkUnits(JavaSparkContext, boolean)}, the attempts {@code fault} names failing. */
    SparkUnits(JavaSparkContext context, boolean stopOnClose, Fault fault) {
        this.context = Objects.requireNonNull(context, "context");
        this.stopOnClose = stopOnClose;
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    @Override
    public void run(ResolvedScenario scenario, List<UnitTask> tasks, Finished finished) throws IOException {
        if (tasks.isEmpty()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(scenario.source());
        } catch (IOException e) {
            throw new UnitComputationException("cannot read the scenario file " + scenario.source() + " again to send"
                    + " it to Spark's executors: " + e.getMessage(), e);
        }
        if (!ScenarioLoader.sha256Of(bytes).equals(scenario.sourceSha256())) {
            throw new UnitComputationException("the scenario file " + scenario.source() + " changed since it was"
                    + " loaded; run again", null);
        }
        ScenarioSource source = new ScenarioSource(scenario.source().getFileName().toString(), bytes, scenario.seed(),
                scenario.replications(), ModelIdentity.of(scenario).hex());
        List<Task> work = new ArrayList<>(tasks.size());
        for (UnitTask task : tasks) {
            work.add(new Task(task.point(), task.replication(), task.recordFlows(), task.seriesBinSeconds()));
        }
        JavaRDD<Task> rdd = context.parallelize(work, work.size());
        BlockingQueue<Indexed> results = new LinkedBlockingQueue<>();
        Fault faults = fault;
        Function1<scala.collection.Iterator<Task>, List<Computed>> compute = (Function1<scala.collection.Iterator<Task>,
                List<Computed>> & Serializable) partition -> computeAll(source, partition, faults);
        Function2<Object, List<Computed>, BoxedUnit> handler = (index, computed) -> {
            results.add(new Indexed((Integer) index, computed));
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        @SuppressWarnings("unchecked")
        scala.collection.immutable.Seq<Object> partitions = (scala.collection.immutable.Seq<Object>) (Object)
                CollectionConverters.asScala(IntStream.range(0, work.size()).boxed().toList()).toList();
        SimpleFutureAction<BoxedUnit> job = context.sc().submitJob(rdd.rdd(), compute, partitions, handler, done);
        List<byte[]> taken = new ArrayList<>(Collections.nCopies(work.size(), null));
        try {
            for (int told = 0; told < work.size(); ) {
                Indexed next = results.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (job.isCompleted() && results.isEmpty()) {
                        job.get(); // throws the job's failure
                        throw new IllegalStateException("the Spark job ended with " + told + " of " + work.size()
                                + " units computed");
                    }
                    continue;
                }
                if (!firstOf(taken, next)) {
                    continue;
                }
                for (Computed computed : next.computed()) {
                    finished.unit(decode(computed), computed.wallNanos());
                    told++;
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Spark job", e);
        } catch (SparkException e) {
            throw new UnitComputationException("the Spark job failed: " + firstLine(reason(e)), e);
        } catch (IOException | RuntimeException e) {
            job.cancel();
            throw e;
        }
    }

    /**
     * Whether {@code next} is the first result of its partition, whose digest {@code taken} keeps (not the bytes:
     * the driver holds no unit once told); a later one (Spark takes one attempt per partition, so there should be
     * none) is dropped if its bytes are the first's, and refused if not: a unit is a pure function, so two results
     * that differ are a nondeterminism to report, never to hide.
     */
    static boolean firstOf(List<byte[]> taken, Indexed next) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (Computed computed : next.computed()) {
            digest.update(computed.bytes());
            digest.update((byte) 0);
        }
        byte[] sha256 = digest.digest();
        byte[] first = taken.get(next.partition());
        if (first == null) {
            taken.set(next.partition(), sha256);
            return true;
        }
        if (!Arrays.equals(first, sha256)) {
            throw new UnitComputationException("two attempts of Spark partition " + next.partition() + " computed"
                    + " different units: a nondeterminism in the model, reported rather than hidden", null);
        }
        return false;
    }

    /**
     * The message that says why: {@code FutureAction.get} wraps the job's failure ("Exception thrown in
     * awaitResult"), whose message names the task, its attempts and the executor's exception.
     */
    private static String reason(Throwable failure) {
        Throwable reason = failure;
        while (reason.getCause() != null && (reason.getMessage() == null
                || reason.getMessage().startsWith("Exception thrown in awaitResult"))) {
            reason = reason.getCause();
        }
        return reason.getMessage();
    }

    /** The first line of Spark's message (its job failures go on with the executor's stack trace). */
    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse("").strip();
    }

    private static UnitResult decode(Computed computed) {
        try {
            return RecordCodec.decode(computed.bytes());
        } catch (UnitFormatException e) {
            throw new IllegalStateException("a Spark task returned a unit that does not decode: " + e.getMessage(), e);
        }
    }

    /** Runs a partition's units, on an executor. */
    private static List<Computed> computeAll(ScenarioSource source, scala.collection.Iterator<Task> partition,
            Fault fault) {
        ResolvedScenario scenario = source.scenario();
        List<Computed> computed = new ArrayList<>();
        while (partition.hasNext()) {
            Task task = partition.next();
            if (fault.fails(task.point(), task.replication(), TaskContext.get().attemptNumber())) {
                throw new IllegalStateException("attempt " + TaskContext.get().attemptNumber() + " of unit (point "
                        + task.point() + ", replication " + task.replication() + ") fails, as the test asked");
            }
            long start = System.nanoTime();
            UnitResult unit = ScenarioRunner.runUnit(scenario.points().get(task.point()), task.replication(),
                    scenario.engine(), task.recordFlows(), task.seriesBinSeconds());
            computed.add(new Computed(RecordCodec.encode(unit), System.nanoTime() - start));
        }
        return computed;
    }

    @Override
    public void close() {
        if (stopOnClose) {
            context.stop();
        }
    }

    @Override
    public String toString() {
        return "SparkUnits[" + context.master() + "]";
    }

    /** A unit for a task: serializable, unlike the runner's scenario. */
    record Task(int point, int replication, boolean recordFlows, double seriesBinSeconds) implements Serializable {}

    /** A unit computed by a task: its codec bytes and the wall time its run took on the executor. */
    record Computed(byte[] bytes, long wallNanos) implements Serializable {}

    /** A partition's results, as its handler was given them. */
    record Indexed(int partition, List<Computed> computed) {}
}
