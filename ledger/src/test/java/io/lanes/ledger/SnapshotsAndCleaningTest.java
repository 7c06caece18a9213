package io.lanes.ledger;

import io.lanes.sdk.Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotsAndCleaningTest {
    @TempDir
    Path dataDir;

    private SnapshotInfo snapshot(final long slot, final boolean withFiles) throws IOException {
        final Path path = Paths.get("snapshots", "snapshot-" + slot);
        if (withFiles) {
            Files.createDirectories(dataDir.resolve(path));
        }
        return new SnapshotInfo(slot, TestChain.stateHashOf(slot), path, 1_700_000_000_000L + slot);
    }

    @Test
    void catalogListsChoosesAndSurvivesReopen() throws IOException {
        final SnapshotCatalog catalog = SnapshotCatalog.open(dataDir);
        assertEquals(List.of(), catalog.list());
        assertEquals(Optional.empty(), catalog.newestValid());
        catalog.add(snapshot(30, true));
        catalog.add(snapshot(10, true));
        catalog.add(snapshot(50, false));
        assertEquals(List.of(10L, 30L, 50L), catalog.list().stream().map(SnapshotInfo::slot).toList());
        assertEquals(30, catalog.newestValid().orElseThrow().slot(), "slot 50's files are missing");
        assertEquals(10, catalog.newestValid(info -> info.slot() < 30).orElseThrow().slot());
        assertEquals(10, catalog.oldestSlot().getAsLong());

        final SnapshotCatalog reopened = SnapshotCatalog.open(dataDir);
        assertEquals(catalog.list(), reopened.list());
        assertTrue(reopened.remove(50));
        assertFalse(reopened.remove(50));
        assertEquals(List.of(snapshot(10, true)), reopened.retainNewest(1));
        assertEquals(List.of(snapshot(30, true)), SnapshotCatalog.open(dataDir).list());
        assertFalse(Files.exists(catalog.file().resolveSibling("catalog.tmp")), "no temporary file left");
    }

    @Test
    void aDamagedCatalogIsRefusedAndALeftoverTemporaryFileIgnored() throws IOException {
        final SnapshotCatalog catalog = SnapshotCatalog.open(dataDir);
        catalog.add(snapshot(7, true));
        Files.writeString(catalog.file().resolveSibling("catalog.tmp"), "half a catal");
        assertEquals(catalog.list(), SnapshotCatalog.open(dataDir).list());

        final byte[] bytes = Files.readAllBytes(catalog.file());
        bytes[30] ^= 1;
        Files.write(catalog.file(), bytes);
        assertThrows(LedgerCorruptException.class, () -> SnapshotCatalog.open(dataDir));
        Files.write(catalog.file(), "lanes-snapshot-catalog 1\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(LedgerCorruptException.class, () -> SnapshotCatalog.open(dataDir));
    }

    @Test
    void pathsWithSpacesRoundTrip() throws IOException {
        final SnapshotCatalog catalog = SnapshotCatalog.open(dataDir);
        final SnapshotInfo spaced = new SnapshotInfo(3, Hash.ZERO, Paths.get("/tmp/my snapshots/s 3"), 5);
        catalog.add(spaced);
        assertEquals(List.of(spaced), SnapshotCatalog.open(dataDir).list());
        assertThrows(IllegalArgumentException.class, () -> new SnapshotInfo(3, Hash.ZERO, Paths.get("a\nb"), 5));
    }

    @Test
    void cleaningDeletesOnlySegmentsWhollyAtOrBelowTheOldestSnapshotAndReplayStillWorks() throws IOException {
        final List<Block> blocks = Ledgers.blocks(new TestChain(51), 300, 3, 5);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC.withSegmentBytes(8 * 1024), blocks);
        final int segmentsBefore = Ledgers.segments(dataDir).size();
        final Block kept = blocks.get(180);
        final SnapshotCatalog catalog = SnapshotCatalog.open(dataDir);
        catalog.add(snapshot(kept.slot(), true));
        catalog.add(snapshot(blocks.get(250).slot(), true));

        final List<Path> deleted = SegmentCleaner.clean(dataDir, catalog);
        assertFalse(deleted.isEmpty());
        assertEquals(segmentsBefore - deleted.size(), Ledgers.segments(dataDir).size());
        final Ledgers.Read remaining = Ledgers.readAll(dataDir);
        assertEquals(LedgerEnd.Tail.CLEAN, remaining.end().tail(), remaining.end().toString());
        final Block firstRemaining = remaining.blocks().get(0);
        assertTrue(firstRemaining.slot() <= blocks.get(181).slot(), "the block after the snapshot is kept");
        assertTrue(firstRemaining.parentSlot() <= kept.slot());
        final int firstIndex = blocks.indexOf(firstRemaining);
        assertEquals(blocks.subList(firstIndex, blocks.size()), remaining.blocks());
        assertTrue(firstIndex > 100, "most of the old segments went: first kept block #" + firstIndex);

        try (Replay replay = Replay.open(dataDir, catalog.list().get(0))) {
            final List<Block> replayed = new ArrayList<>();
            replay.forEachRemaining(replayed::add);
            assertNull(replay.problem());
            assertEquals(blocks.subList(181, blocks.size()), replayed);
        }
        assertEquals(List.of(), SegmentCleaner.clean(dataDir, catalog), "nothing more to delete");
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            assertEquals(blocks.get(299).slot(), writer.lastSlot());
        }
    }

    @Test
    void theLastSegmentIsNeverDeleted() throws IOException {
        final List<Block> blocks = Ledgers.blocks(new TestChain(52), 100, 3, 5);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC.withSegmentBytes(8 * 1024), blocks);
        final Path last = Ledgers.lastSegment(dataDir);
        SegmentCleaner.deleteSegmentsThrough(dataDir, Long.MAX_VALUE);
        assertEquals(List.of(last), Ledgers.segments(dataDir));
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            assertEquals(blocks.get(99).slot(), writer.lastSlot());
        }
        assertEquals(List.of(), SegmentCleaner.deleteSegmentsThrough(dataDir, 0));
    }
}
