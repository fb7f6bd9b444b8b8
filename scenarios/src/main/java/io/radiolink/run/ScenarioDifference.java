package io.radiolink.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.radiolink.scenario.JsonPaths;
import io.radiolink.scenario.Redaction;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first difference between two resolved scenarios as a run folder's {@code scenario.json} shows them
 * (passwords redacted), for the one line that refuses a resume of another model identity
 * ({@code docs/runs.md}, section 2, "A difference is one line"): {@code workload.backupArrivalsPerSecond:
 * 0.5, was 0.6}. Only the model's part is compared: the top-level fields {@link ModelIdentity#RUN_CONTROL}
 * are left out, as the identity leaves them out, and values are equal as the identity hashes them (numbers
 * by value, so {@code 1} and {@code 1.0} are one; an object's fields in any order).
 *
 * <p>"First" is in the new scenario's document order, depth first: an object's fields in the new tree's
 * order (a field it adds is named there), then the fields it removed, in the old tree's order; a list's
 * elements by index, then the elements one adds or removes beyond the other's length.
 */
public final class ScenarioDifference {

    /** Values longer than this, as compact JSON, are cut and end with an ellipsis. */
    static final int MAX_VALUE_CHARACTERS = 60;

    /** Compact JSON, doubles as the reports print them (shortest round trip on any JDK). */
    private static final ObjectWriter COMPACT = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build().writer();

    private ScenarioDifference() {}

    /** What happened at a path. */
    public enum Kind {
        /** A value changed; both are shown. */
        CHANGED,
        /** A password's value changed (or a value shown redacted): named, no value shown. */
        REDACTED,
        /** The new scenario has a field or list element the old one has not. */
        ADDED,
        /** The old scenario had a field or list element the new one has not. */
        REMOVED
    }

    /**
     * One difference.
     *
     * @param path where, as the scenario format writes paths ({@code stations[0].channels})
     * @param kind what happened there
     * @param now the new value as compact JSON, cut to {@value #MAX_VALUE_CHARACTERS} characters; empty
     *     unless {@link Kind#CHANGED}
     * @param was the old value, as {@code now}
     */
    public record Difference(String path, Kind kind, String now, String was) {

        public Difference {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(was, "was");
        }

        /**
         * The difference in words, for a refusal's parenthesis: {@code scenario changed at seed: 2, was 1},
         * {@code scenario changed: stations[1] added}, {@code ... removed}, {@code scenario changed:
         * flows[0].password changed (redacted)}.
         */
        public String sentence() {
            return switch (kind) {
                case CHANGED -> "scenario changed at " + path + ": " + now + ", was " + was;
                case REDACTED -> "scenario changed: " + path + " changed (redacted)";
                case ADDED -> "scenario changed: " + path + " added";
                case REMOVED -> "scenario changed: " + path + " removed";
            };
        }
    }

    /**
     * The first difference of the model's part of {@code now} (the new run's resolved scenario as shown)
     * from {@code was} (the folder's), or empty if they are equal as the model identity sees them.
     */
    public static Optional<Difference> first(JsonNode was, JsonNode now) {
        Objects.requireNonNull(was, "was");
        Objects.requireNonNull(now, "now");
        if (was.isObject() && now.isObject()) {
            return fields(was, now, "", true);
        }
        return value(was, now, "");
    }

    /**
     * True if {@code shown} (a resolved scenario as shown) holds a redacted value: two such scenarios that
     * are equal may still differ in a password.
     */
    public static boolean holdsRedacted(JsonNode shown) {
        if (shown.isContainerNode()) {
            for (JsonNode element : shown) {
                if (holdsRedacted(element)) {
                    return true;
                }
            }
            return false;
        }
        return isMarker(shown);
    }

    private static Optional<Difference> value(JsonNode was, JsonNode now, String path) {
        if (was.isObject() && now.isObject()) {
            return fields(was, now, path, false);
        }
        if (was.isArray() && now.isArray()) {
            return elements(was, now, path);
        }
        if (sameScalar(was, now)) {
            return Optional.empty();
        }
        if (Redaction.isSecret(path) || isMarker(was) || isMarker(now)) {
            return Optional.of(new Difference(path, Kind.REDACTED, "", ""));
        }
        return Optional.of(new Difference(path, Kind.CHANGED, compact(path, now), compact(path, was)));
    }

    private static Optional<Difference> fields(JsonNode was, JsonNode now, String path, boolean top) {
        for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (top && ModelIdentity.RUN_CONTROL.contains(field.getKey())) {
                continue;
            }
            String at = JsonPaths.field(path, field.getKey());
            JsonNode old = was.get(field.getKey());
            Optional<Difference> difference = old == null ? Optional.of(new Difference(at, Kind.ADDED, "", ""))
                    : value(old, field.getValue(), at);
            if (difference.isPresent()) {
                return difference;
            }
        }
        for (Iterator<String> it = was.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!now.has(name) && !(top && ModelIdentity.RUN_CONTROL.contains(name))) {
                return Optional.of(new Difference(JsonPaths.field(path, name), Kind.REMOVED, "", ""));
            }
        }
        return Optional.empty();
    }

    private static Optional<Difference> elements(JsonNode was, JsonNode now, String path) {
        int common = Math.min(was.size(), now.size());
        for (int i = 0; i < common; i++) {
            Optional<Difference> difference = value(was.get(i), now.get(i), JsonPaths.element(path, i));
            if (difference.isPresent()) {
                return difference;
            }
        }
        if (was.size() == now.size()) {
            return Optional.empty();
        }
        return Optional.of(new Difference(JsonPaths.element(path, common),
                now.size() > was.size() ? Kind.ADDED : Kind.REMOVED, "", ""));
    }

    /** Equal scalars as the model identity hashes them; a container and a scalar are never equal. */
    private static boolean sameScalar(JsonNode was, JsonNode now) {
        if (was.isNumber() && now.isNumber()) {
            return Arrays.equals(ModelIdentity.canonicalBytes(was), ModelIdentity.canonicalBytes(now));
        }
        return !was.isContainerNode() && !now.isContainerNode() && was.equals(now);
    }

    private static boolean isMarker(JsonNode node) {
        return node.isTextual() && node.textValue().equals(Redaction.MARKER);
    }

    /** {@code value} (at {@code path}) as compact JSON, any password in it redacted, cut to a readable length. */
    private static String compact(String path, JsonNode value) {
        String text;
        try {
            text = COMPACT.writeValueAsString(Redaction.shown(path, value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
        return text.length() <= MAX_VALUE_CHARACTERS ? text
                : text.substring(0, MAX_VALUE_CHARACTERS - 1) + "\u2026";
    }
}
