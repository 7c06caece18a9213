package io.lanes.bench.run;

import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.InvariantResult;
import io.lanes.bench.workload.RandomTransfers;
import io.lanes.bench.workload.RunOutcome;
import io.lanes.bench.workload.Workload;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mode ends in the sequential state; a broken invariant is reported as a failure of every run. */
class VariantBenchmarkTest {
    private static final BenchSettings SETTINGS = new BenchSettings(100, 20, 2, List.of(1, 2), 5, null, true);

    @Test
    void everyModeEndsInTheSequentialState() throws Exception {
        final Workload workload = new RandomTransfers(10);
        final VariantResult result = run(workload);
        assertTrue(result.failures().isEmpty(), result.failures().toString());
        assertEquals(4, result.summaries().size(), "sequential, parallel w=1 and w=2, shared");
        result.summaries().forEach(summary -> {
            assertTrue(summary.stateMatches() && summary.invariantsHold(), summary.toString());
            assertTrue(summary.cpuNanosPerTx() > 0, summary.toString());
        });
    }

    @Test
    void brokenInvariantIsAFailureOfEveryRun() throws Exception {
        final VariantResult result = run(new AlwaysBroken(new RandomTransfers(10)));
        assertEquals(4 * SETTINGS.repetitions(), result.failures().size(), result.failures().toString());
        assertTrue(result.failures().stream().allMatch(failure -> failure.contains("INVARIANT FAILED")));
    }

    private static VariantResult run(final Workload workload) throws InterruptedException {
        final GeneratedWorkload generated = workload.generate(9, SETTINGS.txCount(), Bank.blockhashForSlot(0));
        return new VariantBenchmark(SETTINGS, RunProgress.NONE).run(workload, generated);
    }

    /** A workload whose invariant never holds. */
    private record AlwaysBroken(Workload delegate) implements Workload {
        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public String variant() {
            return delegate.variant();
        }

        @Override
        public ProgramRegistry programs() {
            return delegate.programs();
        }

        @Override
        public GeneratedWorkload generate(final long seed, final int txCount, final Hash blockhash) {
            return delegate.generate(seed, txCount, blockhash);
        }

        @Override
        public InvariantResult checkInvariant(final GeneratedWorkload generated, final AccountStore store, final RunOutcome outcome) {
            return InvariantResult.of(false, "broken on purpose");
        }
    }
}
