package io.radiolink.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.radio.Range;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Random;

/**
 * Random scenario files over the whole schema, drawn from the records of {@link ScenarioFile} by
 * reflection (a field added to the format is drawn without a change here): every record, variant,
 * enum and list; numbers mostly inside their {@link Range}, sometimes on or just past its ends, now and
 * then extreme ({@code 1e-320}, {@code 1e308}, {@code "Infinity"}), of the wrong type or null; strings
 * from ids, phone numbers, control characters and lone surrogates; misspelt names. Most fields are left
 * out, so that a fair share of files is valid and runs.
 */
public final class RandomScenarioFiles {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Escapes every non-ASCII character, so that a lone surrogate reaches the file as {@code \\ud800}. */
    private static final ObjectWriter WRITER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build()
            .writerWithDefaultPrettyPrinter();
    private static final List<String> STRINGS = List.of("cell", "cell-1", "cell-2", "a", "", " ", "x\u0000y",
            "\ud800", "m0", "0100", "+4917", "12a", "é€😀", "n".repeat(300));
    private static final List<String> SWEEP_PATHS = List.of("stations[0].channels", "runLengthSeconds",
            "workload.backupArrivalsPerSecond", "airInterface.uplink.loss.probability", "airInterface.uplink.loss",
            "protocol.arq.mode", "protocol.resume.attempts", "profile", "stations[0].count", "seed",
            "workload.userDataBytes", "airInterface.randomAccess", "stations[1].id", "nowhere");

    private static final List<String> CLEAN_STRINGS = List.of("cell", "cell-1", "a", "m0", "é€😀");
    private static final List<String> PHONE_NUMBERS = List.of("0100", "+4917", "12", "0100");

    /**
     * Fields a clean file always gives (the format requires them), as record.field: a hostile file
     * leaves them out as freely as the others.
     */
    private static final java.util.Set<String> REQUIRED = java.util.Set.of("ScenarioFile.runLengthSeconds",
            "ScenarioFile.stations", "Station.id", "Station.channels", "Station.storageCapacityBytes",
            "Workload.subscribersPerStation", "Workload.backupArrivalsPerSecond", "Workload.userDataBytes",
            "Flow.atSeconds", "Flow.kind", "Flow.station", "Flow.phoneNumber", "Flow.storedNumber", "Flow.sizeBytes",
            "Corruption.probability", "Bernoulli.probability", "GilbertElliott.goodToBadProbability",
            "GilbertElliott.badToGoodProbability", "Fixed.value", "Uniform.min", "Uniform.max", "Exponential.mean",
            "LogNormal.mean", "LogNormal.stdDev", "DownPeriod.startSeconds", "DownPeriod.endSeconds",
            "Sweep.parameters", "Parameter.path", "Parameter.values", "Network.capacityBytes", "Network.backhaul",
            "Backhaul.rateBitsPerSecond", "Backhaul.propagationDelaySeconds", "Attachment.station");

    private final Random random;
    private int stations;
    /** A hostile file draws bad values now and then; a clean one only values inside their ranges. */
    private final boolean hostile;

    private RandomScenarioFiles(Random random) {
        this.random = random;
        this.hostile = random.nextBoolean();
    }

    /** A random scenario file's text, drawn from {@code random}. */
    public static String next(Random random) {
        try {
            return WRITER.writeValueAsString(new RandomScenarioFiles(random).scenario());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode scenario() {
        ObjectNode root = (ObjectNode) record(ScenarioFile.class, 0);
        // A base most files keep, so that the rest is mostly tried on a file that could run.
        if (!root.has("runLengthSeconds") && chance(0.9)) {
            root.put("runLengthSeconds", 1 + random.nextInt(600));
        }
        if (!root.has("stations") && chance(0.9)) {
            root.set("stations", NODES.arrayNode().add(NODES.objectNode().put("id", "cell").put("channels", 4)
                    .put("storageCapacityBytes", 1_000_000_000L)));
        }
        if (!root.has("workload") && !root.has("flows") && chance(0.8)) {
            root.set("workload", NODES.objectNode().put("subscribersPerStation", 100)
                    .put("backupArrivalsPerSecond", 0.05)
                    .set("userDataBytes", NODES.objectNode().put("distribution", "fixed").put("value", 20_000)));
        }
        if (!root.has("replications") && chance(0.8)) {
            root.put("replications", 1 + random.nextInt(3));
        }
        if (!hostile && root.has("warmupSeconds") && root.get("runLengthSeconds").isNumber()) {
            root.put("warmupSeconds", root.get("runLengthSeconds").asDouble() * random.nextDouble() / 2);
        }
        return root;
    }

    /** An object for record {@code type}, each field given with a chance that falls with the depth. */
    private JsonNode record(Class<?> type, int depth) {
        ObjectNode object = NODES.objectNode();
        double share = depth == 0 ? 0.35 : 0.5;
        for (RecordComponent component : type.getRecordComponents()) {
            boolean required = !hostile && REQUIRED.contains(type.getSimpleName() + "." + component.getName());
            if (required || chance(share)) {
                object.set(component.getName(), value(type, component.getName(), component.getGenericType(), depth));
            }
        }
        if (hostile && chance(0.01)) {
            object.put("unknownField", 1);
        }
        if (!hostile) {
            mend(type, object);
        }
        return object;
    }

    private JsonNode value(Class<?> owner, String field, Type type, int depth) {
        if (hostile && chance(0.01)) {
            return NODES.nullNode();
        }
        if (hostile && chance(0.02)) {
            return wrongType(type);
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            ArrayNode array = NODES.arrayNode();
            int size = hostile ? random.nextInt(chance(0.9) ? 3 : 6) : 1 + random.nextInt(2);
            for (int i = 0; i < size; i++) {
                array.add(value(owner, field + "[]", list.getActualTypeArguments()[0], depth + 1));
            }
            return array;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == JsonNode.class) {
            return chance(0.7) ? NODES.numberNode(random.nextInt(10)) : NODES.textNode(pick(STRINGS));
        }
        if (raw.isRecord()) {
            return field.equals("parameters[]") ? parameter() : record(raw, depth + 1);
        }
        if (raw.isInterface() && raw.isSealed()) {
            return variant(raw, depth);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            String name = constants[random.nextInt(constants.length)].toString();
            return NODES.textNode(hostile && chance(0.05) ? name.toLowerCase() + "x" : name);
        }
        if (raw == Boolean.class) {
            return NODES.booleanNode(random.nextBoolean());
        }
        if (raw == String.class) {
            if (!hostile && owner == ScenarioFile.Station.class) {
                return NODES.textNode(stations++ == 0 ? "cell" : "cell-" + (char) ('a' + stations));
            }
            if (!hostile && (owner == ScenarioFile.Flow.class || owner == ScenarioFile.Attachment.class)
                    && field.equals("station")) {
                return NODES.textNode("cell");
            }
            if (field.endsWith("Number")) {
                return NODES.textNode(hostile && chance(0.2) ? pick(STRINGS) : pick(PHONE_NUMBERS));
            }
            return NODES.textNode(pick(hostile ? STRINGS : CLEAN_STRINGS));
        }
        Range range = Allowed.rangeOf(owner, field);
        if (raw == Integer.class || raw == Long.class) {
            return whole(range, raw == Integer.class);
        }
        return real(range);
    }

    /** What a clean file gets right where one field's value depends on another's. */
    private void mend(Class<?> type, ObjectNode object) {
        if (type == ScenarioFile.Distribution.LogNormal.class) {
            if (random.nextBoolean()) {
                object.remove(List.of("mu", "sigma"));
            } else {
                object.remove(List.of("mean", "stdDev"));
                object.put("mu", random.nextDouble() * 10).put("sigma", 0.1 + random.nextDouble());
            }
        } else if (type == ScenarioFile.Distribution.Uniform.class && object.has("min") && object.has("max")
                && object.get("min").isNumber()) {
            object.put("max", object.get("min").asDouble() + 1 + random.nextDouble() * 1000);
        } else if (type == ScenarioFile.DownPeriod.class && object.get("startSeconds").isNumber()) {
            object.put("endSeconds", object.get("startSeconds").asDouble() + 1 + random.nextDouble() * 100);
        } else if (type == ScenarioFile.Resume.class && object.has("maxBackoffSeconds")) {
            object.remove("maxBackoffSeconds");
        } else if (type == ScenarioFile.Arq.class && "STOP_AND_WAIT".equals(object.path("mode").asText())) {
            object.remove("windowFrames");
        } else if (type == ScenarioFile.Backhaul.class) {
            // A lossy backhaul's timeout covers the round trip; a link stores nothing an outage could lose.
            if (object.has("retransmissionTimeoutSeconds") && object.path("propagationDelaySeconds").isNumber()) {
                object.put("retransmissionTimeoutSeconds", 2 * object.get("propagationDelaySeconds").asDouble() + 0.1);
            }
            if (object.get("outages") instanceof ObjectNode outages) {
                outages.put("persistentStorage", true);
            }
        } else if (type == ScenarioFile.Storage.Network.class && object.get("perStation") instanceof ArrayNode attached
                && attached.size() > 1) {
            attached.remove(1); // each station attached once
        }
    }

    private JsonNode parameter() {
        ObjectNode parameter = NODES.objectNode();
        if (chance(0.95)) {
            parameter.put("path", pick(SWEEP_PATHS));
        }
        if (!hostile) {
            parameter.put("path", pick(List.of("stations[0].channels", "workload.backupArrivalsPerSecond",
                    "protocol.arq.retryLimit", "replications")));
        }
        ArrayNode values = parameter.putArray("values");
        int size = hostile ? random.nextInt(4) : 1 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            values.add(!hostile || chance(0.8) ? NODES.numberNode(1 + random.nextInt(8)) : NODES.textNode(pick(STRINGS)));
        }
        return parameter;
    }

    private JsonNode variant(Class<?> sealed, int depth) {
        JsonSubTypes.Type[] variants = sealed.getAnnotation(JsonSubTypes.class).value();
        JsonSubTypes.Type chosen = variants[random.nextInt(variants.length)];
        ObjectNode object = (ObjectNode) record(chosen.value(), depth + 1);
        String property = ScenarioFile.typePropertyOf(sealed);
        if (!hostile || chance(0.97)) {
            object.put(property, hostile && chance(0.03) ? chosen.name() + "s" : chosen.name());
        }
        return object;
    }

    /** A whole number: mostly a small one in its range, sometimes an end, one past it, or an extreme. */
    private JsonNode whole(Range range, boolean isInt) {
        long low = range == null ? 0 : (long) Math.max(range.low(), Long.MIN_VALUE / 2);
        long high = range == null || range.high() > 1e6 ? low + 20 : (long) range.high();
        double draw = hostile ? random.nextDouble() : 0;
        long value;
        if (draw < 0.8) {
            value = low + (long) (random.nextDouble() * (high - low + 1));
        } else if (draw < 0.9) {
            value = random.nextBoolean() ? low - 1 : (range != null && range.high() < 1e18 ? (long) range.high() + 1 : low);
        } else {
            long[] extremes = {Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 1L << 31, 1_000_000_000L, -1};
            value = extremes[random.nextInt(extremes.length)];
        }
        return isInt && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) && chance(0.5)
                ? NODES.numberNode(value % 1000) : NODES.numberNode(value);
    }

    /** A real: mostly inside its range (log-uniform where it is wide), sometimes on or past an end, or extreme. */
    private JsonNode real(Range range) {
        double draw = hostile ? random.nextDouble() : 0.2;
        if (draw < 0.08) {
            double[] extremes = {1e-320, 1e308, -1e308, 0, -0.0, 1e12, Math.nextUp(1e12), 1e-9};
            return NODES.numberNode(extremes[random.nextInt(extremes.length)]);
        }
        if (draw < 0.1) {
            return NODES.textNode(chance(0.8) ? "Infinity" : "NaN");
        }
        double low = range == null ? 0 : Math.max(range.low(), -1e6);
        double high = range == null ? 1e4 : Math.min(range.high(), Math.max(low, 0) + 3600);
        if (draw < 0.18) {
            double[] ends = {low, Math.nextDown(low), high, Math.nextUp(high)};
            return NODES.numberNode(ends[random.nextInt(ends.length)]);
        }
        if (range != null && !range.lowIncluded() && low == 0) {
            low = Math.min(1e-3, high / 2);
        }
        if (low > 0 && high / low > 100) {
            return NODES.numberNode(Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low))));
        }
        return NODES.numberNode(low + random.nextDouble() * (high - low));
    }

    private JsonNode wrongType(Type type) {
        return switch (random.nextInt(4)) {
            case 0 -> NODES.textNode("8");
            case 1 -> NODES.numberNode(2.5);
            case 2 -> NODES.objectNode().put("per", "hour");
            default -> type == Boolean.class ? NODES.numberNode(1) : NODES.booleanNode(true);
        };
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
