package io.lanes.programs.amm;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.programs.token.TokenProgram;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramError;
import io.lanes.sdk.program.Rent;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * InitializePool. Accounts: pool, authority, vault A, vault B, LP mint, mint A, mint B, payer
 * (signer), System program, Token program. Creates both vaults and the LP mint at the pool's
 * derived addresses (System createAccount signed with each address's seeds, paid by the payer),
 * initializes them through Token (InitializeAccount3 owned by the authority, InitializeMint2
 * with the authority as mint authority and no freeze authority) and writes the pool.
 */
final class PoolInitializer {
    private static final int FEE_OFFSET = 1;

    private PoolInitializer() {
    }

    static void initialize(final InvokeContext context, final DirectBuffer data) {
        PoolChecks.requireDataLength(data, AmmInstruction.INITIALIZE_POOL_DATA_LENGTH);
        final int feeBasisPoints = data.getShort(FEE_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (feeBasisPoints >= ConstantProduct.BASIS_POINTS_PER_WHOLE) {
            throw AmmError.InvalidFee.exception();
        }
        final AccountView pool = context.account(0);
        requireUninitializedPool(context, pool);
        final Pubkey mintA = requireMint(context.account(5));
        final Pubkey mintB = requireMint(context.account(6));
        if (mintA.equals(mintB)) {
            throw AmmError.InvalidMint.exception();
        }
        final PoolAddresses addresses = PoolAddresses.derive(pool.key());
        requireAddresses(context, addresses);
        final Pubkey payer = context.signer(7).key();
        createVault(context, payer, addresses.vaultA(), mintA, addresses, PoolAddresses.VAULT_A_SEED, addresses.vaultABump());
        createVault(context, payer, addresses.vaultB(), mintB, addresses, PoolAddresses.VAULT_B_SEED, addresses.vaultBBump());
        createLpMint(context, payer, addresses);
        PoolLayout.initialize(pool.data(), addresses, mintA, mintB, feeBasisPoints);
    }

    private static void requireUninitializedPool(final InvokeContext context, final AccountView pool) {
        if (!pool.isOwnedBy(context.programId()) || pool.dataLength() != PoolLayout.LENGTH) {
            throw AmmError.InvalidPool.exception();
        }
        if ((pool.data().getByte(PoolLayout.STATE_OFFSET) & 0xFF) != PoolLayout.STATE_UNINITIALIZED) {
            throw ProgramError.of(InstructionError.Kind.AccountAlreadyInitialized);
        }
    }

    private static Pubkey requireMint(final AccountView mint) {
        if (!mint.isOwnedBy(TokenProgram.ID) || !MintLayout.isValid(mint.data(), mint.dataLength())) {
            throw AmmError.InvalidMint.exception();
        }
        return mint.key();
    }

    private static void requireAddresses(final InvokeContext context, final PoolAddresses addresses) {
        requireAddress(context.account(1), addresses.authority(), AmmError.InvalidAuthority);
        requireAddress(context.account(2), addresses.vaultA(), AmmError.InvalidVault);
        requireAddress(context.account(3), addresses.vaultB(), AmmError.InvalidVault);
        requireAddress(context.account(4), addresses.lpMint(), AmmError.InvalidMint);
    }

    private static void requireAddress(final AccountView account, final Pubkey expected, final AmmError error) {
        if (!account.key().equals(expected)) {
            throw error.exception();
        }
    }

    private static void createVault(
        final InvokeContext context, final Pubkey payer, final Pubkey vault, final Pubkey mint,
        final PoolAddresses addresses, final byte[] seed, final int bump) {
        context.invokeSigned(
            SystemInstruction.createAccount(payer, vault, Rent.minimumBalance(TokenAccountLayout.LENGTH), TokenAccountLayout.LENGTH,
                TokenProgram.ID),
            PoolAddresses.signerSeeds(seed, addresses.pool(), bump));
        context.invoke(TokenInstruction.initializeAccount3(vault, mint, addresses.authority()));
    }

    private static void createLpMint(final InvokeContext context, final Pubkey payer, final PoolAddresses addresses) {
        context.invokeSigned(
            SystemInstruction.createAccount(payer, addresses.lpMint(), Rent.minimumBalance(MintLayout.LENGTH), MintLayout.LENGTH,
                TokenProgram.ID),
            PoolAddresses.signerSeeds(PoolAddresses.LP_MINT_SEED, addresses.pool(), addresses.lpMintBump()));
        context.invoke(TokenInstruction.initializeMint2(addresses.lpMint(), AmmProgram.LP_MINT_DECIMALS, addresses.authority(), null));
    }
}
