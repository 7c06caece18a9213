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
