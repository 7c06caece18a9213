package io.lanes.programs.amm;

import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** Account and data checks shared by the instructions; they compare bytes in place and allocate nothing. */
final class PoolChecks {
    private PoolChecks() {
    }

    /** The pool's data, after checking that the AMM owns it and that it is an initialized pool. */
    static MutableDirectBuffer initializedPool(final InvokeContext context, final AccountView pool) {
        final MutableDirectBuffer data = pool.data();
        if (!pool.isOwnedBy(context.programId()) || !PoolLayout.isInitialized(data, pool.dataLength())) {
            throw AmmError.InvalidPool.exception();
        }
        return data;
    }

    /** Fails with {@code error} unless the account's key is the key stored in the pool at {@code offset}. */
    static void requireKey(final AccountView account, final DirectBuffer pool, final int offset, final AmmError error) {
        if (!account.key().equalsBytesAt(pool, offset)) {
            throw error.exception();
        }
    }

    /** The authority at position 1 and both vaults at positions 2 and 3, as every pool instruction passes them. */
    static void requireAuthorityAndVaults(final InvokeContext context, final DirectBuffer pool) {
        requireKey(context.account(1), pool, PoolLayout.AUTHORITY_OFFSET, AmmError.InvalidAuthority);
        requireKey(context.account(2), pool, PoolLayout.VAULT_A_OFFSET, AmmError.InvalidVault);
        requireKey(context.account(3), pool, PoolLayout.VAULT_B_OFFSET, AmmError.InvalidVault);
    }

    /** A user's token account must not be one of the pool's vaults (a self-transfer would desync the reserves). */
    static void requireNotVault(final AccountView account, final DirectBuffer pool) {
        if (account.key().equalsBytesAt(pool, PoolLayout.VAULT_A_OFFSET) || account.key().equalsBytesAt(pool, PoolLayout.VAULT_B_OFFSET)) {
            throw AmmError.UserAccountIsVault.exception();
        }
    }

    static void requireDataLength(final DirectBuffer data, final int length) {
        if (data.capacity() != length) {
            throw AmmProgram.invalidData();
        }
    }

    static long u64(final DirectBuffer data, final int offset) {
        return data.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    static byte[][] authoritySeeds(final AccountView pool, final DirectBuffer poolData) {
        return PoolAddresses.signerSeeds(PoolAddresses.AUTHORITY_SEED, pool.key(), PoolLayout.authorityBump(poolData));
    }
}
