package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static io.lanes.runtime.store.TestAccounts.TOKEN_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.account;
import static io.lanes.runtime.store.TestAccounts.randomKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The incremental {@link OffHeapAccountStore#stateHash} must always equal the full scan
 * ({@link OffHeapAccountStore#fullScanStateHash}) and the independent reference implementation of
 * the definition, whatever changed since the previous hash.
 */
class IncrementalStateHashTest {
    private static final AccountStoreConfig CONFIG = AccountStoreConfig.forAccounts(1_000);

    @TempDir
    Path directory;

    @Test
    void hashAfterEveryChangeEqualsFullScanAndReference() {
        final RandomAccountChanges changes = new RandomAccountChanges(1, 40);
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            for (int step = 0; step < 2_000; step++) {
                changes.applyOne(store);
                assertHashes(store, changes, "step " + step);
            }
        }
    }

    @Test
    void hashAfterManyChangesToFewKeysEqualsFullScanAndReference() {
        final RandomAccountChanges changes = new RandomAccountChanges(2, 8);
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            for (int round = 0; round < 300; round++) {
                changes.apply(store, round % 17);
                assertHashes(store, changes, "round " + round);
            }
        }
    }

    @Test
    void accountCreatedAndClosedBetweenHashesLeavesTheHash() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            store.save(store.resolve(randomKey(new SplittableRandom(3))), account(5, TOKEN_PROGRAM, 165, 3));
            final Hash before = store.stateHash();
            final int slot = store.resolve(randomKey(new SplittableRandom(4)));
            store.save(slot, account(7, TOKEN_PROGRAM, 300, 4));
            store.saveLamports(slot, 0);
            assertEquals(before, store.stateHash());
            store.saveLamports(slot, 9);
            assertNotEquals(before, store.stateHash());
            store.saveLamports(slot, 0);
            assertEquals(before, store.stateHash());
            assertEquals(store.fullScanStateHash(), store.stateHash());
        }
    }

    @Test
    void reopenedStoreHashesIncrementallyFromTheLoadedAccounts() {
        final RandomAccountChanges changes = new RandomAccountChanges(5, 60);
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
            changes.apply(store, 400);
            assertHashes(store, changes, "before the flush");
            store.flush();
        }
        for (int reopen = 0; reopen < 3; reopen++) {
            try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, CONFIG)) {
                assertHashes(store, changes, "reopen " + reopen);
                for (int round = 0; round < 20; round++) {
                    changes.apply(store, 5);
                    assertHashes(store, changes, "reopen " + reopen + " round " + round);
                }
                store.flush();
            }
        }
    }

    @Test
    void changesInSeveralChunksAreAllRehashed() {
        final int accounts = SlotTable.SLOTS_PER_CHUNK * 2 + 100;
        final SplittableRandom random = new SplittableRandom(6);
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory(accounts)) {
            for (int i = 0; i < accounts; i++) {
                store.saveLamports(store.resolve(randomKey(random)), 1 + i);
            }
            assertEquals(store.fullScanStateHash(), store.stateHash());
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 50; i++) {
                    final int slot = random.nextInt(accounts);
                    store.saveLamports(slot, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(1_000));
                }
                store.saveLamports(accounts - 1, 1 + round);
                assertEquals(store.fullScanStateHash(), store.stateHash(), "round " + round);
            }
        }
    }

    @Test
    void hashWithoutChangesIsStable() {
        final RandomAccountChanges changes = new RandomAccountChanges(7, 30);
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            changes.apply(store, 200);
            final Hash first = store.stateHash();
            assertEquals(first, store.stateHash());
            final AccountBuffer unchanged = new AccountBuffer();
            store.load(0, unchanged);
            store.save(0, unchanged);
            assertEquals(first, store.stateHash(), "saving the same account again");
        }
    }

    /** jqwik: any seed, key count and number of changes between hashes. */
    @Property(tries = 40)
    void incrementalHashEqualsFullScan(
        @ForAll final long seed, @ForAll @IntRange(min = 1, max = 50) final int keyCount,
        @ForAll @IntRange(min = 0, max = 12) final int changesPerHash) {
        final RandomAccountChanges changes = new RandomAccountChanges(seed, keyCount);
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            for (int round = 0; round < 30; round++) {
                changes.apply(store, changesPerHash);
                assertHashes(store, changes, "round " + round);
            }
        }
    }

    private static void assertHashes(final OffHeapAccountStore store, final RandomAccountChanges changes, final String when) {
        final Hash reference = ReferenceStateHash.of(changes.model());
        assertEquals(reference, store.fullScanStateHash(), "full scan, " + when);
        assertEquals(reference, store.stateHash(), "incremental, " + when);
        assertEquals(changes.model().values().stream().filter(account -> account.lamports() != 0).count(),
            store.accountCount(), "account count, " + when);
    }
}
