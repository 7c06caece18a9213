package io.lanes.ledger;

import io.lanes.sdk.Hash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliberate changes to a middle block, made with the record's CRC recomputed (so only the chain
 * and the signatures can catch them), and one without (the CRC catches it).
 */
class TamperDetectionTest {
    private static final int BLOCKS = 10;
    private static final int MIDDLE = 5;
    /** type, slot, parent slot, block time, blockhash. */
    private static final int STATE_HASH_OFFSET = 1 + 8 + 8 + 8 + 32;
    private static final int ENTRIES_OFFSET = STATE_HASH_OFFSET + 32 + 4;

    @TempDir
    Path dataDir;

    private List<Block> blocks;
    private Block middle;
    private Ledgers.Location location;

    @BeforeEach
    void writeLedger() throws IOException {
        final TestChain chain = new TestChain(31);
        blocks = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            blocks.add(chain.nextWithEntries(2, 3, 2));
        }
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC, blocks);
        middle = blocks.get(MIDDLE);
        location = Ledgers.locate(dataDir, middle.slot());
    }

    @Test
    void untouchedLedgerVerifiesAndCallsBackEveryBlockInOrder() throws IOException {
        final List<Long> slots = new ArrayList<>();
        final VerifyReport report = new LedgerVerifier(true).verify(dataDir, (slot, recorded, block) -> {
            slots.add(slot);
            assertEquals(block.stateHash(), recorded);
            return TestChain.stateHashOf(slot);
        });
        assertTrue(report.ok(), report.toString());
        assertEquals(BLOCKS, report.blocks());
        assertEquals(BLOCKS * 7, report.transactions());
        assertEquals(blocks.stream().map(Block::slot).toList(), slots);
        assertEquals(LedgerEnd.Tail.CLEAN, report.end().tail());
    }

    @Test
    void changedSignatureByteBreaksTheEntryChainAtThatEntry() throws IOException {
        tamper(transactionOffset(middle, 1, 2) + 1 + 17);
        final VerifyReport report = new LedgerVerifier(false).verify(dataDir, BlockCheck.NONE);
        assertProblem(report, LedgerProblem.Kind.ENTRY_HASH, middle.slot(), 1, -1);
        assertEquals(MIDDLE, report.blocks(), "blocks before the tampered one verified");
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            reader.forEachRemaining(block -> { });
            assertEquals(LedgerEnd.Tail.CORRUPT, reader.end().tail());
            assertEquals(LedgerProblem.Kind.ENTRY_HASH, reader.end().problem().kind());
            assertEquals(1, reader.end().problem().entryIndex());
            assertEquals(blocks.get(MIDDLE - 1).slot(), reader.end().lastSlot());
        }
    }

    @Test
    void changedMessageByteFailsSignatureVerificationAtThatTransaction() throws IOException {
        final int wireLength = middle.entries().get(2).transactionWire(1).length;
        tamper(transactionOffset(middle, 2, 1) + wireLength - 3);
        assertProblem(new LedgerVerifier(true).verify(dataDir, BlockCheck.NONE), LedgerProblem.Kind.BAD_SIGNATURE,
            middle.slot(), 2, 1);
        // The entry chain covers signatures only (as Solana's): without signature checks, re-execution must catch it.
        assertTrue(new LedgerVerifier(false).verify(dataDir, BlockCheck.NONE).ok());
    }

    @Test
    void changedEntryHashIsReportedAtThatEntry() throws IOException {
        tamper(entryHashOffset(middle, 2) + 31);
        assertProblem(new LedgerVerifier(false).verify(dataDir, BlockCheck.NONE), LedgerProblem.Kind.ENTRY_HASH,
            middle.slot(), 2, -1);
    }

    @Test
    void changedStateHashIsReportedByTheRuntimesComparison() throws IOException {
        tamper(STATE_HASH_OFFSET + 4);
        final VerifyReport report = new LedgerVerifier(true).verify(dataDir, (slot, recorded, block) -> TestChain.stateHashOf(slot));
        assertProblem(report, LedgerProblem.Kind.STATE_HASH, middle.slot(), -1, -1);
        assertTrue(report.problem().detail().contains(TestChain.stateHashOf(middle.slot()).toBase58()));
    }

    @Test
    void changedParentSlotBreaksTheSlotChain() throws IOException {
        final long parent = middle.parentSlot();
        assertTrue(parent > 0 && (parent & 0xFF) != 0);
        tamper(1 + 8, (int) (parent ^ (parent - 1)) & 0xFF);
        assertProblem(new LedgerVerifier(false).verify(dataDir, BlockCheck.NONE), LedgerProblem.Kind.SLOT_CHAIN,
            middle.slot(), -1, -1);
    }

    @Test
    void changedByteWithoutCrcFixIsABadRecordAfterThePreviousSlot() throws IOException {
        final byte[] bytes = Files.readAllBytes(location.segment());
        bytes[(int) (location.offset() + LedgerFormat.RECORD_HEADER_BYTES + transactionOffset(middle, 0, 0) + 40)] ^= 4;
        Files.write(location.segment(), bytes);
        final VerifyReport report = new LedgerVerifier(false).verify(dataDir, BlockCheck.NONE);
        assertFalse(report.ok());
        assertEquals(LedgerProblem.Kind.BAD_CRC, report.problem().kind());
        assertEquals(location.offset(), report.problem().offset());
        assertEquals(blocks.get(MIDDLE - 1).slot(), report.end().lastSlot());
        assertEquals(LedgerEnd.Tail.CORRUPT, report.end().tail(), "valid blocks follow: not a torn tail");
    }

    /** Forged records (random bytes changed or cut, CRC recomputed) never make reading or recovery throw. */
    @Test
    void forgedRecordsNeverThrow() throws IOException {
        final Ledgers.Location lastBlock = Ledgers.locate(dataDir, blocks.get(BLOCKS - 1).slot());
        final byte[] original = Files.readAllBytes(location.segment());
        final java.util.Random random = new java.util.Random(77);
        for (int round = 0; round < 300; round++) {
            final int recordStart = (int) (round % 2 == 0 ? location.offset() : lastBlock.offset());
            Files.write(location.segment(), forge(original, recordStart, random));
            final Ledgers.Read read = Ledgers.readAll(dataDir);
            assertTrue(read.blocks().size() >= (round % 2 == 0 ? MIDDLE : BLOCKS - 1), "round " + round);
            if (read.end().tail() != LedgerEnd.Tail.CLEAN) {
                assertEquals(LedgerEnd.Tail.CORRUPT, read.end().tail(), "a CRC-valid record is never a torn tail");
            }
            new LedgerVerifier(round % 10 == 0).verify(dataDir, BlockCheck.NONE);
            try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
                assertEquals(LedgerEnd.Tail.CLEAN, writer.recovered().tail());
            } catch (final LedgerCorruptException refused) {
                assertEquals(read.end().problem(), refused.problem(), "round " + round);
            }
        }
    }

    /** The file with one record's payload changed in 1 to 3 random bytes, or cut shorter, and its CRC fixed. */
    private static byte[] forge(final byte[] original, final int recordStart, final java.util.Random random) {
        final int payloadBytes = LedgerFormat.getIntLittleEndian(original, recordStart);
        final int payloadStart = recordStart + LedgerFormat.RECORD_HEADER_BYTES;
        byte[] bytes = original.clone();
        int newPayloadBytes = payloadBytes;
        if (random.nextInt(4) == 0) {
            newPayloadBytes = 1 + random.nextInt(payloadBytes - 1);
            final byte[] cut = java.util.Arrays.copyOf(bytes, original.length - (payloadBytes - newPayloadBytes));
            System.arraycopy(original, payloadStart + payloadBytes, cut, payloadStart + newPayloadBytes,
                original.length - payloadStart - payloadBytes);
            bytes = cut;
            LedgerFormat.putIntLittleEndian(bytes, recordStart, newPayloadBytes);
        } else {
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                bytes[payloadStart + random.nextInt(payloadBytes)] ^= (byte) (1 + random.nextInt(255));
            }
        }
        LedgerFormat.putIntLittleEndian(bytes, recordStart + 4, LedgerFormat.crc32c(bytes, payloadStart, newPayloadBytes));
        return bytes;
    }

    private static void assertProblem(final VerifyReport report, final LedgerProblem.Kind kind, final long slot,
                                      final int entryIndex, final int transactionIndex) {
        assertFalse(report.ok(), report.toString());
        final LedgerProblem problem = report.problem();
        assertEquals(kind, problem.kind(), problem.toString());
        assertEquals(slot, problem.slot(), problem.toString());
        assertEquals(entryIndex, problem.entryIndex(), problem.toString());
        assertEquals(transactionIndex, problem.transactionIndex(), problem.toString());
        assertTrue(problem.toString().contains("slot " + slot), problem.toString());
    }

    private void tamper(final int payloadOffset) throws IOException {
        tamper(payloadOffset, 0x10);
    }

    /** XORs one byte of the middle block's payload with {@code mask} and recomputes the record's CRC, as a forger would. */
    private void tamper(final int payloadOffset, final int mask) throws IOException {
        final byte[] bytes = Files.readAllBytes(location.segment());
        final int recordStart = (int) location.offset();
        final int payloadBytes = LedgerFormat.getIntLittleEndian(bytes, recordStart);
        assertTrue(payloadOffset < payloadBytes);
        bytes[recordStart + LedgerFormat.RECORD_HEADER_BYTES + payloadOffset] ^= (byte) mask;
        LedgerFormat.putIntLittleEndian(bytes, recordStart + 4,
            LedgerFormat.crc32c(bytes, recordStart + LedgerFormat.RECORD_HEADER_BYTES, payloadBytes));
        Files.write(location.segment(), bytes);
        final LedgerProblem problem = Ledgers.readAll(dataDir).end().problem();
        assertTrue(problem == null || problem.kind() != LedgerProblem.Kind.BAD_CRC, "the CRC was fixed: " + problem);
    }

    /** Payload offset of entry {@code e}'s hash. */
    private static int entryHashOffset(final Block block, final int e) {
        int offset = ENTRIES_OFFSET;
        for (int i = 0; i < e; i++) {
            offset += Hash.LENGTH + 4;
            for (final byte[] wire : block.entries().get(i).transactionWires()) {
                offset += 2 + wire.length;
            }
        }
        return offset;
    }

    /** Payload offset of the first wire byte of transaction {@code t} of entry {@code e}. */
    private static int transactionOffset(final Block block, final int e, final int t) {
        int offset = entryHashOffset(block, e) + Hash.LENGTH + 4;
        for (int i = 0; i < t; i++) {
            offset += 2 + block.entries().get(e).transactionWire(i).length;
        }
        return offset + 2;
    }
}
