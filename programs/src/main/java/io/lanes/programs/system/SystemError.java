package io.lanes.programs.system;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;

/** The System program's own errors, as {@code Custom(code)} with Solana's codes. */
public enum SystemError {
    AccountAlreadyInUse,
    ResultWithNegativeLamports,
    InvalidProgramId,
    InvalidAccountDataLength,
    MaxSeedLengthExceeded,
    AddressWithSeedMismatch,
    NonceNoRecentBlockhashes,
    NonceBlockhashNotExpired,
    NonceUnexpectedBlockhashValue;

    public int code() {
        return ordinal();
    }

    public InstructionError error() {
        return InstructionError.custom(ordinal());
    }

    public ProgramError exception() {
        return new ProgramError(error());
    }
}
