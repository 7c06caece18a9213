/**
 * The measured runs. {@link io.lanes.bench.run.SequentialRunner} runs the sequential executor on
 * the calling thread; {@link io.lanes.bench.run.ParallelRunner} runs the parallel runtime with
 * dedicated threads, submitting from the calling thread and timing commits in an
 * {@link io.lanes.runtime.pipeline.ExecutionListener}. {@link io.lanes.bench.run.VariantBenchmark}
 * interleaves the repetitions of every mode on one variant, each on a fresh genesis store, and
 * {@link io.lanes.bench.run.VariantResult} turns them into medians and paired speedups and lists
 * every state hash mismatch and broken invariant.
 *
 * <p>Measured loops allocate nothing: timestamps go into arrays sized before the clock starts,
 * outcomes into counters; histograms are filled afterwards.
 */
package io.lanes.bench.run;
