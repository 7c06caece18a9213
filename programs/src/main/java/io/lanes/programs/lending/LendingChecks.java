package io.lanes.programs.lending;

import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** Account and data checks shared by the instructions; they compare bytes in place. */
final class LendingChecks {
    private LendingChecks() {
    }

    /** The market's data, after checking that this program owns it and that it is an initialized market. */
    static MutableDirectBuffer market(final InvokeContext context, final AccountView market) {
        final MutableDirectBuffer data = market.data();
        if (!market.isOwnedBy(context.programId()) || !MarketLayout.isInitialized(data, market.dataLength())) {
            throw LendingError.InvalidMarket.exception();
        }
        return data;
    }

    /** The oracle's price, after checking that the account is the market's oracle. */
    static long price(final InvokeContext context, final AccountView oracle, final DirectBuffer market) {
        final DirectBuffer data = oracle.data();
        if (!oracle.key().equalsBytesAt(market, MarketLayout.ORACLE_OFFSET)
            || !oracle.isOwnedBy(context.programId()) || !OracleLayout.isInitialized(data, oracle.dataLength())) {
            throw LendingError.InvalidOracle.exception();
        }
        return OracleLayout.price(data);
    }

    /** The obligation's data, after checking that it is this program's obligation in this market. */
    static MutableDirectBuffer obligation(final InvokeContext context, final AccountView obligation, final AccountView market) {
        final MutableDirectBuffer data = obligation.data();
        if (!obligation.isOwnedBy(context.programId()) || !ObligationLayout.isInitialized(data, obligation.dataLength())
            || !market.key().equalsBytesAt(data, ObligationLayout.MARKET_OFFSET)) {
            throw LendingError.InvalidObligation.exception();
        }
        return data;
    }

    /** The obligation's owner, who must sign. */
    static AccountView obligationOwner(final InvokeContext context, final int position, final DirectBuffer obligation) {
        final AccountView owner = context.signer(position);
        if (!owner.key().equalsBytesAt(obligation, ObligationLayout.OWNER_OFFSET)) {
            throw LendingError.Unauthorized.exception();
        }
        return owner;
    }

    static void requireKey(final AccountView account, final DirectBuffer market, final int offset, final LendingError error) {
        if (!account.key().equalsBytesAt(market, offset)) {
            throw error.exception();
        }
    }

    /** A user's token account must not be one of the market's vaults. */
    static void requireNotVault(final AccountView account, final DirectBuffer market) {
        if (account.key().equalsBytesAt(market, MarketLayout.COLLATERAL_VAULT_OFFSET)
            || account.key().equalsBytesAt(market, MarketLayout.LIQUIDITY_VAULT_OFFSET)) {
            throw LendingError.UserAccountIsVault.exception();
        }
    }

    /** The u64 amount of a 9-byte amount instruction; zero fails with {@code ZeroAmount}. */
    static long amount(final DirectBuffer data) {
        requireDataLength(data, LendingInstruction.AMOUNT_DATA_LENGTH);
        final long amount = data.getLong(1, ByteOrder.LITTLE_ENDIAN);
        if (amount == 0) {
            throw LendingError.ZeroAmount.exception();
        }
        return amount;
    }

    static void requireDataLength(final DirectBuffer data, final int length) {
        if (data.capacity() != length) {
            throw LendingProgram.invalidData();
        }
    }

    static byte[][] authoritySeeds(final AccountView market, final DirectBuffer marketData) {
        return MarketAddresses.signerSeeds(MarketAddresses.AUTHORITY_SEED, market.key(), MarketLayout.authorityBump(marketData));
    }
}
