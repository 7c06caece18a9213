/**
 * Ingest and signature verification: the front of the pipeline, ahead of the scheduler.
 *
 * <pre>
 *  TCP 127.0.0.1:ingest-port                      RPC sendTransaction (decoded + sanitized by RPC)
 *   │ [IngestServer: Netty event loops]                   │
 *   │  frame: u32 LE length (1..1232) + wire bytes        │
 *   │  TransactionCodec.decode + Sanitizer.sanitize       │
 *   ▼                                                     ▼
 *  SigVerifyStage.offer ──▶ bounded MPMC queue (JCTools, default 8192) ──▶ [sigverify agents, N]
 *                                   drain a batch (≤ 64 signatures) → duplicate pre-filter
 *                                   → Ed25519Verifier.verifyBatch → TransactionSink.submit (scheduler admission)
 * </pre>
 *
 * <p><b>Owns:</b> the ingest port ({@link io.lanes.runtime.ingest.IngestServer}), the
 * verification stage ({@link io.lanes.runtime.ingest.SigVerifyStage}), the Ed25519 verifiers
 * (libsodium through JNA where it loads, BouncyCastle otherwise:
 * {@link io.lanes.runtime.ingest.Ed25519Verifiers}), a small lossy pre-filter of recently verified
 * signatures, and the counters ({@link io.lanes.runtime.ingest.IngestCounters}). It does not own
 * duplicate detection (the scheduler's status cache does; the pre-filter only saves work) nor
 * replies to ingest clients (there are none; results show in statuses and counters).
 *
 * <p><b>Threads:</b> Netty event loops (default 1, named {@code lanes-ingest-*}) cut frames,
 * decode and sanitize; N agent threads ({@code lanes-sigverify-N}, default cores - 1, at least 1)
 * verify and call the sink. The sink runs on agent threads, concurrently. Verifiers are
 * thread-safe (per-thread scratch).
 *
 * <p><b>Backpressure:</b> the queue is the only buffer between the stages and it is bounded.
 * {@code offer} returns false when it is full. The ingest connection then holds the one
 * transaction it could not queue, turns Netty's autoRead off and retries every
 * {@code retryDelayMicros}; the kernel's socket buffers fill and TCP flow control slows the
 * client. A slow or blocking sink stalls the agents, which fills the queue: nothing grows
 * without bound. A paused connection keeps at most one socket read plus one partial frame.
 *
 * <p><b>Bad input:</b> a length of 0 or over 1232, bytes that do not decode, or a transaction
 * that fails sanitize close that connection only (counted). A bad signature is not a framing
 * error: the transaction is rejected (counted, told to the {@link io.lanes.runtime.ingest.RejectionListener})
 * and the connection stays open.
 *
 * <p><b>Allocation:</b> per transaction, the codec's decoded objects and wire copy; the
 * connection's frame buffer, the agent's batch arrays and the verifiers' scratch memory are reused.
 *
 * <p>Depends on: the SDK wire codec and sanitizer, Netty, JCTools, Agrona, JNA, BouncyCastle.
 */
package io.lanes.runtime.ingest;
