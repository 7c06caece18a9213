/**
 * Solana's value types and keys, shared by clients, programs and the runtime.
 *
 * <p><b>Owns:</b> fixed-size values ({@link io.lanes.sdk.Pubkey}, {@link io.lanes.sdk.Hash},
 * {@link io.lanes.sdk.Signature} on {@link io.lanes.sdk.FixedBytes}), their text form
 * ({@link io.lanes.sdk.Base58}), Solana's compact-u16 length encoding
 * ({@link io.lanes.sdk.CompactU16}) and Ed25519 key pairs with signing, verification and the Solana
 * CLI keypair file format ({@link io.lanes.sdk.Keypair}).
 *
 * <p><b>Depends on:</b> the JDK, Agrona (buffer views) and BouncyCastle (Ed25519, RFC 8032), and
 * nothing else of ours: no other Lanes package or module.
 *
 * <p><b>Threading:</b> every value is immutable and thread-safe; the static helpers keep no state
 * (key generation shares one {@link java.security.SecureRandom}, which is thread-safe).
 */
package io.lanes.sdk;
