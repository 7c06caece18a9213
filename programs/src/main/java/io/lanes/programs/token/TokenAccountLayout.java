package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight reader of SPL Token's 165-byte token {@code Account} state, byte for byte as
 * {@code spl_token::state::Account} packs it:
 * <pre>
 *   0  Pubkey mint
 *  32  Pubkey owner
 *  64  u64 amount
 *  72  COption&lt;Pubkey&gt; delegate         (u32 tag + 32)
 * 108  u8 state (0 uninitialized, 1 initialized, 2 frozen)
 * 109  COption&lt;u64&gt; is_native           (u32 tag + 8: the rent-exempt reserve of wrapped SOL)
 * 121  u64 delegated_amount
 * 129  COption&lt;Pubkey&gt; close_authority  (u32 tag + 32)
 * </pre>
 * Readers take the account data as an Agrona buffer and allocate only when they return a key.
 */
public final class TokenAccountLayout {
    public static final int LENGTH = 165;
    public static final int MINT_OFFSET = 0;
    public static final int OWNER_OFFSET = 32;
    public static final int AMOUNT_OFFSET = 64;
    public static final int DELEGATE_OPTION_OFFSET = 72;
    public static final int DELEGATE_OFFSET = 76;
    public static final int STATE_OFFSET = 108;
    public static final int IS_NATIVE_OPTION_OFFSET = 109;
    public static final int IS_NATIVE_OFFSET = 113;
    public static final int DELEGATED_AMOUNT_OFFSET = 121;
    public static final int CLOSE_AUTHORITY_OPTION_OFFSET = 129;
    public static final int CLOSE_AUTHORITY_OFFSET = 133;

    public static final int STATE_UNINITIALIZED = 0;
    public static final int STATE_INITIALIZED = 1;
    public static final int STATE_FROZEN = 2;

    private TokenAccountLayout() {
    }

    /** True if the data is what {@code Account::unpack} accepts: 165 bytes, well-formed, initialized. */
    public static boolean isValid(final DirectBuffer data, final int dataLength) {
        return check(data, dataLength) == LayoutChecks.VALID;
    }

    /** {@link LayoutChecks#VALID}, {@link LayoutChecks#UNINITIALIZED} or {@link LayoutChecks#MALFORMED}. */
    static int check(final DirectBuffer data, final int dataLength) {
        if (dataLength != LENGTH
            || !LayoutChecks.isOptionTag(data, DELEGATE_OPTION_OFFSET)
            || (data.getByte(STATE_OFFSET) & 0xFF) > STATE_FROZEN
            || !LayoutChecks.isOptionTag(data, IS_NATIVE_OPTION_OFFSET)
            || !LayoutChecks.isOptionTag(data, CLOSE_AUTHORITY_OPTION_OFFSET)) {
            return LayoutChecks.MALFORMED;
        }
        return state(data) == STATE_UNINITIALIZED ? LayoutChecks.UNINITIALIZED : LayoutChecks.VALID;
    }

    public static Pubkey mint(final DirectBuffer data) {
        return Pubkey.read(data, MINT_OFFSET);
    }

    public static boolean hasMint(final DirectBuffer data, final Pubkey mint) {
        return mint.equalsBytesAt(data, MINT_OFFSET);
    }

    public static Pubkey owner(final DirectBuffer data) {
        return Pubkey.read(data, OWNER_OFFSET);
    }

    public static boolean hasOwner(final DirectBuffer data, final Pubkey owner) {
        return owner.equalsBytesAt(data, OWNER_OFFSET);
    }

    /** Balance in base units (an unsigned u64 held in a long). */
    public static long amount(final DirectBuffer data) {
        return data.getLong(AMOUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static boolean hasDelegate(final DirectBuffer data) {
        return LayoutChecks.isSome(data, DELEGATE_OPTION_OFFSET);
    }

    /** The delegate, or null if none. */
    public static Pubkey delegate(final DirectBuffer data) {
        return hasDelegate(data) ? Pubkey.read(data, DELEGATE_OFFSET) : null;
    }

    public static int state(final DirectBuffer data) {
        return data.getByte(STATE_OFFSET) & 0xFF;
    }

    public static boolean isFrozen(final DirectBuffer data) {
        return state(data) == STATE_FROZEN;
    }

    /** True for a wrapped SOL account. */
    public static boolean isNative(final DirectBuffer data) {
        return LayoutChecks.isSome(data, IS_NATIVE_OPTION_OFFSET);
    }

    /** The rent-exempt reserve of a wrapped SOL account (meaningful only if {@link #isNative}). */
    public static long nativeRentExemptReserve(final DirectBuffer data) {
        return data.getLong(IS_NATIVE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static long delegatedAmount(final DirectBuffer data) {
        return data.getLong(DELEGATED_AMOUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static boolean hasCloseAuthority(final DirectBuffer data) {
        return LayoutChecks.isSome(data, CLOSE_AUTHORITY_OPTION_OFFSET);
    }

    /** The close authority, or null if none (the owner closes). */
    public static Pubkey closeAuthority(final DirectBuffer data) {
        return hasCloseAuthority(data) ? Pubkey.read(data, CLOSE_AUTHORITY_OFFSET) : null;
    }

    static void setAmount(final MutableDirectBuffer data, final long amount) {
        data.putLong(AMOUNT_OFFSET, amount, ByteOrder.LITTLE_ENDIAN);
    }

    static void setOwner(final MutableDirectBuffer data, final Pubkey owner) {
        owner.copyTo(data, OWNER_OFFSET);
    }

    static void setDelegate(final MutableDirectBuffer data, final Pubkey delegate) {
        MintLayout.writeOption(data, DELEGATE_OPTION_OFFSET, delegate);
    }

    static void setDelegatedAmount(final MutableDirectBuffer data, final long amount) {
        data.putLong(DELEGATED_AMOUNT_OFFSET, amount, ByteOrder.LITTLE_ENDIAN);
    }

    static void setState(final MutableDirectBuffer data, final int state) {
        data.putByte(STATE_OFFSET, (byte) state);
    }

    static void setCloseAuthority(final MutableDirectBuffer data, final Pubkey authority) {
        MintLayout.writeOption(data, CLOSE_AUTHORITY_OPTION_OFFSET, authority);
    }

    /** Writes {@code is_native}: Some(reserve) for wrapped SOL, else None (tag only). */
    static void setNative(final MutableDirectBuffer data, final boolean isNative, final long rentExemptReserve) {
        if (isNative) {
            data.putInt(IS_NATIVE_OPTION_OFFSET, LayoutChecks.OPTION_SOME, ByteOrder.LITTLE_ENDIAN);
            data.putLong(IS_NATIVE_OFFSET, rentExemptReserve, ByteOrder.LITTLE_ENDIAN);
        } else {
            data.putInt(IS_NATIVE_OPTION_OFFSET, 0, ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** The 165 bytes of an initialized, non-native account with no delegate: for tests and tools. */
    public static byte[] encode(final Pubkey mint, final Pubkey owner, final long amount, final int state) {
        final byte[] bytes = new byte[LENGTH];
        final UnsafeBuffer data = new UnsafeBuffer(bytes);
        mint.copyTo(data, MINT_OFFSET);
        setOwner(data, owner);
        setAmount(data, amount);
        setState(data, state);
        return bytes;
    }
}
