package io.lanes.programs.lending;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramDerivedAddress;
import io.lanes.sdk.program.Rent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** InitObligation, DepositCollateral and WithdrawCollateral. */
final class CollateralProcessor {
    private CollateralProcessor() {
    }

    /** Accounts: market, obligation, owner (signer, payer), System program. Creates the obligation at its derived address. */
    static void initObligation(final InvokeContext context, final DirectBuffer data) {
        LendingChecks.requireDataLength(data, LendingInstruction.INIT_OBLIGATION_DATA_LENGTH);
        final AccountView market = context.account(0);
        LendingChecks.market(context, market);
        final AccountView obligation = context.account(1);
        final AccountView owner = context.signer(2);
        final ProgramDerivedAddress derived = MarketAddresses.obligation(market.key(), owner.key());
        if (!derived.address().equals(obligation.key())) {
            throw LendingError.InvalidObligation.exception();
        }
        context.invokeSigned(
            SystemInstruction.createAccount(owner.key(), obligation.key(), Rent.minimumBalance(ObligationLayout.LENGTH),
                ObligationLayout.LENGTH, context.programId()),
            MarketAddresses.obligationSignerSeeds(market.key(), owner.key(), derived.bump()));
        ObligationLayout.initialize(obligation.data(), derived.bump(), market.key(), owner.key());
    }

    /** Accounts: market, obligation, collateral vault, owner's collateral token account, owner (signer), Token program. */
    static void deposit(final InvokeContext context, final DirectBuffer data) {
        final long amount = LendingChecks.amount(data);
        final AccountView marketView = context.account(0);
        final MutableDirectBuffer market = LendingChecks.market(context, marketView);
        final AccountView obligationView = context.account(1);
        final MutableDirectBuffer obligation = LendingChecks.obligation(context, obligationView, marketView);
        final AccountView vault = context.account(2);
        LendingChecks.requireKey(vault, market, MarketLayout.COLLATERAL_VAULT_OFFSET, LendingError.InvalidVault);
        final AccountView source = context.account(3);
        LendingChecks.requireNotVault(source, market);
        final AccountView owner = LendingChecks.obligationOwner(context, 4, obligation);
        final long collateral = LendingMath.add(ObligationLayout.collateral(obligation), amount);
        final long totalCollateral = LendingMath.add(MarketLayout.totalCollateral(market), amount);
        context.invoke(TokenInstruction.transfer(source.key(), vault.key(), owner.key(), amount));
        ObligationLayout.setCollateral(obligationView.data(), collateral);
        MarketLayout.setTotalCollateral(marketView.data(), totalCollateral);
    }

    /**
     * Accounts: market, obligation, oracle, collateral vault, owner's collateral token account,
     * owner (signer), authority, Token program. The debt must stay within the loan-to-value
     * limit of what collateral remains.
     */
    static void withdraw(final InvokeContext context, final DirectBuffer data) {
        final long amount = LendingChecks.amount(data);
        final AccountView marketView = context.account(0);
        final MutableDirectBuffer market = LendingChecks.market(context, marketView);
        final AccountView obligationView = context.account(1);
        final MutableDirectBuffer obligation = LendingChecks.obligation(context, obligationView, marketView);
        final long price = LendingChecks.price(context, context.account(2), market);
        final AccountView vault = context.account(3);
        LendingChecks.requireKey(vault, market, MarketLayout.COLLATERAL_VAULT_OFFSET, LendingError.InvalidVault);
        final AccountView destination = context.account(4);
        LendingChecks.requireNotVault(destination, market);
        LendingChecks.obligationOwner(context, 5, obligation);
        final AccountView authority = context.account(6);
        LendingChecks.requireKey(authority, market, MarketLayout.AUTHORITY_OFFSET, LendingError.InvalidAuthority);
        final long collateral = ObligationLayout.collateral(obligation);
        if (Long.compareUnsigned(amount, collateral) > 0) {
            throw LendingError.InsufficientCollateral.exception();
        }
        final long remaining = collateral - amount;
        if (!LendingMath.isWithinLoanToValue(ObligationLayout.debt(obligation), remaining, price, MarketLayout.loanToValueBasisPoints(market))) {
            throw LendingError.LoanToValueExceeded.exception();
        }
        final long totalCollateral = MarketLayout.totalCollateral(market) - amount;
        context.invokeSigned(TokenInstruction.transfer(vault.key(), destination.key(), authority.key(), amount),
            LendingChecks.authoritySeeds(marketView, market));
        ObligationLayout.setCollateral(obligationView.data(), remaining);
        MarketLayout.setTotalCollateral(marketView.data(), totalCollateral);
    }
}
