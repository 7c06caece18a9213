package io.lanes.runtime.store;

import io.lanes.runtime.testing.TestFiles;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a snapshot of N token-sized accounts costs: the flush before it (the only part that stops
 * execution), writing the snapshot file from the flushed files (in the background in the node),
 * loading it into memory (verify-ledger) and restoring it into an accounts directory (recovery).
 * Not a test; run by hand (runtime/README.md, section "Node"). Args:
 * accounts (default 1,000,000).
 */
public final class SnapshotBenchmark {
    private static final int TOKEN_ACCOUNT_BYTES = 165;

    private SnapshotBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final Path root = Files.createTempDirectory("lanes-snapshot-bench");
        final AccountStoreConfig config = AccountStoreConfig.forAccounts(accounts);
        final Path snapshot = root.resolve("slot-1.accounts");
        final Hash stateHash;
        try (OffHeapAccountStore store = OffHeapAccountStore.open(root.resolve("accounts"), config)) {
            fill(store, accounts);
            final long flushNanos = timed(store::flush);
            stateHash = store.stateHash();
            final long startNanos = System.nanoTime();
            store.writeSnapshot(snapshot);
            final long writeNanos = System.nanoTime() - startNanos;
            System.out.printf(Locale.ROOT, "%,d accounts of %d bytes: flush %.2f s, snapshot write %.2f s, %.1f MB%n",
                accounts, TOKEN_ACCOUNT_BYTES, flushNanos / 1e9, writeNanos / 1e9, Files.size(snapshot) / 1e6);
        }
        long startNanos = System.nanoTime();
        try (OffHeapAccountStore loaded = AccountSnapshots.loadInMemory(snapshot)) {
            final long loadNanos = System.nanoTime() - startNanos;
            check(stateHash, loaded.stateHash());
            System.out.printf(Locale.ROOT, "load into memory %.2f s (state hash checked)%n", loadNanos / 1e9);
        }
        startNanos = System.nanoTime();
        AccountSnapshots.restore(snapshot, root.resolve("accounts"), config);
        try (OffHeapAccountStore restored = OffHeapAccountStore.open(root.resolve("accounts"), config)) {
            final long restoreNanos = System.nanoTime() - startNanos;
            check(stateHash, restored.stateHash());
            System.out.printf(Locale.ROOT, "restore into the accounts directory and reopen %.2f s (state hash checked)%n",
                restoreNanos / 1e9);
        }
        TestFiles.deleteTree(root);
    }

    private static void fill(final OffHeapAccountStore store, final int accounts) {
        final SplittableRandom random = new SplittableRandom(7);
        final AccountBuffer account = new AccountBuffer();
        account.owner(Pubkey.SYSTEM_PROGRAM);
        account.dataLength(TOKEN_ACCOUNT_BYTES);
        for (int i = 0; i < accounts; i++) {
            account.lamports(1 + random.nextInt(1_000_000_000));
            account.data().putInt(0, i);
            store.save(store.resolve(TestAccounts.randomKey(random)), account);
        }
    }

    private static long timed(final Runnable action) {
        final long startNanos = System.nanoTime();
        action.run();
        return System.nanoTime() - startNanos;
    }

    private static void check(final Hash expected, final Hash actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("state hash " + actual + ", expected " + expected);
        }
    }
}
