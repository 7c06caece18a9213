package io.lanes.locks;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random workloads through {@link PackerSimulation}: every tx scheduled once, no conflicting txs
 * in flight on two workers, conflicting txs executed in priority order, no lock left held, and
 * the same schedule on a rerun with the same seed.
 */
class PackerSimulationPropertyTest {

    @Property(tries = 3000)
    void parallelScheduleKeepsSerialOrderAndIsDeterministic(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 50) int accounts,
            @ForAll @IntRange(min = 1, max = 4) int workers,
            @ForAll @IntRange(min = 1, max = 120) int txCount,
            @ForAll boolean equalPriorities,
            @ForAll @IntRange(min = 1, max = 8) int batchSize,
            @ForAll @IntRange(min = 1, max = 150) int lookahead,
            @ForAll @IntRange(min = 1, max = 12) int maxInFlightPerWorker) {
        PackerSimulation.Workload workload = new PackerSimulation.Workload(seed, accounts, workers, txCount,
                equalPriorities, batchSize, lookahead, maxInFlightPerWorker);
        List<Long> firstRun = PackerSimulation.run(workload);
        List<Long> secondRun = PackerSimulation.run(workload);
        assertEquals(firstRun, secondRun, "schedule differs between runs of one seed");
    }

    @Property(tries = 300)
    void defaultLimitsWithLongerWorkloads(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 50) int accounts,
            @ForAll @IntRange(min = 1, max = 4) int workers,
            @ForAll boolean equalPriorities) {
        PackerConfig defaults = PackerConfig.defaults(workers);
        PackerSimulation.Workload workload = new PackerSimulation.Workload(seed, accounts, workers, 400,
                equalPriorities, defaults.batchSize(), defaults.lookahead(), defaults.maxInFlightPerWorker());
        assertEquals(PackerSimulation.run(workload), PackerSimulation.run(workload));
    }
}
