package io.lanes.programs.token;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;

/**
 * SPL Token's own errors, reported as {@code Custom(code)} with the codes of
 * {@code spl_token::error::TokenError} (declaration order is the code).
 */
public enum TokenError {
    NotRentExempt,
    InsufficientFunds,
    InvalidMint,
    MintMismatch,
    OwnerMismatch,
    FixedSupply,
    AlreadyInUse,
    InvalidNumberOfProvidedSigners,
    InvalidNumberOfRequiredSigners,
    UninitializedState,
    NativeNotSupported,
    NonNativeHasBalance,
    InvalidInstruction,
    InvalidState,
    Overflow,
    AuthorityTypeNotSupported,
    MintCannotFreeze,
    AccountFrozen,
    MintDecimalsMismatch,
    NonNativeNotSupported;

    /** The custom error code, as clients decode it. */
    public int code() {
        return ordinal();
    }

    public InstructionError error() {
        return InstructionError.custom(ordinal());
    }

    /** A new throwable carrying {@code Custom(code)}: only on failure paths. */
    public ProgramError exception() {
        return new ProgramError(error());
    }
}
