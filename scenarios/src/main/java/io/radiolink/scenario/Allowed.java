package io.radiolink.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.StationConfig;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ArqMode;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.AuthMode;
import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.Corruption;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.Range;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.radio.share.CellDirection;
import io.radiolink.scenario.ScenarioFile.Air;
import io.radiolink.scenario.ScenarioFile.Arq;
import io.radiolink.scenario.ScenarioFile.Attachment;
import io.radiolink.scenario.ScenarioFile.Backhaul;
import io.radiolink.scenario.ScenarioFile.Auth;
import io.radiolink.scenario.ScenarioFile.Capacity;
import io.radiolink.scenario.ScenarioFile.Chunks;
import io.radiolink.scenario.ScenarioFile.Control;
import io.radiolink.scenario.ScenarioFile.Distribution;
import io.radiolink.scenario.ScenarioFile.DownPeriod;
import io.radiolink.scenario.ScenarioFile.Flow;
import io.radiolink.scenario.ScenarioFile.Link;
import io.radiolink.scenario.ScenarioFile.Loss;
import io.radiolink.scenario.ScenarioFile.Relocation;
import io.radiolink.scenario.ScenarioFile.Outages;
import io.radiolink.scenario.ScenarioFile.Parameter;
import io.radiolink.scenario.ScenarioFile.Protocol;
import io.radiolink.scenario.ScenarioFile.RandomAccess;
import io.radiolink.scenario.ScenarioFile.Resume;
import io.radiolink.scenario.ScenarioFile.Scheduler;
import io.radiolink.scenario.ScenarioFile.Station;
import io.radiolink.scenario.ScenarioFile.Storage;
import io.radiolink.scenario.ScenarioFile.Sweep;
import io.radiolink.scenario.ScenarioFile.Workload;
import io.radiolink.simulation.SimulationConfig;
import io.radiolink.workload.ScriptedFlow;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each field of the format accepts, in a few words, for error messages: keyed by the record of
 * {@link ScenarioFile} that holds the field and the field's name ({@code name[]} for an element of a
 * list field). A numeric field's text is its {@link Range} from the model's configuration record, where
 * the range is stated once, with the unit and a note; {@code scenarios/FORMAT.md}'s tables are checked
 * against these ranges by {@code ScenarioFormatDocumentationTest}.
 */
final class Allowed {

    /** Station {@code count}: the scenario's own field, the model knows only the expanded stations. */
    static final Range COUNT = Range.wholeAtLeast(1);

    private static final Map<Class<?>, Map<String, String>> TEXT = new HashMap<>();
    private static final Map<Class<?>, Map<String, Range>> RANGES = new HashMap<>();

    static {
        String lossVariants = String.join(", ", ScenarioFile.variantsOf(Loss.class));
        String distributionVariants = String.join(", ", ScenarioFile.variantsOf(Distribution.class));
        String seconds = "seconds";

        text(ScenarioFile.class, "name", ScenarioName.ALLOWED);
        text(ScenarioFile.class, "description", "any string");
        text(ScenarioFile.class, "seed", "a whole number from -2^63 to 2^63-1");
        range(ScenarioFile.class, "replications", SimulationConfig.REPLICATIONS, "", null);
        text(ScenarioFile.class, "engine", names(EngineChoice.values()));
        range(ScenarioFile.class, "runLengthSeconds", SimulationConfig.RUN_LENGTH_SECONDS, "", seconds);
        range(ScenarioFile.class, "warmupSeconds", SimulationConfig.WARMUP_SECONDS, " and < runLengthSeconds", seconds);
        text(ScenarioFile.class, "profile", names(Profile.values()));
        text(ScenarioFile.class, "airInterface", objectWith(Air.class));
        text(ScenarioFile.class, "protocol", objectWith(Protocol.class));
        text(ScenarioFile.class, "stations", "a non-empty list of stations, each " + objectWith(Station.class));
        text(ScenarioFile.class, "stations[]", objectWith(Station.class));
        text(ScenarioFile.class, "storage", "an object with \"mode\": "
                + String.join(", ", ScenarioFile.variantsOf(Storage.class)));
        text(ScenarioFile.class, "workload", objectWith(Workload.class));
        text(ScenarioFile.class, "flows", "a list of flows, each " + objectWith(Flow.class));
        text(ScenarioFile.class, "flows[]", objectWith(Flow.class));
        text(ScenarioFile.class, "sweep", objectWith(Sweep.class));

        text(Air.class, "uplink", objectWith(Link.class));
        text(Air.class, "downlink", objectWith(Link.class));
        range(Air.class, "setupDelaySeconds", AirInterface.DELAY_SECONDS, "", seconds);
        range(Air.class, "setupFailureProbability", AirInterface.SETUP_FAILURE_PROBABILITY, "", null);
        range(Air.class, "meanTimeToFailureSeconds", AirInterface.MEAN_TIME_TO_FAILURE_SECONDS,
                "; \"Infinity\" for links that never drop", seconds);
        range(Air.class, "releaseDelaySeconds", AirInterface.DELAY_SECONDS, "", seconds);
        text(Air.class, "randomAccess", objectWith(RandomAccess.class));
        String modes = String.join(", ", ScenarioFile.variantsOf(Capacity.class));
        String policies = String.join(", ", ScenarioFile.variantsOf(Scheduler.class));
        text(Air.class, "capacity", "a capacity mode: an object with \"mode\": " + modes);
        text(Capacity.class, "mode", modes);
        range(Capacity.Shared.class, "uplinkBitsPerSecond", CellDirection.CAPACITY_BITS_PER_SECOND, "", "bit/s");
        range(Capacity.Shared.class, "downlinkBitsPerSecond", CellDirection.CAPACITY_BITS_PER_SECOND, "", "bit/s");
        text(Capacity.Shared.class, "scheduler", "a scheduling policy: an object with \"policy\": " + policies);
        text(Scheduler.class, "policy", policies);
        range(Scheduler.RoundRobin.class, "intervalSeconds", io.radiolink.radio.share.RoundRobin.INTERVAL_SECONDS, "",
                seconds);

        range(RandomAccess.class, "slotSeconds", RandomAccessConfig.SLOT_SECONDS, "", seconds);
        range(RandomAccess.class, "preambles", RandomAccessConfig.PREAMBLES, "; 0 switches contention off", null);
        range(RandomAccess.class, "backoffWindowSlots", RandomAccessConfig.BACKOFF_WINDOW_SLOTS, "", "slots");
        range(RandomAccess.class, "maxAttempts", RandomAccessConfig.MAX_ATTEMPTS, "", null);

        range(Link.class, "rateBitsPerSecond", LinkConfig.RATE_BITS_PER_SECOND, "", "bit/s");
        range(Link.class, "propagationDelaySeconds", LinkConfig.PROPAGATION_DELAY_SECONDS, "", seconds);
        range(Link.class, "framePayloadBytes", LinkConfig.FRAME_PAYLOAD_BYTES, "", "bytes");
        range(Link.class, "frameHeaderBytes", LinkConfig.FRAME_HEADER_BYTES, "", "bytes");
        range(Link.class, "controlFrameBytes", LinkConfig.CONTROL_FRAME_BYTES, "", "bytes");
        text(Link.class, "loss", "an object with \"model\": " + lossVariants);
        text(Link.class, "corruption", objectWith(ScenarioFile.Corruption.class));

        range(ScenarioFile.Corruption.class, "probability", Corruption.PROBABILITY, "", null);
        range(ScenarioFile.Corruption.class, "undetectedProbability", Corruption.UNDETECTED_PROBABILITY, "", null);

        text(Loss.class, "model", lossVariants);
        range(Loss.Bernoulli.class, "probability", BernoulliLoss.LOSS_PROBABILITY, "", null);
        range(Loss.GilbertElliott.class, "goodToBadProbability", GilbertElliottLoss.TRANSITION_PROBABILITY, "", null);
        range(Loss.GilbertElliott.class, "badToGoodProbability", GilbertElliottLoss.TRANSITION_PROBABILITY, "", null);
        range(Loss.GilbertElliott.class, "lossInGood", GilbertElliottLoss.STATE_LOSS_PROBABILITY,
                ", not 1 when lossInBad is 1", null);
        range(Loss.GilbertElliott.class, "lossInBad", GilbertElliottLoss.STATE_LOSS_PROBABILITY,
                ", not 1 when lossInGood is 1", null);

        text(Protocol.class, "arq", objectWith(Arq.class));
        text(Protocol.class, "control", objectWith(Control.class));
        text(Protocol.class, "auth", objectWith(Auth.class));
        text(Protocol.class, "chunks", objectWith(Chunks.class));
        text(Protocol.class, "resume", objectWith(Resume.class));

        text(Arq.class, "mode", names(ArqMode.values()));
        range(Arq.class, "windowFrames", ArqConfig.WINDOW_FRAMES, ", exactly 1 for STOP_AND_WAIT", null);
        range(Arq.class, "retransmissionTimeoutSeconds", ArqConfig.RETRANSMISSION_TIMEOUT_SECONDS, "", seconds);
        range(Arq.class, "retryLimit", ArqConfig.RETRY_LIMIT, "", null);

        range(Control.class, "timeoutSeconds", ControlConfig.TIMEOUT_SECONDS, "", seconds);
        range(Control.class, "retryLimit", ControlConfig.RETRY_LIMIT, "", null);

        text(Auth.class, "scheme", names(AuthMode.values()));
        range(Auth.class, "maxFailedAttempts", AuthConfig.MAX_FAILED_ATTEMPTS, "; 0 never locks a number out", null);
        range(Auth.class, "lockoutSeconds", AuthConfig.LOCKOUT_SECONDS, "", seconds);

        range(Chunks.class, "chunkBytes", ChunkConfig.CHUNK_BYTES,
                "; 0 sends the object as one unit without chunk digests", "bytes");
        range(Chunks.class, "repairRounds", ChunkConfig.REPAIR_ROUNDS, "", null);

        range(Resume.class, "attempts", ResumeConfig.ATTEMPTS, "; 1 never reconnects", null);
        range(Resume.class, "backoffSeconds", ResumeConfig.SECONDS, "", seconds);
        range(Resume.class, "backoffMultiplier", ResumeConfig.BACKOFF_MULTIPLIER, "", null);
        range(Resume.class, "maxBackoffSeconds", ResumeConfig.SECONDS, " and >= backoffSeconds", seconds);
        range(Resume.class, "jitter", ResumeConfig.JITTER, "", null);
        text(Resume.class, "fromOffset", "true or false");
        range(Resume.class, "holdSeconds", ResumeConfig.SECONDS, "", seconds);
        text(Resume.class, "retryAccess", "true or false");

        text(Station.class, "id", "a non-blank string without control characters, unique among all stations "
                + "(count n > 1 makes id-1 .. id-n)");
        range(Station.class, "count", COUNT, "", null);
        range(Station.class, "channels", StationConfig.CHANNELS, "", null);
        range(Station.class, "storageCapacityBytes", StationConfig.STORAGE_CAPACITY_BYTES, "", "bytes");
        text(Station.class, "clearAfterDownload", "true or false");
        text(Station.class, "outages", objectWith(Outages.class));
        range(Station.class, "retentionSeconds", StationConfig.RETENTION_SECONDS, "; \"Infinity\" keeps copies until restored",
                seconds);

        text(Outages.class, "scheduled", "a list of down periods, each " + objectWith(DownPeriod.class)
                + ", sorted, not overlapping");
        text(Outages.class, "scheduled[]", objectWith(DownPeriod.class));
        range(Outages.class, "meanUpSeconds", OutageConfig.MEAN_UP_SECONDS, "; \"Infinity\" for no random outages",
                seconds);
        range(Outages.class, "meanDownSeconds", OutageConfig.MEAN_DOWN_SECONDS, "", seconds);
        text(Outages.class, "persistentStorage", "true or false");

        range(DownPeriod.class, "startSeconds", OutageConfig.DownPeriod.START_SECONDS, "", seconds);
        range(DownPeriod.class, "endSeconds", OutageConfig.DownPeriod.END_SECONDS, " and > startSeconds", seconds);

        String storageModes = String.join(", ", ScenarioFile.variantsOf(Storage.class));
        text(Storage.class, "mode", storageModes);
        text(Storage.Station.class, "peerFetch", objectWith(Backhaul.class));
        range(Storage.Network.class, "capacityBytes", StationConfig.STORAGE_CAPACITY_BYTES, "", "bytes");
        range(Storage.Network.class, "retentionSeconds", StationConfig.RETENTION_SECONDS,
                "; \"Infinity\" keeps copies until restored", seconds);
        text(Storage.Network.class, "outages", objectWith(Outages.class));
        text(Storage.Network.class, "backhaul", objectWith(Backhaul.class));
        text(Storage.Network.class, "relay", names(RelayMode.values()));
        text(Storage.Network.class, "perStation", "a list of attachments, each " + objectWith(Attachment.class));
        text(Storage.Network.class, "perStation[]", objectWith(Attachment.class));
        text(Attachment.class, "station", "the id of a station (after count expansion), attached once");
        text(Attachment.class, "backhaul", objectWith(Backhaul.class) + ", the fields left out the shared backhaul's");
        text(Attachment.class, "relay", names(RelayMode.values()));
        range(Backhaul.class, "rateBitsPerSecond", LinkConfig.RATE_BITS_PER_SECOND, "", "bit/s");
        range(Backhaul.class, "propagationDelaySeconds", LinkConfig.PROPAGATION_DELAY_SECONDS, "", seconds);
        range(Backhaul.class, "lossProbability", BackhaulConfig.LOSS_PROBABILITY, "", null);
        range(Backhaul.class, "retransmissionTimeoutSeconds", BackhaulConfig.RETRANSMISSION_TIMEOUT_SECONDS,
                " and >= 2 * propagationDelaySeconds when lossProbability > 0", seconds);
        text(Backhaul.class, "outages", objectWith(Outages.class));
        // core's BackhaulConfig names the nested field it refuses (a link stores nothing to lose).
        text(Backhaul.class, "outages.persistentStorage", "true (a backhaul stores nothing to lose)");

        range(Workload.class, "subscribersPerStation", io.radiolink.workload.WorkloadConfig.SUBSCRIBERS_PER_STATION,
                "", null);
        range(Workload.class, "backupArrivalsPerSecond", io.radiolink.workload.WorkloadConfig.BACKUP_ARRIVALS_PER_SECOND,
                "", "arrivals per second at each station");
        text(Workload.class, "userDataBytes", "a distribution (bytes): an object with \"distribution\": "
                + distributionVariants);
        range(Workload.class, "bytesPerRecord", io.radiolink.workload.WorkloadConfig.BYTES_PER_RECORD, "", "bytes");
        range(Workload.class, "restoreShare", io.radiolink.workload.WorkloadConfig.PROBABILITY, "", null);
        text(Workload.class, "restoreDelaySeconds", "a distribution (seconds): an object with \"distribution\": "
                + distributionVariants);
        range(Workload.class, "wrongPasswordProbability", io.radiolink.workload.WorkloadConfig.PROBABILITY, "", null);
        text(Workload.class, "restoreAfter", names(io.radiolink.workload.RestoreAfter.values()));
        text(Workload.class, "relocation", "a relocation model: an object with \"model\": "
                + String.join(", ", ScenarioFile.variantsOf(Relocation.class)));
        text(Relocation.class, "model", String.join(", ", ScenarioFile.variantsOf(Relocation.class)));
        range(Relocation.SameCell.class, "probability", io.radiolink.workload.Relocation.SameCell.PROBABILITY, "",
                null);
        text(Relocation.Matrix.class, "rows", io.radiolink.workload.Relocation.Matrix.ALLOWED);

        text(Distribution.class, "distribution", distributionVariants);
        range(Distribution.Fixed.class, "value", io.radiolink.workload.Distribution.Fixed.VALUE, "", null);
        range(Distribution.Uniform.class, "min", io.radiolink.workload.Distribution.Uniform.MIN, "", null);
        range(Distribution.Uniform.class, "max", io.radiolink.workload.Distribution.Uniform.MAX, " and > min", null);
        range(Distribution.Exponential.class, "mean", io.radiolink.workload.Distribution.Exponential.MEAN, "", null);
        range(Distribution.LogNormal.class, "mean", io.radiolink.workload.Distribution.LogNormal.MOMENT, "", null);
        range(Distribution.LogNormal.class, "stdDev", io.radiolink.workload.Distribution.LogNormal.MOMENT, "", null);
        range(Distribution.LogNormal.class, "mu", io.radiolink.workload.Distribution.LogNormal.MU, "", null);
        range(Distribution.LogNormal.class, "sigma", io.radiolink.workload.Distribution.LogNormal.SIGMA, "", null);

        range(Flow.class, "atSeconds", ScriptedFlow.AT_SECONDS, " and <= runLengthSeconds", seconds);
        text(Flow.class, "kind", names(FlowKind.values()));
        text(Flow.class, "station", "the id of a station (after count expansion)");
        text(Flow.class, "phoneNumber", "an optional '+' and 1 to 20 digits");
        text(Flow.class, "storedNumber", "an optional '+' and 1 to 20 digits; for a BACKUP, the phoneNumber itself");
        range(Flow.class, "sizeBytes", ScriptedFlow.Backup.USER_DATA_BYTES, ", for a BACKUP", "bytes");
        range(Flow.class, "recordCount", ScriptedFlow.Backup.RECORD_COUNT, ", for a BACKUP", null);
        text(Flow.class, "password", "a non-empty string; leave it out for a user who enters none");

        text(Sweep.class, "parameters", "a non-empty list of objects with fields path, values");
        text(Sweep.class, "parameters[]", objectWith(Parameter.class));
        text(Parameter.class, "path", "the path of a field of the resolved scenario, e.g. stations[0].channels");
        text(Parameter.class, "values", "a non-empty list of values for the field");
        text(Parameter.class, "values[]", "a value for the swept field");
    }

    private Allowed() {}

    /** What field {@code field} of record {@code owner} accepts, or null if it has no such field. */
    static String of(Class<?> owner, String field) {
        for (Class<?> type = owner; type != null; type = sealedParent(type)) {
            String text = TEXT.getOrDefault(type, Map.of()).get(field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** The range of numeric field {@code field} of record {@code owner}, or null if it is not numeric. */
    static Range rangeOf(Class<?> owner, String field) {
        return RANGES.getOrDefault(owner, Map.of()).get(field);
    }

    /** Every (record, field) with a range, by record. */
    static Map<Class<?>, Map<String, Range>> ranges() {
        return RANGES;
    }

    /**
     * What the field at {@code path} of the scenario {@code tree} accepts, or {@code fallback} when the
     * path names no field of the format; a variant of a loss model or distribution is told by the
     * tree's {@code model} or {@code distribution} property.
     */
    static String at(String path, JsonNode tree, String fallback) {
        if (path.isEmpty()) {
            return fallback;
        }
        String field = JsonPaths.lastField(path);
        String parent = JsonPaths.parent(path);
        Class<?> owner = ownerOf(field.endsWith("[]") ? JsonPaths.parent(parent) : parent, tree);
        String text = owner == null ? null : of(owner, field);
        return text != null ? text : fallback;
    }

    /** The record of the format that the object at {@code path} is bound to, or null. */
    static Class<?> ownerOf(String path, JsonNode tree) {
        Type type = ScenarioFile.class;
        String walked = "";
        for (String step : JsonPaths.stepsOf(path)) {
            if (step.startsWith("[")) {
                type = elementType(type);
                walked = walked + step;
            } else {
                type = componentType(raw(type), step);
                walked = JsonPaths.field(walked, step);
            }
            if (type == null) {
                return null;
            }
            type = variant(type, JsonPaths.get(tree, walked));
        }
        return raw(type);
    }

    /** The variant named by {@code node}'s type property if {@code type} is a sealed type of the format. */
    private static Type variant(Type type, JsonNode node) {
        Class<?> raw = raw(type);
        JsonSubTypes subTypes = raw == null ? null : raw.getAnnotation(JsonSubTypes.class);
        if (subTypes == null || node == null) {
            return type;
        }
        JsonNode name = node.get(ScenarioFile.typePropertyOf(raw));
        return Arrays.stream(subTypes.value()).filter(t -> name != null && t.name().equals(name.asText()))
                .<Type>map(JsonSubTypes.Type::value).findFirst().orElse(type);
    }

    private static Type componentType(Class<?> owner, String name) {
        if (owner == null || !owner.isRecord()) {
            return null;
        }
        return Arrays.stream(owner.getRecordComponents()).filter(c -> c.getName().equals(name))
                .map(RecordComponent::getGenericType).findFirst().orElse(null);
    }

    private static Type elementType(Type list) {
        return list instanceof ParameterizedType p && raw(p) == List.class ? p.getActualTypeArguments()[0] : null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    private static Class<?> sealedParent(Class<?> type) {
        return Arrays.stream(type.getInterfaces()).filter(Class::isSealed).findFirst().orElse(null);
    }

    private static void text(Class<?> owner, String field, String text) {
        TEXT.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(field, text);
    }

    /**
     * A numeric field: its range's description, a further condition ({@code note} not starting with
     * {@code ;}), the unit in brackets if any, then a remark ({@code note} starting with {@code ;}).
     */
    private static void range(Class<?> owner, String field, Range range, String note, String unit) {
        RANGES.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(field, range);
        String units = unit == null ? "" : " (" + unit + ")";
        boolean remark = note.startsWith(";");
        text(owner, field, range.describe() + (remark ? units + note : note + units));
    }

    private static String objectWith(Class<?> type) {
        return "an object with fields " + String.join(", ", ScenarioFile.fieldsOf(type));
    }

    private static String names(Object[] values) {
        return Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
    }
}
