package io.lanes.bench.workload;

import io.lanes.programs.tally.TallyProgram;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Rent;

import java.util.List;
import java.util.SplittableRandom;

/**
 * W6: W1's random System transfers among {@value #ACCOUNTS} accounts, and every transaction also
 * adds 1 to one shared Tally counter ({@link TallyProgram}): one hot account, otherwise no
 * conflicts. Two variants:
 * <ul>
 *   <li>{@code plain-write}: the counter is passed writable and written by every transaction, so
 *       every transaction write-locks it and they run one after another;</li>
 *   <li>{@code commutative-add}: the counter is passed read-only and the addition is commutative,
 *       applied at the block's end (here: the run's end), so the counter causes no conflict.</li>
 * </ul>
 * Invariant: counter = number of successful transactions; wallets = genesis - fees; every
 * transaction succeeded.
 */
public final class SharedCounterTransfers implements Workload {
    /** Senders and receivers, besides the counter. */
    public static final int ACCOUNTS = 10_000;
    private static final int COUNTER_STREAM = 106;

    private final boolean commutative;

    public SharedCounterTransfers(final boolean commutative) {
        this.commutative = commutative;
    }

    @Override
    public String id() {
        return "W6";
    }

    /**
     * 2: "W6 plain-write" used to be a shared lamport sink without a counter account; a cached copy
     * of that workload (version 1, same label) has no data accounts and must not be reused.
     */
    @Override
    public int generatorVersion() {
        return 2;
    }

    @Override
    public String variant() {
        return commutative ? "commutative-add" : "plain-write";
    }

    @Override
    public ProgramRegistry programs() {
        return ProgramRegistry.withBuiltins();
    }

    @Override
    public GeneratedWorkload generate(final long seed, final int txCount, final Hash blockhash) {
        final TransferPlan plan = plan(new SplittableRandom(seed), txCount);
        final DeterministicKeys keys = new DeterministicKeys(seed);
        final AccountKeys accounts = AccountKeys.derive(keys, TransferWorkload.ACCOUNT_STREAM, plan.senders());
        final Pubkey counter = keys.address(COUNTER_STREAM, 0);
        final long[] spending = plan.spendingLamports();
        final long[] balances = new long[ACCOUNTS];
        for (int account = 0; account < ACCOUNTS; account++) {
            balances[account] = Genesis.LAMPORTS_PER_SOL + spending[account];
        }
        final GenesisAccount counterAccount = new GenesisAccount(counter, Rent.minimumBalance(TallyProgram.COUNTER_BYTES),
            TallyProgram.ID, false, new byte[TallyProgram.COUNTER_BYTES]);
        return new GeneratedWorkload(new GenesisState(accounts.addresses(), balances, List.of(counterAccount)),
            plan.sign(accounts, blockhash, payer -> TallyProgram.add(counter, 1, commutative)));
    }

    private static TransferPlan plan(final SplittableRandom random, final int txCount) {
        final TransferPlan plan = new TransferPlan(ACCOUNTS, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            final int from = random.nextInt(ACCOUNTS);
            plan.set(tx, from, (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS, 1L + tx);
        }
        return plan;
    }

    @Override
    public InvariantResult checkInvariant(final GeneratedWorkload generated, final AccountStore store, final RunOutcome outcome) {
        final GenesisAccount counterAccount = generated.genesis().dataAccounts().get(0);
        final int slot = store.find(counterAccount.key());
        final long counter = slot < 0 ? -1 : counterValue(store, slot);
        return InvariantResult.of(counter == outcome.succeeded(), "counter " + counter
                + (counter == outcome.succeeded() ? " = " : " != ") + outcome.succeeded() + " successful txs")
            .and(TransferWorkload.lamportsConserved(generated.genesis(), store, outcome))
            .and(TransferWorkload.allSucceeded(outcome, outcome.total()));
    }

    private static long counterValue(final AccountStore store, final int slot) {
        final io.lanes.runtime.store.AccountBuffer account = new io.lanes.runtime.store.AccountBuffer();
        store.load(slot, account);
        return account.dataLength() < TallyProgram.COUNTER_BYTES ? -1
            : account.data().getLong(0, java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
