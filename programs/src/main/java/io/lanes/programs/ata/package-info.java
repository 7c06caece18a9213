/**
 * The Associated Token Account program ({@code ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL}):
 * Create, CreateIdempotent and RecoverNested, through cross-program calls into System and SPL
 * Token exactly as the real program makes them, plus address derivation
 * ({@link io.lanes.programs.ata.AssociatedTokenAccount}) and instruction builders
 * ({@link io.lanes.programs.ata.AssociatedTokenInstruction}).
 *
 * <p>Depends on: the SDK and the sibling packages {@code io.lanes.programs.system} and
 * {@code io.lanes.programs.token} (builders and layouts) only.
 *
 * <p>Threading: stateless; one instance is shared by all workers.
 */
package io.lanes.programs.ata;
