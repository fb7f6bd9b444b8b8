package io.radiolink.spark;

import io.radiolink.cli.Main;
import io.radiolink.cli.UnitExecutors;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark application (docs/spark.md, section 4): {@code radiolink run} with its units computed by Spark
 * tasks. Its arguments are {@code radiolink run}'s (the scenario, {@code --out}, {@code --resume}, the selection
 * options, ...), all but {@code --threads} (the cores are Spark's); the master is Spark's configuration's
 * ({@code spark-submit --master}, or {@code -Dspark.master=local[2]}).
 */
public final class SparkRun {

    /** The master URLs Spark's own scheduler accepts, but for cluster managers found by service loading. */
    private static final Pattern MASTER = Pattern.compile("local(\\[(\\d+|\\*)(\\s*,\\s*\\d+)?\\])?"
            + "|local-cluster\\[\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*\\]|spark://\\S+|yarn|k8s://\\S+");

    private SparkRun() {}

    /** Runs {@code radiolink run ARGS} on Spark and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err, System.getenv(), new SparkConf()));
    }

    /**
     * Runs {@code radiolink run ARGS} with its units on a Spark context of {@code conf}, made once the run folder
     * is (so that in local mode its scratch is the run folder's) and stopped when the units are computed; returns
     * the exit status.
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
            SparkConf conf) {
        List<String> given = Arrays.asList(args);
        if (given.stream().anyMatch(arg -> arg.equals("--threads") || arg.startsWith("--threads="))) {
            err.println("error: --threads: not with Spark, whose executors' cores run the units (spark.executor.cores,"
                    + " or local[N] in local mode)");
            return 2;
        }
        boolean help = given.stream().anyMatch(arg -> arg.equals("--help") || arg.equals("-h") || arg.equals("--version")
                || arg.equals("-V"));
        if (!help && !conf.contains("spark.master")) {
            err.println("error: no Spark master: give spark-submit --master URL, or -Dspark.master=local[2] to run on"
                    + " this machine");
            return 2;
        }
        if (!help && !MASTER.matcher(conf.get("spark.master")).matches()) {
            err.println("error: spark.master: '" + conf.get("spark.master") + "' is not a master URL; allowed: local,"
                    + " local[N], local[*], local[N,F], spark://HOST:PORT, yarn, k8s://URL");
            return 2;
        }
        String[] run = new String[args.length + 1];
        run[0] = "run";
        System.arraycopy(args, 0, run, 1, args.length);
        return Main.execute(run, out, err, environment, executors(conf));
    }

    /** Contexts of {@code conf}, one per run; in local mode its scratch under the run folder unless set. */
    static UnitExecutors executors(SparkConf conf) {
        return (threads, scratch) -> {
            SparkConf mine = conf.clone().setIfMissing("spark.app.name", "radiolink");
            if (mine.get("spark.master").startsWith("local")) {
                if (!mine.contains("spark.local.dir")) {
                    Files.createDirectories(scratch);
                    mine.set("spark.local.dir", scratch.toString());
                }
                localDirectoriesAnew();
                mine.setIfMissing("spark.ui.enabled", "false");
                mine.setIfMissing("spark.eventLog.enabled", "false");
            }
            return new SparkUnits(new JavaSparkContext(mine), true);
        };
    }

    /**
     * Makes the next context take its local directories from its own configuration. Spark computes them once per
     * JVM and keeps them, so a second run in one JVM (an embedder's, or the tests') would put its scratch into the
     * first run's folder. {@code Utils.clearLocalRootDirs} is Spark's (package-private in Scala, public in bytecode;
     * Spark's own tests call it); {@code SparkRunLocalTest} fails if it stops working.
     */
    static void localDirectoriesAnew() {
        org.apache.spark.util.Utils$.MODULE$.clearLocalRootDirs();
    }

    /** For tests: units on an existing context, which the run does not stop. */
    static UnitExecutors on(JavaSparkContext context) {
        return (threads, scratch) -> new SparkUnits(context, false);
    }
}
