package io.radiolink.report;

import io.radiolink.stats.Estimate;

/**
 * Where the metrics state their values in the shape of {@code report.json} without its syntax: named
 * integers, numbers and estimates (the types of REPORTS.md) in nested objects, in the order stated.
 */
public interface Fields {

    /** An integer: a total over the replications, or a number of channels. */
    void integer(String key, long value);

    /** A number; NaN where it is undefined. */
    void number(String key, double value);

    /** An estimate across replications: mean, interval and n. */
    void estimate(String key, Estimate estimate);

    /** The fields of a nested object under {@code key}, which exists from now on even if nothing is stated in it. */
    Fields group(String key);
}
