package io.radiolink.spark;

import io.radiolink.cli.Main;
import io.radiolink.cli.UnitExecutors;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark application (docs/spark.md, section 4): {@code radiolink run} with its units computed by Spark
 * tasks. Its arguments are {@code radiolink run}'s (the scenario, {@code --out}, {@code --resume}, the selection
 * options, ...), all but {@code --threads} (the cores are Spark's); the master is Spark's configuration's
 * ({@code spark-submit --master}, or {@code -Dspark.master=local[2]}).
 */
public final class SparkRun {

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
        if (Arrays.asList(args).contains("--threads")) {
            err.println("error: --threads: not with Spark, whose executors' cores run the units (spark.executor.cores,"
                    + " or local[N] in local mode)");
            return 2;
        }
        if (!conf.contains("spark.master")) {
            err.println("error: no Spark master: give spark-submit --master URL, or -Dspark.master=local[2] to run on"
                    + " this machine");
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
                mine.setIfMissing("spark.ui.enabled", "false");
                mine.setIfMissing("spark.eventLog.enabled", "false");
            }
            return new SparkUnits(new JavaSparkContext(mine), true);
        };
    }

    /** For tests: units on an existing context, which the run does not stop. */
    static UnitExecutors on(JavaSparkContext context) {
        return (threads, scratch) -> new SparkUnits(context, false);
    }
}
