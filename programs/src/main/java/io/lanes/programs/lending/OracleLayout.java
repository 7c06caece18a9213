package io.lanes.programs.lending;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight reader of the 56-byte oracle account (owned by the lending program, at the market's
 * derived address {@code ["oracle", market]}), little-endian:
 * <pre>
 *  0  u8     account type ({@value #ACCOUNT_TYPE}: oracle)
 *  1  7 bytes reserved (0)
 *  8  Pubkey market
 * 40  u64    price: borrow base units per collateral base unit, times 10^6 ({@link LendingMath#PRICE_EXPONENT})
 * 48  u64    slot of the last SetPrice (or of the market's creation)
 * </pre>
 */
public final class OracleLayout {
    public static final int LENGTH = 56;
    public static final int ACCOUNT_TYPE = 2;
    public static final int ACCOUNT_TYPE_OFFSET = 0;
    public static final int MARKET_OFFSET = 8;
    public static final int PRICE_OFFSET = 40;
    public static final int UPDATED_SLOT_OFFSET = 48;

    private OracleLayout() {
    }

    public static boolean isInitialized(final DirectBuffer data, final int dataLength) {
        return dataLength == LENGTH && data.getByte(ACCOUNT_TYPE_OFFSET) == ACCOUNT_TYPE;
    }

    public static Pubkey market(final DirectBuffer data) {
        return Pubkey.read(data, MARKET_OFFSET);
    }

    /** Borrow base units per collateral base unit, times 10^6. */
    public static long price(final DirectBuffer data) {
        return data.getLong(PRICE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static long updatedSlot(final DirectBuffer data) {
        return data.getLong(UPDATED_SLOT_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    static void setPrice(final MutableDirectBuffer data, final long price, final long slot) {
        data.putLong(PRICE_OFFSET, price, ByteOrder.LITTLE_ENDIAN);
        data.putLong(UPDATED_SLOT_OFFSET, slot, ByteOrder.LITTLE_ENDIAN);
    }

    static void initialize(final MutableDirectBuffer data, final Pubkey market, final long price, final long slot) {
        data.setMemory(0, LENGTH, (byte) 0);
        data.putByte(ACCOUNT_TYPE_OFFSET, (byte) ACCOUNT_TYPE);
        market.copyTo(data, MARKET_OFFSET);
        setPrice(data, price, slot);
    }
}
