package io.lanes.programs.lending;

/**
 * A market's risk parameters in basis points: the loan-to-value limit for borrowing and
 * withdrawing, the liquidation threshold, and the liquidator's bonus. Valid when
 * {@code 0 < loanToValue <= liquidationThreshold < 10,000} and {@code liquidationBonus <= 5,000}.
 */
public record MarketParameters(int loanToValueBasisPoints, int liquidationThresholdBasisPoints, int liquidationBonusBasisPoints) {
    /** The most bonus a market may pay a liquidator: half the repayment. */
    public static final int MAX_LIQUIDATION_BONUS_BASIS_POINTS = 5_000;

    /** 75% loan to value, liquidation above 80%, 5% bonus. */
    public static final MarketParameters DEFAULT = new MarketParameters(7_500, 8_000, 500);

    public boolean isValid() {
        return loanToValueBasisPoints > 0
            && loanToValueBasisPoints <= liquidationThresholdBasisPoints
            && liquidationThresholdBasisPoints < LendingMath.BASIS_POINTS_PER_WHOLE
            && liquidationBonusBasisPoints >= 0
            && liquidationBonusBasisPoints <= MAX_LIQUIDATION_BONUS_BASIS_POINTS;
    }
}
