package io.lanes.runtime.node;

import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.BlockhashQueue;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.ledger.Entry;
import io.lanes.ledger.EntryHasher;
import io.lanes.ledger.LedgerWriter;
import io.lanes.ledger.TransactionResult;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.rpc.BlockRecord;
import io.lanes.runtime.rpc.NodeEvents;
import io.lanes.runtime.rpc.TransactionRecord;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.Transaction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the node remembers for clients: executed transactions, blocks, the valid blockhashes,
 * and who is listening. Written on the scheduler thread (it is the runtime's listener, and slot
 * changes run there as commands); read from any thread.
 *
 * <p>Commitment: a transaction is "processed" when it executed, and "confirmed" and "finalized"
 * when the block holding it is durable in the ledger (fsync'd). Each worker batch is one entry of
 * the block, hash-chained as Solana's entries are; the block records the state hash after it.
 */
public final class NodeState implements ExecutionListener {
    /**
     * Executed transactions kept in memory for getTransaction and getSignatureStatuses (oldest
     * dropped first): with their logs about 1-2 KB each, so this bounds the heap they take to a
     * few hundred MB. Older ones will come from the ledger.
     */
    public static final int MAX_RECORDS = 200_000;
    /** Blocks kept for getBlock. */
    public static final int MAX_BLOCKS = 20_000;

    private final Bank bank;
    private final Map<Signature, TransactionRecord> records = new ConcurrentHashMap<>();
    private final ArrayDeque<Signature> recordOrder = new ArrayDeque<>();
    private final Map<Long, BlockRecord> blocks = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> blockOrder = new ArrayDeque<>();
    private final Map<Hash, Long> validBlockhashes = new ConcurrentHashMap<>();
    private final ArrayDeque<Hash> blockhashOrder = new ArrayDeque<>();
    private final List<NodeEvents> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong transactionCount = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<Signature, Long> submittedNanos = new ConcurrentHashMap<>();
    private final org.HdrHistogram.Recorder latencyMicros = new org.HdrHistogram.Recorder(3);
    private List<Signature> currentBlock = new ArrayList<>();
    private final LedgerWriter ledger;
    private final java.util.function.Supplier<Hash> stateHash;
    private EntryHasher entryHasher;
    private long lastBlockSlot;
    private java.util.concurrent.CompletableFuture<Long> lastAppend = java.util.concurrent.CompletableFuture.completedFuture(0L);
    private List<byte[]> currentEntry = new ArrayList<>();
    private List<Entry> currentEntries = new ArrayList<>();
    private List<TransactionResult> currentResults = new ArrayList<>();
    private volatile long slot;
    private volatile long blockHeight;
    private volatile Hash latestBlockhash;
    private final java.util.function.LongSupplier clockMillis;
    private Hash lastBlockStateHash;

    /** A node state that confirms a block as soon as it is sealed (no ledger: tests, tools). */
    public NodeState(final Bank bank) {
        this(bank, null, null);
    }

    /**
     * @param ledger    where sealed blocks go; their transactions become confirmed and finalized once
     *                  the block is durable (fsync'd)
     * @param stateHash the store's state hash, computed when a block is sealed (nothing in flight then)
     */
    public NodeState(final Bank bank, final LedgerWriter ledger, final java.util.function.Supplier<Hash> stateHash) {
        this(bank, ledger, stateHash, System::currentTimeMillis);
    }

    /**
     * @param clockMillis the wall clock that stamps blocks and transactions with their time
     *                    (a fixed clock makes a run's blocks byte-for-byte reproducible)
     */
    public NodeState(final Bank bank, final LedgerWriter ledger, final java.util.function.Supplier<Hash> stateHash,
                     final java.util.function.LongSupplier clockMillis) {
        this.bank = bank;
        this.ledger = ledger;
        this.stateHash = stateHash;
        this.clockMillis = clockMillis;
        if (ledger != null) {
            this.entryHasher = new EntryHasher(ledger.lastEntryHash());
            this.lastBlockSlot = ledger.lastSlot();
        }
        this.slot = bank.slot();
        this.latestBlockhash = bank.latestBlockhash();
        rememberBlockhash(latestBlockhash, slot);
    }

    @Override
    public void onExecuted(final ResolvedTransaction resolved, final ExecutionResult result) {
        final Transaction transaction = resolved.transaction();
        recordLatency(transaction.signature(0));
        if (result.status() == TransactionStatus.REJECTED) {
            rejected.incrementAndGet();
            return;
        }
        (result.status() == TransactionStatus.SUCCEEDED ? succeeded : failed).incrementAndGet();
        final TransactionRecord record = record(transaction, result, slot, blockTimeSeconds(), "processed");
        remember(transaction.signature(0), record);
        currentBlock.add(transaction.signature(0));
        if (ledger != null) {
            currentEntry.add(transaction.wire() != null ? transaction.wire() : io.lanes.sdk.wire.TransactionCodec.encode(transaction));
            currentResults.add(result.status() == TransactionStatus.SUCCEEDED
                ? TransactionResult.succeeded(result.fee(), result.computeUnitsConsumed())
                : TransactionResult.failed(result.error(), result.fee(), result.computeUnitsConsumed()));
        }
        transactionCount.incrementAndGet();
        if (!listeners.isEmpty()) {
            announce(record, result);
        }
    }

    /** Waits until every block appended so far is durable (true), or one failed (false). */
    boolean awaitDurable() {
        try {
            lastAppend.join();
            return true;
        } catch (final RuntimeException failure) {
            return false;
        }
    }

    /** A transaction of the ledger, known again at start-up (finalized). */
    void restore(final TransactionRecord record) {
        final Signature signature = record.transaction().signature(0);
        remember(signature, record);
        transactionCount.incrementAndGet();
        bank.statusCache().add(signature, bank.slot());
    }

    private long blockTimeSeconds() {
        return clockMillis.getAsLong() / 1000;
    }

    /** A worker batch ended: its executed transactions form one entry of the block (Solana's entries). */
    @Override
    public void onEntryEnd(final int worker, final int transactionCount) {
        if (ledger != null && !currentEntry.isEmpty()) {
            currentEntries.add(entryHasher.nextEntry(currentEntry));
            currentEntry = new ArrayList<>();
        }
    }

    /** What clients see of an executed transaction (the result is copied: it is reused afterwards). */
    static TransactionRecord record(final Transaction transaction, final ExecutionResult result, final long slot,
                                    final long blockTimeSeconds, final String confirmation) {
        final int count = result.balanceCount();
        final long[] before = new long[count];
        final long[] after = new long[count];
        for (int i = 0; i < count; i++) {
            before[i] = result.preBalance(i);
            after[i] = result.postBalance(i);
        }
        return new TransactionRecord(transaction, slot, blockTimeSeconds, result.error(), result.fee(),
            result.computeUnitsConsumed(), result.logLines(), before, after, confirmation);
    }

    private void announce(final TransactionRecord record, final ExecutionResult result) {
        for (final NodeEvents listener : listeners) {
            listener.onTransaction(record);
        }
        if (result.status() == TransactionStatus.SUCCEEDED) {
            final Message message = record.transaction().message();
            for (int i = 0; i < message.accountKeyCount(); i++) {
                if (message.isWritable(i)) {
                    for (final NodeEvents listener : listeners) {
                        listener.onAccountWritten(message.accountKey(i), record.slot());
                    }
                }
            }
        }
    }

    private void remember(final Signature signature, final TransactionRecord record) {
        if (records.put(signature, record) == null) {
            recordOrder.addLast(signature);
            while (recordOrder.size() > MAX_RECORDS) {
                records.remove(recordOrder.removeFirst());
            }
        }
    }

    /**
     * Ends the current slot: seals its block (its transactions become confirmed and finalized),
     * then starts the next slot with a new blockhash. Runs on the scheduler thread.
     */
    public void advanceSlot(final Hash nextBlockhash) {
        final long sealedSlot = bank.slot();
        sealBlock(sealedSlot);
        bank.advanceSlot(nextBlockhash);
        rememberBlockhash(nextBlockhash, bank.slot());
        latestBlockhash = nextBlockhash;
        slot = bank.slot();
        for (final NodeEvents listener : listeners) {
            listener.onSlot(slot, sealedSlot);
        }
    }

    /**
     * Seals what executed since the last seal as the block of {@code sealedSlot}; with a ledger the
     * block is appended and its transactions are confirmed when it is durable. Call with nothing
     * in flight (the slot tick runs exclusively; a stopping node calls it after the runtime stops).
     */
    public void sealBlock(final long sealedSlot) {
        final List<Signature> signatures = currentBlock;
        currentBlock = new ArrayList<>();
        if (ledger != null) {
            appendToLedger(sealedSlot, signatures);
        }
        final BlockRecord previous = blocks.get(sealedSlot - 1);
        final Hash blockhash = bank.latestBlockhash();
        final BlockRecord block = new BlockRecord(sealedSlot, Math.max(0, sealedSlot - 1), blockhash,
            previous == null ? blockhash : previous.blockhash(), blockHeight, blockTimeSeconds(), List.copyOf(signatures));
        blocks.put(sealedSlot, block);
        blockOrder.addLast(sealedSlot);
        while (blockOrder.size() > MAX_BLOCKS) {
            blocks.remove(blockOrder.removeFirst());
        }
        blockHeight++;
        if (ledger == null) {
            signatures.forEach(this::confirm);
        }
    }

    private void appendToLedger(final long sealedSlot, final List<Signature> signatures) {
        if (!currentEntry.isEmpty()) {
            onEntryEnd(-1, currentEntry.size());
        }
        if (currentResults.isEmpty()) {
            return;
        }
        final io.lanes.ledger.Block block = new io.lanes.ledger.Block(sealedSlot, lastBlockSlot, bank.latestBlockhash(),
            blockTimeSeconds(), currentEntries, stateHash.get(), currentResults);
        currentEntries = new ArrayList<>();
        currentResults = new ArrayList<>();
        lastBlockSlot = sealedSlot;
        lastBlockStateHash = block.stateHash();
        lastAppend = ledger.append(block);
        lastAppend.whenComplete((slot, failure) -> {
            if (failure == null) {
                signatures.forEach(this::confirm);
            } else {
                System.getLogger(NodeState.class.getName()).log(System.Logger.Level.ERROR,
                    "block " + sealedSlot + " could not be made durable; its transactions stay processed: " + failure);
            }
        });
    }

    private void confirm(final Signature signature) {
        for (final String level : new String[] {"confirmed", "finalized"}) {
            final TransactionRecord record = records.computeIfPresent(signature, (key, processed) -> new TransactionRecord(
                processed.transaction(), processed.slot(), processed.blockTimeSeconds(), processed.error(), processed.fee(),
                processed.computeUnitsConsumed(), processed.logMessages(), processed.preBalances(), processed.postBalances(), level));
            if (record == null) {
                return;
            }
            for (final NodeEvents listener : listeners) {
                listener.onTransaction(record);
            }
        }
    }

    private void rememberBlockhash(final Hash blockhash, final long blockhashSlot) {
        validBlockhashes.put(blockhash, blockhashSlot);
        blockhashOrder.addLast(blockhash);
        while (blockhashOrder.size() > BlockhashQueue.MAX_AGE_SLOTS) {
            validBlockhashes.remove(blockhashOrder.removeFirst());
        }
    }

    @Override
    public void onRejected(final Transaction transaction, final TransactionError error) {
        // Rejected at admission: never part of a block.
        submittedNanos.remove(transaction.signature(0));
        rejected.incrementAndGet();
    }

    /** Notes when a transaction was handed to the runtime, for the submit-to-execution latency. */
    public void noteSubmitted(final Signature signature) {
        submittedNanos.put(signature, System.nanoTime());
    }

    /** The submission did not reach the runtime after all. */
    public void forgetSubmitted(final Signature signature) {
        submittedNanos.remove(signature);
    }

    private void recordLatency(final Signature signature) {
        final Long submitted = submittedNanos.remove(signature);
        if (submitted != null) {
            latencyMicros.recordValue(Math.max(0, (System.nanoTime() - submitted) / 1_000));
        }
    }

    /** Submit-to-execution latencies since the previous call (microseconds). */
    public org.HdrHistogram.Histogram takeLatencyMicros() {
        return latencyMicros.getIntervalHistogram();
    }

    public long succeededCount() {
        return succeeded.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    public TransactionRecord transaction(final Signature signature) {
        return records.get(signature);
    }

    public BlockRecord block(final long blockSlot) {
        return blocks.get(blockSlot);
    }

    public long slot() {
        return slot;
    }

    /** The slot of the last block appended to the ledger (the ledger's last slot at start-up). Scheduler thread. */
    long lastBlockSlot() {
        return lastBlockSlot;
    }

    /** The state hash the last block appended in this run recorded; null before the first. Scheduler thread. */
    Hash lastBlockStateHash() {
        return lastBlockStateHash;
    }

    public long blockHeight() {
        return blockHeight;
    }

    public long transactionCount() {
        return transactionCount.get();
    }

    public Hash latestBlockhash() {
        return latestBlockhash;
    }

    public boolean isBlockhashValid(final Hash blockhash) {
        return validBlockhashes.containsKey(blockhash);
    }

    public void subscribe(final NodeEvents listener) {
        listeners.add(listener);
    }

    public void unsubscribe(final NodeEvents listener) {
        listeners.remove(listener);
    }
}
