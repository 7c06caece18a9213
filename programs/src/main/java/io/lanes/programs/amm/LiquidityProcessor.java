package io.lanes.programs.amm;

import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * AddLiquidity and RemoveLiquidity. Accounts: pool, authority, vault A, vault B, LP mint, user
 * token A, user token B, user LP token account, user (signer), Token program.
 */
final class LiquidityProcessor {
    private static final int FIRST_AMOUNT_OFFSET = 1;
    private static final int SECOND_AMOUNT_OFFSET = 9;
    private static final int THIRD_AMOUNT_OFFSET = 17;

    private LiquidityProcessor() {
    }

    /** What a deposit mints and takes. */
    private record Deposit(long lpAmount, long amountA, long amountB) {
    }

    /**
     * The first deposit (LP supply zero) takes both maximums and mints {@code floor(sqrt(a * b))};
     * later deposits mint the smaller proportional share and take {@code ceil} of each side for it.
     */
    static void add(final InvokeContext context, final DirectBuffer data) {
        PoolChecks.requireDataLength(data, AmmInstruction.LIQUIDITY_DATA_LENGTH);
        final long minimumLpOut = PoolChecks.u64(data, THIRD_AMOUNT_OFFSET);
        final AccountView poolView = context.account(0);
        final MutableDirectBuffer pool = checkedPool(context, poolView);
        final AccountView user = context.signer(8);
        final long reserveA = PoolLayout.reserveA(pool);
        final long reserveB = PoolLayout.reserveB(pool);
        final Deposit deposit = priceDeposit(PoolChecks.u64(data, FIRST_AMOUNT_OFFSET), PoolChecks.u64(data, SECOND_AMOUNT_OFFSET),
            reserveA, reserveB, MintLayout.supply(context.account(4).data()));
        if (deposit.lpAmount() == 0) {
            throw AmmError.ZeroAmount.exception();
        }
        requireAtLeast(deposit.lpAmount(), minimumLpOut);
        final long newReserveA = WideArithmetic.add(reserveA, deposit.amountA());
        final long newReserveB = WideArithmetic.add(reserveB, deposit.amountB());
        final byte[][] authoritySeeds = PoolChecks.authoritySeeds(poolView, pool);
        final Pubkey authority = context.account(1).key();
        context.invoke(TokenInstruction.transfer(context.account(5).key(), context.account(2).key(), user.key(), deposit.amountA()));
        context.invoke(TokenInstruction.transfer(context.account(6).key(), context.account(3).key(), user.key(), deposit.amountB()));
        context.invokeSigned(TokenInstruction.mintTo(context.account(4).key(), context.account(7).key(), authority, deposit.lpAmount()),
            authoritySeeds);
        PoolLayout.setReserves(poolView.data(), newReserveA, newReserveB);
    }

    private static Deposit priceDeposit(
        final long maxAmountA, final long maxAmountB, final long reserveA, final long reserveB, final long lpSupply) {
        if (lpSupply == 0) {
            return new Deposit(ConstantProduct.initialLiquidity(maxAmountA, maxAmountB), maxAmountA, maxAmountB);
        }
        requireLiquidity(reserveA, reserveB);
        final long lpAmount = ConstantProduct.liquidityForDeposit(maxAmountA, maxAmountB, reserveA, reserveB, lpSupply);
        return new Deposit(lpAmount,
            ConstantProduct.depositAmount(lpAmount, reserveA, lpSupply), ConstantProduct.depositAmount(lpAmount, reserveB, lpSupply));
    }

    /**
     * Burns the LP tokens (Token checks the user holds them), then pays out
     * {@code floor(lpAmount * reserve / supply)} of each side, supply taken before the burn. Both
     * payouts are never zero together: a pool's {@code reserveA * reserveB} is at least
     * {@code supply^2}, so at least one side pays {@code lpAmount * reserve >= supply}.
     */
    static void remove(final InvokeContext context, final DirectBuffer data) {
        PoolChecks.requireDataLength(data, AmmInstruction.LIQUIDITY_DATA_LENGTH);
        final long lpAmount = PoolChecks.u64(data, FIRST_AMOUNT_OFFSET);
        final long minimumAmountA = PoolChecks.u64(data, SECOND_AMOUNT_OFFSET);
        final long minimumAmountB = PoolChecks.u64(data, THIRD_AMOUNT_OFFSET);
        final AccountView poolView = context.account(0);
        final MutableDirectBuffer pool = checkedPool(context, poolView);
        final AccountView user = context.signer(8);
        if (lpAmount == 0) {
            throw AmmError.ZeroAmount.exception();
        }
        final long lpSupply = MintLayout.supply(context.account(4).data());
        if (lpSupply == 0) {
            throw AmmError.EmptyPool.exception();
        }
        final long reserveA = PoolLayout.reserveA(pool);
        final long reserveB = PoolLayout.reserveB(pool);
        context.invoke(TokenInstruction.burn(context.account(7).key(), context.account(4).key(), user.key(), lpAmount));
        final long amountA = ConstantProduct.withdrawAmount(lpAmount, reserveA, lpSupply);
        final long amountB = ConstantProduct.withdrawAmount(lpAmount, reserveB, lpSupply);
        requireAtLeast(amountA, minimumAmountA);
        requireAtLeast(amountB, minimumAmountB);
        final byte[][] authoritySeeds = PoolChecks.authoritySeeds(poolView, pool);
        payOut(context, 2, 5, amountA, authoritySeeds);
        payOut(context, 3, 6, amountB, authoritySeeds);
        PoolLayout.setReserves(poolView.data(), reserveA - amountA, reserveB - amountB);
    }

    /** The pool, with its authority, vaults and LP mint checked and no user account aliasing a vault. */
    private static MutableDirectBuffer checkedPool(final InvokeContext context, final AccountView poolView) {
        final MutableDirectBuffer pool = PoolChecks.initializedPool(context, poolView);
        PoolChecks.requireAuthorityAndVaults(context, pool);
        PoolChecks.requireKey(context.account(4), pool, PoolLayout.LP_MINT_OFFSET, AmmError.InvalidMint);
        PoolChecks.requireNotVault(context.account(5), pool);
        PoolChecks.requireNotVault(context.account(6), pool);
        PoolChecks.requireNotVault(context.account(7), pool);
        return pool;
    }

    private static void payOut(
        final InvokeContext context, final int vaultPosition, final int userPosition, final long amount, final byte[][] authoritySeeds) {
        if (amount != 0) {
            context.invokeSigned(TokenInstruction.transfer(
                context.account(vaultPosition).key(), context.account(userPosition).key(), context.account(1).key(), amount),
                authoritySeeds);
        }
    }

    private static void requireLiquidity(final long reserveA, final long reserveB) {
        if (reserveA == 0 || reserveB == 0) {
            throw AmmError.EmptyPool.exception();
        }
    }

    private static void requireAtLeast(final long amount, final long minimum) {
        if (Long.compareUnsigned(amount, minimum) < 0) {
            throw AmmError.SlippageExceeded.exception();
        }
    }
}
