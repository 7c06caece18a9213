package io.lanes.sdk.program;

import java.util.Objects;

/**
 * Why a transaction failed, with Solana's names: a {@link Kind}, plus for
 * {@code InstructionError} the failing instruction's index and its {@link InstructionError}, and
 * for {@code InsufficientFundsForRent} the account's index.
 *
 * <p>JSON form as Solana's RPC writes it: {@code "BlockhashNotFound"},
 * {@code {"InstructionError":[0,{"Custom":1}]}}, {@code {"InsufficientFundsForRent":{"account_index":1}}}.
 */
public final class TransactionError {
    /** Solana's transaction errors that Lanes can produce. */
    public enum Kind {
        AccountInUse,
        AccountLoadedTwice,
        AccountNotFound,
        ProgramAccountNotFound,
        InsufficientFundsForFee,
        InvalidAccountForFee,
        AlreadyProcessed,
        BlockhashNotFound,
        InstructionError,
        CallChainTooDeep,
        MissingSignatureForFee,
        InvalidAccountIndex,
        SignatureFailure,
        InvalidProgramForExecution,
        SanitizeFailure,
        UnsupportedVersion,
        InvalidWritableAccount,
        TooManyAccountLocks,
        AddressLookupTableNotFound,
        InsufficientFundsForRent,
        DuplicateInstruction,
        UnbalancedTransaction,
        ProgramCacheHitMaxLimit;

        /** True if a transaction failing this way is never included in a block and pays no fee. */
        public boolean isRejection() {
            return this != InstructionError && this != InsufficientFundsForRent && this != UnbalancedTransaction;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final TransactionError[] SIMPLE = new TransactionError[KINDS.length];

    static {
        for (final Kind kind : KINDS) {
            SIMPLE[kind.ordinal()] = new TransactionError(kind, -1, null);
        }
    }

    private final Kind kind;
    private final int index;
    private final InstructionError instructionError;

    private TransactionError(final Kind kind, final int index, final InstructionError instructionError) {
        this.kind = kind;
        this.index = index;
        this.instructionError = instructionError;
    }

    /** The shared value of an error that carries nothing more than its kind. */
    public static TransactionError of(final Kind kind) {
        if (kind == Kind.InstructionError || kind == Kind.InsufficientFundsForRent) {
            throw new IllegalArgumentException(kind + " carries an index: use its own factory");
        }
        return SIMPLE[kind.ordinal()];
    }

    public static TransactionError instruction(final int instructionIndex, final InstructionError error) {
        return new TransactionError(Kind.InstructionError, instructionIndex, Objects.requireNonNull(error, "error"));
    }

    public static TransactionError insufficientFundsForRent(final int accountIndex) {
        return new TransactionError(Kind.InsufficientFundsForRent, accountIndex, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The instruction index for {@code InstructionError}, the account index for {@code InsufficientFundsForRent}, else -1. */
    public int index() {
        return index;
    }

    /** The instruction's error for {@code InstructionError}, else null. */
    public InstructionError instructionError() {
        return instructionError;
    }

    /** True if the transaction is left out of the block and pays no fee. */
    public boolean isRejection() {
        return kind.isRejection();
    }

    public String toJson() {
        switch (kind) {
            case InstructionError:
                return "{\"InstructionError\":[" + index + "," + instructionError.toJson() + "]}";
            case InsufficientFundsForRent:
                return "{\"InsufficientFundsForRent\":{\"account_index\":" + index + "}}";
            default:
                return '"' + kind.name() + '"';
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof TransactionError
            && ((TransactionError) other).kind == kind
            && ((TransactionError) other).index == index
            && Objects.equals(((TransactionError) other).instructionError, instructionError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, index, instructionError);
    }

    @Override
    public String toString() {
        switch (kind) {
            case InstructionError:
                return "InstructionError(" + index + ", " + instructionError + ")";
            case InsufficientFundsForRent:
                return "InsufficientFundsForRent(account_index=" + index + ")";
            default:
                return kind.name();
        }
    }
}
