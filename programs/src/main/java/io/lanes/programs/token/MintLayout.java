package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight reader of SPL Token's 82-byte {@code Mint} state, byte for byte as
 * {@code spl_token::state::Mint} packs it:
 * <pre>
 *  0  COption&lt;Pubkey&gt; mint_authority   (u32 tag + 32)
 * 36  u64 supply
 * 44  u8  decimals
 * 45  bool is_initialized
 * 46  COption&lt;Pubkey&gt; freeze_authority (u32 tag + 32)
 * </pre>
 * Readers take the account data as an Agrona buffer and allocate only when they return a key.
 */
public final class MintLayout {
    public static final int LENGTH = 82;
    public static final int MINT_AUTHORITY_OPTION_OFFSET = 0;
    public static final int MINT_AUTHORITY_OFFSET = 4;
    public static final int SUPPLY_OFFSET = 36;
    public static final int DECIMALS_OFFSET = 44;
    public static final int IS_INITIALIZED_OFFSET = 45;
    public static final int FREEZE_AUTHORITY_OPTION_OFFSET = 46;
    public static final int FREEZE_AUTHORITY_OFFSET = 50;

    private MintLayout() {
    }

    /** True if the data is what {@code Mint::unpack} accepts: 82 bytes, well-formed, initialized. */
    public static boolean isValid(final DirectBuffer data, final int dataLength) {
        return check(data, dataLength) == LayoutChecks.VALID;
    }

    /** {@link LayoutChecks#VALID}, {@link LayoutChecks#UNINITIALIZED} or {@link LayoutChecks#MALFORMED}. */
    static int check(final DirectBuffer data, final int dataLength) {
        if (dataLength != LENGTH
            || !LayoutChecks.isOptionTag(data, MINT_AUTHORITY_OPTION_OFFSET)
            || !LayoutChecks.isBool(data, IS_INITIALIZED_OFFSET)
            || !LayoutChecks.isOptionTag(data, FREEZE_AUTHORITY_OPTION_OFFSET)) {
            return LayoutChecks.MALFORMED;
        }
        return isInitialized(data) ? LayoutChecks.VALID : LayoutChecks.UNINITIALIZED;
    }

    public static boolean hasMintAuthority(final DirectBuffer data) {
        return LayoutChecks.isSome(data, MINT_AUTHORITY_OPTION_OFFSET);
    }

    /** The mint authority, or null once the supply is fixed. */
    public static Pubkey mintAuthority(final DirectBuffer data) {
        return hasMintAuthority(data) ? Pubkey.read(data, MINT_AUTHORITY_OFFSET) : null;
    }

    /** Total supply in base units (an unsigned u64 held in a long). */
    public static long supply(final DirectBuffer data) {
        return data.getLong(SUPPLY_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static int decimals(final DirectBuffer data) {
        return data.getByte(DECIMALS_OFFSET) & 0xFF;
    }

    public static boolean isInitialized(final DirectBuffer data) {
        return data.getByte(IS_INITIALIZED_OFFSET) == 1;
    }

    public static boolean hasFreezeAuthority(final DirectBuffer data) {
        return LayoutChecks.isSome(data, FREEZE_AUTHORITY_OPTION_OFFSET);
    }

    /** The freeze authority, or null if the mint cannot freeze. */
    public static Pubkey freezeAuthority(final DirectBuffer data) {
        return hasFreezeAuthority(data) ? Pubkey.read(data, FREEZE_AUTHORITY_OFFSET) : null;
    }

    static void setSupply(final MutableDirectBuffer data, final long supply) {
        data.putLong(SUPPLY_OFFSET, supply, ByteOrder.LITTLE_ENDIAN);
    }

    static void setMintAuthority(final MutableDirectBuffer data, final Pubkey authority) {
        writeOption(data, MINT_AUTHORITY_OPTION_OFFSET, authority);
    }

    static void setFreezeAuthority(final MutableDirectBuffer data, final Pubkey authority) {
        writeOption(data, FREEZE_AUTHORITY_OPTION_OFFSET, authority);
    }

    /** Writes a whole initialized or uninitialized mint; null authorities are {@code None}. */
    public static void write(
        final MutableDirectBuffer data, final Pubkey mintAuthority, final long supply, final int decimals,
        final boolean initialized, final Pubkey freezeAuthority) {
        setMintAuthority(data, mintAuthority);
        setSupply(data, supply);
        data.putByte(DECIMALS_OFFSET, (byte) decimals);
        data.putByte(IS_INITIALIZED_OFFSET, (byte) (initialized ? 1 : 0));
        setFreezeAuthority(data, freezeAuthority);
    }

    /** The 82 bytes of a mint: for genesis accounts and tests. */
    public static byte[] encode(
        final Pubkey mintAuthority, final long supply, final int decimals, final boolean initialized, final Pubkey freezeAuthority) {
        final byte[] bytes = new byte[LENGTH];
        write(new UnsafeBuffer(bytes), mintAuthority, supply, decimals, initialized, freezeAuthority);
        return bytes;
    }

    /**
     * Writes {@code COption<Pubkey>}: tag 1 then the key, or for None only the tag 0, leaving the
     * old key bytes in place exactly as SPL Token's {@code pack_coption_key} does.
     */
    static void writeOption(final MutableDirectBuffer data, final int optionOffset, final Pubkey key) {
        if (key == null) {
            data.putInt(optionOffset, 0, ByteOrder.LITTLE_ENDIAN);
        } else {
            data.putInt(optionOffset, LayoutChecks.OPTION_SOME, ByteOrder.LITTLE_ENDIAN);
            key.copyTo(data, optionOffset + 4);
        }
    }
}
