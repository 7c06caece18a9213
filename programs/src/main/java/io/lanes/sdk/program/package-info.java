/**
 * The program API that contract authors write against.
 *
 * <p>A {@link io.lanes.sdk.program.Program} is called once per instruction with an
 * {@link io.lanes.sdk.program.InvokeContext}: the program id, the instruction's accounts as
 * {@link io.lanes.sdk.program.AccountView}s (key, lamports, owner, data as a mutable off-heap
 * buffer, signer and writable flags) and the instruction data. It fails by throwing
 * {@link io.lanes.sdk.program.ProgramError}, which carries an
 * {@link io.lanes.sdk.program.InstructionError} with Solana's names and codes; the runtime turns
 * it into a {@link io.lanes.sdk.program.TransactionError} such as
 * {@code {"InstructionError":[0,{"Custom":1}]}}.
 *
 * <p>Cross-program calls go through {@link io.lanes.sdk.program.InvokeContext#invoke} and
 * {@code invokeSigned} with program-derived addresses computed exactly as Solana does
 * ({@link io.lanes.sdk.program.ProgramDerivedAddress}).
 *
 * <p>Threading: programs are shared by all workers and must hold no mutable state; everything a
 * program needs is in its accounts. Views and contexts are valid only during the call.
 *
 * <p>Depends on: {@code io.lanes.sdk} value types and Agrona buffers. Never on the runtime: a
 * program jar builds against this module alone.
 */
package io.lanes.sdk.program;
