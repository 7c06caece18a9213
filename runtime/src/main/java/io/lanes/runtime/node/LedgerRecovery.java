package io.lanes.runtime.node;

import io.lanes.ledger.Block;
import io.lanes.ledger.Entry;
import io.lanes.ledger.LedgerReader;
import io.lanes.ledger.Replay;
import io.lanes.ledger.SnapshotCatalog;
import io.lanes.ledger.SnapshotInfo;
import io.lanes.ledger.TransactionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.replay.BlockReplayer;
import io.lanes.runtime.rpc.TransactionRecord;
import io.lanes.runtime.store.AccountSnapshots;
import io.lanes.runtime.store.AccountStoreConfig;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings the accounts up to the ledger's last durable block at start-up.
 *
 * <p>The starting point is the newest valid checkpoint of the accounts: the live accounts
 * directory (persisted at the last flush or clean stop) when its state hash is that of a block
 * still in the ledger, or of genesis when the ledger still starts there; otherwise the newest
 * snapshot whose file is complete, whose state hash is the one the catalog recorded and from which
 * the ledger continues (it is copied into the accounts directory). Every later block is then
 * re-executed through the {@link BlockReplayer} (the same scheduler and workers, in the recorded
 * order), checking each result and each block's state hash. A mismatch stops the start: the node
 * never runs on a state the ledger does not vouch for.
 */
final class LedgerRecovery {
    private static final System.Logger LOG = System.getLogger(LedgerRecovery.class.getName());

    /** What recovery did: the open store, the last transactions (for status records) and how much it re-executed. */
    record Outcome(OffHeapAccountStore store, List<TransactionRecord> recent, long reexecutedTransactions, long reexecutedBlocks,
                   String startingPoint) {
    }

    /** Where replay starts: after {@code slot}, whose state the store holds. */
    private record Start(OffHeapAccountStore store, long slot, String description) {
    }

    private final Path dataDir;
    private final Path accountsDirectory;
    private final AccountStoreConfig storeConfig;
    private final ProgramRegistry programs;
    private final Hash genesisStateHash;
    private final int workers;

    LedgerRecovery(final Path dataDir, final AccountStoreConfig storeConfig, final ProgramRegistry programs,
                   final Hash genesisStateHash, final int workers) {
        this.dataDir = dataDir;
        this.accountsDirectory = dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY);
        this.storeConfig = storeConfig;
        this.programs = programs;
        this.genesisStateHash = genesisStateHash;
        this.workers = workers;
    }

    /**
     * @param liveStore the accounts directory, opened (recovery closes it if it falls back to a
     *                  snapshot); null if it could not be opened
     * @param keep      how many of the ledger's last transactions to return as status records
     */
    Outcome recover(final OffHeapAccountStore liveStore, final int keep) throws IOException {
        final LedgerScan scan = LedgerScan.of(dataDir, liveStore == null ? null : liveStore.stateHash(), genesisStateHash);
        final Start start = startingPoint(liveStore, scan);
        final long keepFrom = Math.max(0, scan.transactions - keep);
        final ArrayDeque<TransactionRecord> recent = new ArrayDeque<>();
        long index = 0;
        long reexecuted = 0;
        long blocks = 0;
        try (LedgerReader reader = LedgerReader.open(dataDir);
             BlockReplayer replayer = new BlockReplayer(start.store, programs, workers, ThreadingMode.DEDICATED, start.slot)) {
            while (reader.hasNext()) {
                final Block block = reader.next();
                if (block.slot() > start.slot) {
                    replay(block, replayer, index, keepFrom, recent);
                    reexecuted += block.transactionCount();
                    blocks++;
                } else {
                    remember(block, index, keepFrom, recent);
                }
                index += block.transactionCount();
            }
        } catch (final RuntimeException e) {
            start.store.close();
            throw e;
        }
        return new Outcome(start.store, new ArrayList<>(recent), reexecuted, blocks, start.description);
    }

    /** The live accounts if the ledger vouches for them, else the newest usable snapshot. */
    private Start startingPoint(final OffHeapAccountStore liveStore, final LedgerScan scan) throws IOException {
        if (scan.liveMatchSlot >= 0) {
            return new Start(liveStore, scan.liveMatchSlot, scan.liveMatchSlot == LanesNode.GENESIS_SLOT
                ? "the accounts at genesis" : "the accounts persisted after slot " + scan.liveMatchSlot);
        }
        final Hash liveHash = liveStore == null ? null : liveStore.stateHash();
        if (liveStore != null) {
            liveStore.close();
        }
        final SnapshotCatalog catalog = SnapshotCatalog.open(dataDir);
        final List<SnapshotInfo> snapshots = catalog.list();
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            final Start restored = restore(catalog, snapshots.get(i));
            if (restored != null) {
                return restored;
            }
        }
        throw new IllegalStateException("the accounts in " + accountsDirectory + " (state hash " + liveHash
            + ") match no block of the ledger" + (scan.startsAtGenesis ? " nor genesis" : "")
            + ", and no snapshot in " + catalog.file() + " is usable (" + snapshots.size() + " recorded)");
    }

    /** The snapshot copied into the accounts directory, or null (logged) if it is not usable. */
    private Start restore(final SnapshotCatalog catalog, final SnapshotInfo snapshot) throws IOException {
        if (!continuesFrom(snapshot)) {
            return null;
        }
        try {
            AccountSnapshots.restore(catalog.resolve(snapshot), accountsDirectory, storeConfig);
        } catch (final IOException e) {
            LOG.log(System.Logger.Level.WARNING, "snapshot at slot " + snapshot.slot() + " is not usable: " + e.getMessage());
            return null;
        }
        final OffHeapAccountStore store = OffHeapAccountStore.open(accountsDirectory, storeConfig);
        final Hash stateHash = store.stateHash();
        if (!stateHash.equals(snapshot.stateHash())) {
            LOG.log(System.Logger.Level.WARNING, "snapshot at slot " + snapshot.slot() + " gives state hash " + stateHash
                + ", the catalog recorded " + snapshot.stateHash() + "; trying an older one");
            store.close();
            return null;
        }
        LOG.log(System.Logger.Level.INFO, "restored the accounts from the snapshot at slot " + snapshot.slot());
        return new Start(store, snapshot.slot(), "the snapshot at slot " + snapshot.slot());
    }

    /** True if the ledger holds the snapshot's block (with its state hash) and continues from it. */
    private boolean continuesFrom(final SnapshotInfo snapshot) throws IOException {
        try (Replay replay = Replay.open(dataDir, snapshot)) {
            while (replay.hasNext()) {
                replay.next();
            }
            if (replay.problem() != null) {
                LOG.log(System.Logger.Level.WARNING, "snapshot at slot " + snapshot.slot() + " is not usable: " + replay.problem());
                return false;
            }
            return true;
        }
    }

    private static void replay(final Block block, final BlockReplayer replayer, final long firstIndex, final long keepFrom,
                               final ArrayDeque<TransactionRecord> recent) {
        final TransactionRecord[] records = new TransactionRecord[block.transactionCount()];
        replayer.replayChecked(block, (replayed, index, transaction, result) -> {
            if (firstIndex + index >= keepFrom) {
                records[index] = NodeState.record(transaction, result, block.slot(), block.blockTimeSeconds(), "finalized");
            }
        });
        for (final TransactionRecord record : records) {
            if (record != null) {
                recent.addLast(record);
            }
        }
    }

    /** A block the accounts already hold: only its recorded outcomes are known. */
    private static void remember(final Block block, final long firstIndex, final long keepFrom,
                                 final ArrayDeque<TransactionRecord> recent) {
        if (firstIndex + block.transactionCount() <= keepFrom) {
            return;
        }
        int resultIndex = 0;
        for (final Entry entry : block.entries()) {
            for (final byte[] wire : entry.transactionWires()) {
                if (firstIndex + resultIndex >= keepFrom) {
                    final TransactionResult recorded = block.results().get(resultIndex);
                    recent.addLast(new TransactionRecord(TransactionCodec.decode(wire), block.slot(), block.blockTimeSeconds(),
                        recorded.error(), recorded.feeLamports(), recorded.computeUnits(), List.of(), new long[0], new long[0],
                        "finalized"));
                }
                resultIndex++;
            }
        }
    }

    /**
     * One pass over the ledger: how many transactions it holds, whether it starts at genesis, and
     * the slot of the newest block whose state hash is the live accounts' (-1 if none; the genesis
     * slot when they are genesis and the ledger starts there).
     */
    private static final class LedgerScan {
        long transactions;
        boolean startsAtGenesis;
        long liveMatchSlot = -1;

        static LedgerScan of(final Path dataDir, final Hash liveHash, final Hash genesisStateHash) throws IOException {
            final LedgerScan scan = new LedgerScan();
            boolean first = true;
            try (LedgerReader reader = LedgerReader.open(dataDir)) {
                while (reader.hasNext()) {
                    final Block block = reader.next();
                    if (first) {
                        scan.startsAtGenesis = block.parentSlot() == LanesNode.GENESIS_SLOT;
                        first = false;
                    }
                    scan.transactions += block.transactionCount();
                    if (liveHash != null && block.stateHash().equals(liveHash)) {
                        scan.liveMatchSlot = block.slot();
                    }
                }
            }
            if (scan.liveMatchSlot < 0 && liveHash != null && (first || scan.startsAtGenesis)
                && Objects.equals(liveHash, genesisStateHash)) {
                scan.liveMatchSlot = LanesNode.GENESIS_SLOT;
            }
            return scan;
        }
    }
}
