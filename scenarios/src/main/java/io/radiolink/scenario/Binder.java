package io.radiolink.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Binds a scenario's JSON tree to {@link ScenarioFile} records and back, strictly: unknown fields,
 * values of the wrong type (a string for a number, 2.5 for a whole number), unknown enum constants and
 * unknown variant names are errors naming the field's path, with a did-you-mean where one fits.
 */
final class Binder {

    /** Configured once, then only used: Jackson's mappers are thread-safe. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // A name of a closed set is spelled as its enum's toString(), as every error message lists it.
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private Binder() {}

    /** Binds {@code tree} (a scenario as written, or resolved) to records; nulls in it are errors. */
    static ScenarioFile bind(JsonNode tree) throws Invalid {
        ScenarioFile file;
        try {
            file = MAPPER.treeToValue(tree, ScenarioFile.class);
        } catch (JsonMappingException e) {
            throw translate(e, tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Invalid.at("", e.getOriginalMessage(), null);
        }
        rejectNulls(tree, tree, "");
        rejectUnpairedSurrogates(tree, "");
        return file;
    }

    /**
     * The tree of {@code file}, fields left out where null; a mean time to failure of infinity is
     * written as the string {@code "Infinity"}, as a user writes it.
     */
    static ObjectNode toTree(ScenarioFile file) {
        ObjectNode tree = MAPPER.valueToTree(file);
        replaceNonFinite(tree);
        return tree;
    }

    /** A short description of what a node holds, for "got ..." in messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "the string " + node.toString();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "a list" : "an object";
    }

    private static Invalid translate(JsonMappingException e, JsonNode tree) {
        String path = JsonPaths.of(e.getPath());
        JsonNode node = JsonPaths.get(tree, path);
        String field = JsonPaths.lastField(path);
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> fields = ScenarioFile.fieldsOf(unknown.getReferringClass());
            String name = unknown.getPropertyName();
            return Invalid.badName(JsonPaths.parent(path), name, "unknown field '" + name + "'",
                    String.join(", ", fields), Suggestions.likely(name, fields), null);
        }
        if (e instanceof InvalidTypeIdException typeId) {
            Class<?> sealed = typeId.getBaseType().getRawClass();
            if (node == null || !node.isObject()) {
                return Invalid.at(path, "expected an object, got " + describe(node), Allowed.at(path, tree, "an object"));
            }
            String property = ScenarioFile.typePropertyOf(sealed);
            List<String> variants = ScenarioFile.variantsOf(sealed);
            String typePath = JsonPaths.field(path, property);
            if (typeId.getTypeId() == null) {
                return Invalid.at(typePath, "required field missing", String.join(", ", variants));
            }
            String kind = ScenarioFile.kindOf(sealed);
            return Invalid.misspelt(typePath, "unknown " + kind + " '" + typeId.getTypeId() + "'",
                    String.join(", ", variants), Suggestions.likely(typeId.getTypeId(), variants));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                List<String> constants = Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
                String allowed = String.join(", ", constants);
                if (mismatch instanceof InvalidFormatException format && node != null && node.isTextual()) {
                    return Invalid.misspelt(path, "unknown value '" + format.getValue() + "'", allowed,
                            Suggestions.likely(node.asText(), constants));
                }
                return Invalid.at(path, "expected one of the names, got " + describe(node), allowed);
            }
            // A password's value is never quoted, even one written as a number (Redaction).
            String got = Redaction.isSecret(path) && node != null && node.isNumber() ? "the number " + Redaction.MARKER
                    : describe(node);
            return Invalid.at(path, "expected " + expected(target) + ", got " + got,
                    Allowed.at(path, tree, expected(target)));
        }
        if (node != null && node.isIntegralNumber()) {
            // A whole number too large for its field (Jackson reports it without a target type).
            return Invalid.at(path, "the number " + node.asText() + " is too large", Allowed.at(path, tree, null));
        }
        return Invalid.at(path, firstLine(e.getOriginalMessage()), Allowed.at(path, tree, null));
    }

    /** Nulls are never needed: leave an optional field out to get its default. */
    private static void rejectNulls(JsonNode tree, JsonNode node, String path) throws Invalid {
        if (node.isNull()) {
            throw Invalid.at(path, "null is not allowed (leave an optional field out to get its default)",
                    Allowed.at(path, tree, "a value"));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                rejectNulls(tree, entry.getValue(), JsonPaths.field(path, entry.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNulls(tree, node.get(i), JsonPaths.element(path, i));
            }
        }
    }

    /** Every text is written out again (reports, CSV, the terminal): it must be Unicode, no lone surrogate. */
    private static void rejectUnpairedSurrogates(JsonNode node, String path) throws Invalid {
        if (node.isTextual()) {
            String text = node.asText();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean high = Character.isHighSurrogate(c);
                boolean paired = high ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                        : !Character.isLowSurrogate(c);
                if (high && paired) {
                    i++;
                } else if (!paired) {
                    throw Invalid.at(path, "not Unicode text: an unpaired surrogate (\\u"
                            + Integer.toHexString(c) + ") at character " + (text.codePointCount(0, i) + 1),
                            "Unicode text");
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                rejectUnpairedSurrogates(entry.getValue(), JsonPaths.field(path, entry.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectUnpairedSurrogates(node.get(i), JsonPaths.element(path, i));
            }
        }
    }

    private static void replaceNonFinite(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode value = entry.getValue();
                if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
                    entry.setValue(TextNode.valueOf(Double.toString(value.doubleValue())));
                } else {
                    replaceNonFinite(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(Binder::replaceNonFinite);
        }
    }

    private static String expected(Class<?> target) {
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Double.class || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "an object";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
