package io.lanes.programs.lending;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight reader of the 88-byte obligation account (owned by the lending program, at
 * {@code ["obligation", market, owner]}), little-endian:
 * <pre>
 *  0  u8     account type ({@value #ACCOUNT_TYPE}: obligation)
 *  1  u8     bump
 *  2  6 bytes reserved (0)
 *  8  Pubkey market
 * 40  Pubkey owner
 * 72  u64    collateral deposited, collateral base units
 * 80  u64    debt, borrow base units (no interest accrues)
 * </pre>
 */
public final class ObligationLayout {
    public static final int LENGTH = 88;
    public static final int ACCOUNT_TYPE = 3;
    public static final int ACCOUNT_TYPE_OFFSET = 0;
    public static final int BUMP_OFFSET = 1;
    public static final int MARKET_OFFSET = 8;
    public static final int OWNER_OFFSET = 40;
    public static final int COLLATERAL_OFFSET = 72;
    public static final int DEBT_OFFSET = 80;

    private ObligationLayout() {
    }

    public static boolean isInitialized(final DirectBuffer data, final int dataLength) {
        return dataLength == LENGTH && data.getByte(ACCOUNT_TYPE_OFFSET) == ACCOUNT_TYPE;
    }

    public static Pubkey market(final DirectBuffer data) {
        return Pubkey.read(data, MARKET_OFFSET);
    }

    public static Pubkey owner(final DirectBuffer data) {
        return Pubkey.read(data, OWNER_OFFSET);
    }

    public static long collateral(final DirectBuffer data) {
        return data.getLong(COLLATERAL_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static long debt(final DirectBuffer data) {
        return data.getLong(DEBT_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    static void setCollateral(final MutableDirectBuffer data, final long amount) {
        data.putLong(COLLATERAL_OFFSET, amount, ByteOrder.LITTLE_ENDIAN);
    }

    static void setDebt(final MutableDirectBuffer data, final long amount) {
        data.putLong(DEBT_OFFSET, amount, ByteOrder.LITTLE_ENDIAN);
    }

    static void initialize(final MutableDirectBuffer data, final int bump, final Pubkey market, final Pubkey owner) {
        data.setMemory(0, LENGTH, (byte) 0);
        data.putByte(ACCOUNT_TYPE_OFFSET, (byte) ACCOUNT_TYPE);
        data.putByte(BUMP_OFFSET, (byte) bump);
        market.copyTo(data, MARKET_OFFSET);
        owner.copyTo(data, OWNER_OFFSET);
    }
}
