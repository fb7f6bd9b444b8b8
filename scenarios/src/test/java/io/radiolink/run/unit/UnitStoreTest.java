package io.radiolink.run.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.UnitResult;
import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit store: atomic writes, reads that name a torn or corrupt file's problem, and the scan of units/. */
final class UnitStoreTest {

    private static final UnitIdentity IDENTITY = identity(1, 2);
    private static final double BIN_SECONDS = 20;

    /** single-backup-restore's replication 0, with its flows, and replication 1, without. */
    private static UnitResult withFlows;
    private static UnitResult withoutFlows;

    @TempDir
    Path run;

    @BeforeAll
    static void runUnits() throws ScenarioException {
        Path example = ExampleUnits.EXAMPLES.resolve("single-backup-restore.json");
        withFlows = ExampleUnits.first(example, 0);
        withoutFlows = ExampleUnits.first(example, 1);
    }

    private static UnitIdentity identity(int model, int classes) {
        byte[] m = new byte[UnitIdentity.BYTES];
        byte[] c = new byte[UnitIdentity.BYTES];
        Arrays.fill(m, (byte) model);
        Arrays.fill(c, (byte) classes);
        return new UnitIdentity(m, c);
    }

    private static UnitResult at(UnitResult unit, int point, int replication) {
        return new UnitResult(point, replication, unit.result(), List.of());
    }

    @Test
    void write_thenRead_theUnitAndItsBinWidth() throws IOException {
        UnitStore store = UnitStore.in(run, IDENTITY);
        Path file = store.write(withFlows, BIN_SECONDS);
        assertEquals(run.resolve("units/p0/r0.unit"), file);
        UnitStore.Read.Valid valid = assertInstanceOf(UnitStore.Read.Valid.class, UnitStore.read(file, IDENTITY));
        assertEquals(withFlows, valid.unit());
        assertEquals(BIN_SECONDS, valid.seriesBinSeconds());
        assertArrayEquals(UnitFile.bytes(withFlows, BIN_SECONDS, IDENTITY), Files.readAllBytes(file));
        assertTrue(store.writeNanos() > 0);
    }

    @Test
    void write_aUnitTwice_leavesOnlyTheUnitNoTemporaryFile() throws IOException {
        UnitStore store = UnitStore.in(run, IDENTITY);
        store.write(withoutFlows, 0);
        store.write(withoutFlows, 0);
        try (Stream<Path> files = Files.walk(run.resolve("units"))) {
            assertEquals(List.of("units", "units/p0", "units/p0/r1.unit"),
                    files.map(f -> run.relativize(f).toString()).sorted().toList());
        }
    }

    /** The valid file of {@link #withFlows}, written at {@code units/p0/r0.unit}. */
    private Path written() throws IOException {
        return UnitStore.in(run, IDENTITY).write(withFlows, BIN_SECONDS);
    }

    private UnitStore.Read.Invalid invalid(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return assertInstanceOf(UnitStore.Read.Invalid.class, UnitStore.read(file, IDENTITY));
    }

    @Test
    void read_cutInsideTheHeaderOrEmpty_tooShort() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {0, 3, 50, 95, 99}) {
            UnitStore.Read.Invalid invalid = invalid(file, Arrays.copyOf(bytes, length));
            assertEquals(UnitProblem.TOO_SHORT, invalid.problem(), "cut at " + length);
        }
        assertEquals("units/p0/r0.unit is too short to be a unit (0 bytes, at least 100)",
                invalid(file, new byte[0]).message());
    }

    @Test
    void read_cutInsideThePayloadOrTheChecksum_cutShortWithBothSizes() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {100, 96 + (bytes.length - 100) / 2, bytes.length - 4, bytes.length - 1}) {
            UnitStore.Read.Invalid invalid = invalid(file, Arrays.copyOf(bytes, length));
            assertEquals(UnitProblem.CUT_SHORT, invalid.problem(), "cut at " + length);
            assertEquals(String.format(java.util.Locale.ROOT, "units/p0/r0.unit is cut short (%,d of %,d bytes)",
                    length, bytes.length), invalid.message());
        }
        assertEquals(UnitProblem.CUT_SHORT, invalid(file, Arrays.copyOf(bytes, bytes.length + 1)).problem());
    }

    @Test
    void read_aFlippedByteInHeaderPayloadOrChecksum_checksum() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        // The flags, the point, the bin width, payload bytes, the checksum's last byte.
        for (int offset : new int[] {7, 75, 83, 96, 97 + bytes.length / 2, bytes.length - 100, bytes.length - 1}) {
            byte[] flipped = bytes.clone();
            flipped[offset] ^= 0x10;
            assertEquals(UnitProblem.CHECKSUM, invalid(file, flipped).problem(), "flipped at " + offset);
        }
    }

    @Test
    void read_otherMagicOrVersion_notAUnitOrOtherFormatVersion() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        byte[] json = bytes.clone();
        json[0] = '{';
        UnitStore.Read.Invalid notUnit = invalid(file, json);
        assertEquals(UnitProblem.NOT_A_UNIT, notUnit.problem());
        assertEquals("units/p0/r0.unit is not a radiolink unit (it starts with 7B 4C 55 31, not 52 4C 55 31)",
                notUnit.message());
        byte[] version2 = bytes.clone();
        version2[5] = 2;
        UnitStore.Read.Invalid other = invalid(file, version2);
        assertEquals(UnitProblem.OTHER_FORMAT_VERSION, other.problem());
        assertEquals("units/p0/r0.unit is of unit format version 2; this radiolink reads version 1", other.message());
    }

    @Test
    void read_anotherModelOrCode_otherModelOrOtherCodeEvenIfTorn() throws IOException {
        Path file = written();
        UnitStore.Read.Invalid model = assertInstanceOf(UnitStore.Read.Invalid.class,
                UnitStore.read(file, identity(9, 2)));
        assertEquals(UnitProblem.OTHER_MODEL, model.problem());
        assertEquals("units/p0/r0.unit is of model identity 010101010101…, not this run's 090909090909…",
                model.message());
        assertEquals(UnitProblem.OTHER_CODE, ((UnitStore.Read.Invalid) UnitStore.read(file, identity(1, 9))).problem());
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 400));
        assertEquals(UnitProblem.OTHER_MODEL, ((UnitStore.Read.Invalid) UnitStore.read(file, identity(9, 2))).problem());
    }

    @Test
    void read_aUnitUnderAnotherName_nameMismatch() throws IOException {
        Path file = written();
        Path p0r1 = Files.copy(file, file.resolveSibling("r1.unit"));
        UnitStore.Read.Invalid invalid = assertInstanceOf(UnitStore.Read.Invalid.class, UnitStore.read(p0r1, IDENTITY));
        assertEquals(UnitProblem.NAME_MISMATCH, invalid.problem());
        assertEquals("units/p0/r1.unit holds point 0 replication 0, not its name's point 0 replication 1",
                invalid.message());
        Path p1r0 = Files.copy(file, Files.createDirectories(run.resolve("units/p1")).resolve("r0.unit"));
        assertEquals(UnitProblem.NAME_MISMATCH, ((UnitStore.Read.Invalid) UnitStore.read(p1r0, IDENTITY)).problem());
    }

    /** {@code bytes} with the payload replaced by {@code payload} and length and checksum made to match. */
    private static byte[] withPayload(byte[] bytes, byte[] payload) {
        ByteBuffer file = ByteBuffer.allocate(UnitFile.HEADER_BYTES + payload.length + UnitFile.TRAILER_BYTES);
        file.put(bytes, 0, 88).putLong(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(file.array(), 0, UnitFile.HEADER_BYTES + payload.length);
        return file.putInt((int) crc.getValue()).array();
    }

    @Test
    void read_aPayloadThatDoesNotDecodeUnderAValidChecksum_undecodable() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        byte[] payload = RecordCodec.encode(withFlows);
        byte[] trailing = Arrays.copyOf(payload, payload.length + 1);
        UnitStore.Read.Invalid invalid = invalid(file, withPayload(bytes, trailing));
        assertEquals(UnitProblem.UNDECODABLE, invalid.problem());
        assertEquals("units/p0/r0.unit does not decode: 1 byte(s) after the unit's last value", invalid.message());
        assertEquals(UnitProblem.UNDECODABLE,
                invalid(file, withPayload(bytes, Arrays.copyOf(payload, payload.length / 2))).problem());
        assertEquals(UnitProblem.UNDECODABLE, invalid(file, withPayload(bytes, RecordCodec.encode(
                withoutFlows))).problem(), "a payload of another replication and without flows");
    }

    @Test
    void scan_unitsLeftoversAndForeignEntries_eachClassifiedInUnitThenPathOrder() throws IOException {
        UnitStore store = UnitStore.in(run, IDENTITY);
        store.write(at(withoutFlows, 1, 0), 0);
        store.write(at(withoutFlows, 0, 10), 0);
        store.write(at(withoutFlows, 0, 2), 0);
        Path units = run.resolve("units");
        Path torn = units.resolve("p0/r3.unit");
        Files.write(torn, Arrays.copyOf(Files.readAllBytes(units.resolve("p0/r2.unit")), 200));
        Files.writeString(units.resolve("p0/.r4.unit.tmp"), "half");
        Files.writeString(units.resolve("notes.txt"), "mine");
        Files.writeString(units.resolve("p0/r2.unit.bak"), "mine");
        Files.createDirectories(units.resolve("p03/r0.unit"));
        Files.createDirectories(units.resolve("p0/r5.unit"));
        Files.writeString(units.resolve("p7"), "a file named as a point folder");
        Files.createSymbolicLink(units.resolve("p0/r6.unit"), units.resolve("p0/r2.unit"));
        List<String> found = new ArrayList<>();
        for (UnitStore.Found entry : store.scan()) {
            String what = entry.getClass().getSimpleName() + " " + run.relativize(entry.file());
            if (entry instanceof UnitStore.Found.Unit unit) {
                what += " " + unit.point() + "/" + unit.replication() + " " + (unit.read() instanceof UnitStore.Read
                        .Invalid invalid ? invalid.problem() : "valid");
            }
            found.add(what);
        }
        assertEquals(List.of("Unit units/p0/r2.unit 0/2 valid", "Unit units/p0/r3.unit 0/3 CUT_SHORT",
                "Unit units/p0/r10.unit 0/10 valid", "Unit units/p1/r0.unit 1/0 valid",
                "Foreign units/notes.txt", "Leftover units/p0/.r4.unit.tmp", "Foreign units/p0/r2.unit.bak",
                "Foreign units/p0/r5.unit", "Foreign units/p0/r6.unit", "Foreign units/p03", "Foreign units/p7"), found);
    }

    @Test
    void scan_noUnitsFolder_nothing() throws IOException {
        UnitStore store = UnitStore.in(run, IDENTITY);
        assertEquals(List.of(), store.scan());
        store.forceFolders();
        assertFalse(Files.exists(run.resolve("units")), "forceFolders makes no folder");
    }

    @Test
    void write_fromManyThreadsAtOnce_everyUnitValidAndNoLeftover() throws Exception {
        UnitStore store = UnitStore.in(run, IDENTITY);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // Points shared by threads, so that they race to make the point folders.
                        store.write(at(withoutFlows, i % 3, thread * perThread + i), 0);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        store.forceFolders();
        List<UnitStore.Found> found = store.scan();
        assertEquals(threads * perThread, found.size());
        for (UnitStore.Found entry : found) {
            UnitStore.Found.Unit unit = assertInstanceOf(UnitStore.Found.Unit.class, entry);
            UnitStore.Read.Valid valid = assertInstanceOf(UnitStore.Read.Valid.class, unit.read());
            assertEquals(at(withoutFlows, unit.point(), unit.replication()), valid.unit());
        }
    }

    @Test
    void parseName_exactlyPointFolderAndUnitFile_elseEmpty() {
        assertArrayEquals(new int[] {3, 17}, UnitStore.parseName(Path.of("p3/r17.unit")).orElseThrow());
        assertArrayEquals(new int[] {0, 0}, UnitStore.parseName(Path.of("p0/r0.unit")).orElseThrow());
        for (String name : List.of("p03/r1.unit", "p3/r01.unit", "p3/r-1.unit", "p-3/r1.unit", "p3/r17.unit.bak",
                "p3/.r17.unit.tmp", "r17.unit", "units/p3/r17.unit", "p3/r17", "P3/r17.unit", "p+3/r1.unit",
                "p3/r99999999999.unit", "p3/r1.UNIT")) {
            assertTrue(UnitStore.parseName(Path.of(name)).isEmpty(), name);
        }
    }
}
