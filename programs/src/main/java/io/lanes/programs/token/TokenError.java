package io.lanes.programs.token;

import io.lanes.sdk.program.CustomError;

/**
 * SPL Token's own errors, reported as {@code Custom(code)} with the codes of
 * {@code spl_token::error::TokenError} (declaration order is the code).
 */
public enum TokenError implements CustomError {
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
}
