package io.lanes.sdk.program;

import java.util.Objects;

/**
 * Why an instruction failed, with Solana's names and codes: a built-in {@link Kind}, or
 * {@code Custom(code)} for a program's own error. Built-in values are shared constants; custom
 * values are allocated only on the failure path.
 *
 * <p>JSON form as Solana's RPC writes it: {@code "InvalidAccountData"} or {@code {"Custom":1}}.
 */
public final class InstructionError {
    /** Solana's built-in instruction errors, in Solana's declaration order. */
    public enum Kind {
        GenericError,
        InvalidArgument,
        InvalidInstructionData,
        InvalidAccountData,
        AccountDataTooSmall,
        InsufficientFunds,
        IncorrectProgramId,
        MissingRequiredSignature,
        AccountAlreadyInitialized,
        UninitializedAccount,
        UnbalancedInstruction,
        ModifiedProgramId,
        ExternalAccountLamportSpend,
        ExternalAccountDataModified,
        ReadonlyLamportChange,
        ReadonlyDataModified,
        DuplicateAccountIndex,
        ExecutableModified,
        RentEpochModified,
        NotEnoughAccountKeys,
        AccountDataSizeChanged,
        AccountNotExecutable,
        AccountBorrowFailed,
        AccountBorrowOutstanding,
        DuplicateAccountOutOfSync,
        Custom,
        InvalidError,
        ExecutableDataModified,
        ExecutableLamportChange,
        ExecutableAccountNotRentExempt,
        UnsupportedProgramId,
        CallDepth,
        MissingAccount,
        ReentrancyNotAllowed,
        MaxSeedLengthExceeded,
        InvalidSeeds,
        InvalidRealloc,
        ComputationalBudgetExceeded,
        PrivilegeEscalation,
        ProgramEnvironmentSetupFailure,
        ProgramFailedToComplete,
        ProgramFailedToCompile,
        Immutable,
        IncorrectAuthority,
        BorshIoError,
        AccountNotRentExempt,
        InvalidAccountOwner,
        ArithmeticOverflow,
        UnsupportedSysvar,
        IllegalOwner,
        MaxAccountsDataAllocationsExceeded,
        MaxAccountsExceeded,
        MaxInstructionTraceLengthExceeded,
        BuiltinProgramsMustConsumeComputeUnits
    }

    private static final Kind[] KINDS = Kind.values();
    private static final InstructionError[] BUILT_IN = new InstructionError[KINDS.length];
    private static final InstructionError[] SMALL_CUSTOM = new InstructionError[64];

    static {
        for (final Kind kind : KINDS) {
            BUILT_IN[kind.ordinal()] = new InstructionError(kind, 0);
        }
        for (int code = 0; code < SMALL_CUSTOM.length; code++) {
            SMALL_CUSTOM[code] = new InstructionError(Kind.Custom, code);
        }
    }

    private final Kind kind;
    private final int customCode;

    private InstructionError(final Kind kind, final int customCode) {
        this.kind = kind;
        this.customCode = customCode;
    }

    /** The shared value of a built-in error. {@code Custom} needs {@link #custom(int)}. */
    public static InstructionError of(final Kind kind) {
        if (kind == Kind.Custom) {
            throw new IllegalArgumentException("Custom errors carry a code: use InstructionError.custom(code)");
        }
        return BUILT_IN[kind.ordinal()];
    }

    /** {@code Custom(code)}; the code is an unsigned 32-bit value as in Solana. */
    public static InstructionError custom(final int code) {
        if (code >= 0 && code < SMALL_CUSTOM.length) {
            return SMALL_CUSTOM[code];
        }
        return new InstructionError(Kind.Custom, code);
    }

    public Kind kind() {
        return kind;
    }

    /** The custom code, meaningful only when {@link #kind()} is {@code Custom}. */
    public int customCode() {
        return customCode;
    }

    public boolean isCustom() {
        return kind == Kind.Custom;
    }

    /**
     * The text Solana prints after {@code "Program <id> failed: "} in the logs (its Display form).
     */
    public String message() {
        switch (kind) {
            case Custom: return "custom program error: 0x" + Integer.toHexString(customCode);
            case GenericError: return "generic instruction error";
            case InvalidArgument: return "invalid program argument";
            case InvalidInstructionData: return "invalid instruction data";
            case InvalidAccountData: return "invalid account data for instruction";
            case AccountDataTooSmall: return "account data too small for instruction";
            case InsufficientFunds: return "insufficient funds for instruction";
            case IncorrectProgramId: return "incorrect program id for instruction";
            case MissingRequiredSignature: return "missing required signature for instruction";
            case AccountAlreadyInitialized: return "instruction requires an uninitialized account";
            case UninitializedAccount: return "instruction requires an initialized account";
            case UnbalancedInstruction: return "sum of account balances before and after instruction do not match";
            case ModifiedProgramId: return "instruction illegally modified the program id of an account";
            case ExternalAccountLamportSpend: return "instruction spent from the balance of an account it does not own";
            case ExternalAccountDataModified: return "instruction modified data of an account it does not own";
            case ReadonlyLamportChange: return "instruction changed the balance of a read-only account";
            case ReadonlyDataModified: return "instruction modified data of a read-only account";
            case ExecutableModified: return "instruction changed executable bit of an account";
            case RentEpochModified: return "instruction modified rent epoch of an account";
            case NotEnoughAccountKeys: return "insufficient account keys for instruction";
            case AccountDataSizeChanged: return "program other than the account's owner changed the size of the account data";
            case AccountNotExecutable: return "instruction expected an executable account";
            case ExecutableDataModified: return "instruction changed executable accounts data";
            case ExecutableLamportChange: return "instruction changed the balance of an executable account";
            case UnsupportedProgramId: return "Unsupported program id";
            case CallDepth: return "Cross-program invocation call depth too deep";
            case MissingAccount: return "An account required by the instruction is missing";
            case ReentrancyNotAllowed: return "Cross-program invocation reentrancy not allowed for this instruction";
            case MaxSeedLengthExceeded: return "Length of the seed is too long for address generation";
            case InvalidSeeds: return "Provided seeds do not result in a valid address";
            case InvalidRealloc: return "Failed to reallocate account data";
            case ComputationalBudgetExceeded: return "Computational budget exceeded";
            case PrivilegeEscalation: return "Cross-program invocation with unauthorized signer or writable account";
            case ProgramFailedToComplete: return "Program failed to complete";
            case Immutable: return "Account is immutable";
            case IncorrectAuthority: return "Incorrect authority provided";
            case AccountNotRentExempt: return "An account does not have enough lamports to be rent-exempt";
            case InvalidAccountOwner: return "Invalid account owner";
            case ArithmeticOverflow: return "Program arithmetic overflowed";
            case IllegalOwner: return "Provided owner is not allowed";
            default: return kind.name();
        }
    }

    /** The throwable that carries this value out of a program. */
    public ProgramError asThrowable() {
        return new ProgramError(this);
    }

    /** Solana's JSON text for this error: {@code "InvalidArgument"} or {@code {"Custom":1}}. */
    public String toJson() {
        return kind == Kind.Custom ? "{\"Custom\":" + Integer.toUnsignedString(customCode) + "}" : '"' + kind.name() + '"';
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof InstructionError
            && ((InstructionError) other).kind == kind
            && ((InstructionError) other).customCode == customCode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, customCode);
    }

    @Override
    public String toString() {
        return kind == Kind.Custom ? "Custom(" + Integer.toUnsignedString(customCode) + ")" : kind.name();
    }
}
