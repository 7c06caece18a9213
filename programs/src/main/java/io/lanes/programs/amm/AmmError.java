package io.lanes.programs.amm;

import io.lanes.sdk.program.CustomError;

/**
 * The AMM's own errors, reported as {@code Custom(code)}; the declaration order is the code.
 * Arithmetic that does not fit a u64 fails with the built-in {@code ArithmeticOverflow}, a pool
 * initialized twice with {@code AccountAlreadyInitialized}, malformed data with
 * {@code InvalidInstructionData}, a missing signature with {@code MissingRequiredSignature}.
 */
public enum AmmError implements CustomError {
    /** 0: the output (swap), LP tokens (deposit) or a payout (withdrawal) is below the caller's minimum. */
    SlippageExceeded,
    /** 1: the pool account is not owned by the AMM, has the wrong size or is not initialized. */
    InvalidPool,
    /** 2: the authority account is not the pool's authority address. */
    InvalidAuthority,
    /** 3: a vault account is not the pool's vault. */
    InvalidVault,
    /** 4: a mint is not the pool's (LP mint), not an initialized SPL mint, or both sides use one mint. */
    InvalidMint,
    /** 5: the fee is 10,000 basis points or more. */
    InvalidFee,
    /** 6: the input amount, the LP amount or the computed result is zero. */
    ZeroAmount,
    /** 7: the pool holds no liquidity (swap or withdrawal on an empty pool). */
    EmptyPool,
    /** 8: a user token account given is one of the pool's vaults. */
    UserAccountIsVault;
}
