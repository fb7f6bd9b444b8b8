package io.radiolink.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.simulation.SimulationConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a scenario file, validates it and resolves it into runnable sweep points, or explains in one
 * line what is wrong and where; {@code scenarios/FORMAT.md} describes the format.
 *
 * <p>The steps: parse the JSON (comments allowed) noting every value's line and column; bind it to
 * plain records, strictly; fill in the defaults (the profile's for the air interface and protocol);
 * check the sweep against the resolved scenario; then for every point of the grid write its values
 * into the file as written, resolve and validate that like a file, and build the model's
 * {@link SimulationConfig}. Nothing is returned unless every point is valid.
 */
public final class ScenarioLoader {

    /** The largest scenario file read: the largest example is a few kB, a sweep of thousands of values fits. */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final String fileName;
    private final JsonDocument document;

    private ScenarioLoader(String fileName, JsonDocument document) {
        this.fileName = fileName;
        this.document = document;
    }

    /**
     * Loads {@code file}; {@code seedOverride} and {@code replicationsOverride} (the command line's
     * {@code --seed} and {@code --replications}) replace the file's values where present.
     *
     * @throws ScenarioException if the file cannot be read or is not a valid scenario, or an override is
     *     out of range; its message is the whole explanation
     */
    public static ResolvedScenario load(Path file, OptionalLong seedOverride, OptionalInt replicationsOverride)
            throws ScenarioException {
        if (replicationsOverride.isPresent()) {
            checkOption("--replications", () -> SimulationConfig.REPLICATIONS.check("--replications",
                    replicationsOverride.getAsInt()));
        }
        byte[] bytes = read(file);
        ScenarioLoader loader;
        try {
            loader = new ScenarioLoader(file.toString(), JsonDocument.parse(text(file, bytes)));
        } catch (Invalid e) {
            throw new ScenarioException(message(file.toString(), e.location, "", e));
        }
        return loader.resolve(file, sha256(bytes), seedOverride, replicationsOverride);
    }

    /**
     * Loads the scenario {@code text}, already read from {@code source} (named in messages): a resolved
     * scenario as a run folder's {@code scenario.json} holds it, read back by {@code merge} for its report's
     * layout (docs/runs.md, section 4). Its {@link ResolvedScenario#sourceSha256()} is of {@code text}'s UTF-8
     * bytes, not of the original file's.
     *
     * @throws ScenarioException if the text is not a valid scenario; its message is the whole explanation
     */
    public static ResolvedScenario load(Path source, String text) throws ScenarioException {
        ScenarioLoader loader;
        try {
            loader = new ScenarioLoader(source.toString(), JsonDocument.parse(text));
        } catch (Invalid e) {
            throw new ScenarioException(message(source.toString(), e.location, "", e));
        }
        return loader.resolve(source, sha256(text.getBytes(StandardCharsets.UTF_8)), OptionalLong.empty(),
                OptionalInt.empty());
    }

    /**
     * As {@link #load(Path, OptionalLong, OptionalInt)}, the file's {@code bytes} already read (on a machine
     * without the file: a Spark executor, given the bytes the driver loaded), decoded as a file is.
     *
     * @throws ScenarioException if the bytes are not a valid scenario, or an override is out of range
     */
    public static ResolvedScenario load(Path source, byte[] bytes, OptionalLong seedOverride,
            OptionalInt replicationsOverride) throws ScenarioException {
        ScenarioLoader loader;
        try {
            loader = new ScenarioLoader(source.toString(), JsonDocument.parse(text(source, bytes)));
        } catch (Invalid e) {
            throw new ScenarioException(message(source.toString(), e.location, "", e));
        }
        return loader.resolve(source, sha256(bytes), seedOverride, replicationsOverride);
    }

    /** The SHA-256 of {@code bytes}, in lower-case hexadecimal, as {@link ResolvedScenario#sourceSha256()} states a file's. */
    public static String sha256Of(byte[] bytes) {
        return sha256(bytes);
    }

    /**
     * Checks that {@code scenario} can be run: it has a workload or scripted flows (a scenario with
     * neither validates, but would start no flows).
     */
    public static void requireDemand(ResolvedScenario scenario) throws ScenarioException {
        SimulationConfig config = scenario.points().get(0).config();
        if (config.workload() == null && config.scriptedFlows().isEmpty()) {
            throw new ScenarioException(scenario.source() + ": workload: a workload or flows are required to run"
                    + " a scenario; allowed: " + Allowed.of(ScenarioFile.class, "workload"));
        }
    }

    private ResolvedScenario resolve(Path file, String sha256, OptionalLong seedOverride,
            OptionalInt replicationsOverride) throws ScenarioException {
        ScenarioFile resolved;
        ObjectNode tree;
        List<ScenarioFile.Parameter> parameters;
        try {
            resolved = resolveWritten(document.root(), seedOverride, replicationsOverride);
            tree = Binder.toTree(resolved);
            parameters = SweepGrid.parameters(resolved.sweep(), tree);
            requireFewerUnitsThanTheMost(parameters, resolved.replications());
        } catch (Invalid e) {
            throw located(e);
        }
        List<SweepPoint> points = new ArrayList<>();
        for (int[] indexes : SweepGrid.points(parameters)) {
            List<SweepValue> values = SweepGrid.valuesAt(parameters, indexes);
            try {
                points.add(point(points.size(), values, tree, seedOverride, replicationsOverride));
            } catch (Invalid e) {
                throw locatedAtPoint(e, points.size(), values, indexes, tree);
            }
        }
        ResolvedScenario scenario = new ResolvedScenario(file, sha256, tree, resolved.seed(), resolved.replications(),
                resolved.engine(), points);
        try {
            ScenarioName.check(scenario.name(), resolved.name() != null);
        } catch (Invalid e) {
            throw located(e);
        }
        return scenario;
    }

    /** Points times replications within {@link ResolvedScenario#MAX_UNITS}, checked before any point is built. */
    private static void requireFewerUnitsThanTheMost(List<ScenarioFile.Parameter> parameters, int replications)
            throws Invalid {
        long points = 1;
        for (ScenarioFile.Parameter parameter : parameters) {
            points *= parameter.values().size(); // at most SweepGrid.MAX_POINTS
        }
        long units = points * replications;
        if (units > ResolvedScenario.MAX_UNITS) {
            throw Invalid.at("replications", points + " sweep points x " + replications + " replications = " + units
                    + " units", "at most " + ResolvedScenario.MAX_UNITS + " units (sweep points x replications) in one run");
        }
    }

    /** Binds a scenario as written and fills in its defaults and the command line's overrides. */
    private static ScenarioFile resolveWritten(JsonNode written, OptionalLong seedOverride,
            OptionalInt replicationsOverride) throws Invalid {
        ScenarioFile resolved = Resolver.resolve(Binder.bind(written));
        return resolved.withRunControl(seedOverride.orElse(resolved.seed()),
                replicationsOverride.orElse(resolved.replications()));
    }

    /**
     * The point with {@code values}, built in one pass by one rule: the file as written with each value
     * written into it at its path, then resolved and validated like a file. Every default that depends
     * on a swept value (the profile's, the ARQ mode's window, resume's) thus follows it. {@code resolved}
     * (the scenario without the sweep, defaults filled in) supplies the variant names of loss models
     * and distributions a path enters where the file leaves them to the profile.
     */
    private SweepPoint point(int index, List<SweepValue> values, JsonNode resolved, OptionalLong seedOverride,
            OptionalInt replicationsOverride) throws Invalid {
        ObjectNode written = document.root().deepCopy();
        written.remove("sweep");
        for (SweepValue value : values) {
            JsonPaths.write(written, resolved, value.path(), value.value().deepCopy());
        }
        ScenarioFile scenario = resolveWritten(written, seedOverride, replicationsOverride);
        SimulationConfig config = ModelBuilder.build(scenario);
        return new SweepPoint(index, values, Binder.toTree(scenario), config);
    }

    /** A problem found before the sweep: located in the file. */
    private ScenarioException located(Invalid e) {
        JsonLocation location = e.location;
        if (location == null && e.atName) {
            location = document.nameAt(e.locatedPath);
        }
        if (location == null) {
            location = document.nearest(e.locatedPath);
        }
        return new ScenarioException(message(fileName, location, "", e));
    }

    /**
     * A problem at a sweep point: in a swept field, it is the sweep value's fault; otherwise it is the
     * file's if the scenario without the sweep has the same problem, else the combination's (a
     * warm-up longer than a swept run length).
     */
    private ScenarioException locatedAtPoint(Invalid e, int point, List<SweepValue> values, int[] indexes,
            ObjectNode resolved) {
        for (int i = 0; i < values.size(); i++) {
            String swept = values.get(i).path();
            // A bad field name inside a swept object, a field a swept value made unknown (a loss model
            // swept to "none" where the file gives a probability), or a problem anywhere in the object
            // whose variant a swept model or distribution name chose, is the value's fault too.
            String scope = JsonPaths.isTypeProperty(swept, resolved) ? JsonPaths.parent(swept) : swept;
            if (JsonPaths.within(e.locatedPath, scope)
                    || e.atName && !e.path.isEmpty() && JsonPaths.within(swept, e.path)) {
                String valuePath = "sweep.parameters[" + i + "].values[" + indexes[i] + "]";
                return new ScenarioException(message(fileName, document.valueAt(valuePath), valuePath + ": ", e));
            }
        }
        ObjectNode unswept = resolved.deepCopy();
        unswept.remove("sweep");
        try {
            ModelBuilder.build(Resolver.resolve(Binder.bind(unswept)));
        } catch (Invalid base) {
            if (base.sameAs(e)) {
                return located(e);
            }
        }
        List<String> assignments = new ArrayList<>();
        for (SweepValue value : values) {
            assignments.add(value.path() + " = " + Redaction.shown(value.path(), value.value()));
        }
        return located(e.withContext("(at sweep point " + point + ": " + String.join(", ", assignments) + ")"));
    }

    /** {@code <file>:<line>:<column>: <prefix><path>: <problem>; allowed: ...; did you mean '...'?} */
    private static String message(String file, JsonLocation location, String prefix, Invalid e) {
        StringBuilder m = new StringBuilder(file);
        if (location != null && location.getLineNr() > 0) {
            m.append(':').append(location.getLineNr()).append(':').append(location.getColumnNr());
        }
        m.append(": ").append(prefix);
        if (!e.path.isEmpty()) {
            m.append(e.path).append(": ");
        }
        m.append(e.problem);
        if (e.allowed != null) {
            m.append("; allowed: ").append(e.allowed);
        }
        if (e.suggestion != null) {
            m.append("; did you mean '").append(e.suggestion).append("'?");
        }
        return m.toString();
    }

    private static void checkOption(String option, Runnable check) throws ScenarioException {
        try {
            check.run();
        } catch (InvalidFieldException e) {
            throw new ScenarioException(option + ": " + e.problem());
        }
    }

    private static byte[] read(Path file) throws ScenarioException {
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(file + ": cannot read: is a directory");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new ScenarioException(file + ": cannot read: not a regular file (a pipe or a device?)");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ScenarioException(file + ": cannot read: " + size + " bytes, more than a scenario file may "
                        + "hold (" + MAX_FILE_BYTES + " bytes, 16 MiB)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": cannot read: no such file", e);
        } catch (AccessDeniedException e) {
            throw new ScenarioException(file + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The file's bytes as UTF-8 text, without a byte order mark. */
    private static String text(Path file, byte[] bytes) throws ScenarioException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": cannot read: not UTF-8 text", e);
        }
    }

    /** The SHA-256 of {@code bytes} in lower-case hexadecimal. */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
