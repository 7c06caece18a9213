package io.lanes.ledger;

import io.lanes.sdk.Hash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The links between segments: headers, anchors and gaps. */
class SegmentChainTest {
    @TempDir
    Path dataDir;

    private List<Block> blocks;
    private List<Path> segments;

    @BeforeEach
    void writeLedger() throws IOException {
        blocks = Ledgers.blocks(new TestChain(71), 120, 3, 5);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC.withSegmentBytes(8 * 1024), blocks);
        segments = Ledgers.segments(dataDir);
        assertTrue(segments.size() >= 5);
    }

    @Test
    void aHeaderAnchoredElsewhereIsReported() throws IOException {
        final SegmentHeader real = LedgerReader.readHeaderOrNull(segments.get(2));
        rewriteHeader(segments.get(2), new SegmentHeader(real.segmentIndex(), real.genesisSlot(), real.genesisHash(),
            real.anchorSlot(), Hash.ZERO));
        final Ledgers.Read read = Ledgers.readAll(dataDir);
        assertEquals(LedgerEnd.Tail.CORRUPT, read.end().tail());
        assertEquals(LedgerProblem.Kind.ANCHOR_MISMATCH, read.end().problem().kind());
        assertEquals(real.anchorSlot(), read.end().lastSlot());
        assertEquals(segments.get(2), read.end().problem().segment());
    }

    @Test
    void aSegmentOfAnotherChainOrIndexIsReported() throws IOException {
        final SegmentHeader real = LedgerReader.readHeaderOrNull(segments.get(3));
        rewriteHeader(segments.get(3), new SegmentHeader(real.segmentIndex(), real.genesisSlot(), Hash.ZERO,
            real.anchorSlot(), real.anchorEntryHash()));
        assertEquals(LedgerProblem.Kind.BAD_SEGMENT_HEADER, Ledgers.readAll(dataDir).end().problem().kind());
        rewriteHeader(segments.get(3), new SegmentHeader(real.segmentIndex() + 1, real.genesisSlot(), real.genesisHash(),
            real.anchorSlot(), real.anchorEntryHash()));
        assertEquals(LedgerProblem.Kind.BAD_SEGMENT_HEADER, Ledgers.readAll(dataDir).end().problem().kind());
    }

    @Test
    void aMissingMiddleSegmentIsReportedAndRecoveryStillUsesTheLastOne() throws IOException {
        Files.delete(segments.get(2));
        final Ledgers.Read read = Ledgers.readAll(dataDir);
        assertEquals(LedgerEnd.Tail.CORRUPT, read.end().tail());
        assertEquals(LedgerProblem.Kind.MISSING_SEGMENT, read.end().problem().kind());
        final VerifyReport report = new LedgerVerifier(false).verify(dataDir, BlockCheck.NONE);
        assertEquals(LedgerProblem.Kind.MISSING_SEGMENT, report.problem().kind());
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            assertEquals(blocks.get(blocks.size() - 1).slot(), writer.lastSlot(), "the writer reads only the last segment");
        }
    }

    @Test
    void aCorruptRecordInAnEarlierSegmentIsNotATail() throws IOException {
        final byte[] bytes = Files.readAllBytes(segments.get(1));
        bytes[bytes.length - 5] ^= 1;
        Files.write(segments.get(1), bytes);
        final Ledgers.Read read = Ledgers.readAll(dataDir);
        assertEquals(LedgerEnd.Tail.CORRUPT, read.end().tail());
        assertEquals(LedgerProblem.Kind.BAD_CRC, read.end().problem().kind());
        assertEquals(segments.get(1), read.end().segment());
        Files.write(segments.get(1), java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertEquals(LedgerProblem.Kind.TRUNCATED_RECORD, Ledgers.readAll(dataDir).end().problem().kind());
        assertEquals(LedgerEnd.Tail.CORRUPT, Ledgers.readAll(dataDir).end().tail());
    }

    @Test
    void theOnlySegmentLeftWithATornHeaderIsRefusedNotReplacedByGenesis() throws IOException {
        final Path last = segments.get(segments.size() - 1);
        for (final Path segment : segments) {
            if (!segment.equals(last)) {
                Files.delete(segment);
            }
        }
        Files.write(last, new byte[] {1, 2, 3});
        assertThrows(LedgerCorruptException.class, () -> Ledgers.openWriter(dataDir, Ledgers.NO_SYNC));
    }

    private static void rewriteHeader(final Path segment, final SegmentHeader header) throws IOException {
        final byte[] bytes = Files.readAllBytes(segment);
        final byte[] record = header.encodeRecord();
        System.arraycopy(record, 0, bytes, 0, record.length);
        Files.write(segment, bytes);
    }
}
