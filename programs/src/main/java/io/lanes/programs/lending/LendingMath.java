package io.lanes.programs.lending;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;

import java.math.BigInteger;

/**
 * Valuation and health, on u64 amounts in base units (unsigned values held in {@code long}s).
 * Prices are borrow-mint base units per collateral-mint base unit, scaled by
 * {@value #PRICE_SCALE} (a fixed exponent of {@value #PRICE_EXPONENT}). Every quotient rounds
 * down, which values collateral low and limits debt low: in the market's favour. Values beyond
 * u64 saturate at u64's maximum (they only ever serve as upper limits). Public so that clients
 * and tests compute exactly what the program will.
 */
public final class LendingMath {
    public static final int PRICE_EXPONENT = -6;
    public static final long PRICE_SCALE = 1_000_000;
    public static final long BASIS_POINTS_PER_WHOLE = 10_000;
    /** u64's maximum, as a long. */
    private static final long U64_MAX = -1L;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private LendingMath() {
    }

    /** Collateral's worth in borrow base units: {@code floor(collateral * price / 10^6)}. */
    public static long collateralValue(final long collateralAmount, final long price) {
        return multiplyDivideSaturating(collateralAmount, price, PRICE_SCALE);
    }

    /** The most debt the collateral supports at this limit: {@code floor(value * basisPoints / 10,000)}. */
    public static long maxDebt(final long collateralAmount, final long price, final int basisPoints) {
        return multiplyDivideSaturating(collateralValue(collateralAmount, price), basisPoints, BASIS_POINTS_PER_WHOLE);
    }

    /** True if the debt is at most the loan-to-value limit of the collateral. */
    public static boolean isWithinLoanToValue(final long debt, final long collateralAmount, final long price, final int loanToValueBasisPoints) {
        return Long.compareUnsigned(debt, maxDebt(collateralAmount, price, loanToValueBasisPoints)) <= 0;
    }

    /** True if the debt exceeds the liquidation threshold of the collateral. */
    public static boolean isLiquidatable(final long debt, final long collateralAmount, final long price, final int thresholdBasisPoints) {
        return Long.compareUnsigned(debt, maxDebt(collateralAmount, price, thresholdBasisPoints)) > 0;
    }

    /**
     * Collateral a liquidator receives for repaying {@code repayAmount}: the repayment plus the
     * bonus, converted at the price, {@code floor(floor(repay * (10,000 + bonus) / 10,000) * 10^6 / price)},
     * but never more than the obligation holds.
     */
    public static long seizedCollateral(final long repayAmount, final long price, final int bonusBasisPoints, final long collateralAmount) {
        final long repayWithBonus = multiplyDivideSaturating(repayAmount, BASIS_POINTS_PER_WHOLE + bonusBasisPoints, BASIS_POINTS_PER_WHOLE);
        final long seized = multiplyDivideSaturating(repayWithBonus, PRICE_SCALE, price);
        return Long.compareUnsigned(seized, collateralAmount) <= 0 ? seized : collateralAmount;
    }

    /** {@code a + b}; fails with {@code ArithmeticOverflow} beyond u64. */
    static long add(final long a, final long b) {
        final long sum = a + b;
        if (Long.compareUnsigned(sum, a) < 0) {
            throw ProgramError.of(InstructionError.Kind.ArithmeticOverflow);
        }
        return sum;
    }

    /** {@code floor(a * b / divisor)}, or u64's maximum if that does not fit; BigInteger only when the product exceeds 63 bits. */
    static long multiplyDivideSaturating(final long a, final long b, final long divisor) {
        if (divisor == 0) {
            return U64_MAX;
        }
        if (a >= 0 && b >= 0 && Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
            return Long.divideUnsigned(a * b, divisor);
        }
        final BigInteger quotient = unsigned(a).multiply(unsigned(b)).divide(unsigned(divisor));
        return quotient.compareTo(TWO_TO_64) >= 0 ? U64_MAX : quotient.longValue();
    }

    private static BigInteger unsigned(final long value) {
        return value >= 0 ? BigInteger.valueOf(value) : BigInteger.valueOf(value).add(TWO_TO_64);
    }
}
