package io.radiolink.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A part of the metric list of {@link Metrics}: a metric, a value of report.json alone, a count that
 * summary.csv does not list, or an object of report.json that groups them. Each reporter reads the list
 * through these three methods, so that what the list holds is what the files hold.
 */
public sealed interface MetricNode permits Metric, MetricNode.Unlisted, MetricNode.Unsummarised, MetricNode.Group,
        MetricNode.PerCell, MetricNode.IfPresent {

    /** States this node's values at {@code point} in {@code out}, in report.json's shape and order. */
    void state(PointResult point, Fields out);

    /** Appends this node's rows of summary.csv at {@code point}, in that file's order. */
    void addRows(PointResult point, List<SummaryMetrics.Row> rows);

    /** Appends this node's per-replication values at {@code point}, in summary.csv's order: replications.csv's metrics. */
    void addValues(PointResult point, List<ReplicationMetrics.Value> values);

    /**
     * A value that report.json states and summary.csv does not list.
     *
     * @param key its key in report.json
     * @param reading how it is read and stated
     */
    record Unlisted(String key, Reading reading) implements MetricNode {

        /** Checks for nulls. */
        public Unlisted {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public void state(PointResult point, Fields out) {
            reading.state(key, point, out);
        }

        @Override
        public void addRows(PointResult point, List<SummaryMetrics.Row> rows) {
            // report.json alone
        }

        @Override
        public void addValues(PointResult point, List<ReplicationMetrics.Value> values) {
            // report.json alone
        }
    }

    /**
     * A count that report.json states as its total and replications.csv per replication, and that summary.csv
     * does not list: a count a ratio of the replication is made of (the collision probability's preambles),
     * kept out of summary.csv so that its rows stay what they were.
     *
     * @param key its key in report.json
     * @param name its name in replications.csv, in summary.csv's style
     * @param unit the thing counted, as REPORTS.md states it
     * @param reading its total and its count in one replication
     */
    record Unsummarised(String key, String name, String unit, Reading.Count reading) implements MetricNode {

        /** Checks for nulls. */
        public Unsummarised {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public void state(PointResult point, Fields out) {
            reading.state(key, point, out);
        }

        @Override
        public void addRows(PointResult point, List<SummaryMetrics.Row> rows) {
            // replications.csv and report.json alone
        }

        @Override
        public void addValues(PointResult point, List<ReplicationMetrics.Value> values) {
            values.add(new ReplicationMetrics.Value(name, unit, reading::valueOf));
        }
    }

    /**
     * An object of report.json and what it holds. summary.csv lists the rows of its members in
     * {@code rowOrder}, which is their order in report.json unless {@link #listingBefore} moved one.
     *
     * @param key its key in report.json
     * @param members what it holds, in report.json's order
     * @param rowOrder the same members, in summary.csv's order
     */
    record Group(String key, List<MetricNode> members, List<MetricNode> rowOrder) implements MetricNode {

        /** Copies the lists and checks that {@code rowOrder} holds each member once. */
        public Group {
            Objects.requireNonNull(key, "key");
            members = List.copyOf(members);
            rowOrder = List.copyOf(rowOrder);
            Set<MetricNode> held = identitySet(members);
            if (held.size() != members.size() || rowOrder.size() != members.size()
                    || !held.equals(identitySet(rowOrder))) {
                throw new IllegalArgumentException("the row order of '" + key + "' is not an order of its members");
            }
        }

        /** A group whose rows come in the order of its members. */
        public Group(String key, List<MetricNode> members) {
            this(key, members, members);
        }

        /** This group with {@code moved}'s rows listed in summary.csv just before those of {@code before}. */
        public Group listingBefore(MetricNode moved, MetricNode before) {
            List<MetricNode> order = new ArrayList<>(rowOrder);
            if (!order.remove(moved) || !order.contains(before) || moved == before) {
                throw new IllegalArgumentException("both must be distinct members of '" + key + "'");
            }
            order.add(order.indexOf(before), moved);
            return new Group(key, members, order);
        }

        @Override
        public void state(PointResult point, Fields out) {
            Fields fields = out.group(key);
            members.forEach(member -> member.state(point, fields));
        }

        @Override
        public void addRows(PointResult point, List<SummaryMetrics.Row> rows) {
            rowOrder.forEach(member -> member.addRows(point, rows));
        }

        @Override
        public void addValues(PointResult point, List<ReplicationMetrics.Value> values) {
            rowOrder.forEach(member -> member.addValues(point, values));
        }

        private static Set<MetricNode> identitySet(List<MetricNode> nodes) {
            Set<MetricNode> set = Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(nodes);
            return set;
        }
    }

    /**
     * The same members once for each cell of the point, in id order: in report.json an object of one
     * object per cell id, in summary.csv the members' rows of each cell in turn.
     *
     * @param key its key in report.json
     * @param cell the members of the cell of an id, named after it in summary.csv
     */
    record PerCell(String key, Function<String, List<MetricNode>> cell) implements MetricNode {

        /** Checks for nulls. */
        public PerCell {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(cell, "cell");
        }

        @Override
        public void state(PointResult point, Fields out) {
            Fields byId = out.group(key);
            for (String id : point.summary().cells().keySet()) {
                Fields fields = byId.group(id);
                cell.apply(id).forEach(member -> member.state(point, fields));
            }
        }

        @Override
        public void addRows(PointResult point, List<SummaryMetrics.Row> rows) {
            for (String id : point.summary().cells().keySet()) {
                cell.apply(id).forEach(member -> member.addRows(point, rows));
            }
        }

        @Override
        public void addValues(PointResult point, List<ReplicationMetrics.Value> values) {
            for (String id : point.summary().cells().keySet()) {
                cell.apply(id).forEach(member -> member.addValues(point, values));
            }
        }
    }

    /**
     * A node that applies at some points only (a shared cell's directions, a backhaul that exists only
     * under network storage or peer fetch): where {@code present} holds, it is {@code node}; elsewhere neither
     * file states anything of it, no key and no row, so that the reports of a run without it are what they
     * were before it existed.
     *
     * @param present whether the node applies at a point
     * @param node what is stated where it applies
     */
    record IfPresent(Predicate<PointResult> present, MetricNode node) implements MetricNode {

        /** Checks for nulls. */
        public IfPresent {
            Objects.requireNonNull(present, "present");
            Objects.requireNonNull(node, "node");
        }

        @Override
        public void state(PointResult point, Fields out) {
            if (present.test(point)) {
                node.state(point, out);
            }
        }

        @Override
        public void addRows(PointResult point, List<SummaryMetrics.Row> rows) {
            if (present.test(point)) {
                node.addRows(point, rows);
            }
        }

        @Override
        public void addValues(PointResult point, List<ReplicationMetrics.Value> values) {
            if (present.test(point)) {
                node.addValues(point, values);
            }
        }
    }
}
