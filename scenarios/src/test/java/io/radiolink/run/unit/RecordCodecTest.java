package io.radiolink.run.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.run.UnitResult;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.stats.DurationHistogram;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The record codec: every example's units round-trip exactly; the encoding is the documented one; bad payloads fail with a reason. */
final class RecordCodecTest {

    static Stream<Path> examples() {
        return ExampleUnits.files();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void decode_everyExampleUnit_equalsTheUnitAndEncodesToTheSameBytes(Path example) throws ScenarioException,
            UnitFormatException {
        List<UnitResult> units = ExampleUnits.of(example);
        assertFalse(units.get(0).flows().isEmpty(), "replication 0 records its flows");
        for (UnitResult unit : units) {
            byte[] payload = RecordCodec.encode(unit);
            UnitResult decoded = RecordCodec.decode(payload);
            assertEquals(unit, decoded, example + " point " + unit.point() + " replication " + unit.replication());
            assertArrayEquals(payload, RecordCodec.encode(decoded));
        }
    }

    private enum Colour { RED, GREEN, BLUE }

    private record Small(int i, long l, double d, boolean b, String s, Colour c, List<String> list) {}

    private static byte[] encode(Object value) {
        ByteSink sink = new ByteSink(16);
        RecordCodec.codecFor(value.getClass()).write(value, sink);
        return sink.toByteArray();
    }

    private static Object decode(Class<?> type, byte[] bytes) throws UnitFormatException {
        ByteSource source = new ByteSource(bytes, 0, bytes.length);
        Object value = RecordCodec.codecFor(type).read(source);
        assertEquals(0, source.remaining());
        return value;
    }

    @Test
    void encode_aSmallRecord_theDocumentedBytes() throws UnitFormatException {
        Small small = new Small(-1, 300, 1.5, true, "é", Colour.BLUE, List.of("a", "bc"));
        byte[] bytes = encode(small);
        // -1 zig-zag 01; 300 zig-zag 600 = D8 04; 1.5 = 3FF8000000000000; true 01; "é" 2 bytes C3 A9;
        // BLUE ordinal 02; list of 2: "a", "bc".
        assertEquals("01" + "d804" + "3ff8000000000000" + "01" + "02c3a9" + "02" + "02" + "0161" + "026263",
                HexFormat.of().formatHex(bytes));
        assertEquals(small, decode(Small.class, bytes));
    }

    private record Everything(int minInt, int maxInt, long minLong, long maxLong, double nan, double negativeZero,
            double infinity, String text, Map<Colour, Long> counts, SortedMap<String, Colour> byName, int[] ints,
            long[] longs, double[] doubles, StatisticalSummaryValues summary, DurationHistogram histogram,
            List<Map<Colour, List<String>>> nested) {}

    @Test
    void decode_extremeValuesOfEveryType_theSameValues() throws UnitFormatException {
        EnumMap<Colour, Long> counts = new EnumMap<>(Colour.class);
        counts.put(Colour.BLUE, Long.MIN_VALUE);
        counts.put(Colour.RED, 7L);
        TreeMap<String, Colour> byName = new TreeMap<>(Map.of("b", Colour.GREEN, "a", Colour.RED, "ü", Colour.BLUE));
        Everything value = new Everything(Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
                Double.NaN, -0.0, Double.NEGATIVE_INFINITY, "ASCII, ünïcödé, € and 😀", counts, byName,
                new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE},
                new double[] {Double.MIN_VALUE, Double.NaN, Double.MAX_VALUE},
                new StatisticalSummaryValues(1.5, 0.25, 3, 2.0, 1.0, 4.5), DurationHistogram.ofSeconds(0.001, 2.5, 3600),
                List.of(Map.of(Colour.GREEN, List.of("x")), Map.of()));
        Everything decoded = (Everything) decode(Everything.class, encode(value));
        assertEquals(Integer.MIN_VALUE, decoded.minInt());
        assertEquals(Integer.MAX_VALUE, decoded.maxInt());
        assertEquals(Long.MIN_VALUE, decoded.minLong());
        assertEquals(Long.MAX_VALUE, decoded.maxLong());
        assertEquals(Double.NaN, decoded.nan());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(decoded.negativeZero()));
        assertEquals(Double.NEGATIVE_INFINITY, decoded.infinity());
        assertEquals(value.text(), decoded.text());
        assertInstanceOf(EnumMap.class, decoded.counts());
        assertEquals(counts, decoded.counts());
        assertInstanceOf(TreeMap.class, decoded.byName());
        assertEquals(byName, decoded.byName());
        assertEquals(List.copyOf(byName.keySet()), List.copyOf(decoded.byName().keySet()));
        assertArrayEquals(value.ints(), decoded.ints());
        assertArrayEquals(value.longs(), decoded.longs());
        assertArrayEquals(value.doubles(), decoded.doubles());
        assertEquals(value.summary(), decoded.summary());
        assertEquals(value.histogram(), decoded.histogram());
        assertEquals(value.histogram().secondsAtPercentile(50), decoded.histogram().secondsAtPercentile(50));
        assertEquals(value.nested(), decoded.nested());
        assertArrayEquals(encode(value), encode(decoded));
    }

    @Test
    void encode_anEnumMapOfAnyMapClass_ordinalOrder() {
        Map<Colour, Long> hashed = new java.util.HashMap<>(Map.of(Colour.BLUE, 1L, Colour.RED, 2L, Colour.GREEN, 3L));
        EnumMap<Colour, Long> ordered = new EnumMap<>(hashed);
        record Counts(Map<Colour, Long> counts) {}
        assertArrayEquals(encode(new Counts(ordered)), encode(new Counts(hashed)));
        assertEquals("03" + "0004" + "0106" + "0202", HexFormat.of().formatHex(encode(new Counts(hashed))));
    }

    /** A small unit: single-backup-restore's replication 0, with its two flows. */
    private static byte[] smallPayload() throws ScenarioException {
        return RecordCodec.encode(ExampleUnits.first(ExampleUnits.EXAMPLES.resolve("single-backup-restore.json"), 0));
    }

    @Test
    void decode_aPayloadCutAtAnyByte_unitFormatException() throws ScenarioException {
        byte[] payload = smallPayload();
        for (int length = 0; length < payload.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(payload, length);
            assertThrows(UnitFormatException.class, () -> RecordCodec.decode(cut), "cut at " + length);
        }
        byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 1);
        assertEquals("1 byte(s) after the unit's last value",
                assertThrows(UnitFormatException.class, () -> RecordCodec.decode(longer)).getMessage());
    }

    @Test
    void decode_anyByteFlipped_aUnitOrUnitFormatExceptionNeverAnotherFailure() throws ScenarioException {
        byte[] payload = smallPayload();
        int refused = 0;
        for (int offset = 0; offset < payload.length; offset++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] flipped = payload.clone();
                flipped[offset] ^= (byte) mask;
                try {
                    RecordCodec.decode(flipped);
                } catch (UnitFormatException e) {
                    refused++;
                }
            }
        }
        // Not every flip is refused (a double's bit is another double); the CRC in the file catches those.
        assertFalse(refused == 0, "no flip of " + payload.length + " bytes refused");
    }
}
