package io.lanes.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders a pipeline or e2e run writes its ledger and data dir into, deleted after the run. */
final class ScratchDirs {
    private ScratchDirs() {
    }

    /** A new empty folder {@code parent/prefixNNNN} (the parent is created if needed). */
    static Path create(final Path parent, final String prefix) throws IOException {
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, prefix);
    }

    /** Deletes the folder and everything in it; a folder that is gone already is fine. */
    static void delete(final Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
