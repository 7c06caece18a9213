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

    /** Largest delta one {@link #addCommutative} call may add: 2^32 - 1. */
    long MAX_COMMUTATIVE_DELTA = (1L << 32) - 1;
    /** Largest counter value (at the block's start) that {@link #addCommutative} accepts: 2^62. */
    long MAX_COMMUTATIVE_COUNTER = 1L << 62;

    /**
     * Adds {@code delta} to the unsigned 64-bit little-endian counter at data offset 0 of the
     * instruction's account at {@code index}, commutatively: the addition is recorded and applied
     * when the block ends, after all of its transactions, and only if this transaction succeeds.
     * The transaction passes the account read-only, so transactions that only add to it take no
     * write lock and never wait for each other (a fee sink, a global counter). During the block
     * every reader sees the counter's value at the block's start. Additions commute, so the
     * block's end state is the same in every order; the limits keep the sum of a block's additions
     * from overflowing.
     *
     * @throws ProgramError {@code InvalidArgument} if the transaction passes the account writable
     *                      (write to it directly then) or {@code delta} is outside
     *                      0..{@link #MAX_COMMUTATIVE_DELTA}; {@code IncorrectProgramId} if this
     *                      program does not own it; {@code AccountDataTooSmall} under 8 bytes;
     *                      {@code ArithmeticOverflow} if the counter is above {@link #MAX_COMMUTATIVE_COUNTER}
     */
    void addCommutative(int index, long delta);

    /** Convenience: the account at the index, which must be a signer. */
    default AccountView signer(final int index) {
        final AccountView account = account(index);
        if (!account.isSigner()) {
            throw ProgramError.of(InstructionError.Kind.MissingRequiredSignature);
        }
        return account;
    }
}
