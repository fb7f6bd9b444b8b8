package io.radiolink.radio;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration records of the air interface reject every out-of-range field with a message that
 * names it, accept the boundary values, and {@link LinkConfig}'s frame arithmetic.
 */
final class ConfigValidationTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** 8 kbit/s = 1000 bytes/s, so byte counts read as milliseconds. */
    private static final LinkConfig LINK = new LinkConfig(8_000, 0.01, 100, 10, 20, NoLoss.INSTANCE);

    private static final AirInterface AIR = new AirInterface(LINK, LINK, 1.0, 0.01, 600.0, 0.5);

    // ---- builders that vary one field of a valid configuration -------------------------------------

    private static void bernoulli(double lossProbability) {
        new BernoulliLoss(lossProbability);
    }

    private static void goodToBad(double value) {
        new GilbertElliottLoss(value, 0.2, 0.01, 0.5);
    }

    private static void badToGood(double value) {
        new GilbertElliottLoss(0.1, value, 0.01, 0.5);
    }

    private static void lossInGood(double value) {
        new GilbertElliottLoss(0.1, 0.2, value, 0.5);
    }

    private static void lossInBad(double value) {
        new GilbertElliottLoss(0.1, 0.2, 0.01, value);
    }

    private static void rate(double value) {
        new LinkConfig(value, 0.01, 100, 10, 20, NoLoss.INSTANCE);
    }

    private static void propagation(double value) {
        new LinkConfig(8_000, value, 100, 10, 20, NoLoss.INSTANCE);
    }

    private static void payload(int value) {
        new LinkConfig(8_000, 0.01, value, 10, 20, NoLoss.INSTANCE);
    }

    private static void header(int value) {
        new LinkConfig(8_000, 0.01, 100, value, 20, NoLoss.INSTANCE);
    }

    private static void control(int value) {
        new LinkConfig(8_000, 0.01, 100, 10, value, NoLoss.INSTANCE);
    }

    private static void setupDelay(double value) {
        new AirInterface(LINK, LINK, value, 0.01, 600.0, 0.5);
    }

    private static void setupFailure(double value) {
        new AirInterface(LINK, LINK, 1.0, value, 600.0, 0.5);
    }

    private static void meanTimeToFailure(double value) {
        new AirInterface(LINK, LINK, 1.0, 0.01, value, 0.5);
    }

    private static void releaseDelay(double value) {
        new AirInterface(LINK, LINK, 1.0, 0.01, 600.0, value);
    }

    private static void sharedUplink(double value) {
        new CellCapacity.Shared(value, 1e6, new ProcessorSharing());
    }

    private static void sharedDownlink(double value) {
        new CellCapacity.Shared(1e6, value, new ProcessorSharing());
    }

    /** One argument set per (field, value): the field's name and the construction to try. */
    private static void add(List<Arguments> cases, String type, String field, DoubleConsumer build,
            double... values) {
        for (double value : values) {
            cases.add(Arguments.of(named(type + "." + field + " = " + value, field),
                    (Executable) () -> build.accept(value)));
        }
    }

    private static void addInts(List<Arguments> cases, String type, String field, IntConsumer build,
            int... values) {
        for (int value : values) {
            cases.add(Arguments.of(named(type + "." + field + " = " + value, field),
                    (Executable) () -> build.accept(value)));
        }
    }

    static Stream<Arguments> outOfRange() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "BernoulliLoss", "lossProbability", ConfigValidationTest::bernoulli,
                -0.01, 1.0, 1.5, NAN, INF, -INF);
        add(cases, "GilbertElliottLoss", "goodToBadProbability", ConfigValidationTest::goodToBad,
                0.0, -0.0, -0.1, Math.nextUp(1.0), NAN);
        add(cases, "GilbertElliottLoss", "badToGoodProbability", ConfigValidationTest::badToGood,
                0.0, -0.1, Math.nextUp(1.0), NAN);
        add(cases, "GilbertElliottLoss", "lossInGood", ConfigValidationTest::lossInGood,
                -0.01, Math.nextUp(1.0), NAN);
        add(cases, "GilbertElliottLoss", "lossInBad", ConfigValidationTest::lossInBad,
                -0.01, Math.nextUp(1.0), NAN);
        add(cases, "LinkConfig", "rateBitsPerSecond", ConfigValidationTest::rate,
                0.0, -0.0, -1.0, Math.nextDown(1.0), 1e-320, NAN, INF);
        add(cases, "LinkConfig", "propagationDelaySeconds", ConfigValidationTest::propagation,
                -1e-9, Math.nextUp(Range.MAX_SECONDS), NAN, INF, -INF);
        addInts(cases, "LinkConfig", "framePayloadBytes", ConfigValidationTest::payload, 0, -1, 1_000_000_001);
        addInts(cases, "LinkConfig", "frameHeaderBytes", ConfigValidationTest::header, -1, 1_000_000_001);
        addInts(cases, "LinkConfig", "controlFrameBytes", ConfigValidationTest::control, 0, -1, 1_000_000_001);
        add(cases, "AirInterface", "setupDelaySeconds", ConfigValidationTest::setupDelay,
                -1e-9, NAN, INF);
        add(cases, "AirInterface", "setupFailureProbability", ConfigValidationTest::setupFailure,
                -0.01, Math.nextUp(1.0), NAN);
        add(cases, "AirInterface", "meanTimeToFailureSeconds", ConfigValidationTest::meanTimeToFailure,
                0.0, -1.0, Math.nextUp(Range.MAX_SECONDS), NAN, -INF);
        add(cases, "AirInterface", "releaseDelaySeconds", ConfigValidationTest::releaseDelay,
                -1e-9, NAN, INF);
        add(cases, "CellCapacity.Shared", "uplinkBitsPerSecond", ConfigValidationTest::sharedUplink,
                0.0, Math.nextDown(1.0), NAN, INF);
        add(cases, "CellCapacity.Shared", "downlinkBitsPerSecond", ConfigValidationTest::sharedDownlink,
                0.0, -1.0, NAN, INF);
        // The with-ers go through the same validation.
        add(cases, "LinkConfig.withRateBitsPerSecond", "rateBitsPerSecond", LINK::withRateBitsPerSecond, 0.0);
        add(cases, "LinkConfig.withPropagationDelaySeconds", "propagationDelaySeconds",
                LINK::withPropagationDelaySeconds, -1.0);
        add(cases, "AirInterface.withSetup", "setupDelaySeconds", v -> AIR.withSetup(v, 0.0), NAN);
        add(cases, "AirInterface.withSetup", "setupFailureProbability", v -> AIR.withSetup(1.0, v), 2.0);
        add(cases, "AirInterface.withMeanTimeToFailureSeconds", "meanTimeToFailureSeconds",
                AIR::withMeanTimeToFailureSeconds, 0.0);
        add(cases, "AirInterface.withReleaseDelaySeconds", "releaseDelaySeconds",
                AIR::withReleaseDelaySeconds, -1.0);
        return cases.stream();
    }

    static Stream<Arguments> boundaries() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "BernoulliLoss", "lossProbability", ConfigValidationTest::bernoulli,
                0.0, Math.nextDown(1.0));
        add(cases, "GilbertElliottLoss", "goodToBadProbability", ConfigValidationTest::goodToBad,
                Double.MIN_VALUE, 1.0);
        add(cases, "GilbertElliottLoss", "badToGoodProbability", ConfigValidationTest::badToGood,
                Double.MIN_VALUE, 1.0);
        add(cases, "GilbertElliottLoss", "lossInGood", ConfigValidationTest::lossInGood, 0.0, 1.0);
        add(cases, "GilbertElliottLoss", "lossInBad", ConfigValidationTest::lossInBad, 0.0, 1.0);
        add(cases, "LinkConfig", "rateBitsPerSecond", ConfigValidationTest::rate, 1.0, Double.MAX_VALUE);
        add(cases, "LinkConfig", "propagationDelaySeconds", ConfigValidationTest::propagation,
                0.0, -0.0, Range.MAX_SECONDS);
        addInts(cases, "LinkConfig", "framePayloadBytes", ConfigValidationTest::payload, 1, 1_000_000_000);
        addInts(cases, "LinkConfig", "frameHeaderBytes", ConfigValidationTest::header, 0);
        addInts(cases, "LinkConfig", "controlFrameBytes", ConfigValidationTest::control, 1);
        add(cases, "AirInterface", "setupDelaySeconds", ConfigValidationTest::setupDelay, 0.0);
        add(cases, "AirInterface", "setupFailureProbability", ConfigValidationTest::setupFailure, 0.0, 1.0);
        add(cases, "AirInterface", "meanTimeToFailureSeconds", ConfigValidationTest::meanTimeToFailure,
                Double.MIN_VALUE, Range.MAX_SECONDS, INF);
        add(cases, "AirInterface", "releaseDelaySeconds", ConfigValidationTest::releaseDelay, 0.0);
        add(cases, "CellCapacity.Shared", "uplinkBitsPerSecond", ConfigValidationTest::sharedUplink,
                1.0, Double.MAX_VALUE);
        add(cases, "CellCapacity.Shared", "downlinkBitsPerSecond", ConfigValidationTest::sharedDownlink,
                1.0, Double.MAX_VALUE);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void constructor_fieldOutOfRange_rejectedWithMessageNamingTheField(String field, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(field), "message '" + e.getMessage() + "' should name " + field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void constructor_fieldAtBoundary_accepted(String field, Executable build) {
        assertDoesNotThrow(build);
    }

    @Test
    void gilbertElliott_lossOneInBothStates_rejectedNamingBothFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GilbertElliottLoss(0.1, 0.2, 1.0, 1.0));
        assertTrue(e.getMessage().contains("lossInGood") && e.getMessage().contains("lossInBad"),
                e.getMessage());
    }

    @Test
    void constructor_nullReference_rejectedWithMessageNamingTheField() {
        assertAll(
                () -> assertEquals("lossModel", assertThrows(NullPointerException.class,
                        () -> new LinkConfig(8_000, 0.01, 100, 10, 20, null)).getMessage()),
                () -> assertEquals("lossModel", assertThrows(NullPointerException.class,
                        () -> LINK.withLossModel(null)).getMessage()),
                () -> assertEquals("uplink", assertThrows(NullPointerException.class,
                        () -> new AirInterface(null, LINK, 1.0, 0.0, INF, 0.0)).getMessage()),
                () -> assertEquals("downlink", assertThrows(NullPointerException.class,
                        () -> new AirInterface(LINK, null, 1.0, 0.0, INF, 0.0)).getMessage()),
                () -> assertEquals("capacity", assertThrows(NullPointerException.class,
                        () -> AIR.withCapacity(null)).getMessage()),
                () -> assertEquals("policy", assertThrows(NullPointerException.class,
                        () -> new CellCapacity.Shared(1e6, 1e6, null)).getMessage()));
    }

    // ---- LinkConfig arithmetic ----------------------------------------------------------------------

    @Test
    void transmissionSeconds_bytes_takeEightBitsEachAtTheRate() {
        assertEquals(0.0, LINK.transmissionSeconds(0));
        assertEquals(0.001, LINK.transmissionSeconds(1), 1e-15);
        assertEquals(0.110, LINK.transmissionSeconds(110), 1e-15);
        assertEquals(1.0, LINK.transmissionSeconds(1_000), 1e-15);
    }

    @Test
    void framesFor_sizeOfOneByte_oneFrameOfHeaderPlusOneByte() {
        assertEquals(1, LINK.framesFor(1));
        assertEquals(11, LINK.dataFrameBytes(1, 0));
    }

    @Test
    void framesFor_exactMultipleOfPayload_onlyFullFrames() {
        assertEquals(1, LINK.framesFor(100));
        assertEquals(3, LINK.framesFor(300));
        assertEquals(List.of(110, 110, 110), frameSizes(LINK, 300));
    }

    @Test
    void framesFor_partialLastFrame_lastFrameCarriesTheRemainder() {
        assertEquals(2, LINK.framesFor(101));
        assertEquals(List.of(110, 11), frameSizes(LINK, 101));
        assertEquals(3, LINK.framesFor(250));
        assertEquals(List.of(110, 110, 60), frameSizes(LINK, 250));
    }

    @Test
    void framesFor_zeroBytes_stillOneHeaderOnlyFrame() {
        assertEquals(1, LINK.framesFor(0));
        assertEquals(10, LINK.dataFrameBytes(0, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100})
    void dataFrameBytes_everySize_payloadsAddUpToTheSizeAndOnlyTheLastFrameIsShort(int payloadBytes) {
        LinkConfig link = new LinkConfig(8_000, 0.0, payloadBytes, 3, 1, NoLoss.INSTANCE);
        for (long size = 1; size <= 1_000; size++) {
            List<Integer> frames = frameSizes(link, size);
            long payloadTotal = frames.stream().mapToLong(bytes -> bytes - 3L).sum();
            assertEquals(size, payloadTotal, "size " + size);
            for (int i = 0; i < frames.size() - 1; i++) {
                assertEquals(3 + payloadBytes, frames.get(i), "frame " + i + " of size " + size);
            }
            int last = frames.get(frames.size() - 1);
            assertTrue(last > 3 && last <= 3 + payloadBytes, "last frame of size " + size + ": " + last);
        }
    }

    @Test
    void framesFor_mostFramesThatFitAnInt_accepted() {
        LinkConfig onePerFrame = new LinkConfig(8_000, 0.0, 1, 0, 1, NoLoss.INSTANCE);
        assertEquals(Integer.MAX_VALUE, onePerFrame.framesFor(Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, LINK.framesFor(100L * Integer.MAX_VALUE));
    }

    @Test
    void framesFor_moreFramesThanAnIntHolds_rejected() {
        LinkConfig onePerFrame = new LinkConfig(8_000, 0.0, 1, 0, 1, NoLoss.INSTANCE);
        assertThrows(IllegalArgumentException.class, () -> onePerFrame.framesFor(Integer.MAX_VALUE + 1L));
        assertThrows(IllegalArgumentException.class, () -> LINK.framesFor(100L * Integer.MAX_VALUE + 1));
        // The largest sizes must not wrap around to a single frame.
        assertThrows(IllegalArgumentException.class, () -> LINK.framesFor(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> LINK.framesFor(Long.MAX_VALUE - 50));
    }

    private static List<Integer> frameSizes(LinkConfig link, long sizeBytes) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < link.framesFor(sizeBytes); i++) {
            sizes.add(link.dataFrameBytes(sizeBytes, i));
        }
        return sizes;
    }

    @Test
    void withers_changeOnlyTheirField() {
        LinkConfig lossy = LINK.withLossModel(new BernoulliLoss(0.1));
        assertEquals(new LinkConfig(8_000, 0.01, 100, 10, 20, new BernoulliLoss(0.1)), lossy);
        assertEquals(new AirInterface(lossy, lossy, 1.0, 0.01, 600.0, 0.5),
                AIR.withLossModel(new BernoulliLoss(0.1)));
        assertEquals(new AirInterface(LINK, LINK, 2.0, 0.5, 600.0, 0.5), AIR.withSetup(2.0, 0.5));
        assertEquals(new AirInterface(LINK, LINK, 1.0, 0.01, INF, 0.5), AIR.withMeanTimeToFailureSeconds(INF));
        assertEquals(new AirInterface(LINK, LINK, 1.0, 0.01, 600.0, 0.0), AIR.withReleaseDelaySeconds(0.0));
        assertEquals(new LinkConfig(16_000, 0.01, 100, 10, 20, NoLoss.INSTANCE),
                LINK.withRateBitsPerSecond(16_000));
        assertEquals(new LinkConfig(8_000, 0.5, 100, 10, 20, NoLoss.INSTANCE),
                LINK.withPropagationDelaySeconds(0.5));
        assertEquals(new AirInterface(lossy, LINK, 1.0, 0.01, 600.0, 0.5), AIR.withLinks(lossy, LINK));
        CellCapacity shared = new CellCapacity.Shared(1e6, 2e6, new RoundRobin(0.001));
        assertEquals(new AirInterface(LINK, LINK, 1.0, 0.01, 600.0, 0.5, RandomAccessConfig.NONE, shared),
                AIR.withCapacity(shared));
    }

    @Test
    void constructors_withoutCapacity_dedicated() {
        assertEquals(AirInterface.DEDICATED, AIR.capacity());
        assertEquals(AirInterface.DEDICATED, AIR.withRandomAccess(new RandomAccessConfig(0.01, 4, 2, 3)).capacity());
        assertTrue(AirInterface.DEDICATED.newDirection(Side.TERMINAL, null).isEmpty());
    }
}
