package io.radiolink.run.unit;

import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity a unit file's header carries (docs/runs.md, sections 1 and 2): the model identity and the
 * code identity's {@code classesSha256}, 32 bytes each. Compared by content.
 *
 * @param model the model identity's SHA-256
 * @param classes the SHA-256 of the model's class files
 */
public record UnitIdentity(byte[] model, byte[] classes) {

    /** The length of each part in bytes. */
    public static final int BYTES = 32;

    /** Checks both lengths and copies both. */
    public UnitIdentity {
        model = copyOf(model, "model");
        classes = copyOf(classes, "classes");
    }

    /** The identity of units of {@code model} run by {@code code}. */
    public static UnitIdentity of(ModelIdentity model, CodeIdentity code) {
        return new UnitIdentity(model.bytes(), code.classesSha256Bytes());
    }

    private static byte[] copyOf(byte[] bytes, String part) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException(part + " identity must be " + BYTES + " bytes, was " + bytes.length);
        }
        return bytes.clone();
    }

    /** A copy of the model identity. */
    @Override
    public byte[] model() {
        return model.clone();
    }

    /** A copy of the classes' SHA-256. */
    @Override
    public byte[] classes() {
        return classes.clone();
    }

    /** Whether {@code bytes} from {@code offset} are the model identity. */
    boolean modelEquals(byte[] bytes, int offset) {
        return Arrays.equals(model, 0, BYTES, bytes, offset, offset + BYTES);
    }

    /** Whether {@code bytes} from {@code offset} are the classes' SHA-256. */
    boolean classesEqual(byte[] bytes, int offset) {
        return Arrays.equals(classes, 0, BYTES, bytes, offset, offset + BYTES);
    }

    /** The model identity as 64 lower-case hex digits. */
    public String modelHex() {
        return HexFormat.of().formatHex(model);
    }

    /** The classes' SHA-256 as 64 lower-case hex digits. */
    public String classesHex() {
        return HexFormat.of().formatHex(classes);
    }

    /** Both parts in hex, {@code model/classes}. */
    public String hex() {
        return modelHex() + "/" + classesHex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitIdentity other && Arrays.equals(model, other.model) && Arrays.equals(classes, other.classes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(model) + Arrays.hashCode(classes);
    }

    @Override
    public String toString() {
        return "UnitIdentity[model=" + modelHex() + ", classes=" + classesHex() + "]";
    }
}
