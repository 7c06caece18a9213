package io.lanes.runtime.pipeline;

import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.SequentialExecutor;
import io.lanes.runtime.store.AccountStore;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.runtime.testing.RandomWorkload;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central property: for random conflict-heavy workloads, the parallel runtime with 1 to 4
 * workers ends in the same state as the sequential executor, with the same result for every
 * transaction; nothing is lost or executed twice; no lock is left held; and replaying the
 * recorded execution order sequentially reproduces the state.
 */
class ParallelEqualsSequentialTest {

    /** What one run produced: outcomes by signature, the recorded order, the final hash. */
    record Run(Map<Signature, String> outcomes, List<Transaction> recordedOrder, Hash stateHash, int reports) {
    }

    static Run sequential(final RandomWorkload workload, final ProgramRegistry programs) {
        try (AccountStore store = OffHeapAccountStore.inMemory()) {
            workload.applyGenesis(store, programs);
            final SequentialExecutor executor = new SequentialExecutor(new Bank(store, programs, true));
            final Map<Signature, String> outcomes = new HashMap<>();
            final ExecutionResult result = new ExecutionResult();
            for (final Transaction transaction : workload.transactions()) {
                executor.execute(transaction, result);
                outcomes.put(transaction.signature(0), describe(result));
            }
            executor.applyCommutativeAdds();
            return new Run(outcomes, workload.transactions(), store.stateHash(), outcomes.size());
        }
    }

    static Run parallel(final RandomWorkload workload, final ProgramRegistry programs, final RuntimeConfig config) throws Exception {
        try (AccountStore store = OffHeapAccountStore.inMemory()) {
            workload.applyGenesis(store, programs);
            final Recorder recorder = new Recorder();
            try (ParallelRuntime runtime = new ParallelRuntime(new Bank(store, programs, true), config, recorder)) {
                if (config.threadingMode() == ThreadingMode.DEDICATED) {
                    runtime.start();
                }
                for (final Transaction transaction : workload.transactions()) {
                    while (!runtime.submit(transaction)) {
                        Thread.onSpinWait();
                    }
                }
                runtime.awaitIdle(60, TimeUnit.SECONDS);
                runtime.applyCommutativeAdds();
                final boolean unlocked;
                if (config.threadingMode() == ThreadingMode.SHARED) {
                    unlocked = runtime.isUnlocked();
                } else {
                    final java.util.concurrent.CompletableFuture<Boolean> check = new java.util.concurrent.CompletableFuture<>();
                    assertTrue(runtime.runOnScheduler(() -> check.complete(runtime.isUnlocked())));
                    unlocked = check.get(10, TimeUnit.SECONDS);
                }
                assertTrue(unlocked, "no lock is left held");
            }
            return new Run(recorder.outcomes, recorder.order, store.stateHash(), recorder.reports);
        }
    }

    static String describe(final ExecutionResult result) {
        return result.status() + " " + result.error() + " fee=" + result.fee() + " units=" + result.computeUnitsConsumed();
    }

    static final class Recorder implements ExecutionListener {
        final Map<Signature, String> outcomes = new HashMap<>();
        final List<Transaction> order = new ArrayList<>();
        int reports;

        @Override
        public void onRejected(final Transaction transaction, final TransactionError error) {
            reports++;
            outcomes.put(transaction.signature(0), "REJECTED " + error + " fee=0 units=0");
        }

        @Override
        public void onExecuted(final ResolvedTransaction transaction, final ExecutionResult result) {
            reports++;
            outcomes.put(transaction.transaction().signature(0), describe(result));
            order.add(transaction.transaction());
        }
    }

    private static void assertSameAsSequential(final long seed, final int wallets, final int txs, final RuntimeConfig config)
        throws Exception {
        final ProgramRegistry programs = RandomWorkload.programs();
        final RandomWorkload workload = RandomWorkload.generate(seed, wallets, txs, Bank.blockhashForSlot(0), false);
        final Run expected = sequential(workload, programs);
        final Run actual = parallel(workload, programs, config);
        assertEquals(txs, actual.reports(), "every transaction reported exactly once");
        assertEquals(expected.outcomes(), actual.outcomes(), "same result for every transaction");
        assertEquals(expected.stateHash(), actual.stateHash(), "same state");
    }

    @Property(tries = 1500, seed = "20261126")
    void sharedModeEqualsSequential(
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long seed,
        @ForAll @IntRange(min = 2, max = 50) final int wallets,
        @ForAll @IntRange(min = 1, max = 120) final int txs,
        @ForAll @IntRange(min = 1, max = 4) final int workers,
        @ForAll @IntRange(min = 1, max = 16) final int batchSize) throws Exception {
        assertSameAsSequential(seed, wallets, txs,
            RuntimeConfig.defaults(workers, ThreadingMode.SHARED).withBatchSize(batchSize));
    }

    @Property(tries = 200, seed = "424242")
    void replayingTheRecordedOrderReproducesTheState(
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long seed,
        @ForAll @IntRange(min = 2, max = 30) final int wallets,
        @ForAll @IntRange(min = 1, max = 150) final int txs,
        @ForAll @IntRange(min = 1, max = 4) final int workers) throws Exception {
        final ProgramRegistry programs = RandomWorkload.programs();
        final RandomWorkload workload = RandomWorkload.generate(seed, wallets, txs, Bank.blockhashForSlot(0), true);
        final Run parallel = parallel(workload, programs, RuntimeConfig.defaults(workers, ThreadingMode.SHARED).withBatchSize(4));
        final Run replayed = sequential(workload.withTransactions(parallel.recordedOrder()), programs);
        assertEquals(parallel.stateHash(), replayed.stateHash());
        for (final Transaction transaction : parallel.recordedOrder()) {
            assertEquals(parallel.outcomes().get(transaction.signature(0)), replayed.outcomes().get(transaction.signature(0)));
        }
    }

    @Test
    void dedicatedThreadsUnderConflictHeavyLoadEqualSequential() throws Exception {
        for (int round = 0; round < 8; round++) {
            final int workers = 1 + round % 4;
            assertSameAsSequential(1000 + round, 4 + 3 * round, 8_000,
                RuntimeConfig.defaults(workers, ThreadingMode.DEDICATED).withIdleStrategy("yield").withBatchSize(1 + 13 * round));
        }
    }

    @Test
    void sharedModeIsDeterministic() throws Exception {
        final ProgramRegistry programs = RandomWorkload.programs();
        final RandomWorkload workload = RandomWorkload.generate(77, 12, 500, Bank.blockhashForSlot(0), true);
        final RuntimeConfig config = RuntimeConfig.defaults(3, ThreadingMode.SHARED).withBatchSize(5);
        final Run first = parallel(workload, programs, config);
        final Run second = parallel(workload, programs, config);
        assertEquals(first.recordedOrder(), second.recordedOrder(), "same input, same recorded order");
        assertEquals(first.stateHash(), second.stateHash());
    }
}
