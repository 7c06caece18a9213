/**
 * The built-in native programs, at the ids and with the byte formats Solana clients know:
 * {@code system} (11111111111111111111111111111111), {@code computebudget}, and the helpers they
 * share ({@link io.lanes.programs.InstructionReader} for bounds-checked little-endian decoding).
 *
 * <p>Each program is stateless and thread-safe; it sees accounts only through the SDK's views and
 * leaves every rule check (ownership, read-only, lamport balance, rent) to the runtime.
 *
 * <p>Depends on: the SDK ({@code io.lanes.sdk}, {@code io.lanes.sdk.program}) only.
 */
package io.lanes.programs;
