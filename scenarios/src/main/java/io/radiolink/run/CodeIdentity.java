package io.radiolink.run;

import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.simulation.Simulation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The identity of the code that computes a run's units (docs/runs.md, section 2): the project
 * {@code version}, the git {@code commit} it was built from and whether the work tree differed from it
 * ({@code dirty}), both null for a build without git, and {@code classesSha256}, the SHA-256 over the
 * class files and resources of the {@link #MODEL_PACKAGES}, the same from a module jar, a shaded jar or a
 * folder of classes.
 *
 * @param version the Maven project version of core
 * @param commit the commit core was built from, 40 lower-case hexadecimal digits, or null
 * @param dirty whether the work tree had changes against that commit, or null
 * @param classesSha256 the classes hash, 64 lower-case hexadecimal digits
 */
public record CodeIdentity(String version, String commit, Boolean dirty, String classesSha256) {

    /**
     * The packages whose classes compute a unit, each with its subpackages: all of core's, and scenarios'
     * assembly of a file into a model and running of units ({@code run}, with the unit codec).
     */
    public static final List<String> MODEL_PACKAGES = List.of("io.radiolink.backhaul", "io.radiolink.engine",
            "io.radiolink.node", "io.radiolink.profile", "io.radiolink.protocol", "io.radiolink.radio",
            "io.radiolink.random", "io.radiolink.simulation", "io.radiolink.stats", "io.radiolink.workload",
            "io.radiolink.scenario", "io.radiolink.run");

    /**
     * The packages of core and scenarios that are not hashed: the reports, made again from the units at
     * every merge and named by the merging process's version and commit.
     */
    public static final List<String> NOT_MODEL = List.of("io.radiolink.report");

    /** One class of each module holding model packages; their code sources are what is hashed. */
    static final List<Class<?>> ANCHORS = List.of(Simulation.class, ResolvedScenario.class);

    /** core's project version ({@code version}), a resource Maven fills in. */
    static final String BUILD_PROPERTIES = "META-INF/radiolink/build.properties";
    /** The commit ({@code git.commit.id.full}) and dirty flag ({@code git.dirty}), in a build from git. */
    static final String GIT_PROPERTIES = "META-INF/radiolink/git.properties";

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Checks the digits of the commit and of the hash. */
    public CodeIdentity {
        Objects.requireNonNull(version, "version");
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            throw new IllegalArgumentException("a commit is 40 lower-case hexadecimal digits, was " + commit);
        }
        if (!SHA256.matcher(classesSha256).matches()) {
            throw new IllegalArgumentException("a classes hash is 64 lower-case hexadecimal digits, was "
                    + classesSha256);
        }
    }

    /**
     * The identity of the code running in this process, computed once (about 2 MB of class files read
     * and hashed on the first call).
     *
     * @throws IllegalStateException if the classes cannot be listed or read, or core's build.properties is
     *     missing (classes not built by Maven)
     */
    public static CodeIdentity current() {
        if (Current.FAILURE != null) {
            throw new IllegalStateException(Current.FAILURE.getMessage(), Current.FAILURE);
        }
        return Current.IDENTITY;
    }

    /** The 32 bytes of {@link #classesSha256}. */
    public byte[] classesSha256Bytes() {
        return HexFormat.of().parseHex(classesSha256);
    }

    /** Holds the identity of this process's code, or why it could not be had, computed when first asked for. */
    private static final class Current {
        static final CodeIdentity IDENTITY;
        static final RuntimeException FAILURE;

        static {
            CodeIdentity identity = null;
            RuntimeException failure = null;
            try {
                identity = compute();
            } catch (RuntimeException e) {
                failure = e;
            }
            IDENTITY = identity;
            FAILURE = failure;
        }
    }

    /** The identity of the code the {@link #ANCHORS} were loaded from, computed afresh. */
    static CodeIdentity compute() {
        return of(locations());
    }

    /**
     * The identity of the code in {@code locations} (jars or folders of classes), core's first: its
     * build.properties and git.properties are read.
     */
    static CodeIdentity of(List<Path> locations) {
        Path core = locations.get(0);
        Properties build = properties(core, BUILD_PROPERTIES)
                .orElseThrow(() -> new IllegalStateException(core + " has no " + BUILD_PROPERTIES
                        + ": core's classes were not built by Maven (its resources step writes the version)"));
        String version = build.getProperty("version");
        if (version == null || version.startsWith("${")) {
            throw new IllegalStateException(core + ": " + BUILD_PROPERTIES + " states no version");
        }
        Properties git = properties(core, GIT_PROPERTIES).orElseGet(Properties::new);
        String commit = git.getProperty("git.commit.id.full");
        boolean known = commit != null && COMMIT.matcher(commit).matches();
        String dirty = git.getProperty("git.dirty");
        return new CodeIdentity(version, known ? commit : null,
                known && dirty != null ? Boolean.valueOf(dirty) : null, classesSha256(locations));
    }

    /** The distinct code sources of the anchors, core's first: a jar each, or a folder of classes. */
    static List<Path> locations() {
        LinkedHashSet<Path> locations = new LinkedHashSet<>();
        for (Class<?> anchor : ANCHORS) {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IllegalStateException(anchor.getName() + " has no code source to hash");
            }
            try {
                locations.add(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                throw new IllegalStateException(anchor.getName() + " was loaded from " + source.getLocation()
                        + ", neither a jar nor a folder of classes", e);
            }
        }
        return List.copyOf(locations);
    }

    /**
     * The classes hash over {@code locations} (jars or folders): every entry under a model package, files
     * only, sorted by the unsigned UTF-8 bytes of its name ({@code io/radiolink/stats/Tally.class}); for
     * each, its name's UTF-8, a 0 byte, its length as 8 bytes (big-endian) and its bytes.
     *
     * @throws IllegalStateException if an entry is in two locations, or a location cannot be read
     */
    static String classesSha256(List<Path> locations) {
        Map<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
        Map<String, Path> foundIn = new TreeMap<>();
        for (Path location : locations) {
            for (Map.Entry<String, byte[]> entry : entries(location, CodeIdentity::isModelEntry).entrySet()) {
                Path first = foundIn.putIfAbsent(entry.getKey(), location);
                if (first != null) {
                    throw new IllegalStateException(entry.getKey() + " is both in " + first + " and in " + location
                            + ": the classes of one build are hashed, and this class path holds two");
                }
                entries.put(entry.getKey().getBytes(StandardCharsets.UTF_8), entry.getValue());
            }
        }
        MessageDigest digest = Sha256.digest();
        for (Map.Entry<byte[], byte[]> entry : entries.entrySet()) {
            digest.update(entry.getKey());
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(entry.getValue().length).array());
            digest.update(entry.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** True if {@code name}, a '/'-separated entry name, lies under a model package. */
    static boolean isModelEntry(String name) {
        for (String modelPackage : MODEL_PACKAGES) {
            if (name.startsWith(modelPackage.replace('.', '/') + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The files of {@code location} (a folder of classes or a jar) whose '/'-separated names are
     * {@code wanted}, by name.
     *
     * @throws IllegalStateException if the location cannot be read, or a jar holds a name twice
     */
    private static Map<String, byte[]> entries(Path location, Predicate<String> wanted) {
        Map<String, byte[]> entries = new TreeMap<>();
        try {
            if (Files.isDirectory(location)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(location)) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                String separator = location.getFileSystem().getSeparator();
                for (Path file : files) {
                    String name = location.relativize(file).toString().replace(separator, "/");
                    if (wanted.test(name)) {
                        entries.put(name, Files.readAllBytes(file));
                    }
                }
                return entries;
            }
            try (ZipFile jar = new ZipFile(location.toFile())) {
                for (Enumeration<? extends ZipEntry> all = jar.entries(); all.hasMoreElements();) {
                    ZipEntry entry = all.nextElement();
                    if (!entry.isDirectory() && wanted.test(entry.getName())) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            if (entries.put(entry.getName(), in.readAllBytes()) != null) {
                                throw new IllegalStateException(location + " holds " + entry.getName() + " twice");
                            }
                        }
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the classes in " + location + ": " + e.getMessage(), e);
        }
    }

    /** The properties file {@code name} in {@code location}, if it is there. */
    private static Optional<Properties> properties(Path location, String name) {
        byte[] bytes = entries(location, name::equals).get(name);
        if (bytes == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " in " + location + ": " + e.getMessage(), e);
        }
        return Optional.of(properties);
    }
}
