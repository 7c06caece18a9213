/**
 * The measured runs. {@link io.lanes.bench.run.SequentialRunner} runs the sequential executor on
 * the calling thread; {@link io.lanes.bench.run.ParallelRunner} runs the parallel runtime with
 * dedicated threads, submitting from the calling thread and timing commits in an
 * {@link io.lanes.runtime.pipeline.ExecutionListener}. {@link io.lanes.bench.run.VariantBenchmark}
 * interleaves the repetitions of every mode on one variant, each on a fresh genesis store, and
 * {@link io.lanes.bench.run.VariantResult} turns them into medians and paired speedups and lists
 * every state hash mismatch and broken invariant. {@link io.lanes.bench.run.PipelineRunner} (an
 * {@link io.lanes.bench.run.InProcessPipeline}: sigverify, node admission, runtime, block sealing
 * into a durable ledger) and {@link io.lanes.bench.run.E2eRunner} (a {@code LanesNode} fed over its
 * ingest port) measure the pipeline and e2e stages, timed to the last confirmation by a
 * {@link io.lanes.bench.run.ConfirmationTracker}; {@link io.lanes.bench.run.VerifierBenchmark}
 * measures Ed25519 verifications per second per core.
 *
 * <p>Measured loops allocate nothing of their own: timestamps go into arrays sized before the clock
 * starts, outcomes into counters; histograms are filled afterwards. (The pipeline's loop decodes
 * each wire transaction, which allocates the decoded objects, as the ingest port does.)
 */
package io.lanes.bench.run;
