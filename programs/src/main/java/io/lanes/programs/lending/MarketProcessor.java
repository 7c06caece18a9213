package io.lanes.programs.lending;

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
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** InitMarket and SetPrice. */
final class MarketProcessor {
    private static final int LOAN_TO_VALUE_OFFSET = 1;
    private static final int THRESHOLD_OFFSET = 3;
    private static final int BONUS_OFFSET = 5;
    private static final int PRICE_OFFSET = 7;

    private MarketProcessor() {
    }

    /**
     * Accounts: market, owner (signer, payer), authority, collateral mint, borrow mint, collateral
     * vault, liquidity vault, oracle, System program, Token program. Creates both vaults (owned by
     * the authority) and the oracle at the market's derived addresses, then writes the market.
     */
    static void initMarket(final InvokeContext context, final DirectBuffer data) {
        LendingChecks.requireDataLength(data, LendingInstruction.INIT_MARKET_DATA_LENGTH);
        final MarketParameters parameters = new MarketParameters(
            u16(data, LOAN_TO_VALUE_OFFSET), u16(data, THRESHOLD_OFFSET), u16(data, BONUS_OFFSET));
        final long price = data.getLong(PRICE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (!parameters.isValid() || price == 0) {
            throw LendingError.InvalidParameters.exception();
        }
        final AccountView market = context.account(0);
        requireUninitializedMarket(context, market);
        final Pubkey owner = context.signer(1).key();
        final Pubkey collateralMint = requireMint(context.account(3));
        final Pubkey borrowMint = requireMint(context.account(4));
        if (collateralMint.equals(borrowMint)) {
            throw LendingError.InvalidParameters.exception();
        }
        final MarketAddresses addresses = MarketAddresses.derive(market.key());
        requireAddresses(context, addresses);
        createVault(context, owner, addresses, collateralMint, MarketAddresses.COLLATERAL_VAULT_SEED, addresses.collateralVaultBump(),
            addresses.collateralVault());
        createVault(context, owner, addresses, borrowMint, MarketAddresses.LIQUIDITY_VAULT_SEED, addresses.liquidityVaultBump(),
            addresses.liquidityVault());
        createOracle(context, owner, addresses, price);
        MarketLayout.initialize(market.data(), addresses, owner, collateralMint, borrowMint, parameters);
    }

    /** Accounts: market, oracle, market owner (signer). */
    static void setPrice(final InvokeContext context, final DirectBuffer data) {
        final long price = LendingChecks.amount(data);
        final MutableDirectBuffer market = LendingChecks.market(context, context.account(0));
        final AccountView oracle = context.account(1);
        LendingChecks.price(context, oracle, market);
        if (!context.signer(2).key().equalsBytesAt(market, MarketLayout.OWNER_OFFSET)) {
            throw LendingError.Unauthorized.exception();
        }
        OracleLayout.setPrice(oracle.data(), price, context.slot());
    }

    private static void requireUninitializedMarket(final InvokeContext context, final AccountView market) {
        if (!market.isOwnedBy(context.programId()) || market.dataLength() != MarketLayout.LENGTH) {
            throw LendingError.InvalidMarket.exception();
        }
        if (market.data().getByte(MarketLayout.ACCOUNT_TYPE_OFFSET) != 0) {
            throw ProgramError.of(InstructionError.Kind.AccountAlreadyInitialized);
        }
    }

    private static Pubkey requireMint(final AccountView mint) {
        if (!mint.isOwnedBy(TokenProgram.ID) || !MintLayout.isValid(mint.data(), mint.dataLength())) {
            throw LendingError.InvalidParameters.exception();
        }
        return mint.key();
    }

    private static void requireAddresses(final InvokeContext context, final MarketAddresses addresses) {
        requireAddress(context.account(2), addresses.authority(), LendingError.InvalidAuthority);
        requireAddress(context.account(5), addresses.collateralVault(), LendingError.InvalidVault);
        requireAddress(context.account(6), addresses.liquidityVault(), LendingError.InvalidVault);
        requireAddress(context.account(7), addresses.oracle(), LendingError.InvalidOracle);
    }

    private static void requireAddress(final AccountView account, final Pubkey expected, final LendingError error) {
        if (!account.key().equals(expected)) {
            throw error.exception();
        }
    }

    private static void createVault(
        final InvokeContext context, final Pubkey payer, final MarketAddresses addresses, final Pubkey mint,
        final byte[] seed, final int bump, final Pubkey vault) {
        context.invokeSigned(
            SystemInstruction.createAccount(payer, vault, Rent.minimumBalance(TokenAccountLayout.LENGTH), TokenAccountLayout.LENGTH,
                TokenProgram.ID),
            MarketAddresses.signerSeeds(seed, addresses.market(), bump));
        context.invoke(TokenInstruction.initializeAccount3(vault, mint, addresses.authority()));
    }

    private static void createOracle(final InvokeContext context, final Pubkey payer, final MarketAddresses addresses, final long price) {
        context.invokeSigned(
            SystemInstruction.createAccount(payer, addresses.oracle(), Rent.minimumBalance(OracleLayout.LENGTH), OracleLayout.LENGTH,
                context.programId()),
            MarketAddresses.signerSeeds(MarketAddresses.ORACLE_SEED, addresses.market(), addresses.oracleBump()));
        OracleLayout.initialize(context.account(7).data(), addresses.market(), price, context.slot());
    }

    private static int u16(final DirectBuffer data, final int offset) {
        return data.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }
}
