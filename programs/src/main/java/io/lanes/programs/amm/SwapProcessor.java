package io.lanes.programs.amm;

import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Swap. Accounts: pool, authority, vault A, vault B, user source, user destination, user
 * (signer), Token program. Checks every key against the pool's bytes, prices the trade from the
 * recorded reserves, then moves the input in (signed by the user) and the output out (signed by
 * the pool authority) through Token, and records the new reserves in place.
 */
final class SwapProcessor {
    private static final int AMOUNT_IN_OFFSET = 1;
    private static final int MINIMUM_OUT_OFFSET = 9;
    private static final int DIRECTION_OFFSET = 17;

    private SwapProcessor() {
    }

    static void swap(final InvokeContext context, final DirectBuffer data) {
        PoolChecks.requireDataLength(data, AmmInstruction.SWAP_DATA_LENGTH);
        final long amountIn = PoolChecks.u64(data, AMOUNT_IN_OFFSET);
        final long minimumOut = PoolChecks.u64(data, MINIMUM_OUT_OFFSET);
        final boolean aToB = direction(data);
        final AccountView poolView = context.account(0);
        final MutableDirectBuffer pool = PoolChecks.initializedPool(context, poolView);
        PoolChecks.requireAuthorityAndVaults(context, pool);
        final AccountView source = context.account(4);
        final AccountView destination = context.account(5);
        PoolChecks.requireNotVault(source, pool);
        PoolChecks.requireNotVault(destination, pool);
        final AccountView user = context.signer(6);
        final long reserveA = PoolLayout.reserveA(pool);
        final long reserveB = PoolLayout.reserveB(pool);
        final long reserveIn = aToB ? reserveA : reserveB;
        final long reserveOut = aToB ? reserveB : reserveA;
        final long amountOut = price(amountIn, minimumOut, reserveIn, reserveOut, PoolLayout.feeBasisPoints(pool));
        final long newReserveIn = WideArithmetic.add(reserveIn, amountIn);
        final long newReserveOut = reserveOut - amountOut;
        final AccountView vaultIn = context.account(aToB ? 2 : 3);
        final AccountView vaultOut = context.account(aToB ? 3 : 2);
        final byte[][] authoritySeeds = PoolChecks.authoritySeeds(poolView, pool);
        context.invoke(TokenInstruction.transfer(source.key(), vaultIn.key(), user.key(), amountIn));
        context.invokeSigned(TokenInstruction.transfer(vaultOut.key(), destination.key(), context.account(1).key(), amountOut),
            authoritySeeds);
        PoolLayout.setReserves(poolView.data(), aToB ? newReserveIn : newReserveOut, aToB ? newReserveOut : newReserveIn);
    }

    private static boolean direction(final DirectBuffer data) {
        final int direction = data.getByte(DIRECTION_OFFSET);
        if (direction != 0 && direction != 1) {
            throw AmmProgram.invalidData();
        }
        return direction == 1;
    }

    /** The output for the input, after the zero, empty-pool and slippage checks. */
    private static long price(
        final long amountIn, final long minimumOut, final long reserveIn, final long reserveOut, final int feeBasisPoints) {
        if (amountIn == 0) {
            throw AmmError.ZeroAmount.exception();
        }
        if (reserveIn == 0 || reserveOut == 0) {
            throw AmmError.EmptyPool.exception();
        }
        final long amountOut = ConstantProduct.swapOutput(reserveIn, reserveOut, amountIn, feeBasisPoints);
        if (Long.compareUnsigned(amountOut, minimumOut) < 0) {
            throw AmmError.SlippageExceeded.exception();
        }
        if (amountOut == 0) {
            throw AmmError.ZeroAmount.exception();
        }
        return amountOut;
    }
}
