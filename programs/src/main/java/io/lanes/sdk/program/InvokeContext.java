package io.lanes.sdk.program;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;

/**
 * What a program sees while it executes one instruction. The runtime owns it and reuses it; it is
 * valid only during the call.
 */
public interface InvokeContext {
    /** Deepest allowed nesting of cross-program invocations (the top-level call is height 1). */
    int MAX_INVOKE_STACK_HEIGHT = 5;

    /** The id of the program being executed. */
    Pubkey programId();

    /** How many accounts the instruction passes. */
    int accountCount();

    /**
     * The instruction's account at this position.
     *
     * @throws ProgramError {@code NotEnoughAccountKeys} if the index is out of range
     */
    AccountView account(int index);

    /** The instruction data, exactly its length; read-only. */
    DirectBuffer instructionData();

    /** Calls another program with the caller's signer privileges. */
    void invoke(Instruction instruction);

    /**
     * Calls another program; each seed set, with this program's id, derives an address that is
     * treated as a signer of the call (see {@link ProgramDerivedAddress}).
     */
    void invokeSigned(Instruction instruction, byte[][]... signerSeeds);

    /** Appends {@code "Program log: " + message} to the transaction's logs. */
    void log(String message);

    /**
     * Charges compute units against the transaction's budget.
     *
     * @throws ProgramError {@code ComputationalBudgetExceeded} when the budget runs out
     */
    void consumeComputeUnits(long units);

    long remainingComputeUnits();

    /** The slot the transaction executes in. */
    long slot();

    /** 1 for a top-level instruction, 2 for a program it invokes, and so on. */
    int stackHeight();

    /** Convenience: the account at the index, which must be a signer. */
    default AccountView signer(final int index) {
        final AccountView account = account(index);
        if (!account.isSigner()) {
            throw ProgramError.of(InstructionError.Kind.MissingRequiredSignature);
        }
        return account;
    }
}
