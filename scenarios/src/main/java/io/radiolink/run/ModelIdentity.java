package io.radiolink.run;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.random.RandomStreams;
import io.radiolink.scenario.ResolvedScenario;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of the model a run's units were computed from, 32 bytes: the SHA-256 of the canonical
 * encoding ({@link #canonicalBytes}) of a tree of three parts (docs/runs.md, section 2):
 * {@code scenario}, the resolved scenario less its run-control fields ({@link #RUN_CONTROL}), seed and
 * engine kept; {@code files}, the SHA-256 of every file a field names, by the field's JSON pointer (none
 * today); {@code randomStreams}, {@link RandomStreams#SCHEME}. Two runs of equal identity compute equal
 * units: a unit is a pure function of the model, the seed and its (point, replication) index.
 */
public final class ModelIdentity {

    /**
     * The resolved scenario's top-level fields that control the run, not the model, and are left out: a
     * renamed scenario, a new description or more replications compute the same units.
     */
    public static final List<String> RUN_CONTROL = List.of("name", "description", "replications");

    // The canonical encoding's tags, one byte before each value.
    private static final int TAG_OBJECT = 1;
    private static final int TAG_ARRAY = 2;
    private static final int TAG_STRING = 3;
    private static final int TAG_INTEGRAL = 4;
    private static final int TAG_FLOATING = 5;
    private static final int TAG_BOOLEAN = 6;
    private static final int TAG_NULL = 7;

    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final byte[] bytes;

    private ModelIdentity(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The identity written as {@code hex}, 64 lower-case hexadecimal digits (as {@link #hex()} writes it): a
     * run folder's, read back without its model.
     *
     * @throws IllegalArgumentException if {@code hex} is not 64 lower-case hexadecimal digits
     */
    public static ModelIdentity ofHex(String hex) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a model identity is 64 lower-case hexadecimal digits, was " + hex);
        }
        return new ModelIdentity(HexFormat.of().parseHex(hex));
    }

    /** The identity of {@code scenario}'s model (no field of today's format names a file). */
    public static ModelIdentity of(ResolvedScenario scenario) {
        return of(scenario, Map.of());
    }

    /**
     * The identity of {@code scenario}'s model whose fields at the JSON pointers of {@code fileSha256}
     * (e.g. {@code /stations/0/trace}) name files of those SHA-256 digests. The file names themselves are
     * left out (the values at those pointers become null in the scenario part), so that moving or renaming
     * a file changes nothing while changing its bytes changes the identity. A field that names a file joins
     * by the loader recording the digest of the bytes it read at the field's pointer; docs/runs.md, section 2.
     *
     * @throws IllegalArgumentException if a pointer does not name a string of the resolved scenario, or a
     *     digest is not 32 bytes
     */
    static ModelIdentity of(ResolvedScenario scenario, Map<String, byte[]> fileSha256) {
        return new ModelIdentity(Sha256.digest().digest(canonicalBytes(tree(scenario, fileSha256))));
    }

    /** The tree the identity hashes: {@code scenario}, {@code files} and {@code randomStreams}. */
    static ObjectNode tree(ResolvedScenario scenario, Map<String, byte[]> fileSha256) {
        ObjectNode model = (ObjectNode) scenario.resolved().deepCopy();
        model.remove(RUN_CONTROL);
        ObjectNode files = NODES.objectNode();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(fileSha256).entrySet()) {
            String pointer = file.getKey();
            if (file.getValue().length != Sha256.BYTES) {
                throw new IllegalArgumentException("the SHA-256 of the file at " + pointer + " has "
                        + file.getValue().length + " bytes, not " + Sha256.BYTES);
            }
            withoutFileName(model, pointer);
            files.put(pointer, HexFormat.of().formatHex(file.getValue()));
        }
        ObjectNode tree = NODES.objectNode();
        tree.set("scenario", model);
        tree.set("files", files);
        tree.put("randomStreams", RandomStreams.SCHEME);
        return tree;
    }

    /** Replaces the file name at {@code pointer} in {@code model} by null. */
    private static void withoutFileName(ObjectNode model, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        if (at.matches() || !model.at(at).isTextual()) {
            throw new IllegalArgumentException(pointer + " names no file name (a string) of the resolved scenario");
        }
        JsonNode parent = model.at(at.head());
        if (parent.isObject()) {
            ((ObjectNode) parent).putNull(at.last().getMatchingProperty());
        } else {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), NODES.nullNode());
        }
    }

    /**
     * The canonical encoding of {@code tree}, a hash input only: a tagged binary walk. Each value is a tag
     * byte, then: an object, a count and its fields sorted by the unsigned UTF-8 bytes of their names, each
     * name followed by its value; an array, a count and its elements; a string, a length and its UTF-8
     * bytes; a number, by its value: {@code INTEGRAL} and 8 bytes if it is a whole number in the range of
     * {@code long} (so {@code 1} and {@code 1.0} are one value, and -0.0 is not whole), else
     * {@code FLOATING} and the 8 bytes of {@link Double#doubleToLongBits}; a boolean, one byte; null,
     * nothing more. Counts and lengths are unsigned LEB128 varints, numbers big-endian. Nothing depends on
     * how Java formats a double or on the order of an object's fields.
     *
     * @throws IllegalArgumentException if {@code tree} holds a node that is not JSON (binary, a POJO, a
     *     missing node) or a string that is not Unicode (an unpaired surrogate)
     */
    public static byte[] canonicalBytes(JsonNode tree) {
        Canonical canonical = new Canonical();
        canonical.value(tree);
        return canonical.out.toByteArray();
    }

    /** The 32 bytes of the identity (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The identity as 64 lower-case hexadecimal digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelIdentity identity && Arrays.equals(bytes, identity.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }

    /** One walk of {@link #canonicalBytes}. */
    private static final class Canonical {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();

        void value(JsonNode node) {
            switch (node.getNodeType()) {
                case OBJECT -> object(node);
                case ARRAY -> {
                    out.write(TAG_ARRAY);
                    count(node.size());
                    node.forEach(this::value);
                }
                case STRING -> {
                    out.write(TAG_STRING);
                    text(utf8(node.textValue()));
                }
                case NUMBER -> number(node);
                case BOOLEAN -> {
                    out.write(TAG_BOOLEAN);
                    out.write(node.booleanValue() ? 1 : 0);
                }
                case NULL -> out.write(TAG_NULL);
                case BINARY, POJO, MISSING ->
                        throw new IllegalArgumentException("not a JSON value: a " + node.getNodeType() + " node");
            }
        }

        private void object(JsonNode node) {
            List<Map.Entry<byte[], JsonNode>> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.add(Map.entry(utf8(field.getKey()), field.getValue()));
            }
            fields.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
            out.write(TAG_OBJECT);
            count(fields.size());
            for (Map.Entry<byte[], JsonNode> field : fields) {
                text(field.getKey());
                value(field.getValue());
            }
        }

        private void number(JsonNode node) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                eightBytes(TAG_INTEGRAL, node.longValue());
                return;
            }
            double value = node.doubleValue();
            boolean whole = value >= -0x1p63 && value < 0x1p63 && value == Math.rint(value)
                    && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO_BITS;
            if (whole) {
                eightBytes(TAG_INTEGRAL, (long) value);
            } else {
                eightBytes(TAG_FLOATING, Double.doubleToLongBits(value));
            }
        }

        private void eightBytes(int tag, long value) {
            out.write(tag);
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        private void text(byte[] utf8) {
            count(utf8.length);
            out.writeBytes(utf8);
        }

        private void count(int n) {
            int rest = n;
            while ((rest & ~0x7f) != 0) {
                out.write((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            out.write(rest);
        }

        private byte[] utf8(String text) {
            try {
                ByteBuffer encoded = utf8.reset().encode(CharBuffer.wrap(text));
                byte[] bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
                return bytes;
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("not Unicode text (an unpaired surrogate): a string of "
                        + text.length() + " characters", e);
            }
        }
    }
}
