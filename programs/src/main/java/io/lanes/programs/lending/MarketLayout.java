package io.lanes.programs.lending;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight reader of the 256-byte market account (owned by the lending program), little-endian:
 * <pre>
 *   0  u8     account type ({@value #ACCOUNT_TYPE}: market; 0 uninitialized)
 *   1  u8     authority bump
 *   2  u8     collateral vault bump
 *   3  u8     liquidity vault bump
 *   4  u8     oracle bump
 *   5  u8     reserved (0)
 *   6  u16    loan-to-value limit, basis points (borrow and withdraw keep debt at or below it)
 *   8  u16    liquidation threshold, basis points (debt above it may be liquidated)
 *  10  u16    liquidation bonus, basis points (extra collateral a liquidator receives)
 *  12  u32    reserved (0)
 *  16  Pubkey owner            (signs SetPrice)
 *  48  Pubkey authority        (PDA ["authority", market]: owns both vaults)
 *  80  Pubkey collateral mint
 * 112  Pubkey borrow mint
 * 144  Pubkey collateral vault (PDA ["collateral_vault", market]: token account of the collateral mint)
 * 176  Pubkey liquidity vault  (PDA ["liquidity_vault", market]: token account of the borrow mint)
 * 208  Pubkey oracle           (PDA ["oracle", market]: {@link OracleLayout})
 * 240  u64    total collateral deposited, base units
 * 248  u64    total debt, base units
 * </pre>
 * The liquidity vault is funded by plain Token transfers into it; lenders' shares and interest
 * are not modelled.
 */
public final class MarketLayout {
    public static final int LENGTH = 256;
    public static final int ACCOUNT_TYPE = 1;
    public static final int ACCOUNT_TYPE_OFFSET = 0;
    public static final int AUTHORITY_BUMP_OFFSET = 1;
    public static final int COLLATERAL_VAULT_BUMP_OFFSET = 2;
    public static final int LIQUIDITY_VAULT_BUMP_OFFSET = 3;
    public static final int ORACLE_BUMP_OFFSET = 4;
    public static final int LOAN_TO_VALUE_OFFSET = 6;
    public static final int LIQUIDATION_THRESHOLD_OFFSET = 8;
    public static final int LIQUIDATION_BONUS_OFFSET = 10;
    public static final int OWNER_OFFSET = 16;
    public static final int AUTHORITY_OFFSET = 48;
    public static final int COLLATERAL_MINT_OFFSET = 80;
    public static final int BORROW_MINT_OFFSET = 112;
    public static final int COLLATERAL_VAULT_OFFSET = 144;
    public static final int LIQUIDITY_VAULT_OFFSET = 176;
    public static final int ORACLE_OFFSET = 208;
    public static final int TOTAL_COLLATERAL_OFFSET = 240;
    public static final int TOTAL_DEBT_OFFSET = 248;

    private MarketLayout() {
    }

    public static boolean isInitialized(final DirectBuffer data, final int dataLength) {
        return dataLength == LENGTH && data.getByte(ACCOUNT_TYPE_OFFSET) == ACCOUNT_TYPE;
    }

    public static int authorityBump(final DirectBuffer data) {
        return data.getByte(AUTHORITY_BUMP_OFFSET) & 0xFF;
    }

    public static int loanToValueBasisPoints(final DirectBuffer data) {
        return u16(data, LOAN_TO_VALUE_OFFSET);
    }

    public static int liquidationThresholdBasisPoints(final DirectBuffer data) {
        return u16(data, LIQUIDATION_THRESHOLD_OFFSET);
    }

    public static int liquidationBonusBasisPoints(final DirectBuffer data) {
        return u16(data, LIQUIDATION_BONUS_OFFSET);
    }

    public static Pubkey owner(final DirectBuffer data) {
        return Pubkey.read(data, OWNER_OFFSET);
    }

    public static Pubkey authority(final DirectBuffer data) {
        return Pubkey.read(data, AUTHORITY_OFFSET);
    }

    public static Pubkey collateralMint(final DirectBuffer data) {
        return Pubkey.read(data, COLLATERAL_MINT_OFFSET);
    }

    public static Pubkey borrowMint(final DirectBuffer data) {
        return Pubkey.read(data, BORROW_MINT_OFFSET);
    }

    public static Pubkey collateralVault(final DirectBuffer data) {
        return Pubkey.read(data, COLLATERAL_VAULT_OFFSET);
    }

    public static Pubkey liquidityVault(final DirectBuffer data) {
        return Pubkey.read(data, LIQUIDITY_VAULT_OFFSET);
    }

    public static Pubkey oracle(final DirectBuffer data) {
        return Pubkey.read(data, ORACLE_OFFSET);
    }

    public static long totalCollateral(final DirectBuffer data) {
        return data.getLong(TOTAL_COLLATERAL_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static long totalDebt(final DirectBuffer data) {
        return data.getLong(TOTAL_DEBT_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    static void setTotalCollateral(final MutableDirectBuffer data, final long amount) {
        data.putLong(TOTAL_COLLATERAL_OFFSET, amount, ByteOrder.LITTLE_ENDIAN);
    }

    static void setTotalDebt(final MutableDirectBuffer data, final long amount) {
        data.putLong(TOTAL_DEBT_OFFSET, amount, ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes a whole initialized market with no deposits and no debt. */
    static void initialize(
        final MutableDirectBuffer data, final MarketAddresses addresses, final Pubkey owner, final Pubkey collateralMint,
        final Pubkey borrowMint, final MarketParameters parameters) {
        data.setMemory(0, LENGTH, (byte) 0);
        data.putByte(ACCOUNT_TYPE_OFFSET, (byte) ACCOUNT_TYPE);
        data.putByte(AUTHORITY_BUMP_OFFSET, (byte) addresses.authorityBump());
        data.putByte(COLLATERAL_VAULT_BUMP_OFFSET, (byte) addresses.collateralVaultBump());
        data.putByte(LIQUIDITY_VAULT_BUMP_OFFSET, (byte) addresses.liquidityVaultBump());
        data.putByte(ORACLE_BUMP_OFFSET, (byte) addresses.oracleBump());
        data.putShort(LOAN_TO_VALUE_OFFSET, (short) parameters.loanToValueBasisPoints(), ByteOrder.LITTLE_ENDIAN);
        data.putShort(LIQUIDATION_THRESHOLD_OFFSET, (short) parameters.liquidationThresholdBasisPoints(), ByteOrder.LITTLE_ENDIAN);
        data.putShort(LIQUIDATION_BONUS_OFFSET, (short) parameters.liquidationBonusBasisPoints(), ByteOrder.LITTLE_ENDIAN);
        owner.copyTo(data, OWNER_OFFSET);
        addresses.authority().copyTo(data, AUTHORITY_OFFSET);
        collateralMint.copyTo(data, COLLATERAL_MINT_OFFSET);
        borrowMint.copyTo(data, BORROW_MINT_OFFSET);
        addresses.collateralVault().copyTo(data, COLLATERAL_VAULT_OFFSET);
        addresses.liquidityVault().copyTo(data, LIQUIDITY_VAULT_OFFSET);
        addresses.oracle().copyTo(data, ORACLE_OFFSET);
    }

    private static int u16(final DirectBuffer data, final int offset) {
        return data.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }
}
