package io.radiolink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keeps the passwords a scenario scripts out of everything radiolink writes or prints: reports, the summary
 * on stdout and error messages show {@value #MARKER} instead of the value of a password field (a scripted
 * flow's {@code password}), wherever it appears, swept values included. {@code scenarios/REPORTS.md} says
 * so; the threat model in {@code docs/protocol.md} says why the passwords of simulated subscribers are kept
 * out of reports all the same.
 */
public final class Redaction {

    /** What is shown instead of a password. */
    public static final String MARKER = "<redacted>";

    /** The name of the scenario format's password fields. */
    static final String FIELD = "password";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Redaction() {}

    /** True if {@code path} (e.g. {@code flows[0].password}) names a password field. */
    public static boolean isSecret(String path) {
        return JsonPaths.lastField(path).equals(FIELD);
    }

    /**
     * {@code value}, the value at {@code path}, as shown: the marker for a password field, otherwise a copy
     * with every password field inside it replaced by the marker (a swept flow, or the whole list of flows).
     */
    public static JsonNode shown(String path, JsonNode value) {
        return shown(path, value, UnaryOperator.identity());
    }

    /** As {@link #shown(String, JsonNode)}, with every other scalar of the copy replaced by {@code scalars}'s. */
    public static JsonNode shown(String path, JsonNode value, UnaryOperator<JsonNode> scalars) {
        return isSecret(path) && !value.isNull() ? NODES.textNode(MARKER) : shown(value, scalars);
    }

    /**
     * The resolved scenario {@code resolved} as shown: a copy with every password field replaced by the
     * marker, and every value of a sweep parameter whose path is a password field too; every other scalar
     * is replaced by {@code scalars}'s.
     */
    public static JsonNode scenario(JsonNode resolved, UnaryOperator<JsonNode> scalars) {
        JsonNode shown = shown(resolved, scalars);
        for (JsonNode parameter : shown.path("sweep").path("parameters")) {
            JsonNode path = parameter.get("path");
            if (path != null && path.isTextual() && isSecret(path.asText())
                    && parameter.get("values") instanceof ArrayNode values) {
                for (int i = 0; i < values.size(); i++) {
                    values.set(i, shown(path.asText(), values.get(i)));
                }
            }
        }
        return shown;
    }

    /** {@link #scenario(JsonNode, UnaryOperator)} with the other scalars as they are. */
    public static JsonNode scenario(JsonNode resolved) {
        return scenario(resolved, UnaryOperator.identity());
    }

    /** A copy of {@code node} with the value of every field named {@value #FIELD} replaced by the marker. */
    private static JsonNode shown(JsonNode node, UnaryOperator<JsonNode> scalars) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                copy.set(field.getKey(), field.getKey().equals(FIELD) && !value.isNull() ? NODES.textNode(MARKER)
                        : shown(value, scalars));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (JsonNode element : node) {
                copy.add(shown(element, scalars));
            }
            return copy;
        }
        return scalars.apply(node);
    }
}
