package io.lanes.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Snapshot files of the account store: every account of a flushed state, in the
 * {@link FlushJournal} format (records, then a trailer with the record count and a CRC32C over
 * every byte before it), so a snapshot cut short or damaged is recognised and refused.
 *
 * <p>A snapshot is written from the persisted files, which hold exactly the state of the last
 * flush, so it can be written on another thread while execution goes on; the store holds off its
 * next flush until the file is done. It is written under a temporary name, forced, then renamed.
 */
public final class AccountSnapshots {
    private static final String PARTIAL_SUFFIX = ".partial";
    private static final String RESTORING_SUFFIX = ".restoring";

    private AccountSnapshots() {
    }

    /** Writes the file's accounts to {@code target}; the caller keeps flushes out meanwhile. */
    static long write(final ChronicleAccountFile file, final Path target) throws IOException {
        final Path partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        final long[] count = new long[1];
        try (FlushJournal out = new FlushJournal(partial)) {
            out.begin();
            file.forEachAccount(record -> {
                try {
                    out.append(record);
                    count[0]++;
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.commit();
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
        return count[0];
    }

    /**
     * A store in memory holding the snapshot's accounts (for verification and tools).
     *
     * @throws IOException if the file is missing, cut short or fails its checksum
     */
    public static OffHeapAccountStore loadInMemory(final Path snapshot) throws IOException {
        final OffHeapAccountStore store = OffHeapAccountStore.inMemory();
        try {
            if (FlushJournal.replay(snapshot, store::restore) < 0) {
                throw new IOException("not a complete snapshot file (missing trailer or checksum mismatch): " + snapshot);
            }
            return store;
        } catch (final IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Replaces the store persisted in {@code directory} with the snapshot's accounts. The new
     * files are built beside it and renamed into place, so a crash leaves either the old store or
     * the complete new one (or, between the delete and the rename, no store: recovery then
     * restores again). The store must not be open.
     *
     * @throws IOException if the snapshot is not complete and valid (the old store is kept then)
     */
    public static void restore(final Path snapshot, final Path directory, final AccountStoreConfig config) throws IOException {
        final Path restoring = directory.resolveSibling(directory.getFileName() + RESTORING_SUFFIX);
        deleteTree(restoring);
        Files.createDirectories(restoring);
        final long records;
        try (ChronicleAccountFile file = ChronicleAccountFile.open(restoring, config)) {
            records = FlushJournal.replay(snapshot, file::apply);
        }
        if (records < 0) {
            deleteTree(restoring);
            throw new IOException("not a complete snapshot file (missing trailer or checksum mismatch): " + snapshot);
        }
        deleteTree(directory);
        Files.move(restoring, directory, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory.getParent());
    }

    private static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void forceDirectory(final Path directory) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(directory, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        } catch (final IOException ignored) {
            // Some file systems cannot force a directory; the rename is still atomic.
        }
    }
}
