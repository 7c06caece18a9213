/**
 * SPL Token ({@code TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA}) as a native program with SPL
 * Token's ids, instruction encoding and tags, account layouts, error codes and log lines, so that
 * clients written for Solana ({@code @solana/spl-token}) work unchanged.
 *
 * <p>Owns: the program ({@link io.lanes.programs.token.TokenProgram}), client-side instruction
 * builders ({@link io.lanes.programs.token.TokenInstruction}), flyweight layout readers usable by
 * RPC code ({@link io.lanes.programs.token.MintLayout},
 * {@link io.lanes.programs.token.TokenAccountLayout},
 * {@link io.lanes.programs.token.MultisigLayout}), the error codes
 * ({@link io.lanes.programs.token.TokenError}) and the wrapped SOL mint
 * ({@link io.lanes.programs.token.NativeMint}), which genesis must create.
 *
 * <p>Depends on: the SDK ({@code io.lanes.sdk}, {@code io.lanes.sdk.program}) and Agrona buffers
 * only; never on the runtime.
 *
 * <p>Threading: stateless; one instance is shared by all workers. The hot instructions (Transfer,
 * TransferChecked, MintTo) read and write account data in place and allocate nothing on success.
 */
package io.lanes.programs.token;
