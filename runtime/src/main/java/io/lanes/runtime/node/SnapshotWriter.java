package io.lanes.runtime.node;

import io.lanes.ledger.SegmentCleaner;
import io.lanes.ledger.SnapshotCatalog;
import io.lanes.ledger.SnapshotInfo;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes snapshots of the accounts on a background thread, records them in the ledger's
 * {@link SnapshotCatalog}, keeps the newest few and deletes the ledger segments older than the
 * oldest one kept.
 *
 * <p>A snapshot starts right after a flush at a block boundary whose block is durable: the account
 * files then hold exactly the state after that block. The snapshot is copied from those files
 * while execution goes on; the node skips its periodic flushes until the copy is done (the store
 * would make them wait). At most one snapshot is written at a time.
 */
final class SnapshotWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SnapshotWriter.class.getName());
    static final String FILE_SUFFIX = ".accounts";

    private final Path dataDir;
    private final OffHeapAccountStore store;
    private final int keepSnapshots;
    private final SnapshotCatalog catalog;
    private final ExecutorService thread;
    private volatile Future<?> running;

    SnapshotWriter(final Path dataDir, final OffHeapAccountStore store, final int keepSnapshots) throws IOException {
        this.dataDir = dataDir;
        this.store = store;
        this.keepSnapshots = keepSnapshots;
        this.catalog = SnapshotCatalog.open(dataDir);
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            final Thread snapshotThread = new Thread(runnable, "lanes-snapshot");
            snapshotThread.setDaemon(true);
            return snapshotThread;
        });
    }

    /** True while a snapshot is being written (the account files must not change). */
    boolean isWriting() {
        final Future<?> current = running;
        return current != null && !current.isDone();
    }

    /** The newest snapshot's slot, or -1. */
    long newestSlot() {
        final List<SnapshotInfo> snapshots = catalog.list();
        return snapshots.isEmpty() ? -1 : snapshots.get(snapshots.size() - 1).slot();
    }

    /**
     * Starts writing the snapshot of the state after the block at {@code slot}, which the account
     * files hold now (call right after the flush, with nothing in flight).
     */
    void start(final long slot, final Hash stateHash) {
        if (isWriting()) {
            throw new IllegalStateException("a snapshot is already being written");
        }
        running = thread.submit(() -> write(slot, stateHash));
    }

    private void write(final long slot, final Hash stateHash) {
        final long startNanos = System.nanoTime();
        final Path relative = Path.of(SnapshotCatalog.DIRECTORY, "slot-" + slot + FILE_SUFFIX);
        try {
            Files.createDirectories(dataDir.resolve(relative).getParent());
            final long accounts = store.writeSnapshot(dataDir.resolve(relative));
            final long bytes = Files.size(dataDir.resolve(relative));
            catalog.add(new SnapshotInfo(slot, stateHash, relative, System.currentTimeMillis()));
            for (final SnapshotInfo dropped : catalog.retainNewest(keepSnapshots)) {
                Files.deleteIfExists(catalog.resolve(dropped));
            }
            final List<Path> deleted = SegmentCleaner.clean(dataDir, catalog);
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "snapshot at slot %d: %d accounts, %.1f MB in %.2f s; %d old ledger segment(s) deleted",
                slot, accounts, bytes / 1e6, (System.nanoTime() - startNanos) / 1e9, deleted.size()));
        } catch (final IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the snapshot at slot " + slot + " failed (the previous ones are kept): " + e, e);
        }
    }

    /** Waits for a snapshot being written, then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.log(System.Logger.Level.ERROR, "a snapshot was still being written after 10 minutes");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
