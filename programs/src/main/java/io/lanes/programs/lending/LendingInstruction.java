package io.lanes.programs.lending;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.TokenProgram;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.Rent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Builds lending instructions. Data is a u8 tag then little-endian fields:
 * <pre>
 * 0 InitMarket          u16 loan to value, u16 liquidation threshold, u16 liquidation bonus (basis points), u64 price (15 bytes)
 * 1 SetPrice            u64 price                     (9 bytes)
 * 2 InitObligation      -                             (1 byte)
 * 3 DepositCollateral   u64 amount                    (9 bytes)
 * 4 Borrow              u64 amount                    (9 bytes)
 * 5 Repay               u64 amount (at most the debt is taken) (9 bytes)
 * 6 WithdrawCollateral  u64 amount                    (9 bytes)
 * 7 Liquidate           u64 repay amount (at most the debt is taken) (9 bytes)
 * </pre>
 * Prices are borrow base units per collateral base unit times 10^6. Account lists are on each builder, in order.
 */
public final class LendingInstruction {
    public static final int INIT_MARKET = 0;
    public static final int SET_PRICE = 1;
    public static final int INIT_OBLIGATION = 2;
    public static final int DEPOSIT_COLLATERAL = 3;
    public static final int BORROW = 4;
    public static final int REPAY = 5;
    public static final int WITHDRAW_COLLATERAL = 6;
    public static final int LIQUIDATE = 7;

    static final int INIT_MARKET_DATA_LENGTH = 15;
    static final int AMOUNT_DATA_LENGTH = 9;
    static final int INIT_OBLIGATION_DATA_LENGTH = 1;

    private LendingInstruction() {
    }

    /** System createAccount of the market account: rent exempt, {@value MarketLayout#LENGTH} bytes, owned by the lending program. */
    public static Instruction createMarketAccount(final Pubkey payer, final Pubkey market) {
        return SystemInstruction.createAccount(payer, market, Rent.minimumBalance(MarketLayout.LENGTH), MarketLayout.LENGTH, LendingProgram.ID);
    }

    /**
     * Accounts: market (writable), owner (writable, signer: pays the rent of the vaults and the
     * oracle, later signs SetPrice), authority, collateral mint, borrow mint, collateral vault
     * (writable), liquidity vault (writable), oracle (writable), System program, Token program.
     */
    public static Instruction initMarket(
        final MarketAddresses market, final Pubkey owner, final Pubkey collateralMint, final Pubkey borrowMint,
        final MarketParameters parameters, final long initialPrice) {
        final byte[] data = little(INIT_MARKET_DATA_LENGTH, INIT_MARKET)
            .putShort((short) parameters.loanToValueBasisPoints())
            .putShort((short) parameters.liquidationThresholdBasisPoints())
            .putShort((short) parameters.liquidationBonusBasisPoints())
            .putLong(initialPrice).array();
        return instruction(data,
            AccountMeta.writable(market.market(), false),
            AccountMeta.writable(owner, true),
            AccountMeta.readOnly(market.authority(), false),
            AccountMeta.readOnly(collateralMint, false),
            AccountMeta.readOnly(borrowMint, false),
            AccountMeta.writable(market.collateralVault(), false),
            AccountMeta.writable(market.liquidityVault(), false),
            AccountMeta.writable(market.oracle(), false),
            AccountMeta.readOnly(Pubkey.SYSTEM_PROGRAM, false),
            AccountMeta.readOnly(TokenProgram.ID, false));
    }

    /** Accounts: market, oracle (writable), market owner (signer). */
    public static Instruction setPrice(final MarketAddresses market, final Pubkey owner, final long price) {
        return instruction(amount(SET_PRICE, price),
            AccountMeta.readOnly(market.market(), false),
            AccountMeta.writable(market.oracle(), false),
            AccountMeta.readOnly(owner, true));
    }

    /** Accounts: market, obligation (writable, at {@link MarketAddresses#obligation}), owner (writable, signer: pays the rent), System program. */
    public static Instruction initObligation(final MarketAddresses market, final Pubkey obligation, final Pubkey owner) {
        return instruction(new byte[] {INIT_OBLIGATION},
            AccountMeta.readOnly(market.market(), false),
            AccountMeta.writable(obligation, false),
            AccountMeta.writable(owner, true),
            AccountMeta.readOnly(Pubkey.SYSTEM_PROGRAM, false));
    }

    /** Accounts: market (writable), obligation (writable), collateral vault (writable), owner's collateral token account (writable), owner (signer), Token program. */
    public static Instruction depositCollateral(
        final MarketAddresses market, final Pubkey obligation, final Pubkey ownerCollateralToken, final Pubkey owner, final long amount) {
        return instruction(amount(DEPOSIT_COLLATERAL, amount),
            AccountMeta.writable(market.market(), false),
            AccountMeta.writable(obligation, false),
            AccountMeta.writable(market.collateralVault(), false),
            AccountMeta.writable(ownerCollateralToken, false),
            AccountMeta.readOnly(owner, true),
            AccountMeta.readOnly(TokenProgram.ID, false));
    }

    /** Accounts: market (writable), obligation (writable), oracle, liquidity vault (writable), owner's borrow-mint token account (writable), owner (signer), authority, Token program. */
    public static Instruction borrow(
        final MarketAddresses market, final Pubkey obligation, final Pubkey ownerBorrowToken, final Pubkey owner, final long amount) {
        return instruction(amount(BORROW, amount),
            AccountMeta.writable(market.market(), false),
            AccountMeta.writable(obligation, false),
            AccountMeta.readOnly(market.oracle(), false),
            AccountMeta.writable(market.liquidityVault(), false),
            AccountMeta.writable(ownerBorrowToken, false),
            AccountMeta.readOnly(owner, true),
            AccountMeta.readOnly(market.authority(), false),
            AccountMeta.readOnly(TokenProgram.ID, false));
    }

    /** Accounts: market (writable), obligation (writable), liquidity vault (writable), source borrow-mint token account (writable), its owner (signer; anyone may repay), Token program. */
    public static Instruction repay(
        final MarketAddresses market, final Pubkey obligation, final Pubkey sourceBorrowToken, final Pubkey sourceOwner, final long amount) {
        return instruction(amount(REPAY, amount),
            AccountMeta.writable(market.market(), false),
            AccountMeta.writable(obligation, false),
            AccountMeta.writable(market.liquidityVault(), false),
            AccountMeta.writable(sourceBorrowToken, false),
            AccountMeta.readOnly(sourceOwner, true),
            AccountMeta.readOnly(TokenProgram.ID, false));
    }

    /** Accounts: market (writable), obligation (writable), oracle, collateral vault (writable), owner's collateral token account (writable), owner (signer), authority, Token program. */
    public static Instruction withdrawCollateral(
        final MarketAddresses market, final Pubkey obligation, final Pubkey ownerCollateralToken, final Pubkey owner, final long amount) {
        return instruction(amount(WITHDRAW_COLLATERAL, amount),
            AccountMeta.writable(market.market(), false),
            AccountMeta.writable(obligation, false),
            AccountMeta.readOnly(market.oracle(), false),
            AccountMeta.writable(market.collateralVault(), false),
            AccountMeta.writable(ownerCollateralToken, false),
            AccountMeta.readOnly(owner, true),
            AccountMeta.readOnly(market.authority(), false),
            AccountMeta.readOnly(TokenProgram.ID, false));
    }

    /**
     * Accounts: market (writable), obligation (writable), oracle, liquidity vault (writable),
     * collateral vault (writable), liquidator's borrow-mint token account (writable, pays),
     * liquidator's collateral token account (writable, receives), liquidator (signer), authority,
     * Token program.
     */
    public static Instruction liquidate(
        final MarketAddresses market, final Pubkey obligation, final Pubkey liquidatorBorrowToken,
        final Pubkey liquidatorCollateralToken, final Pubkey liquidator, final long repayAmount) {
        return instruction(amount(LIQUIDATE, repayAmount),
            AccountMeta.writable(market.market(), false),
            AccountMeta.writable(obligation, false),
            AccountMeta.readOnly(market.oracle(), false),
            AccountMeta.writable(market.liquidityVault(), false),
            AccountMeta.writable(market.collateralVault(), false),
            AccountMeta.writable(liquidatorBorrowToken, false),
            AccountMeta.writable(liquidatorCollateralToken, false),
            AccountMeta.readOnly(liquidator, true),
            AccountMeta.readOnly(market.authority(), false),
            AccountMeta.readOnly(TokenProgram.ID, false));
    }

    private static byte[] amount(final int tag, final long amount) {
        return little(AMOUNT_DATA_LENGTH, tag).putLong(amount).array();
    }

    private static ByteBuffer little(final int length, final int tag) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).put((byte) tag);
    }

    private static Instruction instruction(final byte[] data, final AccountMeta... accounts) {
        return new Instruction(LendingProgram.ID, List.of(accounts), data);
    }
}
