package io.lanes.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Deletes the ledger segments that replay no longer needs: those whose every block is at or
 * below the oldest kept snapshot's slot. Segment {@code i} qualifies when segment {@code i+1}'s
 * header anchors at or below that slot (the anchor is segment {@code i}'s last block), so the
 * last segment is never deleted. Oldest first, then the folder is forced. Safe while a
 * {@link LedgerWriter} appends (it only touches the last segment and creates new ones); readers
 * must not be reading the deleted segments.
 */
public final class SegmentCleaner {
    private SegmentCleaner() {
    }

    /** Deletes the segments below the catalog's oldest snapshot; none if the catalog is empty. */
    public static List<Path> clean(final Path dataDir, final SnapshotCatalog catalog) throws IOException {
        final OptionalLong oldest = catalog.oldestSlot();
        return oldest.isPresent() ? deleteSegmentsThrough(dataDir, oldest.getAsLong()) : List.of();
    }

    /**
     * Deletes every segment all of whose blocks have slot at or below {@code keptSnapshotSlot}.
     *
     * @return the deleted files, oldest first
     */
    public static List<Path> deleteSegmentsThrough(final Path dataDir, final long keptSnapshotSlot) throws IOException {
        final Path ledgerDir = LedgerFormat.ledgerDirectory(dataDir);
        final long[] segments = LedgerFormat.listSegments(ledgerDir);
        final List<Path> deleted = new ArrayList<>();
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i + 1] != segments[i] + 1 || !endsAtOrBelow(ledgerDir, segments[i + 1], keptSnapshotSlot)) {
                break;
            }
            final Path segment = LedgerFormat.segmentPath(ledgerDir, segments[i]);
            Files.delete(segment);
            deleted.add(segment);
        }
        if (!deleted.isEmpty()) {
            LedgerFormat.forceDirectory(ledgerDir);
        }
        return deleted;
    }

    /** True if the segment before {@code nextSegment} ends at or below the slot (read from {@code nextSegment}'s anchor). */
    private static boolean endsAtOrBelow(final Path ledgerDir, final long nextSegment, final long slot) throws IOException {
        final SegmentHeader header = LedgerReader.readHeaderOrNull(LedgerFormat.segmentPath(ledgerDir, nextSegment));
        return header != null && header.anchorSlot() <= slot;
    }
}
