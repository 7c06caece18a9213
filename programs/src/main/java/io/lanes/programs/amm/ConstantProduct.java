package io.lanes.programs.amm;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;

/**
 * The pool's formulas, on u64 amounts in base units, rounding always in the pool's favour.
 * Public so that clients, tests and the benchmark compute exactly what the program will.
 * Overflow fails with {@code ArithmeticOverflow}; nothing allocates otherwise.
 */
public final class ConstantProduct {
    /** Fees are in basis points: 10,000 is the whole input. */
    public static final long BASIS_POINTS_PER_WHOLE = 10_000;

    private ConstantProduct() {
    }

    /** The part of {@code amountIn} that trades after the fee: {@code floor(amountIn * (10000 - fee) / 10000)}. */
    public static long amountAfterFee(final long amountIn, final int feeBasisPoints) {
        return WideArithmetic.multiplyDivideFloor(amountIn, BASIS_POINTS_PER_WHOLE - feeBasisPoints, BASIS_POINTS_PER_WHOLE);
    }

    /**
     * What a swap pays out: {@code floor(reserveOut * inAfterFee / (reserveIn + inAfterFee))}.
     * The whole {@code amountIn}, fee included, goes into the input reserve.
     */
    public static long swapOutput(final long reserveIn, final long reserveOut, final long amountIn, final int feeBasisPoints) {
        final long inAfterFee = amountAfterFee(amountIn, feeBasisPoints);
        return WideArithmetic.multiplyDivideFloor(reserveOut, inAfterFee, WideArithmetic.add(reserveIn, inAfterFee));
    }

    /** LP tokens for a pool's first deposit: {@code floor(sqrt(amountA * amountB))}. */
    public static long initialLiquidity(final long amountA, final long amountB) {
        return WideArithmetic.sqrtOfProduct(amountA, amountB);
    }

    /**
     * LP tokens for a later deposit of at most {@code maxAmountA} and {@code maxAmountB}: the
     * smaller of the two ratios, {@code min(maxA * supply / reserveA, maxB * supply / reserveB)}, floor.
     * Only the smaller ratio has to fit a u64: the larger may be any size (a lopsided deposit).
     */
    public static long liquidityForDeposit(
        final long maxAmountA, final long maxAmountB, final long reserveA, final long reserveB, final long lpSupply) {
        final long lpAmount = WideArithmetic.min(
            WideArithmetic.multiplyDivideFloorSaturating(maxAmountA, lpSupply, reserveA),
            WideArithmetic.multiplyDivideFloorSaturating(maxAmountB, lpSupply, reserveB));
        if (lpAmount == -1L) {
            throw ProgramError.of(InstructionError.Kind.ArithmeticOverflow);
        }
        return lpAmount;
    }

    /** Tokens of one side a depositor pays for {@code lpAmount}: {@code ceil(lpAmount * reserve / supply)}. */
    public static long depositAmount(final long lpAmount, final long reserve, final long lpSupply) {
        return WideArithmetic.multiplyDivideCeil(lpAmount, reserve, lpSupply);
    }

    /** Tokens of one side paid out for burning {@code lpAmount}: {@code floor(lpAmount * reserve / supply)}. */
    public static long withdrawAmount(final long lpAmount, final long reserve, final long lpSupply) {
        return WideArithmetic.multiplyDivideFloor(lpAmount, reserve, lpSupply);
    }
}
