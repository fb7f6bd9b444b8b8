package io.radiolink.run.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A unit identity: two SHA-256 values, copied in and out, compared by content. */
final class UnitIdentityTest {

    private static byte[] filled(int value) {
        byte[] bytes = new byte[UnitIdentity.BYTES];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void equals_sameBytesInOtherArrays_equalAndSameHash() {
        UnitIdentity one = new UnitIdentity(filled(1), filled(2));
        UnitIdentity same = new UnitIdentity(filled(1), filled(2));
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, new UnitIdentity(filled(1), filled(3)));
        assertNotEquals(one, new UnitIdentity(filled(3), filled(2)));
    }

    @Test
    void constructorAndAccessors_copy_laterChangesDoNotReachIt() {
        byte[] model = filled(1);
        UnitIdentity identity = new UnitIdentity(model, filled(2));
        model[0] = 9;
        identity.model()[1] = 9;
        identity.classes()[1] = 9;
        assertEquals(new UnitIdentity(filled(1), filled(2)), identity);
    }

    @Test
    void constructor_notThirtyTwoBytes_rejectedNamingThePart() {
        assertEquals("model identity must be 32 bytes, was 31", assertThrows(IllegalArgumentException.class,
                () -> new UnitIdentity(new byte[31], filled(2))).getMessage());
        assertEquals("classes identity must be 32 bytes, was 33", assertThrows(IllegalArgumentException.class,
                () -> new UnitIdentity(filled(1), new byte[33])).getMessage());
    }

    @Test
    void hex_lowerCaseModelThenClasses() {
        UnitIdentity identity = new UnitIdentity(filled(0xAB), filled(0x01));
        assertEquals("ab".repeat(32), identity.modelHex());
        assertEquals("01".repeat(32), identity.classesHex());
        assertEquals("ab".repeat(32) + "/" + "01".repeat(32), identity.hex());
    }

    @Test
    void of_modelAndCode_theirBytes() throws Exception {
        ModelIdentity model = ModelIdentity.of(ScenarioLoader.load(
                Path.of("examples", "single-backup-restore.json"), OptionalLong.empty(), OptionalInt.empty()));
        CodeIdentity code = CodeIdentity.current();
        UnitIdentity identity = UnitIdentity.of(model, code);
        assertEquals(model.hex(), identity.modelHex());
        assertEquals(code.classesSha256(), identity.classesHex());
    }
}
