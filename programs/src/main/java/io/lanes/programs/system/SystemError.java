package io.lanes.programs.system;

import io.lanes.sdk.program.CustomError;

/** The System program's own errors, as {@code Custom(code)} with Solana's codes. */
public enum SystemError implements CustomError {
    AccountAlreadyInUse,
    ResultWithNegativeLamports,
    InvalidProgramId,
    InvalidAccountDataLength,
    MaxSeedLengthExceeded,
    AddressWithSeedMismatch,
    NonceNoRecentBlockhashes,
    NonceBlockhashNotExpired,
    NonceUnexpectedBlockhashValue;
}
