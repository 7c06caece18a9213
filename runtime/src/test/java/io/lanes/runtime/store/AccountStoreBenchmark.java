package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.runtime.testing.TestFiles;
import io.lanes.sdk.Pubkey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Throughput of the account store on one thread (a main class, not a test). Run with the test
 * classpath and the JVM flags of the parent pom's {@code lanes.jvm.flags}, for example:
 * <pre>
 * mvn -q -o -pl runtime -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx4g $FLAGS -cp runtime/target/test-classes:runtime/target/classes:$(cat /tmp/cp.txt) \
 *     io.lanes.runtime.store.AccountStoreBenchmark [accounts=1000000] [repetitions=3] [directory]
 * </pre>
 * Each measurement runs {@code repetitions} times; the first includes JIT warm-up. Slot orders are
 * random permutations, so each access is a likely cache miss, as with real transactions.
 */
public final class AccountStoreBenchmark {
    private static final int TOKEN_ACCOUNT_BYTES = 165;
    /** How many accounts change between two incremental state hashes, per measurement. */
    private static final int[] CHANGED_ACCOUNTS = {1_000, 10_000, 100_000};

    private final int accounts;
    private final int repetitions;
    private final Pubkey[] keys;
    private final int[] order;
    private long sink;
    /** Next index into {@link #order} of an account to change before an incremental hash. */
    private int changeCursor;

    private AccountStoreBenchmark(final int accounts, final int repetitions) {
        this.accounts = accounts;
        this.repetitions = repetitions;
        final SplittableRandom random = new SplittableRandom(2024);
        keys = new Pubkey[accounts];
        for (int i = 0; i < accounts; i++) {
            keys[i] = TestAccounts.randomKey(random);
        }
        order = permutation(accounts, random);
    }

    public static void main(final String[] args) throws IOException {
        final int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final Path directory = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("lanes-store-bench");
        System.out.printf("accounts=%d repetitions=%d cores=%d jvm=%s dir=%s%n", accounts, repetitions,
            Runtime.getRuntime().availableProcessors(), Runtime.version(), directory);
        final AccountStoreBenchmark benchmark = new AccountStoreBenchmark(accounts, repetitions);
        benchmark.resolveAndFind();
        benchmark.loadSave(0);
        benchmark.loadSave(TOKEN_ACCOUNT_BYTES);
        benchmark.persisted(directory);
        System.out.println("sink=" + benchmark.sink);
    }

    private void resolveAndFind() {
        for (int rep = 0; rep < repetitions; rep++) {
            try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
                long start = System.nanoTime();
                for (final Pubkey key : keys) {
                    sink += store.resolve(key);
                }
                final long resolveNanos = System.nanoTime() - start;
                start = System.nanoTime();
                for (final int i : order) {
                    sink += store.find(keys[i]);
                }
                final long findNanos = System.nanoTime() - start;
                start = System.nanoTime();
                for (final Pubkey key : keys) {
                    sink += store.find(key);
                }
                final long findInOrderNanos = System.nanoTime() - start;
                report("resolve (insert, index grows from 1024)", rep, accounts, resolveNanos);
                report("find (hit, keys in random order)", rep, accounts, findNanos);
                report("find (hit, keys in insertion order)", rep, accounts, findInOrderNanos);
            }
        }
    }

    /** Transfer-like read-modify-write by slot id: load, change lamports and 8 data bytes, save. */
    private void loadSave(final int dataBytes) {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory(accounts)) {
            createAccounts(store, dataBytes);
            final AccountBuffer buffer = new AccountBuffer();
            for (int rep = 0; rep < repetitions; rep++) {
                final long start = System.nanoTime();
                for (final int slot : order) {
                    readModifyWrite(store, slot, buffer, dataBytes);
                }
                report("load+save " + dataBytes + "-byte accounts (random order)", rep, accounts, System.nanoTime() - start);
            }
            for (int rep = 0; rep < repetitions; rep++) {
                final long start = System.nanoTime();
                for (int slot = 0; slot < accounts; slot++) {
                    readModifyWrite(store, slot, buffer, dataBytes);
                }
                report("load+save " + dataBytes + "-byte accounts (slot order)", rep, accounts, System.nanoTime() - start);
            }
            stateHash(store, buffer, dataBytes);
            System.out.printf("  data arena %.1f MiB for %d accounts%n", store.dataArenaBytes() / 1048576.0, accounts);
        }
    }

    /**
     * The state hash two ways on the same store, side by side: the full scan over every account,
     * and the incremental hash after changing 1k, 10k and 100k random accounts since the previous
     * one (ns/op is then per changed account). The first incremental hash digests every account,
     * as after a reopen.
     */
    private void stateHash(final OffHeapAccountStore store, final AccountBuffer buffer, final int dataBytes) {
        long start = System.nanoTime();
        sink += store.stateHash().byteAt(0);
        report("state hash incremental, all " + dataBytes + "-byte changed", 0, accounts, System.nanoTime() - start);
        for (int rep = 0; rep < repetitions; rep++) {
            start = System.nanoTime();
            final Hash full = store.fullScanStateHash();
            final long fullNanos = System.nanoTime() - start;
            report("state hash full scan, " + dataBytes + "-byte", rep, accounts, fullNanos);
            for (final int changed : CHANGED_ACCOUNTS) {
                changeAccounts(store, buffer, dataBytes, changed);
                start = System.nanoTime();
                final Hash incremental = store.stateHash();
                final long incrementalNanos = System.nanoTime() - start;
                report("state hash incremental, " + changed + " changed", rep, changed, incrementalNanos);
                System.out.printf("  full scan / incremental with %d changed: %.1fx%n", changed,
                    (double) fullNanos / incrementalNanos);
                checkSameHash(store, incremental);
            }
            sink += full.byteAt(0);
        }
    }

    /** Read-modify-writes the next {@code count} accounts of the random order. */
    private void changeAccounts(final OffHeapAccountStore store, final AccountBuffer buffer, final int dataBytes, final int count) {
        for (int i = 0; i < count; i++) {
            readModifyWrite(store, order[changeCursor], buffer, dataBytes);
            changeCursor = (changeCursor + 1) % accounts;
        }
    }

    private static void checkSameHash(final OffHeapAccountStore store, final Hash incremental) {
        if (!incremental.equals(store.fullScanStateHash())) {
            throw new IllegalStateException("the incremental state hash differs from the full scan");
        }
    }

    private static void readModifyWrite(
        final AccountStore store, final int slot, final AccountBuffer buffer, final int dataBytes) {
        store.load(slot, buffer);
        buffer.lamports(buffer.lamports() + 1);
        if (dataBytes >= Long.BYTES) {
            buffer.data().putLong(64, buffer.data().getLong(64) + 1);
        }
        store.save(slot, buffer);
    }

    private void persisted(final Path directory) throws IOException {
        final Hash hash;
        final AccountStoreConfig config = AccountStoreConfig.forAccounts(accounts);
        long start = System.nanoTime();
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, config)) {
            report("open empty persisted store", 0, 1, System.nanoTime() - start);
            createAccounts(store, TOKEN_ACCOUNT_BYTES);
            start = System.nanoTime();
            store.flush();
            report("flush of new 165-byte accounts (inserts)", 0, accounts, System.nanoTime() - start);
            final AccountBuffer buffer = new AccountBuffer();
            for (int rep = 0; rep < repetitions; rep++) {
                for (final int slot : order) {
                    store.load(slot, buffer);
                    buffer.lamports(buffer.lamports() + 1);
                    store.save(slot, buffer);
                }
                start = System.nanoTime();
                store.flush();
                report("flush of dirty 165-byte accounts (updates)", rep, accounts, System.nanoTime() - start);
            }
            hash = store.stateHash();
            System.out.printf("  files %.1f MiB (%s), disk use: %s%n", store.fileBytes() / 1048576.0, fileSizes(directory), du(directory));
        }
        for (int rep = 0; rep < repetitions; rep++) {
            start = System.nanoTime();
            try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, config)) {
                report("reopen (load all accounts into memory)", rep, accounts, System.nanoTime() - start);
                if (!reopened.stateHash().equals(hash) || reopened.accountCount() != accounts) {
                    throw new IllegalStateException("reopened store differs");
                }
            }
        }
        TestFiles.deleteTree(directory);
    }

    private void createAccounts(final AccountStore store, final int dataBytes) {
        final AccountBuffer account = TestAccounts.account(1_000_000_000L, TestAccounts.TOKEN_PROGRAM, dataBytes, 7);
        for (final Pubkey key : keys) {
            store.save(store.resolve(key), account);
        }
    }

    private static void report(final String what, final int rep, final int operations, final long nanos) {
        final double seconds = nanos / 1e9;
        System.out.printf("%-48s rep %d: %9.3f ms  %12.0f ops/s  %8.1f ns/op%n",
            what, rep, nanos / 1e6, operations / seconds, (double) nanos / operations);
    }

    private static int[] permutation(final int size, final SplittableRandom random) {
        final int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static String fileSizes(final Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().map(path -> path.getFileName() + " " + sizeMiB(path) + " MiB")
                .reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    private static long sizeMiB(final Path path) {
        return path.toFile().length() >> 20;
    }

    private static String du(final Path directory) throws IOException {
        final Process process = new ProcessBuilder("du", "-sh", directory.toString()).redirectErrorStream(true).start();
        return new String(process.getInputStream().readAllBytes()).trim();
    }

}
