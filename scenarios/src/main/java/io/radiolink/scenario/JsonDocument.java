package io.radiolink.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario file's JSON tree with the line and column of every value and field name, read in one
 * pass: comments allowed, a repeated field or anything after the top-level object rejected.
 */
final class JsonDocument {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Jackson's pointer to where an unclosed object or list began, rewritten to line:column. */
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");

    private final JsonNode root;
    private final Map<String, JsonLocation> values;
    private final Map<String, JsonLocation> names;

    private JsonDocument(JsonNode root, Map<String, JsonLocation> values, Map<String, JsonLocation> names) {
        this.root = root;
        this.values = values;
        this.names = names;
    }

    /** Reads {@code text}; the top level must be an object. */
    static JsonDocument parse(String text) throws Invalid {
        Map<String, JsonLocation> values = new HashMap<>();
        Map<String, JsonLocation> names = new HashMap<>();
        JsonParser parser;
        try {
            parser = FACTORY.createParser(text);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
        try (parser) {
            if (parser.nextToken() == null) {
                throw Invalid.malformed("malformed JSON: the file holds no JSON value", parser.currentLocation());
            }
            JsonNode root = read(parser, "", values, names);
            if (parser.nextToken() != null) {
                throw Invalid.malformed("malformed JSON: more content after the end of the top-level object",
                        parser.currentTokenLocation());
            }
            if (!root.isObject()) {
                throw Invalid.malformed("expected a JSON object at the top level, got " + Binder.describe(root),
                        values.get(""));
            }
            return new JsonDocument(root, values, names);
        } catch (JsonProcessingException e) {
            // Jackson's own limits (nesting depth, number length) come without a location: the parser's is it.
            JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
            throw Invalid.malformed("malformed JSON: " + shortReason(e), location);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    /** The whole tree; do not modify it. */
    JsonNode root() {
        return root;
    }

    /** Where the value at {@code path} starts, or null if the file has no such value. */
    JsonLocation valueAt(String path) {
        return values.get(path);
    }

    /** Where the field name ending {@code path} is, or null if the file has no such field. */
    JsonLocation nameAt(String path) {
        return names.get(path);
    }

    /**
     * Where to point for a problem at {@code path}: the value there, or else the nearest enclosing value
     * the file has (a missing field is reported at its object).
     */
    JsonLocation nearest(String path) {
        String p = path;
        while (true) {
            JsonLocation location = values.get(p);
            if (location != null || p.isEmpty()) {
                return location;
            }
            p = JsonPaths.parent(p);
        }
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, JsonLocation> values,
            Map<String, JsonLocation> names) throws IOException, Invalid {
        values.put(path, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = JsonPaths.field(path, name);
                    if (object.has(name)) {
                        throw Invalid.badName(path, name, "duplicate field '" + name + "'", "each field at most once",
                                null, parser.currentTokenLocation());
                    }
                    names.put(child, parser.currentTokenLocation());
                    parser.nextToken();
                    object.set(name, read(parser, child, values, names));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, JsonPaths.element(path, index++), values, names));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected token " + token + " at " + path);
        }
    }

    /** Jackson's reason, on one line and without its own location details. */
    private static String shortReason(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null
                && Redaction.FIELD.equals(parser.getParsingContext().getCurrentName())) {
            // Jackson quotes the token it could not read: never a password's.
            return "in or right after the value of a " + Redaction.FIELD + " field (details not shown, they could"
                    + " quote it); a " + Redaction.FIELD + " is a string in double quotes";
        }
        String reason = e.getOriginalMessage();
        Matcher marker = START_MARKER.matcher(reason);
        if (marker.find()) {
            reason = marker.replaceFirst(" (opened at " + marker.group(1) + ":" + marker.group(2) + ")");
        }
        int newline = reason.indexOf('\n');
        return (newline < 0 ? reason : reason.substring(0, newline)).strip();
    }
}
