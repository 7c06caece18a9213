package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static io.lanes.runtime.store.TestAccounts.STAKE_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.TOKEN_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.account;
import static io.lanes.runtime.store.TestAccounts.randomKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationFreeTest {
    private static final int ACCOUNTS = 1_000;
    private static final int WARM_UP_ROUNDS = 30;
    private static final int MEASURED_ROUNDS = 50;
    /** What reading the counter itself may cost; 50 000 operations allocating even 1 byte each exceed it. */
    private static final long MAX_ALLOCATED_BYTES = 1_024;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path directory;

    @Test
    void loadAndSaveAllocateNothingAfterWarmUpInMemory() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            assertAllocationFree(store);
        }
    }

    @Test
    void loadAndSaveAllocateNothingAfterWarmUpWhenPersisted() {
        try (OffHeapAccountStore store = OffHeapAccountStore.open(directory, AccountStoreConfig.forAccounts(ACCOUNTS))) {
            assertAllocationFree(store);
        }
    }

    private void assertAllocationFree(final OffHeapAccountStore store) {
        final int[] slots = createAccounts(store);
        final AccountBuffer buffer = new AccountBuffer();
        final AccountBuffer system = account(1, Pubkey.SYSTEM_PROGRAM, 0, 1);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            exercise(store, slots, buffer, system, round);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        long checksum = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            checksum += exercise(store, slots, buffer, system, round);
        }
        final long allocatedBytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(checksum != 0);
        assertTrue(allocatedBytes <= MAX_ALLOCATED_BYTES, "allocated " + allocatedBytes + " bytes");
        assertEquals(ACCOUNTS, store.accountCount());
    }

    private static int[] createAccounts(final OffHeapAccountStore store) {
        final SplittableRandom random = new SplittableRandom(61);
        final int[] slots = new int[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            slots[i] = store.resolve(randomKey(random));
            final Pubkey owner = i % 2 == 0 ? TOKEN_PROGRAM : STAKE_PROGRAM;
            store.save(slots[i], account(1_000_000, owner, i % 4 == 0 ? 0 : 165, i));
        }
        return slots;
    }

    /** Transfer-like read-modify-writes, data edits, size-class changes and lamport-only saves. */
    private static long exercise(
        final OffHeapAccountStore store, final int[] slots, final AccountBuffer buffer, final AccountBuffer system,
        final int round) {
        long checksum = 0;
        for (int i = 0; i < slots.length; i++) {
            final int slot = slots[i];
            store.load(slot, buffer);
            buffer.lamports(buffer.lamports() + 1);
            if (buffer.dataLength() > 0) {
                buffer.data().putLong(0, buffer.data().getLong(0) + 1);
            }
            if (i % 100 == 1) {
                buffer.dataLength(round % 2 == 0 ? 300 : 165);
            }
            store.save(slot, buffer);
            store.saveLamports(slot, store.lamports(slot) - 1);
            checksum += buffer.lamports() + buffer.owner().byteAt(0);
        }
        final int scratch = slots[round % slots.length];
        store.load(scratch, buffer);
        store.saveLamports(scratch, 0);
        store.save(scratch, system);
        store.save(scratch, buffer);
        return checksum;
    }
}
