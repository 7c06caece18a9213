/**
 * Executing transactions with Solana's semantics: one code path for the sequential baseline, the
 * parallel workers, simulation, replay and the test harness.
 *
 * <ul>
 *   <li>{@link io.lanes.runtime.exec.Bank}: admission state (slot, recent blockhashes, status
 *       cache) and the checks made before scheduling (blockhash age, duplicates, account count);</li>
 *   <li>{@link io.lanes.runtime.exec.ResolvedTransaction}: a transaction with its keys resolved to
 *       dense store slots, its lock sets and its compute budget; pooled;</li>
 *   <li>{@link io.lanes.runtime.exec.TransactionExecutor}: loads the accounts into working copies,
 *       charges the fee, runs the instructions (and cross-program calls), checks the account rules
 *       after every call and rent at the end, and commits either everything or only the fee;</li>
 *   <li>{@link io.lanes.runtime.exec.SequentialExecutor}: the baseline, admission and execution one
 *       by one on the caller's thread.</li>
 * </ul>
 *
 * <p>Threading: a Bank's admission runs on one thread (the scheduler's). Each worker owns one
 * TransactionExecutor; the lock table guarantees that no two workers touch an account at once
 * with one of them writing. No allocation per transaction on the success path after warm-up
 * (logs are recorded as events and formatted on request).
 *
 * <p>Depends on: the programs module (SDK and built-in programs) and the store.
 */
package io.lanes.runtime.exec;
