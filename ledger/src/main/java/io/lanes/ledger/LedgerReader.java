package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the blocks of a ledger in order across its segments, checking as it goes each record's
 * CRC32C, each segment header (index, chain identity, anchor) and the chain (each block's parent
 * is the previous block's slot; each entry hash is recomputed from its transactions' signatures).
 * It stops at the first bad place and never throws for bad bytes: {@link #end()} then says where
 * the valid log ends and why ({@link LedgerEnd}).
 *
 * <pre>{@code
 * try (LedgerReader reader = LedgerReader.open(dataDir)) {
 *     while (reader.hasNext()) { Block block = reader.next(); ... }
 *     LedgerEnd end = reader.end();
 * }
 * }</pre>
 *
 * <p>Reads each segment up to its size when it is opened; reading the last segment while a
 * writer appends may end in a {@code TORN} tail at the writer's position. I/O errors (not bad
 * bytes) are thrown as {@link UncheckedIOException}. Single-threaded.
 */
public final class LedgerReader implements Iterator<Block>, AutoCloseable {
    private final Path ledgerDir;
    private final long[] segments;
    private final long skipThroughSlot;
    private int segmentPosition = -1;
    private SegmentInput input;
    private ChainState chain;
    private Hash genesisHash;
    private long genesisSlot = -1;
    private Block nextBlock;
    private LedgerEnd end;
    private long lastSegmentIndex = -1;
    private Path blockSegment;
    private long blockOffset = -1;
    private Path nextBlockSegment;
    private long nextBlockOffset = -1;

    private LedgerReader(final Path ledgerDir, final long[] segments, final long skipThroughSlot) {
        this.ledgerDir = ledgerDir;
        this.segments = segments;
        this.skipThroughSlot = skipThroughSlot;
    }

    /** A reader of every block, from the oldest segment present in {@code dataDir/ledger}. */
    public static LedgerReader open(final Path dataDir) throws IOException {
        final Path ledgerDir = LedgerFormat.ledgerDirectory(dataDir);
        return new LedgerReader(ledgerDir, LedgerFormat.listSegments(ledgerDir), Long.MIN_VALUE);
    }

    /**
     * A reader that starts at the newest segment whose anchor is at or below {@code slot}, so the
     * segments before it are not read (they may have been deleted). The chain is checked from that
     * segment's anchor. The first blocks it returns may be at or below {@code slot}: the block
     * after {@code slot} is in that segment or a later one.
     */
    public static LedgerReader openAt(final Path dataDir, final long slot) throws IOException {
        final Path ledgerDir = LedgerFormat.ledgerDirectory(dataDir);
        final long[] all = LedgerFormat.listSegments(ledgerDir);
        int first = 0;
        for (int i = all.length - 1; i > 0; i--) {
            final SegmentHeader header = readHeaderOrNull(LedgerFormat.segmentPath(ledgerDir, all[i]));
            if (header != null && header.anchorSlot() <= slot) {
                first = i;
                break;
            }
        }
        return new LedgerReader(ledgerDir, Arrays.copyOfRange(all, first, all.length), Long.MIN_VALUE);
    }

    /** A reader of exactly these segments of {@code ledgerDir} (used by recovery: the last segment only). */
    static LedgerReader ofSegments(final Path ledgerDir, final long[] segments, final long skipThroughSlot) {
        return new LedgerReader(ledgerDir, segments.clone(), skipThroughSlot);
    }

    /** The genesis hash from the segment headers, or null before the first header was read or if none is valid. */
    public Hash genesisHash() {
        return genesisHash;
    }

    /** The genesis slot from the segment headers, or -1. */
    public long genesisSlot() {
        return genesisSlot;
    }

    @Override
    public boolean hasNext() {
        if (nextBlock == null && end == null) {
            try {
                nextBlock = readNextBlock();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return nextBlock != null;
    }

    @Override
    public Block next() {
        if (!hasNext()) {
            throw new NoSuchElementException(end.toString());
        }
        final Block block = nextBlock;
        nextBlock = null;
        blockSegment = nextBlockSegment;
        blockOffset = nextBlockOffset;
        return block;
    }

    /** The segment file of the block {@link #next()} returned last, or null before the first. */
    public Path lastBlockSegment() {
        return blockSegment;
    }

    /** The byte offset of that block's record in its segment, or -1. */
    public long lastBlockOffset() {
        return blockOffset;
    }

    /**
     * Where the valid log ends and why.
     *
     * @throws IllegalStateException if {@link #hasNext()} has not yet returned false
     */
    public LedgerEnd end() {
        if (end == null) {
            throw new IllegalStateException("the reader has not reached the end yet: call hasNext() until it is false");
        }
        return end;
    }

    /** The block after the current one, or null once {@link #end} is set. */
    private Block readNextBlock() throws IOException {
        while (true) {
            if (input == null && !openNextSegment()) {
                return null;
            }
            final SegmentInput.Outcome outcome = input.next();
            if (outcome == SegmentInput.Outcome.END) {
                closeInput();
                continue;
            }
            if (outcome != SegmentInput.Outcome.RECORD) {
                finishAtBadRecord(outcome);
                return null;
            }
            final Block block = decodeAndCheck();
            if (block != null && block.slot() > skipThroughSlot) {
                return block;
            }
            if (end != null) {
                return null;
            }
        }
    }

    /** The record just read as a chain-checked block, or null with {@link #end} set when it is not one. */
    private Block decodeAndCheck() {
        final Block block;
        try {
            block = BlockCodec.decode(input.payload());
        } catch (final LedgerFormatException | IllegalArgumentException malformed) {
            finishCorrupt(problem(LedgerProblem.Kind.MALFORMED_RECORD, claimedSlot(input.payload()), input.recordOffset(),
                malformed.getMessage()), input.recordOffset());
            return null;
        }
        final LedgerProblem broken = chain.check(block, input.path(), input.recordOffset());
        if (broken != null) {
            finishCorrupt(broken, input.recordOffset());
            return null;
        }
        chain.advance(block);
        nextBlockSegment = input.path();
        nextBlockOffset = input.recordOffset();
        return block;
    }

    /** The slot a block payload that did not decode says it is, or -1 if it is not a block or too short. */
    private static long claimedSlot(final byte[] payload) {
        if (payload.length < 1 + Long.BYTES || payload[0] != LedgerFormat.TYPE_BLOCK) {
            return -1;
        }
        final long slot = ByteBuffer.wrap(payload, 1, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return Math.max(slot, -1);
    }

    /** Opens the next segment and checks its header; false with {@link #end} set when there is none or it is bad. */
    private boolean openNextSegment() throws IOException {
        if (segmentPosition + 1 >= segments.length) {
            finishClean();
            return false;
        }
        segmentPosition++;
        final long segmentIndex = segments[segmentPosition];
        final Path path = LedgerFormat.segmentPath(ledgerDir, segmentIndex);
        if (lastSegmentIndex >= 0 && segmentIndex != lastSegmentIndex + 1) {
            end = new LedgerEnd(LedgerEnd.Tail.CORRUPT, chain.lastSlot(), chain.lastEntryHash(),
                LedgerFormat.segmentPath(ledgerDir, lastSegmentIndex), lastSegmentBytes(), 0,
                new LedgerProblem(LedgerProblem.Kind.MISSING_SEGMENT, -1, -1, -1, path, -1,
                    "segment " + (lastSegmentIndex + 1) + " is missing before segment " + segmentIndex));
            return false;
        }
        input = new SegmentInput(path);
        lastSegmentIndex = segmentIndex;
        return readSegmentHeader(segmentIndex);
    }

    private boolean readSegmentHeader(final long segmentIndex) throws IOException {
        final SegmentInput.Outcome outcome = input.next();
        if (outcome == SegmentInput.Outcome.END || outcome == SegmentInput.Outcome.TRUNCATED
            || outcome == SegmentInput.Outcome.BAD) {
            finishAtBadRecord(outcome == SegmentInput.Outcome.END ? SegmentInput.Outcome.TRUNCATED : outcome);
            return false;
        }
        final SegmentHeader header;
        try {
            header = SegmentHeader.decode(input.payload());
        } catch (final LedgerFormatException malformed) {
            finishCorrupt(problem(LedgerProblem.Kind.BAD_SEGMENT_HEADER, -1, 0, malformed.getMessage()), 0);
            return false;
        }
        final LedgerProblem mismatch = headerMismatch(header, segmentIndex);
        if (mismatch != null) {
            finishCorrupt(mismatch, 0);
            return false;
        }
        if (chain == null) {
            genesisHash = header.genesisHash();
            genesisSlot = header.genesisSlot();
            chain = new ChainState(header.anchorSlot(), header.anchorEntryHash());
        }
        return true;
    }

    /** Why this header does not belong here, or null. */
    private LedgerProblem headerMismatch(final SegmentHeader header, final long segmentIndex) {
        if (header.segmentIndex() != segmentIndex) {
            return problem(LedgerProblem.Kind.BAD_SEGMENT_HEADER, -1, 0,
                "the header says segment " + header.segmentIndex() + " but the file is segment " + segmentIndex);
        }
        if (chain == null) {
            return null;
        }
        if (!header.genesisHash().equals(genesisHash) || header.genesisSlot() != genesisSlot) {
            return problem(LedgerProblem.Kind.BAD_SEGMENT_HEADER, -1, 0,
                "the segment belongs to the chain of genesis " + header.genesisHash() + " at slot "
                + header.genesisSlot() + ", not " + genesisHash + " at slot " + genesisSlot);
        }
        if (header.anchorSlot() != chain.lastSlot() || !header.anchorEntryHash().equals(chain.lastEntryHash())) {
            return problem(LedgerProblem.Kind.ANCHOR_MISMATCH, -1, 0,
                "anchor (slot " + header.anchorSlot() + ", hash " + header.anchorEntryHash()
                + ") is not where the previous segment ends (slot " + chain.lastSlot() + ", hash " + chain.lastEntryHash() + ")");
        }
        return null;
    }

    /** A record that did not read back: a repairable tail only in the last segment with nothing valid after it. */
    private void finishAtBadRecord(final SegmentInput.Outcome outcome) throws IOException {
        final long offset = input.recordOffset();
        final boolean truncated = outcome == SegmentInput.Outcome.TRUNCATED;
        final LedgerProblem problem = problem(truncated ? LedgerProblem.Kind.TRUNCATED_RECORD : LedgerProblem.Kind.BAD_CRC,
            -1, offset, input.failure() + (chain == null ? "" : " (after slot " + chain.lastSlot() + ")"));
        final boolean lastSegment = segmentPosition == segments.length - 1;
        if (!lastSegment || input.validRecordAfter(offset)) {
            finishCorrupt(problem, offset);
            return;
        }
        finish(truncated ? LedgerEnd.Tail.TORN : LedgerEnd.Tail.CORRUPT_TAIL, problem, offset);
    }

    private void finishCorrupt(final LedgerProblem problem, final long validBytes) {
        finish(LedgerEnd.Tail.CORRUPT, problem, validBytes);
    }

    private void finish(final LedgerEnd.Tail tail, final LedgerProblem problem, final long validBytes) {
        end = new LedgerEnd(tail, chain == null ? -1 : chain.lastSlot(), chain == null ? null : chain.lastEntryHash(),
            input.path(), validBytes, input.sizeBytes() - validBytes, problem);
        closeInput();
    }

    private void finishClean() {
        final Path last = lastSegmentIndex < 0 ? null : LedgerFormat.segmentPath(ledgerDir, lastSegmentIndex);
        end = new LedgerEnd(LedgerEnd.Tail.CLEAN, chain == null ? -1 : chain.lastSlot(),
            chain == null ? null : chain.lastEntryHash(), last, lastSegmentBytes(), 0, null);
    }

    private long lastSegmentBytes() {
        try {
            return lastSegmentIndex < 0 ? 0 : Files.size(LedgerFormat.segmentPath(ledgerDir, lastSegmentIndex));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LedgerProblem problem(final LedgerProblem.Kind kind, final long slot, final long offset, final String detail) {
        return new LedgerProblem(kind, slot, -1, -1, input.path(), offset, detail);
    }

    private void closeInput() {
        if (input == null) {
            return;
        }
        try {
            input.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            input = null;
        }
    }

    /** The header of a segment file, or null if it cannot be read or is not valid. */
    static SegmentHeader readHeaderOrNull(final Path segment) throws IOException {
        try (SegmentInput header = new SegmentInput(segment)) {
            if (header.next() != SegmentInput.Outcome.RECORD) {
                return null;
            }
            return SegmentHeader.decode(header.payload());
        } catch (final LedgerFormatException malformed) {
            return null;
        }
    }

    @Override
    public void close() {
        closeInput();
    }
}
