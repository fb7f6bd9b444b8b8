package io.radiolink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.random.RandomStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's embedding example: it is this code, run here, and the README must quote it exactly. */
final class ReadmeExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/io/radiolink/ReadmeExampleTest.java");
    private static final Path README = Path.of("../README.md");

    static List<FlowRecord> example() {
        // README-BEGIN
        List<FlowRecord> records = new ArrayList<>();
        Engine engine = new DsolEngine();
        engine.run(Double.POSITIVE_INFINITY, scheduler -> {
            RandomStreams streams = new RandomStreams(2026, 0); // seed, replication
            BaseStation station = new BaseStation(
                    StationConfig.of("cell-1", 8, 1L << 30, Profile.LTE.airInterface()), scheduler, streams);
            BackupService service = new BackupService(scheduler, Profile.LTE.protocolConfig(), new FlowListener() {
                @Override
                public void flowEnded(Flow flow, FlowRecord record) {
                    records.add(record);
                }
            });
            Terminal oldPhone = new Terminal(PhoneNumber.of("01012345678"), UserData.synthetic(2_000_000, 500, 1));
            oldPhone.enterMaintenancePassword("0000");
            service.startBackup(oldPhone, station);

            Terminal newPhone = Terminal.empty(PhoneNumber.of("01087654321"));
            newPhone.enterMaintenancePassword("0000");
            scheduler.schedule(3_600, () -> service.startDownload(newPhone, oldPhone.phoneNumber(), station));
        });
        records.forEach(r -> System.out.printf("%s %s in %.3f s%n", r.kind(), r.outcome(), r.durationSeconds()));
        // README-END
        return records;
    }

    @Test
    void example_runs_backupThenDownloadSucceed() {
        List<FlowRecord> records = example();
        assertEquals(List.of(FlowKind.BACKUP, FlowKind.DOWNLOAD), records.stream().map(FlowRecord::kind).toList());
        assertTrue(records.stream().allMatch(r -> r.outcome() == FlowOutcome.SUCCESS), records.toString());
    }

    @Test
    void readme_quotesTheExampleVerbatim() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int begin = lines.indexOf("        // README-BEGIN");
        int end = lines.indexOf("        // README-END");
        assertTrue(begin >= 0 && end > begin, "markers missing in " + SOURCE);
        String snippet = lines.subList(begin + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        assertTrue(Files.readString(README).contains(snippet),
                "README.md must contain the example exactly as in " + SOURCE + ":\n" + snippet);
    }

    @Test
    void readme_showsTheOutputTheExamplePrints() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            example();
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertTrue(Files.readString(README).contains("prints\n\n```\n" + output + "```"),
                "README.md must show what the example prints:\n" + output);
    }
}
