package io.radiolink.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.ArqMode;
import io.radiolink.protocol.AuthMode;
import io.radiolink.protocol.FlowKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A scenario file as Jackson binds it: plain records, a field left out is null, nothing validated.
 *
 * <p>{@link Resolver} fills in the defaults and {@link ModelBuilder} validates and builds the model;
 * {@code scenarios/FORMAT.md} documents every field. {@link #allowed(String)} says in a few words what
 * each field accepts, for error messages.
 *
 * @param name a label for reports
 * @param description free text
 * @param seed the experiment's seed
 * @param replications replications per sweep point
 * @param engine the engine that runs each replication
 * @param runLengthSeconds arrivals stop at this time
 * @param warmupSeconds flows starting before this time are not counted
 * @param profile the source of every air interface and protocol default
 * @param airInterface the radio interface of every station
 * @param protocol ARQ, control retries, authentication, chunks and resume
 * @param stations the base stations
 * @param workload the demand on every station
 * @param flows flows started at fixed times, beside or instead of the workload
 * @param sweep the parameter grid
 */
record ScenarioFile(
        String name,
        String description,
        Long seed,
        Integer replications,
        EngineChoice engine,
        Double runLengthSeconds,
        Double warmupSeconds,
        Profile profile,
        Air airInterface,
        Protocol protocol,
        List<Station> stations,
        Workload workload,
        List<Flow> flows,
        Sweep sweep) {

    /** The same scenario with another seed and replication count. */
    ScenarioFile withRunControl(long newSeed, int newReplications) {
        return new ScenarioFile(name, description, newSeed, newReplications, engine, runLengthSeconds,
                warmupSeconds, profile, airInterface, protocol, stations, workload, flows, sweep);
    }

    /** The air interface section: both links and the connection's life cycle. */
    record Air(
            Link uplink,
            Link downlink,
            Double setupDelaySeconds,
            Double setupFailureProbability,
            Double meanTimeToFailureSeconds,
            Double releaseDelaySeconds,
            RandomAccess randomAccess) {}

    /** Contention for access slots. */
    record RandomAccess(Double slotSeconds, Integer preambles, Integer backoffWindowSlots, Integer maxAttempts) {}

    /** One direction of the air interface. */
    record Link(
            Double rateBitsPerSecond,
            Double propagationDelaySeconds,
            Integer framePayloadBytes,
            Integer frameHeaderBytes,
            Integer controlFrameBytes,
            Loss loss,
            Corruption corruption) {}

    /** Bit errors apart from loss: detected ones are discarded, undetected ones reach the digest. */
    record Corruption(Double probability, Double undetectedProbability) {}

    /** A loss model, named by its {@code model} property. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "model")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Loss.None.class, name = "none"),
        @JsonSubTypes.Type(value = Loss.Bernoulli.class, name = "bernoulli"),
        @JsonSubTypes.Type(value = Loss.GilbertElliott.class, name = "gilbertElliott")})
    sealed interface Loss {
        /** Nothing is lost. */
        record None() implements Loss {}

        /** Each unit lost independently. */
        record Bernoulli(Double probability) implements Loss {}

        /** A two-state Markov chain of loss. */
        record GilbertElliott(Double goodToBadProbability, Double badToGoodProbability, Double lossInGood,
                Double lossInBad) implements Loss {}
    }

    /** The protocol section. */
    record Protocol(Arq arq, Control control, Auth auth, Chunks chunks, Resume resume) {}

    /** Authentication and lock-out. */
    record Auth(AuthMode scheme, Integer maxFailedAttempts, Double lockoutSeconds) {}

    /** Chunked transfer with per-chunk digests and repair rounds. */
    record Chunks(Long chunkBytes, Integer repairRounds) {}

    /** Reconnection after a failed connection, and resuming from the verified prefix. */
    record Resume(Integer attempts, Double backoffSeconds, Double backoffMultiplier, Double maxBackoffSeconds,
            Double jitter, Boolean fromOffset, Double holdSeconds) {}

    /** The data transfer's ARQ. */
    record Arq(ArqMode mode, Integer windowFrames, Double retransmissionTimeoutSeconds, Integer retryLimit) {}

    /** Retries of control messages. */
    record Control(Double timeoutSeconds, Integer retryLimit) {}

    /** One base station, or {@code count} alike. */
    record Station(String id, Integer count, Integer channels, Long storageCapacityBytes, Boolean clearAfterDownload,
            Outages outages, Double retentionSeconds) {}

    /** When a station is down, and whether its store survives. */
    record Outages(List<DownPeriod> scheduled, Double meanUpSeconds, Double meanDownSeconds,
            Boolean persistentStorage) {}

    /** A scheduled down period. */
    record DownPeriod(Double startSeconds, Double endSeconds) {}

    /** The demand on every station. */
    record Workload(
            Integer subscribersPerStation,
            Double backupArrivalsPerSecond,
            Distribution userDataBytes,
            Integer bytesPerRecord,
            Double restoreShare,
            Distribution restoreDelaySeconds,
            Double wrongPasswordProbability) {}

    /** A distribution of sizes or delays, named by its {@code distribution} property. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "distribution")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Distribution.Fixed.class, name = "fixed"),
        @JsonSubTypes.Type(value = Distribution.Uniform.class, name = "uniform"),
        @JsonSubTypes.Type(value = Distribution.Exponential.class, name = "exponential"),
        @JsonSubTypes.Type(value = Distribution.LogNormal.class, name = "logNormal")})
    sealed interface Distribution {
        /** Always {@code value}. */
        record Fixed(Double value) implements Distribution {}

        /** Uniform on [min, max]. */
        record Uniform(Double min, Double max) implements Distribution {}

        /** Exponential with a mean. */
        record Exponential(Double mean) implements Distribution {}

        /** Log-normal, given by the mean and standard deviation of X, or of ln X. */
        record LogNormal(Double mean, Double stdDev, Double mu, Double sigma) implements Distribution {}
    }

    /** One flow started at a fixed time. */
    record Flow(Double atSeconds, FlowKind kind, String station, String phoneNumber, String storedNumber,
            Long sizeBytes, Integer recordCount, String password) {
        /** Every field but the password's value ({@link Redaction}). */
        @Override
        public String toString() {
            return "Flow[atSeconds=" + atSeconds + ", kind=" + kind + ", station=" + station + ", phoneNumber="
                    + phoneNumber + ", storedNumber=" + storedNumber + ", sizeBytes=" + sizeBytes + ", recordCount="
                    + recordCount + ", password=" + (password == null ? null : Redaction.MARKER) + "]";
        }
    }

    /** The sweep section. */
    record Sweep(List<Parameter> parameters) {}

    /** One swept field and its values. */
    record Parameter(String path, List<JsonNode> values) {}

    // ---- what each field accepts, for error messages (keep in step with scenarios/FORMAT.md) ----

    private static final Map<String, String> ALLOWED = allowedByField();

    /**
     * What field {@code field} accepts, in a few words; for an element of a list field, pass
     * {@code field + "[]"}. Null for names that are no field of the format.
     */
    static String allowed(String field) {
        return ALLOWED.get(field);
    }

    /** Every field name {@link #allowed(String)} knows. */
    static Set<String> documentedFields() {
        return ALLOWED.keySet();
    }

    /**
     * The fields of a record of this format, sorted, with the type property of its sealed interface
     * (e.g. {@code model}) if it has one.
     */
    static List<String> fieldsOf(Class<?> type) {
        List<String> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(component.getName());
            }
        }
        for (Class<?> parent : type.getInterfaces()) {
            JsonTypeInfo info = parent.getAnnotation(JsonTypeInfo.class);
            if (info != null) {
                fields.add(info.property());
            }
        }
        fields.sort(null);
        return fields;
    }

    /** The names of a sealed type's variants, in declaration order (e.g. none, bernoulli, gilbertElliott). */
    static List<String> variantsOf(Class<?> sealedType) {
        return Arrays.stream(sealedType.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).toList();
    }

    /** The type property of a sealed type of this format, e.g. {@code model}. */
    static String typePropertyOf(Class<?> sealedType) {
        return sealedType.getAnnotation(JsonTypeInfo.class).property();
    }

    private static String objectWith(Class<?> type) {
        return "an object with fields " + String.join(", ", fieldsOf(type));
    }

    private static String names(Object[] values) {
        return Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static Map<String, String> allowedByField() {
        Map<String, String> a = new LinkedHashMap<>();
        String lossVariants = String.join(", ", variantsOf(Loss.class));
        String distributionVariants = String.join(", ", variantsOf(Distribution.class));
        a.put("name", ScenarioName.ALLOWED);
        a.put("description", "any string");
        a.put("seed", "a whole number from -2^63 to 2^63-1");
        a.put("replications", "a whole number >= 1");
        a.put("engine", names(EngineChoice.values()));
        a.put("runLengthSeconds", "a finite number > 0 (seconds)");
        a.put("warmupSeconds", "a finite number >= 0 and < runLengthSeconds (seconds)");
        a.put("profile", names(Profile.values()));
        a.put("airInterface", objectWith(Air.class));
        a.put("uplink", objectWith(Link.class));
        a.put("downlink", objectWith(Link.class));
        a.put("setupDelaySeconds", "a finite number >= 0 (seconds)");
        a.put("setupFailureProbability", "a number in [0, 1]");
        a.put("meanTimeToFailureSeconds", "a number > 0 (seconds), or \"Infinity\" for links that never drop");
        a.put("releaseDelaySeconds", "a finite number >= 0 (seconds)");
        a.put("randomAccess", objectWith(RandomAccess.class));
        a.put("slotSeconds", "a finite number > 0 (seconds)");
        a.put("preambles", "a whole number >= 0; 0 switches contention off");
        a.put("backoffWindowSlots", "a whole number >= 1 (slots)");
        a.put("maxAttempts", "a whole number >= 1");
        a.put("rateBitsPerSecond", "a finite number > 0 (bit/s)");
        a.put("propagationDelaySeconds", "a finite number >= 0 (seconds)");
        a.put("framePayloadBytes", "a whole number >= 1 (bytes)");
        a.put("frameHeaderBytes", "a whole number >= 0 (bytes)");
        a.put("controlFrameBytes", "a whole number >= 1 (bytes)");
        a.put("loss", "an object with \"model\": " + lossVariants);
        a.put("corruption", objectWith(Corruption.class));
        a.put("undetectedProbability", "a number in [0, 1]");
        a.put("model", lossVariants);
        a.put("probability", "a number in [0, 1)");
        a.put("goodToBadProbability", "a number in (0, 1]");
        a.put("badToGoodProbability", "a number in (0, 1]");
        a.put("lossInGood", "a number in [0, 1], not 1 when lossInBad is 1");
        a.put("lossInBad", "a number in [0, 1], not 1 when lossInGood is 1");
        a.put("protocol", objectWith(Protocol.class));
        a.put("arq", objectWith(Arq.class));
        a.put("mode", names(ArqMode.values()));
        a.put("windowFrames", "a whole number >= 1, exactly 1 for STOP_AND_WAIT");
        a.put("retransmissionTimeoutSeconds", "a finite number > 0 (seconds)");
        a.put("retryLimit", "a whole number >= 0");
        a.put("control", objectWith(Control.class));
        a.put("timeoutSeconds", "a finite number > 0 (seconds)");
        a.put("auth", objectWith(Auth.class));
        a.put("scheme", names(AuthMode.values()));
        a.put("maxFailedAttempts", "a whole number >= 0; 0 never locks a number out");
        a.put("lockoutSeconds", "a finite number >= 0 (seconds)");
        a.put("chunks", objectWith(Chunks.class));
        a.put("chunkBytes", "a whole number >= 0 (bytes); 0 sends the object as one unit without chunk digests");
        a.put("repairRounds", "a whole number >= 0");
        a.put("resume", objectWith(Resume.class));
        a.put("attempts", "a whole number >= 1; 1 never reconnects");
        a.put("backoffSeconds", "a finite number >= 0 (seconds)");
        a.put("backoffMultiplier", "a finite number >= 1");
        a.put("maxBackoffSeconds", "a finite number >= backoffSeconds (seconds)");
        a.put("jitter", "a number in [0, 1]");
        a.put("fromOffset", "true or false");
        a.put("holdSeconds", "a finite number >= 0 (seconds)");
        a.put("stations", "a non-empty list of stations, each " + objectWith(Station.class));
        a.put("stations[]", objectWith(Station.class));
        a.put("id", "a non-blank string, unique among all stations (count n > 1 makes id-1 .. id-n)");
        a.put("count", "a whole number >= 1");
        a.put("channels", "a whole number >= 1");
        a.put("storageCapacityBytes", "a whole number >= 1 (bytes)");
        a.put("clearAfterDownload", "true or false");
        a.put("outages", objectWith(Outages.class));
        a.put("retentionSeconds", "a number > 0 (seconds), or \"Infinity\" to keep copies until restored");
        a.put("scheduled", "a list of down periods, each " + objectWith(DownPeriod.class) + ", sorted, not overlapping");
        a.put("scheduled[]", objectWith(DownPeriod.class));
        a.put("startSeconds", "a finite number >= 0 (seconds)");
        a.put("endSeconds", "a finite number > startSeconds (seconds)");
        a.put("meanUpSeconds", "a number > 0 (seconds), or \"Infinity\" for no random outages");
        a.put("meanDownSeconds", "a finite number > 0 (seconds)");
        a.put("persistentStorage", "true or false");
        a.put("workload", objectWith(Workload.class));
        a.put("subscribersPerStation", "a whole number >= 1");
        a.put("backupArrivalsPerSecond", "a finite number > 0 (arrivals per second at each station)");
        a.put("userDataBytes", "a distribution (bytes): an object with \"distribution\": " + distributionVariants);
        a.put("bytesPerRecord", "a whole number >= 1 (bytes)");
        a.put("restoreShare", "a number in [0, 1]");
        a.put("restoreDelaySeconds", "a distribution (seconds): an object with \"distribution\": "
                + distributionVariants);
        a.put("wrongPasswordProbability", "a number in [0, 1]");
        a.put("distribution", distributionVariants);
        a.put("value", "a finite number >= 0");
        a.put("min", "a finite number >= 0");
        a.put("max", "a finite number > min");
        a.put("mean", "a finite number > 0");
        a.put("stdDev", "a finite number > 0");
        a.put("mu", "a finite number");
        a.put("sigma", "a finite number > 0");
        a.put("flows", "a list of flows, each " + objectWith(Flow.class));
        a.put("flows[]", objectWith(Flow.class));
        a.put("atSeconds", "a finite number >= 0 and <= runLengthSeconds (seconds)");
        a.put("kind", names(FlowKind.values()));
        a.put("station", "the id of a station (after count expansion)");
        a.put("phoneNumber", "an optional '+' and 1 to 20 digits");
        a.put("storedNumber", "an optional '+' and 1 to 20 digits; for a BACKUP, the phoneNumber itself");
        a.put("sizeBytes", "a whole number >= 1 (bytes), for a BACKUP");
        a.put("recordCount", "a whole number >= 0, for a BACKUP");
        a.put("password", "a non-empty string; leave it out for a user who enters none");
        a.put("sweep", objectWith(Sweep.class));
        a.put("parameters", "a non-empty list of objects with fields path, values");
        a.put("parameters[]", objectWith(Parameter.class));
        a.put("path", "the path of a field of the resolved scenario, e.g. stations[0].channels");
        a.put("values", "a non-empty list of values for the field");
        a.put("values[]", "a value for the swept field");
        return Map.copyOf(a);
    }
}
