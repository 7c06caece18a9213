package io.lanes.sdk.program;

/**
 * A native program: the unit of code that transactions call. An instance is shared by all worker
 * threads, so it must keep no mutable state of its own; all state lives in accounts.
 *
 * <p>A program reads and changes the instruction's accounts through the context's
 * {@link AccountView}s. It fails by throwing {@link ProgramError} (any other exception fails the
 * instruction with {@code ProgramFailedToComplete}). The runtime, not the program, enforces the
 * account rules after the call: only the owner changes data or debits lamports, read-only and
 * executable accounts are unchanged, lamports are conserved, balances stay rent exempt.
 */
@FunctionalInterface
public interface Program {
    void process(InvokeContext context);
}
