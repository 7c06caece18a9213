package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot files: the flushed state (not later changes), loaded or restored exactly, damage refused. */
class AccountSnapshotsTest {
    private static final AccountStoreConfig CONFIG = AccountStoreConfig.forAccounts(2_000);

    @TempDir
    Path directory;

    @Test
    void aSnapshotHoldsTheFlushedStateNotLaterChanges() throws Exception {
        final Path snapshot = directory.resolve("slot-7.accounts");
        final Map<Pubkey, AccountBuffer> flushed;
        final Hash flushedHash;
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory.resolve("accounts"), CONFIG)) {
            final SplittableRandom random = new SplittableRandom(5);
            flushed = PersistedAccountStoreTest.sampleAccounts(random, 700);
            PersistedAccountStoreTest.saveAll(store, flushed);
            store.flush();
            flushedHash = store.stateHash();
            PersistedAccountStoreTest.saveAll(store, PersistedAccountStoreTest.sampleAccounts(random, 50));
            store.saveLamports(store.find(flushed.keySet().iterator().next()), 0);
            assertNotEquals(flushedHash, store.stateHash(), "the store changed after the flush");
            assertEquals(700, store.writeSnapshot(snapshot));
        }
        assertFalse(Files.exists(directory.resolve("slot-7.accounts.partial")), "the temporary file was renamed");
        try (OffHeapAccountStore loaded = AccountSnapshots.loadInMemory(snapshot)) {
            PersistedAccountStoreTest.assertStoreHolds(loaded, flushed);
            assertEquals(flushedHash, loaded.stateHash());
            assertEquals(ReferenceStateHash.of(flushed), loaded.stateHash());
        }
        AccountSnapshots.restore(snapshot, directory.resolve("accounts"), CONFIG);
        try (OffHeapAccountStore restored = OffHeapAccountStore.open(directory.resolve("accounts"), CONFIG)) {
            PersistedAccountStoreTest.assertStoreHolds(restored, flushed);
            assertEquals(flushedHash, restored.stateHash());
        }
    }

    @Test
    void aDamagedOrTruncatedSnapshotIsRefusedAndTheOldStoreKept() throws Exception {
        final Path snapshot = directory.resolve("slot-3.accounts");
        final Hash liveHash;
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory.resolve("accounts"), CONFIG)) {
            PersistedAccountStoreTest.saveAll(store, PersistedAccountStoreTest.sampleAccounts(new SplittableRandom(8), 300));
            store.flush();
            liveHash = store.stateHash();
            store.writeSnapshot(snapshot);
        }
        final byte[] good = Files.readAllBytes(snapshot);
        for (final int offset : new int[] {8, good.length / 2, good.length - 9, good.length - 1}) {
            final byte[] damaged = good.clone();
            damaged[offset] ^= 0x10;
            Files.write(snapshot, damaged);
            assertRefused(snapshot, liveHash);
        }
        for (final int length : new int[] {0, 7, good.length / 3, good.length - 1}) {
            Files.write(snapshot, java.util.Arrays.copyOf(good, length));
            assertRefused(snapshot, liveHash);
        }
        Files.delete(snapshot);
        assertRefused(snapshot, liveHash);
    }

    private void assertRefused(final Path snapshot, final Hash liveHash) {
        assertThrows(IOException.class, () -> AccountSnapshots.loadInMemory(snapshot).close());
        assertThrows(IOException.class, () -> AccountSnapshots.restore(snapshot, directory.resolve("accounts"), CONFIG));
        try (OffHeapAccountStore kept = OffHeapAccountStore.open(directory.resolve("accounts"), CONFIG)) {
            assertEquals(liveHash, kept.stateHash(), "a refused restore leaves the store as it was");
        }
        assertTrue(Files.notExists(directory.resolve("accounts.restoring")), "no half-built store is left behind");
    }

    @Test
    void anInMemoryStoreHasNoFlushedStateToSnapshot() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            assertThrows(IllegalStateException.class, () -> store.writeSnapshot(directory.resolve("x")));
        }
    }
}
