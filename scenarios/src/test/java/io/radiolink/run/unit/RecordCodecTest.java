package io.radiolink.run.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.radiolink.run.UnitResult;
import io.radiolink.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The record codec: every example's units round-trip exactly; bad payloads fail with a reason. */
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
}
