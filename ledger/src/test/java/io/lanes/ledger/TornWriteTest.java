package io.lanes.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash shapes at the end of the log: the last record cut at every byte, every byte of it
 * corrupted, a torn segment header, garbage and zeros after the last record. Recovery must end at
 * the last valid block, report cleanly, and appending afterwards must work.
 */
class TornWriteTest {
    @TempDir
    Path dataDir;

    private List<Block> valid;
    private Block last;
    private Block replacement;
    private Path segment;
    private byte[] original;
    private long lastRecordStart;

    @BeforeEach
    void writeSmallLedger() throws IOException {
        final TestChain chain = new TestChain(21);
        valid = Ledgers.blocks(chain, 4, 3, 3);
        final TestChain fork = chain.fork(99);
        last = chain.nextWithEntries(2);
        replacement = fork.nextWithEntries(1, 1);
        final List<Block> all = new ArrayList<>(valid);
        all.add(last);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC, all);
        segment = Ledgers.lastSegment(dataDir);
        original = Files.readAllBytes(segment);
        lastRecordStart = Ledgers.locate(dataDir, last.slot()).offset();
    }

    @Test
    void lastRecordCutAtEveryByte() throws IOException {
        for (long cut = lastRecordStart; cut < original.length; cut++) {
            Files.write(segment, Arrays.copyOf(original, (int) cut));
            final LedgerEnd.Tail expected = cut == lastRecordStart ? LedgerEnd.Tail.CLEAN : LedgerEnd.Tail.TORN;
            checkRecoversToLastValidBlock(Set.of(expected), "cut at " + cut);
        }
    }

    @Test
    void everyByteOfTheLastRecordCorrupted() throws IOException {
        for (final int mask : new int[] {0xFF, 0x01}) {
            for (int offset = (int) lastRecordStart; offset < original.length; offset++) {
                final byte[] corrupted = original.clone();
                corrupted[offset] ^= (byte) mask;
                Files.write(segment, corrupted);
                checkRecoversToLastValidBlock(Set.of(LedgerEnd.Tail.CORRUPT_TAIL, LedgerEnd.Tail.TORN),
                    "byte " + offset + " ^ " + mask);
            }
        }
    }

    @Test
    void garbageOrZerosAfterTheLastRecord() throws IOException {
        final Random random = new Random(5);
        for (final int length : new int[] {1, 7, 8, 9, 100, 4096, 70_000}) {
            final byte[] garbage = TestChain.randomBytes(random, length);
            Files.write(segment, concat(original, garbage));
            checkRecoversToLastValidBlock(Set.of(LedgerEnd.Tail.CORRUPT_TAIL, LedgerEnd.Tail.TORN), "garbage " + length);
            Files.write(segment, concat(original, new byte[length]));
            checkRecoversToLastValidBlock(Set.of(LedgerEnd.Tail.CORRUPT_TAIL, LedgerEnd.Tail.TORN), "zeros " + length);
        }
    }

    /** The writer and readers see the file as the test left it; then the writer recovers and appends. */
    private void checkRecoversToLastValidBlock(final Set<LedgerEnd.Tail> expectedTails, final String what) throws IOException {
        final byte[] onDisk = Files.readAllBytes(segment);
        final boolean lastSurvives = onDisk.length >= original.length
            && Arrays.equals(onDisk, 0, original.length, original, 0, original.length);
        final Ledgers.Read read = Ledgers.readAll(dataDir);
        final List<Block> expectedBlocks = new ArrayList<>(valid);
        if (lastSurvives) {
            expectedBlocks.add(last);
        }
        assertEquals(expectedBlocks, read.blocks(), what);
        assertTrue(expectedTails.contains(read.end().tail()), what + ": " + read.end());
        final Block lastValid = expectedBlocks.get(expectedBlocks.size() - 1);
        assertEquals(lastValid.slot(), read.end().lastSlot(), what);
        assertEquals(lastSurvives ? original.length : lastRecordStart, read.end().validBytes(), what);
        final Block following = lastSurvives
            ? new TestChain(7, TestChain.pool(), lastValid.slot(), read.end().lastEntryHash()).next(2, 2)
            : replacement;
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            assertEquals(lastValid.slot(), writer.lastSlot(), what);
            assertEquals(read.end().tail(), writer.recovered().tail(), what);
            writer.append(following);
        }
        final Ledgers.Read after = Ledgers.readAll(dataDir);
        expectedBlocks.add(following);
        assertEquals(expectedBlocks, after.blocks(), what);
        assertEquals(LedgerEnd.Tail.CLEAN, after.end().tail(), what);
    }

    @Test
    void tornHeaderOfANewSegmentIsDropped() throws IOException {
        final SegmentHeader header = new SegmentHeader(1, TestChain.GENESIS_SLOT, TestChain.GENESIS_HASH,
            last.slot(), last.lastEntryHash(null));
        final byte[] headerRecord = header.encodeRecord();
        final Path next = LedgerFormat.segmentPath(segment.getParent(), 1);
        for (int cut = 0; cut <= headerRecord.length; cut++) {
            Files.write(segment, original);
            Files.write(next, Arrays.copyOf(headerRecord, cut));
            final Ledgers.Read read = Ledgers.readAll(dataDir);
            assertEquals(last.slot(), read.end().lastSlot(), "cut " + cut);
            assertEquals(cut == headerRecord.length ? LedgerEnd.Tail.CLEAN : LedgerEnd.Tail.TORN, read.end().tail(), "cut " + cut);
            final Block following = new TestChain(cut, TestChain.pool(), last.slot(), last.lastEntryHash(null)).next(2, 2);
            try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
                assertEquals(last.slot(), writer.lastSlot());
                writer.append(following);
            }
            final List<Block> blocks = Ledgers.readAll(dataDir).blocks();
            assertEquals(following, blocks.get(blocks.size() - 1), "cut " + cut);
            assertEquals(valid.size() + 2, blocks.size());
            assertEquals(cut == headerRecord.length, Files.exists(next), "a torn header's segment is deleted; cut " + cut);
            Files.deleteIfExists(next);
        }
    }

    @Test
    void aSegmentOfGarbageWithoutAValidRecordStartsAFreshLedger() throws IOException {
        Files.write(segment, TestChain.randomBytes(new Random(8), 10_000));
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            assertEquals(TestChain.GENESIS_SLOT, writer.lastSlot());
            assertEquals(LedgerEnd.Tail.CLEAN, writer.recovered().tail());
        }
        assertEquals(List.of(), Ledgers.readAll(dataDir).blocks());
    }

    @Test
    void damageBeforeValidRecordsIsRefusedNotTruncated() throws IOException {
        final long secondBlock = Ledgers.locate(dataDir, valid.get(1).slot()).offset();
        final byte[] corrupted = original.clone();
        corrupted[(int) secondBlock + 20] ^= 1;
        Files.write(segment, corrupted);
        final Ledgers.Read read = Ledgers.readAll(dataDir);
        assertEquals(valid.subList(0, 1), read.blocks());
        assertEquals(LedgerEnd.Tail.CORRUPT, read.end().tail());
        assertEquals(LedgerProblem.Kind.BAD_CRC, read.end().problem().kind());
        assertEquals(secondBlock, read.end().problem().offset());
        final LedgerCorruptException refused = assertThrows(LedgerCorruptException.class,
            () -> Ledgers.openWriter(dataDir, Ledgers.NO_SYNC));
        assertEquals(secondBlock, refused.problem().offset());
        assertFalse(refused.getMessage().isEmpty());
        assertEquals(corrupted.length, Files.size(segment), "nothing truncated");
    }

    private static byte[] concat(final byte[] first, final byte[] second) {
        final byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
