package io.lanes.runtime.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.lanes.runtime.store.TestAccounts.STAKE_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.TOKEN_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.randomKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two threads save disjoint slots at once, changing the data size on nearly every save so that
 * both reallocate in the arena concurrently (small classes from shared pages, large ones in
 * blocks of their own, and deletions). Each thread checks every save by loading it back, and at
 * the end every slot must hold what its thread wrote last: two slots handed the same arena
 * location would overwrite each other's data. The threads' slots interleave, so they also mark
 * neighbouring bytes of the hash-dirty map at once: the incremental state hash must still see
 * every change.
 */
class ConcurrentSaveTest {
    private static final int SLOTS_PER_THREAD = 200;
    private static final int ROUNDS = 1_500;
    private static final int THREADS = 2;
    private static final int[] DATA_LENGTHS = {24, 40, 0, 165, 300, 24, 70_000, 40, 5_000};

    @Test
    void disjointSlotsSavedConcurrentlyEndAsWritten() throws Exception {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            final int[][] slotsByThread = resolveSlots(store);
            runThreads(store, slotsByThread);
            final AccountBuffer expected = new AccountBuffer();
            final AccountBuffer loaded = new AccountBuffer();
            long expectedAccounts = 0;
            for (int thread = 0; thread < THREADS; thread++) {
                for (int i = 0; i < SLOTS_PER_THREAD; i++) {
                    fill(expected, thread, i, ROUNDS - 1);
                    store.load(slotsByThread[thread][i], loaded);
                    TestAccounts.assertSameAccount(expected, loaded);
                    expectedAccounts += expected.lamports() == 0 ? 0 : 1;
                }
            }
            assertEquals(expectedAccounts, store.accountCount());
            assertEquals(store.fullScanStateHash(), store.stateHash());
        }
    }

    private static int[][] resolveSlots(final AccountStore store) {
        final SplittableRandom random = new SplittableRandom(71);
        final int[][] slotsByThread = new int[THREADS][SLOTS_PER_THREAD];
        for (int i = 0; i < SLOTS_PER_THREAD; i++) {
            for (int thread = 0; thread < THREADS; thread++) {
                slotsByThread[thread][i] = store.resolve(randomKey(random));
            }
        }
        return slotsByThread;
    }

    private static void runThreads(final AccountStore store, final int[][] slotsByThread) throws Exception {
        final CyclicBarrier start = new CyclicBarrier(THREADS);
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            final List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                final int[] slots = slotsByThread[thread];
                final int id = thread;
                done.add(pool.submit(() -> {
                    start.await();
                    writeRounds(store, slots, id);
                    return null;
                }));
            }
            for (final Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeRounds(final AccountStore store, final int[] slots, final int thread) {
        final AccountBuffer account = new AccountBuffer();
        final AccountBuffer loaded = new AccountBuffer();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < slots.length; i++) {
                fill(account, thread, i, round);
                store.save(slots[i], account);
                store.load(slots[i], loaded);
                if (!account.sameAs(loaded)) {
                    throw new AssertionError("thread " + thread + " slot " + slots[i] + " round " + round);
                }
            }
        }
    }

    /** The account a thread writes to its i-th slot in a round; every 13th is a deletion. */
    private static void fill(final AccountBuffer account, final int thread, final int index, final int round) {
        if ((index + round) % 13 == 0) {
            account.clear();
            return;
        }
        final long stamp = ((long) thread << 48) | ((long) index << 24) | round;
        account.lamports(1 + stamp);
        account.owner(round % 2 == 0 ? TOKEN_PROGRAM : STAKE_PROGRAM);
        account.executable(false);
        account.rentEpoch(round);
        final int dataLength = DATA_LENGTHS[(index + round) % DATA_LENGTHS.length];
        account.dataLength(dataLength);
        for (int at = 0; at + Long.BYTES <= dataLength; at += 256) {
            account.data().putLong(at, stamp + at);
        }
        if (dataLength > 0) {
            account.data().putLong(dataLength - Long.BYTES, ~stamp);
        }
    }

}
