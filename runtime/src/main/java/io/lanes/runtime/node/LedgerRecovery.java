package io.lanes.runtime.node;

import io.lanes.ledger.Block;
import io.lanes.ledger.Entry;
import io.lanes.ledger.LedgerReader;
import io.lanes.ledger.TransactionResult;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.TransactionExecutor;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings the persisted accounts up to the ledger's last durable block at start-up. The accounts on
 * disk are those of the last clean stop (or of genesis): recovery finds the newest block whose
 * recorded state hash equals theirs, then re-executes every later block in its recorded order,
 * checking each transaction's result and each block's state hash against the record. A mismatch
 * stops the start: the node never runs on a state the ledger does not vouch for.
 */
final class LedgerRecovery {
    /**
     * A transaction of the ledger, for the node's status records: {@code result} is set when
     * recovery re-executed it (with logs and balances), null when its block was already in the
     * accounts (then only the recorded outcome is known).
     */
    record Replayed(Transaction transaction, ExecutionResult result, TransactionResult recorded, long slot, long blockTimeSeconds) {
    }

    /** What recovery did: the last transactions (for status records) and how much it re-executed. */
    record Outcome(List<Replayed> recent, long reexecutedTransactions, long reexecutedBlocks) {
    }

    private LedgerRecovery() {
    }

    /**
     * @param keep how many of the last replayed transactions to return
     * @return the last {@code keep} transactions of the ledger (oldest first) and the re-execution counts
     */
    static Outcome recover(
        final Path dataDir, final AccountStore store, final ProgramRegistry programs, final Hash genesisStateHash, final int keep)
        throws IOException {
        final Hash storeHash = store.stateHash();
        final long startAfterBlock = matchingBlock(dataDir, storeHash, genesisStateHash);
        final ArrayDeque<Replayed> replayed = new ArrayDeque<>();
        final TransactionExecutor executor = new TransactionExecutor(store, programs);
        long index = 0;
        long transactions = 0;
        long blocks = 0;
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            while (reader.hasNext()) {
                final Block block = reader.next();
                if (index++ > startAfterBlock) {
                    replayBlock(block, store, executor, replayed, keep);
                    transactions += block.transactionCount();
                    blocks++;
                } else {
                    remember(block, replayed, keep);
                }
            }
        }
        return new Outcome(new ArrayList<>(replayed), transactions, blocks);
    }

    /** The index of the newest block whose state hash is the store's; -1 for "from genesis". */
    private static long matchingBlock(final Path dataDir, final Hash storeHash, final Hash genesisStateHash) throws IOException {
        long match = Objects.equals(storeHash, genesisStateHash) ? -1 : Long.MIN_VALUE;
        long index = 0;
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            while (reader.hasNext()) {
                if (reader.next().stateHash().equals(storeHash)) {
                    match = index;
                }
                index++;
            }
        }
        if (match == Long.MIN_VALUE) {
            throw new IllegalStateException("the accounts in " + dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY)
                + " (state hash " + storeHash + ") match neither genesis nor any block of the ledger");
        }
        return match;
    }

    private static void replayBlock(final Block block, final AccountStore store, final TransactionExecutor executor,
                                    final ArrayDeque<Replayed> replayed, final int keep) {
        int resultIndex = 0;
        for (final Entry entry : block.entries()) {
            for (final byte[] wire : entry.transactionWires()) {
                final Transaction transaction = TransactionCodec.decode(wire);
                final ExecutionResult result = new ExecutionResult();
                executor.execute(new ResolvedTransaction().resolve(transaction, store, resultIndex), block.slot(), result);
                check(block, resultIndex, block.results().get(resultIndex), result);
                add(replayed, keep, new Replayed(transaction, result, block.results().get(resultIndex), block.slot(), block.blockTimeSeconds()));
                resultIndex++;
            }
        }
        final Hash stateHash = store.stateHash();
        if (!stateHash.equals(block.stateHash())) {
            throw new IllegalStateException("replaying slot " + block.slot() + " gave state hash " + stateHash
                + ", the ledger recorded " + block.stateHash());
        }
    }

    /** A block the accounts already hold: its transactions are only remembered. */
    private static void remember(final Block block, final ArrayDeque<Replayed> replayed, final int keep) {
        int resultIndex = 0;
        for (final Entry entry : block.entries()) {
            for (final byte[] wire : entry.transactionWires()) {
                add(replayed, keep, new Replayed(TransactionCodec.decode(wire), null, block.results().get(resultIndex++),
                    block.slot(), block.blockTimeSeconds()));
            }
        }
    }

    private static void add(final ArrayDeque<Replayed> replayed, final int keep, final Replayed transaction) {
        replayed.addLast(transaction);
        if (replayed.size() > keep) {
            replayed.removeFirst();
        }
    }

    private static void check(final Block block, final int index, final TransactionResult recorded, final ExecutionResult actual) {
        final boolean succeeded = actual.status() == TransactionStatus.SUCCEEDED;
        final boolean same = succeeded == (recorded.status() == TransactionResult.Status.SUCCEEDED)
            && Objects.equals(recorded.error(), actual.error()) && recorded.feeLamports() == actual.fee();
        if (!same) {
            throw new IllegalStateException("replaying slot " + block.slot() + ", transaction " + index + " gave " + actual
                + ", the ledger recorded " + recorded);
        }
    }
}
