package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.lanes.runtime.store.TestAccounts.STAKE_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.TOKEN_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.account;
import static io.lanes.runtime.store.TestAccounts.assertSameAccount;
import static io.lanes.runtime.store.TestAccounts.randomKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistedAccountStoreTest {
    /** Room for a few 10 MiB accounts in the data-parts map. */
    private static final AccountStoreConfig CONFIG = new AccountStoreConfig(1_000, 165, 10.0, 32L << 20);

    @TempDir
    Path directory;

    @Test
    void reopenedStoreHasTheSameAccountsAndHash() {
        final Map<Pubkey, AccountBuffer> expected = sampleAccounts(new SplittableRandom(11), 300);
        final Hash hash;
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            saveAll(store, expected);
            hash = store.stateHash();
            store.flush();
            assertFalse(Files.exists(directory.resolve("accounts.journal")), "the journal is gone after a flush");
        }
        assertFalse(Files.exists(directory.resolve("accounts.open")), "a clean close removes the open marker");
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, CONFIG)) {
            assertStoreHolds(reopened, expected);
            assertEquals(hash, reopened.stateHash());
            assertEquals(ReferenceStateHash.of(expected), reopened.stateHash());
        }
    }

    @Test
    void flushWritesChangesAndRemovesDeletedAccountsAndStaleDataParts() {
        final SplittableRandom random = new SplittableRandom(12);
        final Map<Pubkey, AccountBuffer> expected = sampleAccounts(random, 50);
        final Pubkey large = randomKey(random);
        final Pubkey deleted = randomKey(random);
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            saveAll(store, expected);
            store.save(store.resolve(large), account(5, TOKEN_PROGRAM, SizeClasses.MAX_DATA_BYTES, 13));
            store.save(store.resolve(deleted), account(5, TOKEN_PROGRAM, 200_000, 14));
            store.flush();
            final long samplePartCount = partCount(expected);
            assertEquals(640 + 13 + samplePartCount, store.file().dataPartCount());

            final AccountBuffer shrunk = account(6, STAKE_PROGRAM, 40_000, 15);
            store.save(store.find(large), shrunk);
            expected.put(large, shrunk);
            store.saveLamports(store.find(deleted), 0);
            final Pubkey changed = expected.keySet().iterator().next();
            final AccountBuffer changedAccount = account(77, STAKE_PROGRAM, 3, 16);
            store.save(store.find(changed), changedAccount);
            expected.put(changed, changedAccount);
            store.flush();
            assertEquals(partCount(expected), store.file().dataPartCount(), "stale parts are removed");
            assertEquals(3 + samplePartCount, partCount(expected));
            assertEquals(expected.size(), store.file().accountCount());
        }
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, CONFIG)) {
            assertStoreHolds(reopened, expected);
            assertEquals(-1, reopened.find(deleted), "a deleted account is not stored");
        }
    }

    @Test
    void changesAfterTheLastFlushAreLostOnClose() {
        final SplittableRandom random = new SplittableRandom(21);
        final Pubkey flushed = randomKey(random);
        final Pubkey unflushed = randomKey(random);
        final AccountBuffer flushedAccount = account(100, TOKEN_PROGRAM, 165, 22);
        final Hash flushedHash;
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            store.save(store.resolve(flushed), flushedAccount);
            store.flush();
            flushedHash = store.stateHash();
            store.save(store.find(flushed), account(1, STAKE_PROGRAM, 9, 23));
            store.save(store.resolve(unflushed), account(5, TOKEN_PROGRAM, 1, 24));
        }
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, CONFIG)) {
            final AccountBuffer loaded = new AccountBuffer();
            reopened.load(reopened.find(flushed), loaded);
            assertSameAccount(flushedAccount, loaded);
            assertEquals(-1, reopened.find(unflushed));
            assertEquals(1, reopened.accountCount());
            assertEquals(flushedHash, reopened.stateHash());
        }
    }

    @Test
    void aCommittedJournalLeftByACrashIsAppliedAtOpen() throws Exception {
        final SplittableRandom random = new SplittableRandom(31);
        final Map<Pubkey, AccountBuffer> expected = sampleAccounts(random, 20);
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            saveAll(store, expected);
            store.flush();
        }
        final Pubkey added = randomKey(random);
        final AccountBuffer addedAccount = account(9, TOKEN_PROGRAM, 70_000, 32);
        final Pubkey removed = expected.keySet().iterator().next();
        try (FlushJournal journal = new FlushJournal(directory.resolve("accounts.journal"))) {
            journal.begin();
            journal.append(TestAccounts.record(added, addedAccount, 0));
            journal.append(TestAccounts.record(removed, account(0, Pubkey.SYSTEM_PROGRAM, 0, 0), expected.get(removed).dataLength()));
            journal.commit();
        }
        Files.write(directory.resolve("accounts.open"), new byte[0]);
        expected.put(added, addedAccount);
        expected.remove(removed);
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, CONFIG)) {
            assertStoreHolds(reopened, expected);
            assertEquals(-1, reopened.find(removed));
            assertFalse(Files.exists(directory.resolve("accounts.journal")));
        }
    }

    @Test
    void aJournalWithoutTrailerIsIgnored() throws Exception {
        final Map<Pubkey, AccountBuffer> expected = sampleAccounts(new SplittableRandom(41), 20);
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            saveAll(store, expected);
            store.flush();
        }
        try (FlushJournal journal = new FlushJournal(directory.resolve("accounts.journal"))) {
            journal.begin();
            journal.append(TestAccounts.record(randomKey(new SplittableRandom(42)), account(3, TOKEN_PROGRAM, 10, 1), 0));
        }
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, CONFIG)) {
            assertStoreHolds(reopened, expected);
        }
    }

    @Test
    void theMapGrowsPastItsConfiguredEntries() {
        final AccountStoreConfig small = new AccountStoreConfig(200, 165, 20.0, 0);
        final Map<Pubkey, AccountBuffer> expected = sampleAccounts(new SplittableRandom(51), 2_000);
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, small)) {
            saveAll(store, expected);
            store.flush();
        }
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, small)) {
            assertStoreHolds(reopened, expected);
        }
    }

    @Test
    void flushWithoutChangesWritesNothing() throws Exception {
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            store.save(store.resolve(Pubkey.SYSTEM_PROGRAM), account(1, TOKEN_PROGRAM, 1, 1));
            store.flush();
            final long modified = Files.getLastModifiedTime(directory.resolve("accounts.cm3")).toMillis();
            store.resolve(TOKEN_PROGRAM);
            store.flush();
            assertFalse(Files.exists(directory.resolve("accounts.journal")));
            assertEquals(modified, Files.getLastModifiedTime(directory.resolve("accounts.cm3")).toMillis());
            assertTrue(store.fileBytes() > 0);
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            store.save(store.resolve(Pubkey.SYSTEM_PROGRAM), account(1, TOKEN_PROGRAM, 1, 1));
            assertThrows(IllegalStateException.class, () -> OffHeapAccountStore.open(directory, CONFIG));
            store.flush();
        }
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, CONFIG)) {
            assertEquals(1, reopened.accountCount());
        }
    }

    @Test
    void openSaveAndFlushMayRunOnDifferentThreads() throws Exception {
        final Map<Pubkey, AccountBuffer> expected = sampleAccounts(new SplittableRandom(61), 100);
        final ExecutorService[] threads = {Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor()};
        try {
            final OffHeapAccountStore store = threads[0].submit(() -> OffHeapAccountStore.open(directory, CONFIG)).get();
            threads[1].submit(() -> saveAll(store, expected)).get();
            threads[0].submit(store::flush).get();
            threads[1].submit(store::close).get();
        } finally {
            for (final ExecutorService thread : threads) {
                thread.shutdownNow();
            }
        }
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, CONFIG)) {
            assertStoreHolds(reopened, expected);
        }
    }

    private static long partCount(final Map<Pubkey, AccountBuffer> accounts) {
        return accounts.values().stream().mapToLong(account -> ChronicleAccountFile.partCount(account.dataLength())).sum();
    }

    static Map<Pubkey, AccountBuffer> sampleAccounts(final SplittableRandom random, final int count) {
        final Map<Pubkey, AccountBuffer> accounts = new LinkedHashMap<>();
        final Pubkey[] owners = {Pubkey.SYSTEM_PROGRAM, TOKEN_PROGRAM, STAKE_PROGRAM, randomKey(random)};
        for (int i = 0; i < count; i++) {
            final int dataLength = i % 50 == 7 ? 20_000 + i : i % 3 == 0 ? 0 : 165;
            accounts.put(randomKey(random), account(1 + random.nextInt(1_000_000), owners[i % owners.length], dataLength, i));
        }
        return accounts;
    }

    static void saveAll(final AccountStore store, final Map<Pubkey, AccountBuffer> accounts) {
        accounts.forEach((key, account) -> store.save(store.resolve(key), account));
    }

    static void assertStoreHolds(final AccountStore store, final Map<Pubkey, AccountBuffer> expected) {
        assertEquals(expected.size(), store.accountCount());
        final AccountBuffer loaded = new AccountBuffer();
        expected.forEach((key, account) -> {
            final int slot = store.find(key);
            assertTrue(slot >= 0, "stored: " + key);
            store.load(slot, loaded);
            assertSameAccount(account, loaded);
        });
        store.forEachAccount(slot -> assertTrue(expected.containsKey(store.key(slot)), "only expected accounts exist"));
    }
}
