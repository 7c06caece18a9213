/**
 * The benchmark runner behind {@code scripts/bench}: {@link io.lanes.bench.BenchMain} parses the
 * flags, generates each workload variant once (or takes it from the disk cache), hands it to
 * {@link io.lanes.bench.run} for the measured runs and to {@link io.lanes.bench.report} for
 * results.json, results.md and the charts.
 *
 * <p>What the bench owns: the workload suite's generators and invariants, the execute-stage
 * measurement (sequential executor vs parallel runtime in one JVM, state hashes compared), and the
 * report formats of {@code interfaces.md}. What it does not: anything in the runtime. It drives the
 * runtime only through its public API ({@code Bank}, {@code SequentialExecutor},
 * {@code ParallelRuntime}, {@code ExecutionListener}, {@code AccountStore}).
 *
 * <p>Threading: the main thread generates (using the common fork-join pool to sign in parallel),
 * runs the sequential baseline itself and submits to the parallel runtime; the runtime's own
 * threads report commits to a listener. Nothing else runs while a measurement does.
 */
package io.lanes.bench;
