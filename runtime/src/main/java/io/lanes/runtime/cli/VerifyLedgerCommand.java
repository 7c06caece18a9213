package io.lanes.runtime.cli;

import io.lanes.ledger.Block;
import io.lanes.ledger.LedgerEnd;
import io.lanes.ledger.LedgerReader;
import io.lanes.ledger.LedgerVerifier;
import io.lanes.ledger.SnapshotCatalog;
import io.lanes.ledger.SnapshotInfo;
import io.lanes.ledger.VerifyReport;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.node.ExternalPrograms;
import io.lanes.runtime.node.LanesNode;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.replay.BlockReplayer;
import io.lanes.runtime.replay.ReplayMismatchException;
import io.lanes.runtime.store.AccountSnapshots;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lanes verify-ledger --data-dir DIR}: replays the ledger into memory, from genesis (or,
 * when the ledger no longer starts there or {@code --from-snapshot} asks, from the oldest snapshot)
 * and prints each block's state hash and whether it matches the recorded one; the entry hash chain
 * and every signature are checked too. Replay runs through the scheduler and workers
 * ({@code --workers}). A tampered transaction, entry or hash is reported with its slot and entry
 * index. Exit 0 when everything matches and the log ends cleanly, 1 otherwise.
 */
@Command(name = "verify-ledger", mixinStandardHelpOptions = true,
    description = "Replays the ledger from genesis (or a snapshot) and checks every block's entries, signatures and state hash.")
final class VerifyLedgerCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "./lanes-data", description = "The data dir (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--faucet-keypair", description = "Faucet keypair (default: DATA/faucet.json).")
    Path faucetKeypair;

    @Option(names = "--program", description = "External program jars the node ran with (repeatable).")
    List<Path> programJars = new ArrayList<>();

    @Option(names = "--from-snapshot", description = "Start from the oldest snapshot even if the ledger still starts at genesis.")
    boolean fromSnapshot;

    @Option(names = "--workers", defaultValue = "1",
        description = "Replay workers; 1 replays on this thread (default: ${DEFAULT-VALUE}).")
    int workers;

    private boolean replayStarted;

    /** The state replay starts from. */
    private record Start(OffHeapAccountStore store, long slot, String description) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dataDir.resolve("ledger"))) {
            System.err.println("lanes verify-ledger: no ledger in " + dataDir);
            return 1;
        }
        if (workers < 1 || workers > 64) {
            System.err.println("lanes verify-ledger: --workers must be between 1 and 64, got " + workers);
            return 2;
        }
        final ProgramRegistry programs = ProgramRegistry.withBuiltins();
        for (final Path jar : programJars) {
            programs.register(ExternalPrograms.load(jar));
        }
        final Start start = startingState(programs);
        if (start == null) {
            return 1;
        }
        System.out.println("lanes verify-ledger: replaying from " + start.description() + " with " + workers + " worker(s)");
        try (OffHeapAccountStore store = start.store();
             BlockReplayer replayer = new BlockReplayer(store, programs, workers,
                 workers == 1 ? ThreadingMode.SHARED : ThreadingMode.DEDICATED, start.slot())) {
            return verify(start, replayer);
        }
    }

    private int verify(final Start start, final BlockReplayer replayer) throws IOException {
        final int[] mismatches = new int[1];
        final long startNanos = System.nanoTime();
        final VerifyReport report;
        try {
            report = new LedgerVerifier(true).verify(dataDir, (slot, recorded, block) -> {
                final Hash computed = check(start, replayer, block);
                if (computed == null) {
                    System.out.println("slot " + slot + " transactions=" + block.transactionCount()
                        + " before the starting snapshot: chain and signatures checked, not re-executed");
                    return null;
                }
                final boolean match = computed.equals(recorded);
                mismatches[0] += match ? 0 : 1;
                System.out.println("slot " + slot + " transactions=" + block.transactionCount() + " state_hash=" + computed
                    + (match ? " ok" : " MISMATCH recorded=" + recorded));
                return computed;
            });
        } catch (final ReplayMismatchException mismatch) {
            System.out.println("lanes verify-ledger: MISMATCH at " + mismatch.getMessage());
            return 1;
        }
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.println("lanes verify-ledger: " + report);
        System.out.println(String.format(Locale.ROOT, "lanes verify-ledger: re-executed %d transactions in %.2f s",
            replayer.replayedTransactions(), seconds));
        final boolean cleanEnd = report.end() != null && report.end().tail() == LedgerEnd.Tail.CLEAN;
        if (report.end() != null && !cleanEnd) {
            System.out.println("lanes verify-ledger: the log does not end cleanly (" + report.end().tail()
                + "): a torn or damaged record; the node cuts a torn tail on its next start, other damage stops it");
        }
        return report.ok() && cleanEnd && mismatches[0] == 0 ? 0 : 1;
    }

    /** The state hash after re-executing the block; the snapshot's own for its block; null before it. */
    private Hash check(final Start start, final BlockReplayer replayer, final Block block) {
        if (block.slot() < start.slot()) {
            return null;
        }
        if (block.slot() == start.slot()) {
            return start.store().stateHash();
        }
        if (!replayStarted && block.parentSlot() != start.slot()) {
            throw new ReplayMismatchException(block.slot(), -1, -1, "the first block after " + start.description()
                + " has parent slot " + block.parentSlot() + ": the ledger does not continue from there");
        }
        replayStarted = true;
        return replayer.replay(block, BlockReplayer.Observer.NONE);
    }

    private Start startingState(final ProgramRegistry programs) throws IOException {
        if (!fromSnapshot && ledgerStartsAtGenesis()) {
            final Keypair faucet = Keypair.readFile(faucetKeypair != null ? faucetKeypair : dataDir.resolve("faucet.json"));
            final OffHeapAccountStore store = OffHeapAccountStore.inMemory();
            Genesis.fund(store, faucet.publicKey(), LanesNode.FAUCET_LAMPORTS);
            Genesis.addPrograms(store, programs);
            return new Start(store, LanesNode.GENESIS_SLOT, "genesis");
        }
        final SnapshotCatalog catalog = SnapshotCatalog.open(dataDir);
        for (final SnapshotInfo snapshot : catalog.list()) {
            final Start loaded = load(catalog, snapshot);
            if (loaded != null) {
                return loaded;
            }
        }
        System.err.println("lanes verify-ledger: the ledger does not start at genesis"
            + (fromSnapshot ? " or --from-snapshot was given" : "") + ", and no snapshot in " + catalog.file() + " loads");
        return null;
    }

    /** The oldest loadable snapshot with the state hash the catalog recorded, or null (said why). */
    private static Start load(final SnapshotCatalog catalog, final SnapshotInfo snapshot) {
        final OffHeapAccountStore store;
        try {
            store = AccountSnapshots.loadInMemory(catalog.resolve(snapshot));
        } catch (final IOException e) {
            System.out.println("snapshot at slot " + snapshot.slot() + " does not load: " + e.getMessage());
            return null;
        }
        final Hash stateHash = store.stateHash();
        if (!stateHash.equals(snapshot.stateHash())) {
            System.out.println("snapshot at slot " + snapshot.slot() + " gives state hash " + stateHash
                + ", the catalog recorded " + snapshot.stateHash());
            store.close();
            return null;
        }
        return new Start(store, snapshot.slot(), String.format(Locale.ROOT, "the snapshot at slot %d", snapshot.slot()));
    }

    private boolean ledgerStartsAtGenesis() throws IOException {
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            return !reader.hasNext() || reader.next().parentSlot() == LanesNode.GENESIS_SLOT;
        }
    }
}
