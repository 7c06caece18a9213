package io.lanes.programs.amm;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight reader of the 216-byte pool account (owned by the AMM), little-endian:
 * <pre>
 *   0  u8     state (0 uninitialized, 1 initialized)
 *   1  u8     authority bump
 *   2  u8     vault A bump
 *   3  u8     vault B bump
 *   4  u8     LP mint bump
 *   5  u8     reserved (0)
 *   6  u16    fee in basis points (taken from the input of a swap)
 *   8  Pubkey authority   (PDA ["authority", pool]: owns both vaults, mint authority of the LP mint)
 *  40  Pubkey mint A
 *  72  Pubkey mint B
 * 104  Pubkey vault A     (PDA ["vault_a", pool]: SPL token account of mint A)
 * 136  Pubkey vault B     (PDA ["vault_b", pool]: SPL token account of mint B)
 * 168  Pubkey LP mint     (PDA ["lp_mint", pool]: SPL mint, {@value AmmProgram#LP_MINT_DECIMALS} decimals)
 * 200  u64    reserve A (base units the pool accounts for; equals vault A's balance unless someone donated)
 * 208  u64    reserve B
 * </pre>
 * Readers allocate only when they return a key; hot code compares keys with
 * {@link Pubkey#equalsBytesAt} at the offsets below.
 */
public final class PoolLayout {
    public static final int LENGTH = 216;
    public static final int STATE_OFFSET = 0;
    public static final int AUTHORITY_BUMP_OFFSET = 1;
    public static final int VAULT_A_BUMP_OFFSET = 2;
    public static final int VAULT_B_BUMP_OFFSET = 3;
    public static final int LP_MINT_BUMP_OFFSET = 4;
    public static final int FEE_BASIS_POINTS_OFFSET = 6;
    public static final int AUTHORITY_OFFSET = 8;
    public static final int MINT_A_OFFSET = 40;
    public static final int MINT_B_OFFSET = 72;
    public static final int VAULT_A_OFFSET = 104;
    public static final int VAULT_B_OFFSET = 136;
    public static final int LP_MINT_OFFSET = 168;
    public static final int RESERVE_A_OFFSET = 200;
    public static final int RESERVE_B_OFFSET = 208;

    public static final int STATE_UNINITIALIZED = 0;
    public static final int STATE_INITIALIZED = 1;

    private PoolLayout() {
    }

    /** True for data of the pool's length in the initialized state. */
    public static boolean isInitialized(final DirectBuffer data, final int dataLength) {
        return dataLength == LENGTH && (data.getByte(STATE_OFFSET) & 0xFF) == STATE_INITIALIZED;
    }

    public static int authorityBump(final DirectBuffer data) {
        return data.getByte(AUTHORITY_BUMP_OFFSET) & 0xFF;
    }

    public static int feeBasisPoints(final DirectBuffer data) {
        return data.getShort(FEE_BASIS_POINTS_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    public static Pubkey authority(final DirectBuffer data) {
        return Pubkey.read(data, AUTHORITY_OFFSET);
    }

    public static Pubkey mintA(final DirectBuffer data) {
        return Pubkey.read(data, MINT_A_OFFSET);
    }

    public static Pubkey mintB(final DirectBuffer data) {
        return Pubkey.read(data, MINT_B_OFFSET);
    }

    public static Pubkey vaultA(final DirectBuffer data) {
        return Pubkey.read(data, VAULT_A_OFFSET);
    }

    public static Pubkey vaultB(final DirectBuffer data) {
        return Pubkey.read(data, VAULT_B_OFFSET);
    }

    public static Pubkey lpMint(final DirectBuffer data) {
        return Pubkey.read(data, LP_MINT_OFFSET);
    }

    /** Reserve A in base units (an unsigned u64 held in a long). */
    public static long reserveA(final DirectBuffer data) {
        return data.getLong(RESERVE_A_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /** Reserve B in base units (an unsigned u64 held in a long). */
    public static long reserveB(final DirectBuffer data) {
        return data.getLong(RESERVE_B_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    static void setReserves(final MutableDirectBuffer data, final long reserveA, final long reserveB) {
        data.putLong(RESERVE_A_OFFSET, reserveA, ByteOrder.LITTLE_ENDIAN);
        data.putLong(RESERVE_B_OFFSET, reserveB, ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes a whole initialized pool with empty reserves. */
    static void initialize(
        final MutableDirectBuffer data, final PoolAddresses addresses, final Pubkey mintA, final Pubkey mintB,
        final int feeBasisPoints) {
        data.setMemory(0, LENGTH, (byte) 0);
        data.putByte(STATE_OFFSET, (byte) STATE_INITIALIZED);
        data.putByte(AUTHORITY_BUMP_OFFSET, (byte) addresses.authorityBump());
        data.putByte(VAULT_A_BUMP_OFFSET, (byte) addresses.vaultABump());
        data.putByte(VAULT_B_BUMP_OFFSET, (byte) addresses.vaultBBump());
        data.putByte(LP_MINT_BUMP_OFFSET, (byte) addresses.lpMintBump());
        data.putShort(FEE_BASIS_POINTS_OFFSET, (short) feeBasisPoints, ByteOrder.LITTLE_ENDIAN);
        addresses.authority().copyTo(data, AUTHORITY_OFFSET);
        mintA.copyTo(data, MINT_A_OFFSET);
        mintB.copyTo(data, MINT_B_OFFSET);
        addresses.vaultA().copyTo(data, VAULT_A_OFFSET);
        addresses.vaultB().copyTo(data, VAULT_B_OFFSET);
        addresses.lpMint().copyTo(data, LP_MINT_OFFSET);
    }
}
