package io.lanes.runtime.cli;

import io.lanes.ledger.Block;
import io.lanes.ledger.Entry;
import io.lanes.ledger.LedgerVerifier;
import io.lanes.ledger.VerifyReport;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.TransactionExecutor;
import io.lanes.runtime.node.ExternalPrograms;
import io.lanes.runtime.node.LanesNode;
import io.lanes.runtime.store.AccountStore;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.wire.TransactionCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lanes verify-ledger --data-dir DIR}: replays the ledger from genesis into memory and
 * prints each block's state hash and whether it matches the recorded one; the entry hash chain and
 * every signature are checked too. A tampered transaction, entry or hash is reported with its slot
 * and entry index. Exit 0 when everything matches and the log ends cleanly, 1 otherwise.
 */
@Command(name = "verify-ledger", mixinStandardHelpOptions = true,
    description = "Replays the ledger from genesis and checks every block's entries, signatures and state hash.")
final class VerifyLedgerCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "./lanes-data", description = "The data dir (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--faucet-keypair", description = "Faucet keypair (default: DATA/faucet.json).")
    Path faucetKeypair;

    @Option(names = "--program", description = "External program jars the node ran with (repeatable).")
    List<Path> programJars = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dataDir.resolve("ledger"))) {
            System.err.println("lanes verify-ledger: no ledger in " + dataDir);
            return 1;
        }
        final ProgramRegistry programs = ProgramRegistry.withBuiltins();
        for (final Path jar : programJars) {
            programs.register(ExternalPrograms.load(jar));
        }
        final Keypair faucet = Keypair.readFile(faucetKeypair != null ? faucetKeypair : dataDir.resolve("faucet.json"));
        try (AccountStore store = OffHeapAccountStore.inMemory()) {
            Genesis.fund(store, faucet.publicKey(), LanesNode.FAUCET_LAMPORTS);
            Genesis.addPrograms(store, programs);
            final TransactionExecutor executor = new TransactionExecutor(store, programs);
            final int[] mismatches = new int[1];
            final VerifyReport report = new LedgerVerifier(true).verify(dataDir, (slot, recorded, block) -> {
                final Hash computed = replay(block, store, executor);
                final boolean match = computed.equals(recorded);
                mismatches[0] += match ? 0 : 1;
                System.out.println("slot " + slot + " transactions=" + block.transactionCount() + " state_hash=" + computed
                    + (match ? " ok" : " MISMATCH recorded=" + recorded));
                return computed;
            });
            System.out.println("lanes verify-ledger: " + report);
            final boolean cleanEnd = report.end().tail() == io.lanes.ledger.LedgerEnd.Tail.CLEAN;
            if (!cleanEnd) {
                System.out.println("lanes verify-ledger: the log does not end cleanly (" + report.end().tail()
                    + "): a torn or damaged record; the node cuts a torn tail on its next start, other damage stops it");
            }
            return report.ok() && cleanEnd && mismatches[0] == 0 ? 0 : 1;
        }
    }

    private static Hash replay(final Block block, final AccountStore store, final TransactionExecutor executor) {
        final ExecutionResult result = new ExecutionResult();
        long sequence = 0;
        for (final Entry entry : block.entries()) {
            for (final byte[] wire : entry.transactionWires()) {
                executor.execute(new ResolvedTransaction().resolve(TransactionCodec.decode(wire), store, sequence++), block.slot(), result);
            }
        }
        return store.stateHash();
    }
}
