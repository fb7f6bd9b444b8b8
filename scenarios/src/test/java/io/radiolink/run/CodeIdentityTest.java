package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.simulation.Simulation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code identity: what the classes hash covers, read from folders and jars alike, and the build's version and commit. */
final class CodeIdentityTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path temp;

    @Test
    void compute_twice_sameIdentity() {
        CodeIdentity first = CodeIdentity.compute();
        CodeIdentity second = CodeIdentity.compute();
        assertEquals(first, second);
        assertEquals(first, CodeIdentity.current());
        assertSame(CodeIdentity.current(), CodeIdentity.current());
        assertArrayEquals(HexFormat.of().parseHex(first.classesSha256()), first.classesSha256Bytes());
    }

    /** On this class path core's and scenarios' classes are folders of classes (or module jars): both are hashed. */
    @Test
    void locations_theTwoModulesCodeSources() {
        List<Path> locations = CodeIdentity.locations();
        assertEquals(2, locations.size(), locations.toString());
        assertTrue(locations.get(0).toString().contains("core"), locations.toString());
        assertTrue(locations.get(1).toString().contains("scenarios"), locations.toString());
        assertNotEquals(CodeIdentity.classesSha256(locations.subList(0, 1)), CodeIdentity.current().classesSha256());
    }

    @Test
    void current_versionFromTheBuild() {
        String version = CodeIdentity.current().version();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
    }

    /** Built from a git checkout, the commit is its HEAD, a worktree's own included (not the main checkout's). */
    @Test
    void current_builtInAGitCheckout_itsHeadCommit() throws Exception {
        String head = git("rev-parse", "HEAD");
        assumeTrue(head != null && head.matches("[0-9a-f]{40}"), "not a git checkout, or no git command");
        assertEquals(head, CodeIdentity.current().commit());
    }

    /** The build's own outputs (target/, ignored by git) do not make it dirty: a clean checkout builds clean. */
    @Test
    void current_builtInACleanCheckout_notDirty() throws Exception {
        String status = git("status", "--porcelain");
        assumeTrue(status != null && status.isEmpty(), "not a clean git checkout, or no git command");
        assertEquals(Boolean.FALSE, CodeIdentity.current().dirty());
    }

    @Test
    void of_folderWithBuildAndGitProperties_theirValues() throws IOException {
        Path folder = folder(Map.of("io/radiolink/stats/A.class", "a"), true);
        Files.writeString(folder.resolve(CodeIdentity.GIT_PROPERTIES), "git.commit.id.full=" + COMMIT + "\ngit.dirty=true\n");
        CodeIdentity identity = CodeIdentity.of(List.of(folder));
        assertEquals("1.2.3", identity.version());
        assertEquals(COMMIT, identity.commit());
        assertEquals(Boolean.TRUE, identity.dirty());
        assertEquals(CodeIdentity.classesSha256(List.of(folder)), identity.classesSha256());
    }

    @Test
    void of_withoutGitProperties_noCommitNoDirtyFlag() throws IOException {
        CodeIdentity identity = CodeIdentity.of(List.of(folder(Map.of("io/radiolink/stats/A.class", "a"), true)));
        assertEquals("1.2.3", identity.version());
        assertNull(identity.commit());
        assertNull(identity.dirty());
    }

    /** The plugin could not read the repository: no commit, so no dirty flag either. */
    @Test
    void of_gitPropertiesWithoutCommit_noCommitNoDirtyFlag() throws IOException {
        Path folder = folder(Map.of("io/radiolink/stats/A.class", "a"), true);
        Files.writeString(folder.resolve(CodeIdentity.GIT_PROPERTIES), "git.dirty=false\n");
        CodeIdentity identity = CodeIdentity.of(List.of(folder));
        assertNull(identity.commit());
        assertNull(identity.dirty());
    }

    @Test
    void of_withoutBuildProperties_rejectedNamingTheLocation() throws IOException {
        Path folder = folder(Map.of("io/radiolink/stats/A.class", "a"), false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CodeIdentity.of(List.of(folder)));
        assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains(CodeIdentity.BUILD_PROPERTIES),
                e.getMessage());
    }

    @Test
    void classesSha256_theDocumentedLayout() throws Exception {
        Path folder = folder(Map.of("io/radiolink/stats/B.class", "bb", "io/radiolink/run/A.class", "a"), true);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        // Sorted by name: run/A before stats/B; each name, a 0 byte, the length in 8 bytes, the bytes.
        for (String[] entry : new String[][] {{"io/radiolink/run/A.class", "a"}, {"io/radiolink/stats/B.class", "bb"}}) {
            digest.update(entry[0].getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(8).putLong(entry[1].length()).array());
            digest.update(entry[1].getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(HexFormat.of().formatHex(digest.digest()), CodeIdentity.classesSha256(List.of(folder)));
    }

    /** A jar of the same entries (with folder entries and other files of its own) hashes as the folder. */
    @Test
    void classesSha256_jarOfTheSameEntries_equalsTheFolders() throws IOException {
        Map<String, String> files = Map.of("io/radiolink/stats/A.class", "a", "io/radiolink/run/unit/B.class", "b",
                "io/radiolink/profile/lte.properties", "c");
        Path folder = folder(files, true);
        Map<String, String> inJar = new LinkedHashMap<>(files);
        inJar.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        inJar.put("org/other/C.class", "x");
        inJar.put("io/radiolink/cli/Main.class", "y");
        assertEquals(CodeIdentity.classesSha256(List.of(folder)), CodeIdentity.classesSha256(List.of(jar(inJar))));
    }

    /** The real classes, from their folders (or module jars) and from one jar of them. */
    @Test
    void classesSha256_theModulesInOneJar_equalsTheirLocations() throws IOException {
        List<Path> locations = CodeIdentity.locations();
        assumeTrue(locations.stream().allMatch(Files::isDirectory), "the modules are jars here");
        Path jar = Files.createTempFile(temp, "modules", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path location : locations) {
                try (Stream<Path> walk = Files.walk(location)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(file));
                        out.closeEntry();
                    }
                }
            }
        }
        assertEquals(CodeIdentity.current().classesSha256(), CodeIdentity.classesSha256(List.of(jar)));
    }

    @Test
    void classesSha256_changesOnlyWithModelEntries() throws IOException {
        String base = CodeIdentity.classesSha256(List.of(folder(Map.of("io/radiolink/stats/A.class", "a"), true)));
        assertEquals(base, hash(Map.of("io/radiolink/stats/A.class", "a", "io/radiolink/report/R.class", "r",
                "io/radiolink/cli/C.class", "c", "io/radiolinkx/D.class", "d", "io/radiolink/E.class", "e")));
        assertNotEquals(base, hash(Map.of("io/radiolink/stats/A.class", "b")), "other bytes");
        assertNotEquals(base, hash(Map.of("io/radiolink/stats/A.class", "aa")), "more bytes");
        assertNotEquals(base, hash(Map.of("io/radiolink/stats/Z.class", "a")), "another name");
        assertNotEquals(base, hash(Map.of("io/radiolink/stats/A.class", "a", "io/radiolink/run/unit/U.class", "")),
                "an empty class more, in a subpackage");
        assertNotEquals(base, hash(Map.of("io/radiolink/stats/A.class", "a", "io/radiolink/scenario/x.txt", "")),
                "a resource more");
    }

    @Test
    void classesSha256_oneNameInTwoLocations_rejected() throws IOException {
        Path one = folder(Map.of("io/radiolink/stats/A.class", "a"), true);
        Path two = jar(Map.of("io/radiolink/stats/A.class", "a"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CodeIdentity.classesSha256(List.of(one, two)));
        assertTrue(e.getMessage().contains("io/radiolink/stats/A.class"), e.getMessage());
    }

    @Test
    void isModelEntry_modelPackagesAndTheirSubpackagesOnly() {
        assertTrue(CodeIdentity.isModelEntry("io/radiolink/engine/dsol/DsolEngine.class"));
        assertTrue(CodeIdentity.isModelEntry("io/radiolink/run/ScenarioRunner.class"));
        assertFalse(CodeIdentity.isModelEntry("io/radiolink/report/JsonReporter.class"));
        assertFalse(CodeIdentity.isModelEntry("io/radiolink/runner/X.class"));
        assertFalse(CodeIdentity.isModelEntry(CodeIdentity.BUILD_PROPERTIES));
        assertFalse(CodeIdentity.isModelEntry("io/radiolink/Root.class"));
    }

    @Test
    void anchors_oneOfEachModule() {
        assertEquals(List.of(Simulation.class, ResolvedScenario.class), CodeIdentity.ANCHORS);
        assertTrue(CodeIdentity.isModelEntry(Simulation.class.getName().replace('.', '/') + ".class"));
        assertTrue(CodeIdentity.isModelEntry(ResolvedScenario.class.getName().replace('.', '/') + ".class"));
    }

    @Test
    void constructor_badDigits_rejected() {
        String hash = "ab".repeat(32);
        assertThrows(IllegalArgumentException.class, () -> new CodeIdentity("1", "ABC", null, hash));
        assertThrows(IllegalArgumentException.class, () -> new CodeIdentity("1", null, null, "AB".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> new CodeIdentity("1", null, null, "ab"));
        assertThrows(NullPointerException.class, () -> new CodeIdentity(null, null, null, hash));
        assertEquals(hash, new CodeIdentity("1", COMMIT, false, hash).classesSha256());
    }

    private String hash(Map<String, String> files) throws IOException {
        return CodeIdentity.classesSha256(List.of(folder(files, true)));
    }

    /** A new folder of {@code files} (name to text), with a build.properties of version 1.2.3 if asked. */
    private Path folder(Map<String, String> files, boolean buildProperties) throws IOException {
        Path folder = Files.createTempDirectory(temp, "classes");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        if (buildProperties) {
            Path path = folder.resolve(CodeIdentity.BUILD_PROPERTIES);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "version=1.2.3\n");
        }
        return folder;
    }

    /** A new jar of {@code files}, each preceded by entries for its folders, as a jar tool writes them. */
    private Path jar(Map<String, String> files) throws IOException {
        Path jar = Files.createTempFile(temp, "classes", ".jar");
        Set<String> folders = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> entry : files.entrySet()) {
                String name = entry.getKey();
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    if (folders.add(name.substring(0, slash + 1))) {
                        out.putNextEntry(new JarEntry(name.substring(0, slash + 1)));
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new JarEntry(name));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** git's output in this folder, trimmed, or null if git is missing or fails. */
    private static String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            return null;
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.getErrorStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
    }
}
