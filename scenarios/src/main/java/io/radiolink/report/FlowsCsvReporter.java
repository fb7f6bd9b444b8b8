package io.radiolink.report;

import io.radiolink.run.FlowRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes {@code flows.csv}: one row per {@link FlowRow} of every point, in point order and then in the
 * order the point holds them (replication, then flow id), with one column per {@link FlowRow} component
 * named in snake_case ({@link #COLUMNS}), then one column per swept parameter, headed by its path and
 * holding the row's point's value as summary.csv shows it ({@link Sweeps}). A phase the flow never entered
 * has an empty time.
 */
public final class FlowsCsvReporter implements Reporter {

    /** The file this reporter writes. */
    public static final String FILE_NAME = "flows.csv";

    private static final List<Column> TABLE = List.of(
            new Column("point", row -> Integer.toString(row.point())),
            new Column("replication", row -> Integer.toString(row.replication())),
            new Column("flow_id", row -> Long.toString(row.flowId())),
            new Column("kind", FlowRow::kind),
            new Column("terminal_number", FlowRow::terminalNumber),
            new Column("addressed_number", FlowRow::addressedNumber),
            new Column("station_id", FlowRow::stationId),
            new Column("outcome", FlowRow::outcome),
            new Column("station_effect", FlowRow::stationEffect),
            new Column("end_phase", FlowRow::endPhase),
            new Column("start_seconds", row -> Csv.number(row.startSeconds())),
            new Column("end_seconds", row -> Csv.number(row.endSeconds())),
            new Column("user_data_bytes", row -> Long.toString(row.userDataBytes())),
            new Column("integrity", FlowRow::integrity),
            new Column("setup_seconds", row -> Csv.number(row.setupSeconds())),
            new Column("request_seconds", row -> Csv.number(row.requestSeconds())),
            new Column("transfer_seconds", row -> Csv.number(row.transferSeconds())),
            new Column("complete_seconds", row -> Csv.number(row.completeSeconds())),
            new Column("release_seconds", row -> Csv.number(row.releaseSeconds())),
            new Column("backoff_seconds", row -> Csv.number(row.backoffSeconds())),
            new Column("uplink_units_sent", row -> Long.toString(row.uplinkUnitsSent())),
            new Column("uplink_units_lost", row -> Long.toString(row.uplinkUnitsLost())),
            new Column("uplink_retransmissions", row -> Long.toString(row.uplinkRetransmissions())),
            new Column("downlink_units_sent", row -> Long.toString(row.downlinkUnitsSent())),
            new Column("downlink_units_lost", row -> Long.toString(row.downlinkUnitsLost())),
            new Column("downlink_retransmissions", row -> Long.toString(row.downlinkRetransmissions())),
            new Column("uplink_units_corrupted", row -> Long.toString(row.uplinkUnitsCorrupted())),
            new Column("downlink_units_corrupted", row -> Long.toString(row.downlinkUnitsCorrupted())),
            new Column("attempts", row -> Integer.toString(row.attempts())),
            new Column("data_bytes_sent", row -> Long.toString(row.dataBytesSent())),
            new Column("bytes_in_vain", row -> Long.toString(row.bytesInVain())),
            new Column("chunks_repaired", row -> Long.toString(row.chunksRepaired())),
            new Column("data_frames_sent", row -> Long.toString(row.dataFramesSent())),
            new Column("data_frames_retransmitted", row -> Long.toString(row.dataFramesRetransmitted())));

    /** The fixed columns: {@link FlowRow}'s components in declaration order, in snake_case. */
    public static final List<String> COLUMNS = TABLE.stream().map(Column::name).toList();

    @Override
    public void write(RunReport report, Path directory) throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(COLUMNS);
            header.addAll(Sweeps.paths(report));
            Csv.writeRecord(out, header);
            List<String> record = new ArrayList<>(header.size());
            for (PointResult point : report.points()) {
                List<String> sweepValues = Sweeps.texts(point.point());
                for (FlowRow row : point.flows()) {
                    record.clear();
                    for (Column column : TABLE) {
                        record.add(column.value().apply(row));
                    }
                    record.addAll(sweepValues);
                    Csv.writeRecord(out, record);
                }
            }
        }
    }

    private record Column(String name, Function<FlowRow, String> value) {}
}
