package io.lanes.runtime.programs.defi;

import io.lanes.programs.lending.LendingInstruction;
import io.lanes.programs.lending.MarketAddresses;
import io.lanes.programs.lending.MarketLayout;
import io.lanes.programs.lending.MarketParameters;
import io.lanes.programs.lending.ObligationLayout;
import io.lanes.programs.lending.OracleLayout;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

/** A lending market over a collateral mint and a borrow mint, created through real transactions, plus users. */
final class LendingFixture implements AutoCloseable {
    final DefiBank bank = new DefiBank();
    final Keypair mintAuthority = Keypair.generate();
    final Pubkey collateralMint = bank.createMint(mintAuthority, 9);
    final Pubkey borrowMint = bank.createMint(mintAuthority, 6);
    final Keypair owner = bank.bank.newFundedKeypair(10 * DefiBank.SOL);
    final Keypair marketKeypair = Keypair.generate();
    final MarketAddresses market = MarketAddresses.derive(marketKeypair.publicKey());

    /** A wallet with a collateral token account, a borrow-mint token account and an initialized obligation. */
    record User(Keypair wallet, Pubkey collateralToken, Pubkey borrowToken, Pubkey obligation) {
    }

    ExecutionResult createMarket(final MarketParameters parameters, final long price) {
        return bank.succeed(List.of(marketKeypair, owner),
            LendingInstruction.createMarketAccount(bank.payer.publicKey(), market.market()),
            LendingInstruction.initMarket(market, owner.publicKey(), collateralMint, borrowMint, parameters, price));
    }

    /** Mints borrowable tokens straight into the liquidity vault. */
    void fundLiquidity(final long amount) {
        bank.mintTo(borrowMint, market.liquidityVault(), mintAuthority, amount);
    }

    /** A new user holding these amounts, with an initialized obligation. */
    User newUser(final long collateralAmount, final long borrowAmount) {
        final Keypair wallet = bank.bank.newFundedKeypair(DefiBank.SOL);
        final User user = new User(wallet, bank.createTokenAccount(collateralMint, wallet.publicKey()),
            bank.createTokenAccount(borrowMint, wallet.publicKey()), market.obligation(wallet.publicKey()));
        if (collateralAmount > 0) {
            bank.mintTo(collateralMint, user.collateralToken(), mintAuthority, collateralAmount);
        }
        if (borrowAmount > 0) {
            bank.mintTo(borrowMint, user.borrowToken(), mintAuthority, borrowAmount);
        }
        bank.succeed(List.of(wallet), LendingInstruction.initObligation(market, user.obligation(), wallet.publicKey()));
        return user;
    }

    Instruction deposit(final User user, final long amount) {
        return LendingInstruction.depositCollateral(market, user.obligation(), user.collateralToken(), user.wallet().publicKey(), amount);
    }

    Instruction borrow(final User user, final long amount) {
        return LendingInstruction.borrow(market, user.obligation(), user.borrowToken(), user.wallet().publicKey(), amount);
    }

    Instruction repay(final User user, final long amount) {
        return LendingInstruction.repay(market, user.obligation(), user.borrowToken(), user.wallet().publicKey(), amount);
    }

    Instruction withdraw(final User user, final long amount) {
        return LendingInstruction.withdrawCollateral(market, user.obligation(), user.collateralToken(), user.wallet().publicKey(), amount);
    }

    Instruction liquidate(final User borrower, final User liquidator, final long amount) {
        return LendingInstruction.liquidate(market, borrower.obligation(), liquidator.borrowToken(), liquidator.collateralToken(),
            liquidator.wallet().publicKey(), amount);
    }

    Instruction setPrice(final long price) {
        return LendingInstruction.setPrice(market, owner.publicKey(), price);
    }

    UnsafeBuffer marketData() {
        return bank.data(market.market());
    }

    long price() {
        return OracleLayout.price(bank.data(market.oracle()));
    }

    long collateral(final User user) {
        return ObligationLayout.collateral(bank.data(user.obligation()));
    }

    long debt(final User user) {
        return ObligationLayout.debt(bank.data(user.obligation()));
    }

    long totalCollateral() {
        return MarketLayout.totalCollateral(marketData());
    }

    long totalDebt() {
        return MarketLayout.totalDebt(marketData());
    }

    @Override
    public void close() {
        bank.close();
    }
}
