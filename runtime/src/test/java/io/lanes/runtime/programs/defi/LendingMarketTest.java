package io.lanes.runtime.programs.defi;

import io.lanes.programs.lending.LendingError;
import io.lanes.programs.lending.LendingInstruction;
import io.lanes.programs.lending.LendingMath;
import io.lanes.programs.lending.LendingProgram;
import io.lanes.programs.lending.MarketLayout;
import io.lanes.programs.lending.MarketParameters;
import io.lanes.programs.lending.ObligationLayout;
import io.lanes.programs.lending.OracleLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenError;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.programs.defi.LendingFixture.User;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.lanes.runtime.programs.defi.DefiBank.withAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lending market through real transactions, at price 2.0 (2,000,000: two borrow base units per
 * collateral base unit), 75% loan to value, liquidation above 80%, 5% bonus.
 */
class LendingMarketTest {
    private static final long PRICE = 2_000_000;
    private static final long LIQUIDITY = 100_000_000;

    private final LendingFixture lending = new LendingFixture();
    private final DefiBank bank = lending.bank;

    @AfterEach
    void close() {
        lending.close();
    }

    /** A market with liquidity and a user who deposited 1,000,000 collateral (worth 2,000,000: up to 1,500,000 of debt). */
    private User depositedUser() {
        lending.createMarket(MarketParameters.DEFAULT, PRICE);
        lending.fundLiquidity(LIQUIDITY);
        final User alice = lending.newUser(5_000_000, 0);
        bank.succeed(List.of(alice.wallet()), lending.deposit(alice, 1_000_000));
        return alice;
    }

    @Test
    void initMarketCreatesTheVaultsAndTheOracleAtTheDerivedAddresses() {
        final ExecutionResult result = lending.createMarket(MarketParameters.DEFAULT, PRICE);
        final UnsafeBuffer market = lending.marketData();
        assertTrue(MarketLayout.isInitialized(market, market.capacity()));
        assertEquals(LendingProgram.ID, bank.bank.account(lending.market.market()).owner());
        assertEquals(7_500, MarketLayout.loanToValueBasisPoints(market));
        assertEquals(8_000, MarketLayout.liquidationThresholdBasisPoints(market));
        assertEquals(500, MarketLayout.liquidationBonusBasisPoints(market));
        assertEquals(lending.owner.publicKey(), MarketLayout.owner(market));
        assertEquals(lending.market.authority(), MarketLayout.authority(market));
        assertEquals(lending.collateralMint, MarketLayout.collateralMint(market));
        assertEquals(lending.borrowMint, MarketLayout.borrowMint(market));
        assertEquals(lending.market.oracle(), MarketLayout.oracle(market));
        assertVault(MarketLayout.collateralVault(market), lending.collateralMint);
        assertVault(MarketLayout.liquidityVault(market), lending.borrowMint);
        final UnsafeBuffer oracle = bank.data(lending.market.oracle());
        assertEquals(LendingProgram.ID, bank.bank.account(lending.market.oracle()).owner());
        assertEquals(lending.market.market(), OracleLayout.market(oracle));
        assertEquals(PRICE, OracleLayout.price(oracle));
        assertTrue(result.logLines().contains("Program log: Instruction: InitMarket"));
    }

    private void assertVault(final Pubkey vault, final Pubkey mint) {
        final UnsafeBuffer data = bank.data(vault);
        assertEquals(mint, TokenAccountLayout.mint(data));
        assertEquals(lending.market.authority(), TokenAccountLayout.owner(data));
    }

    @Test
    void initMarketRejectsALoanToValueAboveTheThreshold() {
        bank.fail(LendingError.InvalidParameters.error(), 1, List.of(lending.marketKeypair, lending.owner),
            LendingInstruction.createMarketAccount(bank.payer.publicKey(), lending.market.market()),
            LendingInstruction.initMarket(lending.market, lending.owner.publicKey(), lending.collateralMint, lending.borrowMint,
                new MarketParameters(8_500, 8_000, 500), PRICE));
    }

    @Test
    void borrowingUpToTheLoanToValueLimitSucceedsAndOneUnitBeyondFails() {
        final User alice = depositedUser();
        assertEquals(1_000_000, lending.collateral(alice));
        assertEquals(4_000_000, bank.amount(alice.collateralToken()));
        assertEquals(1_000_000, bank.amount(lending.market.collateralVault()));
        bank.succeed(List.of(alice.wallet()), lending.borrow(alice, 1_000_000));
        bank.succeed(List.of(alice.wallet()), lending.borrow(alice, 500_000));
        assertEquals(1_500_000, lending.debt(alice));
        assertEquals(1_500_000, bank.amount(alice.borrowToken()));
        assertEquals(LIQUIDITY - 1_500_000, bank.amount(lending.market.liquidityVault()));
        assertEquals(1_500_000, lending.totalDebt());
        bank.fail(LendingError.LoanToValueExceeded.error(), List.of(alice.wallet()), lending.borrow(alice, 1));
    }

    @Test
    void borrowingMoreThanTheVaultHoldsFails() {
        lending.createMarket(MarketParameters.DEFAULT, PRICE);
        lending.fundLiquidity(1_000);
        final User alice = lending.newUser(5_000_000, 0);
        bank.succeed(List.of(alice.wallet()), lending.deposit(alice, 1_000_000));
        bank.fail(LendingError.InsufficientLiquidity.error(), List.of(alice.wallet()), lending.borrow(alice, 1_001));
    }

    @Test
    void repayingReducesTheDebtAndTakesAtMostTheDebt() {
        final User alice = depositedUser();
        bank.succeed(List.of(alice.wallet()), lending.borrow(alice, 1_000_000));
        bank.mintTo(lending.borrowMint, alice.borrowToken(), lending.mintAuthority, 500_000);
        bank.succeed(List.of(alice.wallet()), lending.repay(alice, 400_000));
        assertEquals(600_000, lending.debt(alice));
        assertEquals(1_100_000, bank.amount(alice.borrowToken()));
        bank.succeed(List.of(alice.wallet()), lending.repay(alice, 10_000_000));
        assertEquals(0, lending.debt(alice));
        assertEquals(500_000, bank.amount(alice.borrowToken()));
        assertEquals(LIQUIDITY, bank.amount(lending.market.liquidityVault()));
        assertEquals(0, lending.totalDebt());
        bank.fail(LendingError.NoDebt.error(), List.of(alice.wallet()), lending.repay(alice, 1));
    }

    @Test
    void withdrawingIsBlockedWhileItWouldLeaveTheDebtAboveTheLimit() {
        final User alice = depositedUser();
        bank.succeed(List.of(alice.wallet()), lending.borrow(alice, 1_500_000));
        bank.fail(LendingError.LoanToValueExceeded.error(), List.of(alice.wallet()), lending.withdraw(alice, 1));
        bank.succeed(List.of(alice.wallet()), lending.repay(alice, 750_000));
        bank.succeed(List.of(alice.wallet()), lending.withdraw(alice, 500_000));
        assertEquals(500_000, lending.collateral(alice), "750,000 of debt needs 500,000 collateral at 2.0 and 75%");
        assertEquals(4_500_000, bank.amount(alice.collateralToken()));
        assertEquals(500_000, bank.amount(lending.market.collateralVault()));
        bank.fail(LendingError.LoanToValueExceeded.error(), List.of(alice.wallet()), lending.withdraw(alice, 1));
        bank.fail(LendingError.InsufficientCollateral.error(), List.of(alice.wallet()), lending.withdraw(alice, 500_001));
    }

    @Test
    void aPriceDropMakesThePositionLiquidatableAndTheLiquidatorGetsTheBonus() {
        final User alice = depositedUser();
        bank.succeed(List.of(alice.wallet()), lending.borrow(alice, 1_500_000));
        final User liquidator = lending.newUser(0, 2_000_000);
        bank.fail(LendingError.NotLiquidatable.error(), List.of(liquidator.wallet()), lending.liquidate(alice, liquidator, 1_000_000));
        bank.succeed(List.of(lending.owner), lending.setPrice(1_800_000));
        assertEquals(1_800_000, lending.price());
        bank.succeed(List.of(liquidator.wallet()), lending.liquidate(alice, liquidator, 1_000_000));
        assertEquals(583_333, bank.amount(liquidator.collateralToken()), "floor(1,050,000 / 1.8)");
        assertEquals(1_000_000, bank.amount(liquidator.borrowToken()));
        assertEquals(500_000, lending.debt(alice));
        assertEquals(1_000_000 - 583_333, lending.collateral(alice));
        assertEquals(1_000_000 - 583_333, bank.amount(lending.market.collateralVault()));
        assertEquals(LIQUIDITY - 500_000, bank.amount(lending.market.liquidityVault()));
        assertEquals(500_000, lending.totalDebt());
        assertEquals(1_000_000 - 583_333, lending.totalCollateral());
    }

    @Test
    void liquidationSeizesAtMostTheCollateralAndNeedsDebt() {
        final User alice = depositedUser();
        final User liquidator = lending.newUser(0, 2_000_000);
        bank.fail(LendingError.NoDebt.error(), List.of(liquidator.wallet()), lending.liquidate(alice, liquidator, 1));
        bank.succeed(List.of(alice.wallet()), lending.borrow(alice, 1_500_000));
        bank.succeed(List.of(lending.owner), lending.setPrice(1));
        bank.succeed(List.of(liquidator.wallet()), lending.liquidate(alice, liquidator, 10));
        assertEquals(1_000_000, bank.amount(liquidator.collateralToken()), "capped at what the obligation holds");
        assertEquals(0, lending.collateral(alice));
        assertEquals(1_500_000 - 10, lending.debt(alice));
        assertEquals(0, bank.amount(lending.market.collateralVault()));
    }

    @Test
    void onlyTheMarketOwnerSetsThePrice() {
        final User alice = depositedUser();
        bank.fail(LendingError.Unauthorized.error(), List.of(alice.wallet()),
            LendingInstruction.setPrice(lending.market, alice.wallet().publicKey(), 1));
        bank.fail(LendingError.ZeroAmount.error(), List.of(lending.owner), lending.setPrice(0));
        assertEquals(PRICE, lending.price());
    }

    @Test
    void onlyTheOwnerBorrowsOrWithdrawsAgainstAnObligation() {
        final User alice = depositedUser();
        final User mallory = lending.newUser(0, 0);
        final Instruction borrowOnAlice = LendingInstruction.borrow(lending.market, alice.obligation(), mallory.borrowToken(),
            mallory.wallet().publicKey(), 1_000);
        bank.fail(LendingError.Unauthorized.error(), List.of(mallory.wallet()), borrowOnAlice);
        final Instruction withdrawFromAlice = LendingInstruction.withdrawCollateral(lending.market, alice.obligation(),
            mallory.collateralToken(), mallory.wallet().publicKey(), 1_000);
        bank.fail(LendingError.Unauthorized.error(), List.of(mallory.wallet()), withdrawFromAlice);
        final Instruction depositFromAlicesAccount = LendingInstruction.depositCollateral(lending.market, mallory.obligation(),
            alice.collateralToken(), mallory.wallet().publicKey(), 1_000);
        bank.fail(TokenError.OwnerMismatch.error(), List.of(mallory.wallet()), depositFromAlicesAccount);
    }

    @Test
    void aForeignOracleVaultOrAuthorityIsRejected() {
        final User alice = depositedUser();
        final Instruction borrow = lending.borrow(alice, 1_000);
        bank.fail(LendingError.InvalidOracle.error(), List.of(alice.wallet()), withAccount(borrow, 2, alice.obligation()));
        bank.fail(LendingError.InvalidVault.error(), List.of(alice.wallet()), withAccount(borrow, 3, alice.borrowToken()));
        bank.fail(LendingError.InvalidAuthority.error(), List.of(alice.wallet()), withAccount(borrow, 6, alice.wallet().publicKey()));
        bank.fail(LendingError.UserAccountIsVault.error(), List.of(alice.wallet()),
            withAccount(lending.withdraw(alice, 1_000), 4, lending.market.collateralVault()));
        bank.fail(LendingError.InvalidMarket.error(), List.of(alice.wallet()), withAccount(borrow, 0, lending.market.oracle()));
    }

    @Test
    void anObligationCanOnlyBeCreatedAtItsDerivedAddress() {
        lending.createMarket(MarketParameters.DEFAULT, PRICE);
        final User alice = lending.newUser(0, 0);
        assertEquals(ObligationLayout.LENGTH, bank.data(alice.obligation()).capacity());
        assertEquals(alice.wallet().publicKey(), ObligationLayout.owner(bank.data(alice.obligation())));
        final User bob = lending.newUser(0, 0);
        bank.fail(LendingError.InvalidObligation.error(), List.of(bob.wallet()),
            LendingInstruction.initObligation(lending.market, lending.market.obligation(alice.wallet().publicKey()),
                bob.wallet().publicKey()));
        final Instruction deposit = lending.deposit(alice, 1);
        final List<AccountMeta> unsigned = new ArrayList<>(deposit.accounts());
        unsigned.set(4, AccountMeta.readOnly(alice.wallet().publicKey(), false));
        bank.fail(InstructionError.of(InstructionError.Kind.MissingRequiredSignature), List.of(),
            new Instruction(LendingProgram.ID, unsigned, deposit.data()));
    }

    @Test
    void theHealthFormulasRoundInTheMarketsFavour() {
        assertEquals(1_500_000, LendingMath.maxDebt(1_000_000, PRICE, 7_500));
        assertEquals(3, LendingMath.maxDebt(3, 1_999_999, 7_500), "floor(floor(5.999997) * 0.75), where exact math gives 4.49");
        assertEquals(-1L, LendingMath.collateralValue(-1L, Long.MAX_VALUE), "saturates at u64's maximum");
        assertEquals(583_333, LendingMath.seizedCollateral(1_000_000, 1_800_000, 500, 10_000_000));
        assertTrue(LendingMath.isLiquidatable(1_600_001, 1_000_000, PRICE, 8_000));
        assertTrue(!LendingMath.isLiquidatable(1_600_000, 1_000_000, PRICE, 8_000));
    }

    @Test
    void aBorrowAndALiquidationCostAboutWhatMainnetLendingCosts() {
        final User alice = depositedUser();
        final ExecutionResult borrow = bank.succeed(List.of(alice.wallet()), lending.borrow(alice, 1_500_000));
        bank.succeed(List.of(lending.owner), lending.setPrice(1_800_000));
        final User liquidator = lending.newUser(0, 2_000_000);
        final ExecutionResult liquidation = bank.succeed(List.of(liquidator.wallet()), lending.liquidate(alice, liquidator, 1_000_000));
        assertTrue(borrow.computeUnitsConsumed() > 20_000 && borrow.computeUnitsConsumed() < 60_000, "borrow " + borrow.computeUnitsConsumed());
        assertTrue(liquidation.computeUnitsConsumed() > 25_000 && liquidation.computeUnitsConsumed() < 80_000,
            "liquidation " + liquidation.computeUnitsConsumed());
    }
}
