package io.radiolink.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes an output folder all at once: everything goes into a hidden temporary folder beside the target,
 * which is moved into place only when complete. A failed or interrupted run leaves no half-written
 * target (the temporary folder is removed, also on Ctrl-C); an existing target is replaced only by a
 * complete new one.
 */
final class OutputFolder {

    /** Writes files into the folder it is given. */
    interface Writer {
        void writeInto(Path folder) throws IOException;
    }

    private OutputFolder() {}

    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        Path temporary = Files.createTempDirectory(parent, "." + name + ".tmp-");
        Thread cleanup = new Thread(() -> deleteQuietly(temporary), "radiolink-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            writer.writeInto(temporary);
            if (Files.exists(absolute)) {
                Path previous = Files.createTempDirectory(parent, "." + name + ".old-");
                Files.delete(previous);
                Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(previous);
            } else {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteQuietly(temporary);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to remove
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            if (Files.exists(folder)) {
                deleteRecursively(folder);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden temporary folder is harmless
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
