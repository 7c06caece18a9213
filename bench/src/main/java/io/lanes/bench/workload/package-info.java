/**
 * The workload suite of {@code workloads.md}: seeded, deterministic generators of real signed
 * wire transactions, the genesis state each needs, and the invariant each must keep.
 *
 * <p>A {@link io.lanes.bench.workload.Workload} is one variant (W1 with 1,000 accounts, W4 with
 * s = 1.2). Generating it is the expensive part (Ed25519 key derivation and signing, about 35-75 us
 * each with BouncyCastle), so it happens once per variant, before any clock starts, in parallel on
 * all cores ({@link io.lanes.bench.workload.AccountKeys}, {@link io.lanes.bench.workload.TransferPlan}),
 * and {@link io.lanes.bench.workload.WorkloadCache} keeps the result on disk for the next run.
 *
 * <p>Implemented: W1 (random transfers), W2 (independent transfers), W3 (hot-ratio DeFi mix), W4
 * (Zipf transfers), W5 (AMM swaps), W6 (shared sink, plain write) and W8 (dependency chain). W3 and
 * W5 write mints, token accounts and pools straight into the genesis
 * ({@link io.lanes.bench.workload.TokenMarket}) and check pool and supply invariants by reading
 * account data; W6's commutative-add variant waits for runtime support.
 *
 * <p>Threading: generators may use the common fork-join pool; generated workloads are immutable
 * and shared read-only by the runs.
 */
package io.lanes.bench.workload;
