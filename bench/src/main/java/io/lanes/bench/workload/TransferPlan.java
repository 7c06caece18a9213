package io.lanes.bench.workload;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.exec.ComputeBudget;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A list of System transfers between numbered accounts: transaction i moves {@code amount(i)}
 * lamports from {@code from(i)} (the fee payer and only signer) to {@code to(i)}. Chosen first
 * (cheap, sequential, seeded), then signed in parallel.
 */
public final class TransferPlan {
    /** The fee of a one-signature transaction without a priority fee. */
    public static final long FEE_LAMPORTS = ComputeBudget.LAMPORTS_PER_SIGNATURE;

    private final int accountCount;
    private final int[] from;
    private final int[] to;
    private final long[] amountLamports;

    public TransferPlan(final int accountCount, final int txCount) {
        this.accountCount = accountCount;
        this.from = new int[txCount];
        this.to = new int[txCount];
        this.amountLamports = new long[txCount];
    }

    /** Sets transaction {@code tx}. */
    public void set(final int tx, final int fromAccount, final int toAccount, final long lamports) {
        if (fromAccount == toAccount) {
            throw new IllegalArgumentException("transfer " + tx + " from and to account " + fromAccount);
        }
        from[tx] = fromAccount;
        to[tx] = toAccount;
        amountLamports[tx] = lamports;
    }

    public int txCount() {
        return from.length;
    }

    public int accountCount() {
        return accountCount;
    }

    /** Which accounts sign at least one transfer. */
    public boolean[] senders() {
        final boolean[] signs = new boolean[accountCount];
        for (final int account : from) {
            signs[account] = true;
        }
        return signs;
    }

    /** What each account pays in total as a sender: its amounts plus its fees. */
    public long[] spendingLamports() {
        return spendingLamports(0);
    }

    /** As {@link #spendingLamports()}, with {@code extraLamportsPerTx} more per transaction sent (W6's sink). */
    public long[] spendingLamports(final long extraLamportsPerTx) {
        final long[] spending = new long[accountCount];
        for (int tx = 0; tx < from.length; tx++) {
            spending[from[tx]] = Math.addExact(spending[from[tx]], amountLamports[tx] + FEE_LAMPORTS + extraLamportsPerTx);
        }
        return spending;
    }

    /** Builds and signs every transfer, in parallel on all cores. */
    public Transaction[] sign(final AccountKeys keys, final Hash blockhash) {
        return sign(keys, blockhash, null);
    }

    /**
     * Builds and signs every transfer, in parallel on all cores; with {@code extra}, each
     * transaction also carries the instruction it makes for the sender (a second instruction).
     */
    public Transaction[] sign(final AccountKeys keys, final Hash blockhash, final Function<Pubkey, Instruction> extra) {
        final Transaction[] transactions = new Transaction[from.length];
        IntStream.range(0, from.length).parallel().forEach(tx -> transactions[tx] = signOne(keys, blockhash, tx, extra));
        return transactions;
    }

    private Transaction signOne(final AccountKeys keys, final Hash blockhash, final int tx, final Function<Pubkey, Instruction> extra) {
        final var payer = keys.keypair(from[tx]);
        final var transfer = SystemInstruction.transfer(payer.publicKey(), keys.address(to[tx]), amountLamports[tx]);
        final var instructions = extra == null ? List.of(transfer) : List.of(transfer, extra.apply(payer.publicKey()));
        return TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(), blockhash, instructions), payer);
    }
}
