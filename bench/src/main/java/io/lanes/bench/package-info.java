/**
 * The benchmark runner behind {@code scripts/bench}: {@link io.lanes.bench.BenchMain} parses the
 * flags, generates each workload variant once (or takes it from the disk cache), hands it to
 * {@link io.lanes.bench.run} for the measured runs and to {@link io.lanes.bench.report} for
 * results.json, results.md and the charts.
 *
 * <p>What the bench owns: the workload suite's generators and invariants, the three stages'
 * measurements (execute: sequential executor vs parallel runtime in one JVM; pipeline: signature
 * verification, runtime and durable ledger; e2e: a node fed over its ingest port; state hashes
 * compared with the sequential executor's every time), and the report formats of
 * {@code interfaces.md}. What it does not: anything in the runtime. It drives the runtime only
 * through its public API ({@code Bank}, {@code SequentialExecutor}, {@code ParallelRuntime},
 * {@code ExecutionListener}, {@code AccountStore}, and for the pipeline and e2e stages
 * {@code NodeState}, {@code NodeRpcBackend}, {@code SigVerifyStage}, {@code LedgerWriter},
 * {@code LanesNode}).
 *
 * <p>Threading: the main thread generates (using the common fork-join pool to sign in parallel),
 * runs the sequential baseline itself and submits to the parallel runtime (or decodes into the
 * sigverify queue, or writes to the node's ingest port); the runtime's and node's own threads
 * report commits and confirmations to listeners. Nothing else runs while a measurement does.
 */
package io.lanes.bench;
