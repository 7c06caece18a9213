package io.lanes.runtime.programs.defi;

import io.lanes.programs.amm.AmmError;
import io.lanes.programs.amm.AmmInstruction;
import io.lanes.programs.amm.AmmProgram;
import io.lanes.programs.amm.PoolLayout;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenError;
import io.lanes.programs.token.TokenProgram;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.programs.defi.AmmFixture.User;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.lanes.runtime.programs.defi.DefiBank.withAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AMM through real transactions: pool creation, liquidity, swaps with exact outputs, and rejected accounts. */
class AmmPoolTest {
    private static final int FEE_BASIS_POINTS = 30;

    private final AmmFixture amm = new AmmFixture();
    private final DefiBank bank = amm.bank;

    @AfterEach
    void close() {
        amm.close();
    }

    private static InstructionError custom(final AmmError error) {
        return error.error();
    }

    private User pooledUser() {
        amm.createPool(FEE_BASIS_POINTS);
        final User alice = amm.newUser(10_000_000, 10_000_000);
        bank.succeed(List.of(alice.wallet()), amm.add(alice, 1_000_000, 4_000_000, 0));
        return alice;
    }

    @Test
    void initializePoolCreatesVaultsAndLpMintAtTheDerivedAddresses() {
        final ExecutionResult result = amm.createPool(FEE_BASIS_POINTS);
        final UnsafeBuffer pool = amm.poolData();
        assertTrue(PoolLayout.isInitialized(pool, pool.capacity()));
        assertEquals(AmmProgram.ID, bank.bank.account(amm.pool.pool()).owner());
        assertEquals(FEE_BASIS_POINTS, PoolLayout.feeBasisPoints(pool));
        assertEquals(amm.mintA, PoolLayout.mintA(pool));
        assertEquals(amm.mintB, PoolLayout.mintB(pool));
        assertEquals(amm.pool.authority(), PoolLayout.authority(pool));
        assertEquals(amm.pool.vaultA(), PoolLayout.vaultA(pool));
        assertEquals(amm.pool.vaultB(), PoolLayout.vaultB(pool));
        assertEquals(amm.pool.lpMint(), PoolLayout.lpMint(pool));
        assertEquals(amm.pool.authorityBump(), PoolLayout.authorityBump(pool));
        assertEquals(0, PoolLayout.reserveA(pool));
        assertEquals(0, PoolLayout.reserveB(pool));
        assertVault(amm.pool.vaultA(), amm.mintA);
        assertVault(amm.pool.vaultB(), amm.mintB);
        final UnsafeBuffer lpMint = bank.data(amm.pool.lpMint());
        assertEquals(TokenProgram.ID, bank.bank.account(amm.pool.lpMint()).owner());
        assertEquals(amm.pool.authority(), MintLayout.mintAuthority(lpMint));
        assertEquals(AmmProgram.LP_MINT_DECIMALS, MintLayout.decimals(lpMint));
        assertEquals(null, MintLayout.freezeAuthority(lpMint));
        assertTrue(result.logLines().contains("Program log: Instruction: InitializePool"), result.logLines().toString());
    }

    private void assertVault(final Pubkey vault, final Pubkey mint) {
        final UnsafeBuffer data = bank.data(vault);
        assertTrue(TokenAccountLayout.isValid(data, data.capacity()));
        assertEquals(mint, TokenAccountLayout.mint(data));
        assertEquals(amm.pool.authority(), TokenAccountLayout.owner(data));
        assertEquals(0, TokenAccountLayout.amount(data));
    }

    @Test
    void initializingAPoolTwiceFails() {
        amm.createPool(FEE_BASIS_POINTS);
        bank.fail(InstructionError.of(InstructionError.Kind.AccountAlreadyInitialized), List.of(),
            AmmInstruction.initializePool(amm.pool, amm.mintA, amm.mintB, bank.payer.publicKey(), FEE_BASIS_POINTS));
    }

    @Test
    void initializeRejectsAWholeFeeAndOneMintOnBothSides() {
        bank.fail(custom(AmmError.InvalidFee), 1, List.of(amm.poolKeypair),
            AmmInstruction.createPoolAccount(bank.payer.publicKey(), amm.pool.pool()),
            AmmInstruction.initializePool(amm.pool, amm.mintA, amm.mintB, bank.payer.publicKey(), 10_000));
        bank.fail(custom(AmmError.InvalidMint), 1, List.of(amm.poolKeypair),
            AmmInstruction.createPoolAccount(bank.payer.publicKey(), amm.pool.pool()),
            AmmInstruction.initializePool(amm.pool, amm.mintA, amm.mintA, bank.payer.publicKey(), FEE_BASIS_POINTS));
    }

    @Test
    void initializeRejectsAVaultAddressThatIsNotThePoolsDerivedAddress() {
        final Instruction initialize = AmmInstruction.initializePool(amm.pool, amm.mintA, amm.mintB, bank.payer.publicKey(), 30);
        bank.fail(custom(AmmError.InvalidVault), 1, List.of(amm.poolKeypair),
            AmmInstruction.createPoolAccount(bank.payer.publicKey(), amm.pool.pool()),
            withAccount(initialize, 2, Keypair.generate().publicKey()));
    }

    @Test
    void firstDepositMintsTheSquareRootAndLaterDepositsTheSmallerRatioRoundingUp() {
        amm.createPool(FEE_BASIS_POINTS);
        final User alice = amm.newUser(10_000_000, 10_000_000);
        bank.succeed(List.of(alice.wallet()), amm.add(alice, 1_000_000, 3_000_001, 0));
        assertEquals(1_732_051, bank.amount(alice.lpToken()), "floor(sqrt(1,000,000 * 3,000,001))");
        assertEquals(1_732_051, amm.lpSupply());
        final User bob = amm.newUser(10_000_000, 10_000_000);
        bank.succeed(List.of(bob.wallet()), amm.add(bob, 100_000, 10_000_000, 173_205));
        assertEquals(173_205, bank.amount(bob.lpToken()), "min(100,000 * S / 1,000,000, 10,000,000 * S / 3,000,001)");
        assertEquals(10_000_000 - 100_000, bank.amount(bob.tokenA()), "ceil(173,205 * 1,000,000 / S)");
        assertEquals(10_000_000 - 300_000, bank.amount(bob.tokenB()), "ceil(173,205 * 3,000,001 / S)");
        assertEquals(1_100_000, amm.reserveA());
        assertEquals(3_300_001, amm.reserveB());
        assertEquals(1_100_000, bank.amount(amm.pool.vaultA()));
        assertEquals(3_300_001, bank.amount(amm.pool.vaultB()));
    }

    @Test
    void depositBelowTheMinimumLpFailsChargingOnlyTheFee() {
        final User alice = pooledUser();
        bank.fail(custom(AmmError.SlippageExceeded), List.of(alice.wallet()), amm.add(alice, 100_000, 400_000, 200_001));
    }

    @Test
    void removeLiquidityBurnsAndPaysOutProportionallyRoundingDown() {
        amm.createPool(FEE_BASIS_POINTS);
        final User alice = amm.newUser(10_000_000, 10_000_000);
        bank.succeed(List.of(alice.wallet()), amm.add(alice, 1_000_000, 3_000_001, 0));
        final User bob = amm.newUser(10_000_000, 10_000_000);
        bank.succeed(List.of(bob.wallet()), amm.add(bob, 100_000, 10_000_000, 0));
        bank.succeed(List.of(alice.wallet()), amm.remove(alice, 500_000, 288_675, 866_025));
        assertEquals(9_000_000 + 288_675, bank.amount(alice.tokenA()), "floor(500,000 * 1,100,000 / 1,905,256)");
        assertEquals(10_000_000 - 3_000_001 + 866_025, bank.amount(alice.tokenB()), "floor(500,000 * 3,300,001 / 1,905,256)");
        assertEquals(1_732_051 - 500_000, bank.amount(alice.lpToken()));
        assertEquals(1_405_256, amm.lpSupply());
        assertEquals(811_325, amm.reserveA());
        assertEquals(2_433_976, amm.reserveB());
        assertEquals(811_325, bank.amount(amm.pool.vaultA()));
        assertEquals(2_433_976, bank.amount(amm.pool.vaultB()));
    }

    @Test
    void removeBelowTheMinimumsOrMoreLpThanHeldFails() {
        final User alice = pooledUser();
        bank.fail(custom(AmmError.SlippageExceeded), List.of(alice.wallet()), amm.remove(alice, 1_000_000, 500_001, 0));
        bank.fail(TokenError.InsufficientFunds.error(), List.of(alice.wallet()), amm.remove(alice, 2_000_001, 0, 0));
        bank.fail(custom(AmmError.ZeroAmount), List.of(alice.wallet()), amm.remove(alice, 0, 0, 0));
    }

    @Test
    void swapsInBothDirectionsPayExactlyTheConstantProductOutputAfterTheFee() {
        final User alice = pooledUser();
        final User trader = amm.newUser(1_000_000, 1_000_000);
        final ExecutionResult aToB = bank.succeed(List.of(trader.wallet()), amm.swap(trader, 10_000, 39_486, true));
        assertEquals(1_000_000 - 10_000, bank.amount(trader.tokenA()));
        assertEquals(1_000_000 + 39_486, bank.amount(trader.tokenB()), "floor(4,000,000 * 9,970 / 1,009,970)");
        assertEquals(1_010_000, amm.reserveA());
        assertEquals(3_960_514, amm.reserveB());
        bank.succeed(List.of(trader.wallet()), amm.swap(trader, 50_000, 12_554, false));
        assertEquals(990_000 + 12_554, bank.amount(trader.tokenA()), "floor(1,010,000 * 49,850 / 4,010,364)");
        assertEquals(1_039_486 - 50_000, bank.amount(trader.tokenB()));
        assertEquals(1_010_000 - 12_554, amm.reserveA());
        assertEquals(3_960_514 + 50_000, amm.reserveB());
        assertEquals(amm.reserveA(), bank.amount(amm.pool.vaultA()));
        assertEquals(amm.reserveB(), bank.amount(amm.pool.vaultB()));
        assertTrue(aToB.logLines().contains("Program log: Instruction: Swap"), aToB.logLines().toString());
        assertEquals(2, aToB.logLines().stream().filter(line -> line.equals("Program " + TokenProgram.ID + " invoke [2]")).count());
        assertTrue(bank.amount(alice.lpToken()) > 0);
    }

    @Test
    void swapBelowTheMinimumOutFailsChargingOnlyTheFeeAndLeavesThePoolUnchanged() {
        pooledUser();
        final User trader = amm.newUser(1_000_000, 0);
        final ExecutionResult result = bank.fail(custom(AmmError.SlippageExceeded), List.of(trader.wallet()),
            amm.swap(trader, 10_000, 39_487, true));
        assertTrue(result.logLines().get(result.logLines().size() - 1).endsWith("failed: custom program error: 0x0"));
        assertEquals(1_000_000, amm.reserveA());
        assertEquals(4_000_000, amm.reserveB());
    }

    @Test
    void swapRejectsAVaultOrAuthorityThatIsNotThePools() {
        pooledUser();
        final User trader = amm.newUser(1_000_000, 1_000_000);
        final Instruction swap = amm.swap(trader, 10_000, 0, true);
        final Pubkey otherAccountOfMintA = bank.createTokenAccount(amm.mintA, amm.pool.authority());
        bank.fail(custom(AmmError.InvalidVault), List.of(trader.wallet()), withAccount(swap, 2, otherAccountOfMintA));
        bank.fail(custom(AmmError.InvalidVault), List.of(trader.wallet()), withAccount(swap, 3, otherAccountOfMintA));
        bank.fail(custom(AmmError.InvalidAuthority), List.of(trader.wallet()), withAccount(swap, 1, trader.wallet().publicKey()));
        bank.fail(custom(AmmError.InvalidPool), List.of(trader.wallet()), withAccount(swap, 0, trader.tokenA()));
    }

    @Test
    void liquidityRejectsAnLpMintThatIsNotThePools() {
        final User alice = pooledUser();
        final Pubkey otherMint = bank.createMint(amm.mintAuthority, 6);
        bank.fail(custom(AmmError.InvalidMint), List.of(alice.wallet()), withAccount(amm.add(alice, 1_000, 4_000, 0), 4, otherMint));
        bank.fail(custom(AmmError.InvalidMint), List.of(alice.wallet()), withAccount(amm.remove(alice, 1_000, 0, 0), 4, otherMint));
    }

    @Test
    void swapRejectsAVaultAsTheUsersAccount() {
        pooledUser();
        final User trader = amm.newUser(1_000_000, 1_000_000);
        bank.fail(custom(AmmError.UserAccountIsVault), List.of(trader.wallet()),
            withAccount(amm.swap(trader, 10_000, 0, true), 5, amm.pool.vaultB()));
    }

    @Test
    void swappingFromSomeoneElsesTokenAccountFails() {
        final User alice = pooledUser();
        final User mallory = amm.newUser(0, 0);
        final Instruction stealing = AmmInstruction.swap(amm.pool, alice.tokenA(), mallory.tokenB(), mallory.wallet().publicKey(),
            10_000, 0, true);
        bank.fail(TokenError.OwnerMismatch.error(), List.of(mallory.wallet()), stealing);
        assertEquals(9_000_000, bank.amount(alice.tokenA()));
    }

    @Test
    void swapOfNothingOrOnAnEmptyPoolFails() {
        amm.createPool(FEE_BASIS_POINTS);
        final User trader = amm.newUser(1_000_000, 1_000_000);
        bank.fail(custom(AmmError.EmptyPool), List.of(trader.wallet()), amm.swap(trader, 10_000, 0, true));
        bank.succeed(List.of(trader.wallet()), amm.add(trader, 1_000, 1_000, 0));
        bank.fail(custom(AmmError.ZeroAmount), List.of(trader.wallet()), amm.swap(trader, 0, 0, true));
        bank.fail(custom(AmmError.ZeroAmount), List.of(trader.wallet()), amm.swap(trader, 1, 0, true));
    }

    @Test
    void aSwapCostsAboutWhatAMainnetAmmSwapCosts() {
        pooledUser();
        final User trader = amm.newUser(1_000_000, 0);
        final ExecutionResult result = bank.succeed(List.of(trader.wallet()), amm.swap(trader, 10_000, 0, true));
        final long units = result.computeUnitsConsumed();
        assertTrue(units > 20_000 && units < 60_000, "swap consumed " + units + " compute units");
    }
}
