package io.lanes.bench.workload;

import io.lanes.programs.amm.AmmInstruction;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The transactions of a token market workload (W3, W5), chosen first (cheap, sequential, seeded)
 * and signed later in parallel. Transaction i is one instruction signed and paid by wallet
 * {@code from(i)}: a System transfer of {@code 1 + i} lamports, an SPL Token transfer of
 * {@code 1 + i} units of mint A between the wallets' A accounts, or a swap of
 * {@code SWAP_BASE_UNITS + i} units on one pool with minimum output 0 (amounts include the index,
 * so no two messages are equal).
 */
public final class MarketPlan {
    /** The smallest swap input: large enough that the output after the fee is never 0. */
    public static final long SWAP_BASE_UNITS = 1_000;

    enum Kind { TRANSFER, TOKEN_TRANSFER, SWAP }

    private final int walletCount;
    private final Kind[] kinds;
    private final int[] from;
    private final int[] to;
    private final int[] pools;
    private final boolean[] aToB;

    MarketPlan(final int walletCount, final int txCount) {
        this.walletCount = walletCount;
        this.kinds = new Kind[txCount];
        this.from = new int[txCount];
        this.to = new int[txCount];
        this.pools = new int[txCount];
        this.aToB = new boolean[txCount];
    }

    /** Transaction {@code tx} is a System transfer (tokens: {@code token} true, an SPL transfer of mint A). */
    void transfer(final int tx, final int fromWallet, final int toWallet, final boolean token) {
        if (fromWallet == toWallet) {
            throw new IllegalArgumentException("transfer " + tx + " from and to wallet " + fromWallet);
        }
        kinds[tx] = token ? Kind.TOKEN_TRANSFER : Kind.TRANSFER;
        from[tx] = fromWallet;
        to[tx] = toWallet;
    }

    /** Transaction {@code tx} swaps on {@code pool}, A to B or B to A. */
    void swap(final int tx, final int wallet, final int pool, final boolean aToBDirection) {
        kinds[tx] = Kind.SWAP;
        from[tx] = wallet;
        pools[tx] = pool;
        aToB[tx] = aToBDirection;
    }

    int walletCount() {
        return walletCount;
    }

    /** Which wallets sign at least one transaction. */
    boolean[] senders() {
        final boolean[] signs = new boolean[walletCount];
        for (final int wallet : from) {
            signs[wallet] = true;
        }
        return signs;
    }

    /** Lamports each wallet pays in total: fees, plus its System transfer amounts. */
    long[] spendingLamports() {
        final long[] spending = new long[walletCount];
        for (int tx = 0; tx < from.length; tx++) {
            final long lamports = TransferPlan.FEE_LAMPORTS + (kinds[tx] == Kind.TRANSFER ? amount(tx) : 0);
            spending[from[tx]] = Math.addExact(spending[from[tx]], lamports);
        }
        return spending;
    }

    /** Builds and signs every transaction, in parallel on all cores. */
    Transaction[] sign(final AccountKeys wallets, final TokenMarket market, final Hash blockhash) {
        final Transaction[] transactions = new Transaction[from.length];
        IntStream.range(0, from.length).parallel().forEach(tx -> transactions[tx] = signOne(wallets, market, blockhash, tx));
        return transactions;
    }

    private Transaction signOne(final AccountKeys wallets, final TokenMarket market, final Hash blockhash, final int tx) {
        final Keypair payer = wallets.keypair(from[tx]);
        final Instruction instruction = instruction(wallets, market, payer.publicKey(), tx);
        return TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(), blockhash, List.of(instruction)), payer);
    }

    private Instruction instruction(final AccountKeys wallets, final TokenMarket market, final Pubkey payer, final int tx) {
        return switch (kinds[tx]) {
            case TRANSFER -> SystemInstruction.transfer(payer, wallets.address(to[tx]), amount(tx));
            case TOKEN_TRANSFER -> TokenInstruction.transfer(market.userTokenA(from[tx]), market.userTokenA(to[tx]), payer, amount(tx));
            case SWAP -> aToB[tx]
                ? AmmInstruction.swap(market.pool(pools[tx]), market.userTokenA(from[tx]), market.userTokenB(from[tx]), payer,
                    SWAP_BASE_UNITS + tx, 0, true)
                : AmmInstruction.swap(market.pool(pools[tx]), market.userTokenB(from[tx]), market.userTokenA(from[tx]), payer,
                    SWAP_BASE_UNITS + tx, 0, false);
        };
    }

    private static long amount(final int tx) {
        return 1L + tx;
    }
}
