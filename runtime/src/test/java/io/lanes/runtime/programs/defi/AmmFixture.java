package io.lanes.runtime.programs.defi;

import io.lanes.programs.amm.AmmInstruction;
import io.lanes.programs.amm.PoolAddresses;
import io.lanes.programs.amm.PoolLayout;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

/** Two mints and a pool over them, created through real transactions, plus users with token accounts. */
final class AmmFixture implements AutoCloseable {
    final DefiBank bank = new DefiBank();
    final Keypair mintAuthority = Keypair.generate();
    final Pubkey mintA = bank.createMint(mintAuthority, 6);
    final Pubkey mintB = bank.createMint(mintAuthority, 9);
    final Keypair poolKeypair = Keypair.generate();
    final PoolAddresses pool = PoolAddresses.derive(poolKeypair.publicKey());

    /** A wallet with token accounts for A, B and the LP mint (the LP account exists once the pool does). */
    record User(Keypair wallet, Pubkey tokenA, Pubkey tokenB, Pubkey lpToken) {
    }

    /** Creates the pool account and initializes the pool in one transaction. */
    ExecutionResult createPool(final int feeBasisPoints) {
        return bank.succeed(List.of(poolKeypair),
            AmmInstruction.createPoolAccount(bank.payer.publicKey(), pool.pool()),
            AmmInstruction.initializePool(pool, mintA, mintB, bank.payer.publicKey(), feeBasisPoints));
    }

    /** A new user holding these amounts of A and B (and an empty LP account). */
    User newUser(final long amountA, final long amountB) {
        final Keypair wallet = Keypair.generate();
        final User user = new User(wallet, bank.createTokenAccount(mintA, wallet.publicKey()),
            bank.createTokenAccount(mintB, wallet.publicKey()), bank.createTokenAccount(pool.lpMint(), wallet.publicKey()));
        if (amountA > 0) {
            bank.mintTo(mintA, user.tokenA(), mintAuthority, amountA);
        }
        if (amountB > 0) {
            bank.mintTo(mintB, user.tokenB(), mintAuthority, amountB);
        }
        return user;
    }

    Instruction add(final User user, final long maxAmountA, final long maxAmountB, final long minimumLp) {
        return AmmInstruction.addLiquidity(pool, user.tokenA(), user.tokenB(), user.lpToken(), user.wallet().publicKey(),
            maxAmountA, maxAmountB, minimumLp);
    }

    Instruction remove(final User user, final long lpAmount, final long minimumA, final long minimumB) {
        return AmmInstruction.removeLiquidity(pool, user.tokenA(), user.tokenB(), user.lpToken(), user.wallet().publicKey(),
            lpAmount, minimumA, minimumB);
    }

    Instruction swap(final User user, final long amountIn, final long minimumOut, final boolean aToB) {
        return AmmInstruction.swap(pool, aToB ? user.tokenA() : user.tokenB(), aToB ? user.tokenB() : user.tokenA(),
            user.wallet().publicKey(), amountIn, minimumOut, aToB);
    }

    UnsafeBuffer poolData() {
        return bank.data(pool.pool());
    }

    long reserveA() {
        return PoolLayout.reserveA(poolData());
    }

    long reserveB() {
        return PoolLayout.reserveB(poolData());
    }

    long lpSupply() {
        return bank.supply(pool.lpMint());
    }

    @Override
    public void close() {
        bank.close();
    }
}
