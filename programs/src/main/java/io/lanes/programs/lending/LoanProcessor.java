package io.lanes.programs.lending;

import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Borrow, Repay and Liquidate. */
final class LoanProcessor {
    private LoanProcessor() {
    }

    /**
     * Accounts: market, obligation, oracle, liquidity vault, owner's borrow-mint token account,
     * owner (signer), authority, Token program. The new debt must stay within the loan-to-value
     * limit of the collateral at the oracle's price.
     */
    static void borrow(final InvokeContext context, final DirectBuffer data) {
        final long amount = LendingChecks.amount(data);
        final AccountView marketView = context.account(0);
        final MutableDirectBuffer market = LendingChecks.market(context, marketView);
        final AccountView obligationView = context.account(1);
        final MutableDirectBuffer obligation = LendingChecks.obligation(context, obligationView, marketView);
        final long price = LendingChecks.price(context, context.account(2), market);
        final AccountView vault = context.account(3);
        LendingChecks.requireKey(vault, market, MarketLayout.LIQUIDITY_VAULT_OFFSET, LendingError.InvalidVault);
        final AccountView destination = context.account(4);
        LendingChecks.requireNotVault(destination, market);
        LendingChecks.obligationOwner(context, 5, obligation);
        final AccountView authority = context.account(6);
        LendingChecks.requireKey(authority, market, MarketLayout.AUTHORITY_OFFSET, LendingError.InvalidAuthority);
        final long debt = LendingMath.add(ObligationLayout.debt(obligation), amount);
        if (!LendingMath.isWithinLoanToValue(debt, ObligationLayout.collateral(obligation), price, MarketLayout.loanToValueBasisPoints(market))) {
            throw LendingError.LoanToValueExceeded.exception();
        }
        if (Long.compareUnsigned(TokenAccountLayout.amount(vault.data()), amount) < 0) {
            throw LendingError.InsufficientLiquidity.exception();
        }
        final long totalDebt = LendingMath.add(MarketLayout.totalDebt(market), amount);
        context.invokeSigned(TokenInstruction.transfer(vault.key(), destination.key(), authority.key(), amount),
            LendingChecks.authoritySeeds(marketView, market));
        ObligationLayout.setDebt(obligationView.data(), debt);
        MarketLayout.setTotalDebt(marketView.data(), totalDebt);
    }

    /**
     * Accounts: market, obligation, liquidity vault, source borrow-mint token account, its owner
     * (signer), Token program. Takes at most the debt; anyone may repay any obligation.
     */
    static void repay(final InvokeContext context, final DirectBuffer data) {
        final long requested = LendingChecks.amount(data);
        final AccountView marketView = context.account(0);
        final MutableDirectBuffer market = LendingChecks.market(context, marketView);
        final AccountView obligationView = context.account(1);
        final MutableDirectBuffer obligation = LendingChecks.obligation(context, obligationView, marketView);
        final AccountView vault = context.account(2);
        LendingChecks.requireKey(vault, market, MarketLayout.LIQUIDITY_VAULT_OFFSET, LendingError.InvalidVault);
        final AccountView source = context.account(3);
        LendingChecks.requireNotVault(source, market);
        final AccountView payer = context.signer(4);
        final long debt = ObligationLayout.debt(obligation);
        if (debt == 0) {
            throw LendingError.NoDebt.exception();
        }
        final long repaid = Long.compareUnsigned(requested, debt) < 0 ? requested : debt;
        context.invoke(TokenInstruction.transfer(source.key(), vault.key(), payer.key(), repaid));
        reduceDebt(marketView, market, obligationView, debt, repaid);
    }

    /**
     * Accounts: market, obligation, oracle, liquidity vault, collateral vault, liquidator's
     * borrow-mint token account, liquidator's collateral token account, liquidator (signer),
     * authority, Token program. Only when the debt exceeds the liquidation threshold: the
     * liquidator repays up to the whole debt and receives the collateral it is worth plus the bonus.
     */
    static void liquidate(final InvokeContext context, final DirectBuffer data) {
        final long requested = LendingChecks.amount(data);
        final AccountView marketView = context.account(0);
        final MutableDirectBuffer market = LendingChecks.market(context, marketView);
        final AccountView obligationView = context.account(1);
        final MutableDirectBuffer obligation = LendingChecks.obligation(context, obligationView, marketView);
        final long price = LendingChecks.price(context, context.account(2), market);
        final AccountView liquidityVault = context.account(3);
        LendingChecks.requireKey(liquidityVault, market, MarketLayout.LIQUIDITY_VAULT_OFFSET, LendingError.InvalidVault);
        final AccountView collateralVault = context.account(4);
        LendingChecks.requireKey(collateralVault, market, MarketLayout.COLLATERAL_VAULT_OFFSET, LendingError.InvalidVault);
        final AccountView source = context.account(5);
        final AccountView destination = context.account(6);
        LendingChecks.requireNotVault(source, market);
        LendingChecks.requireNotVault(destination, market);
        final AccountView liquidator = context.signer(7);
        final AccountView authority = context.account(8);
        LendingChecks.requireKey(authority, market, MarketLayout.AUTHORITY_OFFSET, LendingError.InvalidAuthority);
        final long debt = ObligationLayout.debt(obligation);
        final long collateral = ObligationLayout.collateral(obligation);
        if (debt == 0) {
            throw LendingError.NoDebt.exception();
        }
        if (!LendingMath.isLiquidatable(debt, collateral, price, MarketLayout.liquidationThresholdBasisPoints(market))) {
            throw LendingError.NotLiquidatable.exception();
        }
        final long repaid = Long.compareUnsigned(requested, debt) < 0 ? requested : debt;
        final long seized = LendingMath.seizedCollateral(repaid, price, MarketLayout.liquidationBonusBasisPoints(market), collateral);
        context.invoke(TokenInstruction.transfer(source.key(), liquidityVault.key(), liquidator.key(), repaid));
        if (seized != 0) {
            context.invokeSigned(TokenInstruction.transfer(collateralVault.key(), destination.key(), authority.key(), seized),
                LendingChecks.authoritySeeds(marketView, market));
        }
        reduceDebt(marketView, market, obligationView, debt, repaid);
        ObligationLayout.setCollateral(obligationView.data(), collateral - seized);
        MarketLayout.setTotalCollateral(marketView.data(), MarketLayout.totalCollateral(market) - seized);
    }

    private static void reduceDebt(
        final AccountView marketView, final DirectBuffer market, final AccountView obligationView, final long debt, final long repaid) {
        final long totalDebt = MarketLayout.totalDebt(market) - repaid;
        ObligationLayout.setDebt(obligationView.data(), debt - repaid);
        MarketLayout.setTotalDebt(marketView.data(), totalDebt);
    }
}
