package io.lanes.programs.lending;

import io.lanes.sdk.program.CustomError;

/**
 * The lending program's own errors, reported as {@code Custom(code)}; the declaration order is
 * the code. Amounts that do not fit a u64 fail with the built-in {@code ArithmeticOverflow}, a
 * market initialized twice with {@code AccountAlreadyInitialized}, malformed data with
 * {@code InvalidInstructionData}, a missing signature with {@code MissingRequiredSignature}.
 */
public enum LendingError implements CustomError {
    /** 0: the market account is not a market of this program. */
    InvalidMarket,
    /** 1: the oracle account is not the market's oracle. */
    InvalidOracle,
    /** 2: the obligation is not this program's, not of this market, or not at its derived address. */
    InvalidObligation,
    /** 3: a vault account is not the market's vault. */
    InvalidVault,
    /** 4: the authority account is not the market's authority address. */
    InvalidAuthority,
    /** 5: the signer is not the market owner (SetPrice) or the obligation's owner. */
    Unauthorized,
    /** 6: market parameters, price or mints out of range. */
    InvalidParameters,
    /** 7: a zero amount. */
    ZeroAmount,
    /** 8: the borrow, or the debt left after a withdrawal, exceeds the loan-to-value limit. */
    LoanToValueExceeded,
    /** 9: withdrawing more collateral than the obligation holds. */
    InsufficientCollateral,
    /** 10: the liquidity vault holds less than the borrow. */
    InsufficientLiquidity,
    /** 11: liquidating an obligation whose debt is within the liquidation threshold. */
    NotLiquidatable,
    /** 12: repaying or liquidating an obligation without debt. */
    NoDebt,
    /** 13: a user token account given is one of the market's vaults. */
    UserAccountIsVault;
}
