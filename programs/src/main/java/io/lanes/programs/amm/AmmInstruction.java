package io.lanes.programs.amm;

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
 * Builds AMM instructions. Data is a u8 tag then little-endian fields:
 * <pre>
 * 0 InitializePool   u16 fee basis points                                    (3 bytes)
 * 1 AddLiquidity     u64 max amount A, u64 max amount B, u64 minimum LP out  (25 bytes)
 * 2 RemoveLiquidity  u64 LP amount, u64 minimum A out, u64 minimum B out     (25 bytes)
 * 3 Swap             u64 amount in, u64 minimum out, u8 direction (1 A to B, 0 B to A) (18 bytes)
 * </pre>
 * Account lists are documented on each builder, in order.
 */
public final class AmmInstruction {
    public static final int INITIALIZE_POOL = 0;
    public static final int ADD_LIQUIDITY = 1;
    public static final int REMOVE_LIQUIDITY = 2;
    public static final int SWAP = 3;

    static final int INITIALIZE_POOL_DATA_LENGTH = 3;
    static final int LIQUIDITY_DATA_LENGTH = 25;
    static final int SWAP_DATA_LENGTH = 18;

    private AmmInstruction() {
    }

    /** System createAccount of the pool account: rent exempt, {@value PoolLayout#LENGTH} bytes, owned by the AMM. */
    public static Instruction createPoolAccount(final Pubkey payer, final Pubkey pool) {
        return SystemInstruction.createAccount(payer, pool, Rent.minimumBalance(PoolLayout.LENGTH), PoolLayout.LENGTH, AmmProgram.ID);
    }

    /**
     * Accounts: pool (writable), authority, vault A (writable), vault B (writable), LP mint
     * (writable), mint A, mint B, payer (writable, signer: pays the rent of the vaults and the LP
     * mint), System program, Token program.
     */
    public static Instruction initializePool(
        final PoolAddresses pool, final Pubkey mintA, final Pubkey mintB, final Pubkey payer, final int feeBasisPoints) {
        final byte[] data = little(INITIALIZE_POOL_DATA_LENGTH, INITIALIZE_POOL).putShort((short) feeBasisPoints).array();
        return new Instruction(AmmProgram.ID, List.of(
            AccountMeta.writable(pool.pool(), false),
            AccountMeta.readOnly(pool.authority(), false),
            AccountMeta.writable(pool.vaultA(), false),
            AccountMeta.writable(pool.vaultB(), false),
            AccountMeta.writable(pool.lpMint(), false),
            AccountMeta.readOnly(mintA, false),
            AccountMeta.readOnly(mintB, false),
            AccountMeta.writable(payer, true),
            AccountMeta.readOnly(Pubkey.SYSTEM_PROGRAM, false),
            AccountMeta.readOnly(TokenProgram.ID, false)), data);
    }

    /**
     * Accounts: pool (writable), authority, vault A (writable), vault B (writable), LP mint
     * (writable), user token A (writable), user token B (writable), user LP token account
     * (writable), user (signer: owner of the user token accounts), Token program.
     */
    public static Instruction addLiquidity(
        final PoolAddresses pool, final Pubkey userTokenA, final Pubkey userTokenB, final Pubkey userLpToken,
        final Pubkey user, final long maxAmountA, final long maxAmountB, final long minimumLpOut) {
        return liquidity(ADD_LIQUIDITY, pool, userTokenA, userTokenB, userLpToken, user, maxAmountA, maxAmountB, minimumLpOut);
    }

    /** Accounts as {@link #addLiquidity}. Burns {@code lpAmount} and pays out both sides proportionally. */
    public static Instruction removeLiquidity(
        final PoolAddresses pool, final Pubkey userTokenA, final Pubkey userTokenB, final Pubkey userLpToken,
        final Pubkey user, final long lpAmount, final long minimumAmountA, final long minimumAmountB) {
        return liquidity(REMOVE_LIQUIDITY, pool, userTokenA, userTokenB, userLpToken, user, lpAmount, minimumAmountA, minimumAmountB);
    }

    /**
     * Accounts: pool (writable), authority, vault A (writable), vault B (writable), user source
     * token account (writable), user destination token account (writable), user (signer: owner
     * of the source), Token program. {@code aToB} sells mint A for mint B.
     */
    public static Instruction swap(
        final PoolAddresses pool, final Pubkey userSource, final Pubkey userDestination, final Pubkey user,
        final long amountIn, final long minimumOut, final boolean aToB) {
        final byte[] data = little(SWAP_DATA_LENGTH, SWAP).putLong(amountIn).putLong(minimumOut).put((byte) (aToB ? 1 : 0)).array();
        return new Instruction(AmmProgram.ID, List.of(
            AccountMeta.writable(pool.pool(), false),
            AccountMeta.readOnly(pool.authority(), false),
            AccountMeta.writable(pool.vaultA(), false),
            AccountMeta.writable(pool.vaultB(), false),
            AccountMeta.writable(userSource, false),
            AccountMeta.writable(userDestination, false),
            AccountMeta.readOnly(user, true),
            AccountMeta.readOnly(TokenProgram.ID, false)), data);
    }

    private static Instruction liquidity(
        final int tag, final PoolAddresses pool, final Pubkey userTokenA, final Pubkey userTokenB, final Pubkey userLpToken,
        final Pubkey user, final long first, final long second, final long third) {
        final byte[] data = little(LIQUIDITY_DATA_LENGTH, tag).putLong(first).putLong(second).putLong(third).array();
        return new Instruction(AmmProgram.ID, List.of(
            AccountMeta.writable(pool.pool(), false),
            AccountMeta.readOnly(pool.authority(), false),
            AccountMeta.writable(pool.vaultA(), false),
            AccountMeta.writable(pool.vaultB(), false),
            AccountMeta.writable(pool.lpMint(), false),
            AccountMeta.writable(userTokenA, false),
            AccountMeta.writable(userTokenB, false),
            AccountMeta.writable(userLpToken, false),
            AccountMeta.readOnly(user, true),
            AccountMeta.readOnly(TokenProgram.ID, false)), data);
    }

    private static ByteBuffer little(final int length, final int tag) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).put((byte) tag);
    }
}
