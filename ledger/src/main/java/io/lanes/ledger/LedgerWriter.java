package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Appends blocks to the ledger and makes them durable with group commit.
 *
 * <p>{@link #append(Block)} checks that the block continues the chain (parent slot, entry hashes),
 * encodes it and queues it; one writer thread takes every queued block at once (up to
 * {@link LedgerConfig#maxBatchBytes()}), writes them, calls {@link ChannelSync#force} once and
 * only then completes their futures with their slots, in append order. A block is confirmed when
 * its future completes, never before.
 *
 * <p><b>Backpressure:</b> when {@link LedgerConfig#queueCapacityBlocks()} blocks wait,
 * {@code append} blocks the caller until the writer makes room (the ledger's fsync rate is the
 * pace the runtime can confirm at); {@link #tryAppend(Block)} fails fast instead.
 *
 * <p><b>Opening</b> recovers: it reads the last segment, truncates a torn or corrupt tail (the
 * part of the last group commit that never became durable) and continues after the last valid
 * block. Damage that is not a tail (see {@link LedgerEnd.Tail#CORRUPT}) is refused with a
 * {@link LedgerCorruptException}; so is a folder of another chain. A lock file keeps a second
 * writer out.
 *
 * <p><b>Failure:</b> if a write or force fails, that batch and every later append fail
 * (exceptionally completed futures); the writer does not retry, since after a failed fsync the
 * file's state is unknown. The runtime must stop confirming and restart (which recovers).
 *
 * <p><b>Threading:</b> {@code append}, {@code tryAppend} and {@code close} may be called from any
 * thread; appends are ordered by a lock. Futures complete on the writer thread: keep their
 * continuations short or make them async, and never append from one (refused with
 * {@link IllegalStateException}: it could wait on its own queue).
 */
public final class LedgerWriter implements AutoCloseable {
    private static final int STAGING_BYTES = 1 << 20;
    private static final long OFFER_WAIT_MILLIS = 10;
    private static final Pending CLOSE = new Pending(null, -1, null);

    private final Path ledgerDir;
    private final LedgerConfig config;
    private final long genesisSlot;
    private final Hash genesisHash;
    private final BlockingQueue<Pending> queue;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LedgerEnd recovered;
    private final Thread thread;

    private final Object appendLock = new Object();
    private final ChainState appendChain;
    private boolean closed;
    private volatile Throwable failure;

    // Writer thread state.
    private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_BYTES);
    private final List<Pending> unforced = new ArrayList<>();
    private final List<Pending> batch = new ArrayList<>();
    private FileChannel channel;
    private long segmentIndex;
    private long segmentSizeBytes;
    private boolean segmentHasBlocks;
    private long lastWrittenSlot;
    private Hash lastWrittenHash;

    // Written by the writer thread only; read by anyone.
    private volatile long durableSlot;
    private volatile long blocksWritten;
    private volatile long bytesWritten;
    private volatile long forces;
    private volatile long forceNanos;

    private LedgerWriter(final Path ledgerDir, final LedgerConfig config, final long genesisSlot, final Hash genesisHash,
                         final FileChannel lockChannel, final FileLock lock) throws IOException {
        this.ledgerDir = ledgerDir;
        this.config = config;
        this.genesisSlot = genesisSlot;
        this.genesisHash = genesisHash;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacityBlocks());
        this.recovered = recover();
        this.appendChain = new ChainState(lastWrittenSlot, lastWrittenHash);
        this.durableSlot = lastWrittenSlot;
        this.thread = new Thread(this::runWriter, "lanes-ledger-writer");
        thread.setDaemon(true);
    }

    /**
     * Opens (creating if needed) the ledger in {@code dataDir/ledger} and starts the writer
     * thread. A new ledger starts its chain at {@code genesisSlot} and {@code genesisHash}: the
     * first block's parent slot is {@code genesisSlot} and its first entry chains from
     * {@code genesisHash}. An existing ledger must be of that genesis.
     *
     * @throws LedgerCorruptException if the ledger is damaged beyond a tail or is of another genesis
     * @throws IOException if the files cannot be read or written, or another writer holds the ledger
     */
    public static LedgerWriter open(final Path dataDir, final long genesisSlot, final Hash genesisHash,
                                    final LedgerConfig config) throws IOException {
        if (genesisSlot < 0) {
            throw new IllegalArgumentException("genesis slot " + genesisSlot + " < 0");
        }
        final Path ledgerDir = LedgerFormat.ledgerDirectory(dataDir);
        if (!Files.isDirectory(ledgerDir)) {
            Files.createDirectories(ledgerDir);
            config.sync().forceDirectory(ledgerDir.toAbsolutePath().getParent());
        }
        final FileChannel lockChannel = FileChannel.open(ledgerDir.resolve("writer.lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            final FileLock lock = lockWriter(lockChannel, ledgerDir);
            final LedgerWriter writer = new LedgerWriter(ledgerDir, config, genesisSlot, genesisHash, lockChannel, lock);
            writer.thread.start();
            return writer;
        } catch (final IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    /** {@link #open(Path, long, Hash, LedgerConfig)} with {@link LedgerConfig#DEFAULT}. */
    public static LedgerWriter open(final Path dataDir, final long genesisSlot, final Hash genesisHash) throws IOException {
        return open(dataDir, genesisSlot, genesisHash, LedgerConfig.DEFAULT);
    }

    private static FileLock lockWriter(final FileChannel lockChannel, final Path ledgerDir) throws IOException {
        try {
            final FileLock lock = lockChannel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (final OverlappingFileLockException heldHere) {
            // Another writer of this JVM holds it.
        }
        throw new IOException("another ledger writer has " + ledgerDir + " open");
    }

    /**
     * Queues a block; the future completes with its slot once its record is durable, or
     * exceptionally if the writer fails. Blocks the caller while the queue is full.
     *
     * @throws IllegalArgumentException if the block does not continue the chain (its parent slot is
     *     not {@link #lastSlot()}, or an entry hash is not the one {@link EntryHasher} computes) or
     *     is too large for a record; nothing is queued then
     */
    public CompletableFuture<Long> append(final Block block) {
        refuseWriterThread();
        final Pending pending = prepare(block);
        synchronized (appendLock) {
            final CompletableFuture<Long> refused = refusal();
            if (refused != null) {
                return refused;
            }
            checkChain(block, pending);
            try {
                while (!queue.offer(pending, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (failure != null) {
                        return failed(failure);
                    }
                }
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(interrupted);
            }
            return accepted(block, pending);
        }
    }

    /**
     * {@link #append(Block)} without waiting: empty if the queue is full (nothing is queued and the
     * chain does not advance; try again later).
     */
    public Optional<CompletableFuture<Long>> tryAppend(final Block block) {
        final Pending pending = prepare(block);
        synchronized (appendLock) {
            final CompletableFuture<Long> refused = refusal();
            if (refused != null) {
                return Optional.of(refused);
            }
            checkChain(block, pending);
            if (!queue.offer(pending)) {
                return Optional.empty();
            }
            return Optional.of(accepted(block, pending));
        }
    }

    /** A continuation of a future runs on the writer thread; appending or closing from there could wait on itself. */
    private void refuseWriterThread() {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("append from the ledger writer thread (a future's continuation): "
                + "make the continuation async");
        }
    }

    private static Pending prepare(final Block block) {
        return new Pending(BlockCodec.encodeRecord(block), block.slot(), new CompletableFuture<>());
    }

    private CompletableFuture<Long> refusal() {
        assert Thread.holdsLock(appendLock);
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the ledger writer is closed"));
        }
        return failure == null ? null : failed(failure);
    }

    /** Throws if the block does not continue the chain; else notes where the chain stands after it. */
    private void checkChain(final Block block, final Pending pending) {
        final LedgerProblem problem = appendChain.check(block, null, -1);
        if (problem != null) {
            throw new IllegalArgumentException("block does not continue the ledger: " + problem);
        }
        pending.entryHashAfter = block.lastEntryHash(appendChain.lastEntryHash());
    }

    /** The block is queued: advance the chain; if the writer failed meanwhile, fail what it left queued. */
    private CompletableFuture<Long> accepted(final Block block, final Pending pending) {
        appendChain.advance(block);
        if (failure != null) {
            failQueued(failure);
        }
        return pending.future;
    }

    /** The last appended block's slot (the genesis slot before any): the next block's parent slot. */
    public long lastSlot() {
        synchronized (appendLock) {
            return appendChain.lastSlot();
        }
    }

    /** The entry hash after the last appended block: where the next block's first entry chains from. */
    public Hash lastEntryHash() {
        synchronized (appendLock) {
            return appendChain.lastEntryHash();
        }
    }

    /** The last slot whose record is durable (the genesis slot or the recovered last slot before any). */
    public long durableSlot() {
        return durableSlot;
    }

    public long genesisSlot() {
        return genesisSlot;
    }

    public Hash genesisHash() {
        return genesisHash;
    }

    /** What opening found: where the valid log ended and what it truncated ({@code bytesAfter}). */
    public LedgerEnd recovered() {
        return recovered;
    }

    /** Counters since open. */
    public Stats stats() {
        return new Stats(blocksWritten, bytesWritten, forces, forceNanos, durableSlot);
    }

    /**
     * Writer counters.
     *
     * @param blocksWritten block records written
     * @param bytesWritten  bytes written, segment headers included
     * @param forces        {@link ChannelSync#force} calls (group commits, plus one per new segment)
     * @param forceNanos    time spent in them
     * @param durableSlot   the last slot known durable
     */
    public record Stats(long blocksWritten, long bytesWritten, long forces, long forceNanos, long durableSlot) {
    }

    /**
     * Stops accepting blocks, writes and forces everything queued, and closes the files. Futures
     * of queued blocks complete before this returns.
     *
     * @throws IOException if the writer had failed (the futures carry the cause)
     */
    @Override
    public void close() throws IOException {
        refuseWriterThread();
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            while (thread.isAlive() && !queue.offer(CLOSE, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                // The writer drains the queue; wait for room for the close marker.
            }
            thread.join();
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the ledger writer", interrupted);
        } finally {
            closeFiles();
        }
        if (failure != null) {
            throw new IOException("the ledger writer had failed", failure);
        }
    }

    private void closeFiles() throws IOException {
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    // ---- recovery (constructor, before the writer thread starts) ----

    /** Finds the end of the valid log, cuts a torn tail and opens the last segment for appending. */
    private LedgerEnd recover() throws IOException {
        while (true) {
            final long[] segments = LedgerFormat.listSegments(ledgerDir);
            if (segments.length == 0) {
                return startNewLedger();
            }
            final long last = segments[segments.length - 1];
            final LedgerEnd end;
            final Hash foundGenesis;
            final long foundGenesisSlot;
            try (LedgerReader reader = LedgerReader.ofSegments(ledgerDir, new long[] {last}, Long.MAX_VALUE)) {
                if (reader.hasNext()) {
                    throw new AssertionError("a reader skipping every slot returned a block");
                }
                end = reader.end();
                foundGenesis = reader.genesisHash();
                foundGenesisSlot = reader.genesisSlot();
            }
            if (end.tail() == LedgerEnd.Tail.CORRUPT) {
                throw new LedgerCorruptException(end.problem());
            }
            if (foundGenesis == null) {
                dropHeaderlessSegment(end, last, segments.length);
                continue;
            }
            checkGenesis(foundGenesis, foundGenesisSlot);
            return resume(end, last);
        }
    }

    private LedgerEnd startNewLedger() throws IOException {
        lastWrittenSlot = genesisSlot;
        lastWrittenHash = genesisHash;
        createSegment(0);
        return new LedgerEnd(LedgerEnd.Tail.CLEAN, genesisSlot, genesisHash, LedgerFormat.segmentPath(ledgerDir, 0),
            segmentSizeBytes, 0, null);
    }

    /** A last segment whose header never became durable holds nothing: delete it and recover the one before. */
    private void dropHeaderlessSegment(final LedgerEnd end, final long last, final int segmentCount) throws IOException {
        assert end.isRepairableTail() && end.validBytes() == 0 : end;
        if (segmentCount == 1 && last != 0) {
            throw new LedgerCorruptException("the only segment " + last + " has no valid header and the segments "
                + "before it are gone: cannot tell where the chain stands (" + end + ")");
        }
        Files.delete(LedgerFormat.segmentPath(ledgerDir, last));
        config.sync().forceDirectory(ledgerDir);
    }

    private void checkGenesis(final Hash foundGenesis, final long foundGenesisSlot) throws LedgerCorruptException {
        if (!foundGenesis.equals(genesisHash) || foundGenesisSlot != genesisSlot) {
            throw new LedgerCorruptException(ledgerDir + " holds the ledger of genesis " + foundGenesis + " at slot "
                + foundGenesisSlot + ", not of " + genesisHash + " at slot " + genesisSlot);
        }
    }

    private LedgerEnd resume(final LedgerEnd end, final long last) throws IOException {
        final Path path = LedgerFormat.segmentPath(ledgerDir, last);
        channel = FileChannel.open(path, StandardOpenOption.WRITE);
        if (end.isRepairableTail()) {
            channel.truncate(end.validBytes());
            config.sync().force(channel);
        }
        channel.position(end.validBytes());
        segmentIndex = last;
        segmentSizeBytes = end.validBytes();
        segmentHasBlocks = end.validBytes() > LedgerFormat.RECORD_HEADER_BYTES + SegmentHeader.PAYLOAD_BYTES;
        lastWrittenSlot = end.lastSlot();
        lastWrittenHash = end.lastEntryHash();
        return end;
    }

    // ---- writer thread ----

    private void runWriter() {
        try {
            boolean closing = false;
            while (!closing) {
                closing = takeBatch();
                writeBatch();
            }
        } catch (final IOException | RuntimeException | Error e) {
            fail(e);
        } catch (final InterruptedException e) {
            fail(e);
        }
    }

    /** Fills {@link #batch} with at least one queued block (waiting for one); true if the close marker came. */
    private boolean takeBatch() throws InterruptedException {
        batch.clear();
        Pending next = queue.take();
        long batchBytes = 0;
        while (next != null) {
            if (next == CLOSE) {
                return true;
            }
            batch.add(next);
            batchBytes += next.record.length;
            next = batchBytes < config.maxBatchBytes() ? queue.poll() : null;
        }
        return false;
    }

    /** Writes the batch, rolling segments as needed, forces and completes the futures. */
    private void writeBatch() throws IOException {
        for (final Pending pending : batch) {
            if (segmentHasBlocks && segmentSizeBytes + pending.record.length > config.segmentBytes()) {
                forceAndComplete();
                createSegment(segmentIndex + 1);
            }
            stage(pending.record);
            unforced.add(pending);
            segmentHasBlocks = true;
            segmentSizeBytes += pending.record.length;
            lastWrittenSlot = pending.slot;
            lastWrittenHash = pending.entryHashAfter;
            blocksWritten++;
        }
        forceAndComplete();
        batch.clear();
    }

    private void forceAndComplete() throws IOException {
        if (unforced.isEmpty()) {
            return;
        }
        flushStaging();
        force(channel);
        durableSlot = lastWrittenSlot;
        for (final Pending pending : unforced) {
            pending.future.complete(pending.slot);
        }
        unforced.clear();
    }

    /** Creates segment {@code index} with its header anchored at the last written block, durable before use. */
    private void createSegment(final long index) throws IOException {
        assert unforced.isEmpty();
        final Path path = LedgerFormat.segmentPath(ledgerDir, index);
        final FileChannel created = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        final byte[] header = new SegmentHeader(index, genesisSlot, genesisHash, lastWrittenSlot, lastWrittenHash).encodeRecord();
        writeFully(created, ByteBuffer.wrap(header));
        force(created);
        config.sync().forceDirectory(ledgerDir);
        if (channel != null) {
            channel.close();
        }
        channel = created;
        segmentIndex = index;
        segmentSizeBytes = header.length;
        segmentHasBlocks = false;
    }

    private void stage(final byte[] record) throws IOException {
        if (record.length > staging.remaining()) {
            flushStaging();
        }
        if (record.length > staging.capacity()) {
            writeFully(channel, ByteBuffer.wrap(record));
        } else {
            staging.put(record);
        }
    }

    private void flushStaging() throws IOException {
        staging.flip();
        writeFully(channel, staging);
        staging.clear();
    }

    private void writeFully(final FileChannel target, final ByteBuffer bytes) throws IOException {
        final int length = bytes.remaining();
        while (bytes.hasRemaining()) {
            target.write(bytes);
        }
        bytesWritten += length;
    }

    private void force(final FileChannel target) throws IOException {
        final long startNanos = System.nanoTime();
        config.sync().force(target);
        forceNanos += System.nanoTime() - startNanos;
        forces++;
    }

    /** A write or force failed: nothing written since the last force is durable. Fail it all, and all later appends. */
    private void fail(final Throwable cause) {
        failure = cause;
        final IOException reason = new IOException("ledger write failed: nothing after slot " + durableSlot
            + " is durable", cause);
        for (final Pending pending : unforced) {
            pending.future.completeExceptionally(reason);
        }
        for (final Pending pending : batch) {
            pending.future.completeExceptionally(reason);
        }
        unforced.clear();
        batch.clear();
        failQueued(cause);
    }

    private void failQueued(final Throwable cause) {
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            if (pending != CLOSE) {
                pending.future.completeExceptionally(new IOException("ledger writer failed earlier", cause));
            }
        }
    }

    private static CompletableFuture<Long> failed(final Throwable cause) {
        return CompletableFuture.failedFuture(new IOException("ledger writer failed earlier", cause));
    }

    /** A queued block: its encoded record and its future. */
    private static final class Pending {
        private final byte[] record;
        private final long slot;
        private final CompletableFuture<Long> future;
        /** Set under the append lock before the block is queued (the queue publishes it to the writer thread). */
        private Hash entryHashAfter;

        Pending(final byte[] record, final long slot, final CompletableFuture<Long> future) {
            this.record = record;
            this.slot = slot;
            this.future = future;
        }
    }
}
