/**
 * Solana's transaction wire format: what travels in a packet and what signatures sign.
 *
 * <p><b>Owns:</b> the decoded model ({@link io.lanes.sdk.wire.Transaction},
 * {@link io.lanes.sdk.wire.Message} and its parts), the byte-exact codec for legacy and version-0
 * messages ({@link io.lanes.sdk.wire.TransactionCodec}, failing only with
 * {@link io.lanes.sdk.wire.WireFormatException}), compiling instructions into a message as Solana's
 * clients do ({@link io.lanes.sdk.wire.MessageBuilder}), and Solana's structural checks and
 * signature verification ({@link io.lanes.sdk.wire.Sanitizer}, answering with
 * {@link io.lanes.sdk.wire.SanitizeResult}).
 *
 * <p><b>Depends on:</b> {@code io.lanes.sdk} (keys, hashes, compact-u16), and from
 * {@code io.lanes.sdk.program} only the value types {@code Instruction}, {@code AccountMeta} and
 * {@code TransactionError}; besides those, the JDK, Agrona and BouncyCastle, and nothing else of ours.
 * The program API must not depend on this package.
 *
 * <p><b>Threading:</b> decoded transactions, messages and sanitize results are immutable once built
 * and safe to share between threads (their byte arrays must not be changed by callers); the codec
 * and sanitizer are stateless. A {@link io.lanes.sdk.wire.MessageBuilder} is mutable and belongs
 * to one thread.
 */
package io.lanes.sdk.wire;
