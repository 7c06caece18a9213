package io.lanes.runtime.testing;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.tally.TallyProgram;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, conflict-heavy random workload over few accounts: transfers (some too large, so they
 * fail), account creations (some on addresses already in use), observer calls that read several
 * accounts and record what they saw, multi-instruction transactions that fail half-way, and
 * compute-unit prices for priorities, and additions to a shared Tally counter, commutative
 * (read-only, applied at the end) or direct (writable). The executor does not verify signatures, so transactions
 * carry unique random signatures instead of real ones (fast to make).
 */
public final class RandomWorkload {
    private static final long SOL = Genesis.LAMPORTS_PER_SOL;

    private final List<Pubkey> wallets = new ArrayList<>();
    private final List<Pubkey> records = new ArrayList<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final Hash blockhash;
    /** The shared Tally counter (see {@link io.lanes.programs.tally.TallyProgram}). */
    public static final Pubkey TALLY = Pubkey.wrap(Hash.sha256("random-workload-tally".getBytes()).toBytes());

    private RandomWorkload(final Hash blockhash) {
        this.blockhash = blockhash;
    }

    /** Registers the observer program the workload calls. */
    public static ProgramRegistry programs() {
        return ProgramRegistry.withBuiltins().register(ObserverProgram.ID, "observer", new ObserverProgram(), 100);
    }

    /**
     * @param walletCount     2..50 System wallets, some hot (chosen more often)
     * @param txCount         transactions to make
     * @param withPriorities  random compute-unit prices (else none: arrival order only)
     */
    public static RandomWorkload generate(
        final long seed, final int walletCount, final int txCount, final Hash blockhash, final boolean withPriorities) {
        final SplittableRandom random = new SplittableRandom(seed);
        final RandomWorkload workload = new RandomWorkload(blockhash);
        for (int i = 0; i < walletCount; i++) {
            workload.wallets.add(key(random));
        }
        for (int i = 0; i < Math.max(1, walletCount / 4); i++) {
            workload.records.add(key(random));
        }
        final int hotCount = 1 + random.nextInt(Math.max(1, walletCount / 5));
        for (int i = 0; i < txCount; i++) {
            workload.transactions.add(workload.randomTransaction(random, hotCount, withPriorities));
        }
        return workload;
    }

    private static Pubkey key(final SplittableRandom random) {
        final byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Pubkey.wrap(bytes);
    }

    /** Funds the wallets and creates the observer records in the store (genesis). */
    public void applyGenesis(final AccountStore store, final ProgramRegistry programs) {
        Genesis.addPrograms(store, programs);
        final SplittableRandom random = new SplittableRandom(wallets.size());
        for (final Pubkey wallet : wallets) {
            Genesis.fund(store, wallet, SOL + random.nextLong(SOL));
        }
        final AccountBuffer record = new AccountBuffer();
        record.lamports(Rent.minimumBalance(TallyProgram.COUNTER_BYTES));
        record.owner(TallyProgram.ID);
        record.dataLength(TallyProgram.COUNTER_BYTES);
        store.save(store.resolve(TALLY), record);
        for (final Pubkey key : records) {
            record.clear();
            record.lamports(Rent.minimumBalance(ObserverProgram.RECORD_BYTES));
            record.owner(ObserverProgram.ID);
            record.dataLength(ObserverProgram.RECORD_BYTES);
            store.save(store.resolve(key), record);
        }
    }

    private Transaction randomTransaction(final SplittableRandom random, final int hotCount, final boolean withPriorities) {
        final Pubkey payer = pick(random, hotCount);
        final List<Instruction> instructions = new ArrayList<>();
        final List<Pubkey> extraSigners = new ArrayList<>();
        if (withPriorities && random.nextInt(3) == 0) {
            instructions.add(io.lanes.programs.computebudget.ComputeBudgetProgram.setComputeUnitPrice(random.nextInt(5)));
        }
        final int kind = random.nextInt(10);
        if (kind < 5) {
            addTransfer(random, hotCount, payer, instructions);
        } else if (kind < 7) {
            addObserve(random, hotCount, instructions);
        } else if (kind < 8) {
            final Pubkey created = random.nextInt(4) == 0 ? pick(random, hotCount) : key(random);
            extraSigners.add(created);
            instructions.add(SystemInstruction.createAccount(payer, created, Rent.minimumBalance(16) + random.nextInt(1000), 16,
                random.nextBoolean() ? Pubkey.SYSTEM_PROGRAM : ObserverProgram.ID));
        } else {
            addTransfer(random, hotCount, payer, instructions);
            addObserve(random, hotCount, instructions);
            instructions.add(TallyProgram.add(TALLY, 1 + random.nextInt(3), random.nextInt(4) != 0));
            if (random.nextBoolean()) {
                instructions.add(SystemInstruction.transfer(payer, pick(random, hotCount), 1000 * SOL));
            }
        }
        return unsigned(payer, extraSigners, instructions, random);
    }

    private void addTransfer(final SplittableRandom random, final int hotCount, final Pubkey payer, final List<Instruction> instructions) {
        final Pubkey to = pick(random, hotCount);
        final long amount = random.nextInt(8) == 0 ? 3 * SOL : random.nextLong(SOL / 10);
        instructions.add(SystemInstruction.transfer(payer, to, amount));
    }

    private void addObserve(final SplittableRandom random, final int hotCount, final List<Instruction> instructions) {
        final List<AccountMeta> metas = new ArrayList<>();
        metas.add(AccountMeta.writable(records.get(random.nextInt(records.size())), false));
        final int reads = 1 + random.nextInt(3);
        for (int i = 0; i < reads; i++) {
            final Pubkey read = pick(random, hotCount);
            if (metas.stream().noneMatch(meta -> meta.key().equals(read))) {
                metas.add(AccountMeta.readOnly(read, false));
            }
        }
        instructions.add(new Instruction(ObserverProgram.ID, metas, new byte[] {(byte) (random.nextInt(10) == 0 ? 1 : 0)}));
    }

    private Pubkey pick(final SplittableRandom random, final int hotCount) {
        return random.nextInt(3) == 0 ? wallets.get(random.nextInt(hotCount)) : wallets.get(random.nextInt(wallets.size()));
    }

    private Transaction unsigned(
        final Pubkey payer, final List<Pubkey> extraSigners, final List<Instruction> instructions, final SplittableRandom random) {
        final List<Instruction> all = new ArrayList<>(instructions);
        final var message = MessageBuilder.compileLegacy(payer, blockhash, all);
        final Signature[] signatures = new Signature[message.header().numRequiredSignatures()];
        for (int i = 0; i < signatures.length; i++) {
            final byte[] bytes = new byte[Signature.LENGTH];
            random.nextBytes(bytes);
            signatures[i] = Signature.wrap(bytes);
        }
        return new Transaction(signatures, message, null);
    }

    /** The same genesis with these transactions (e.g. a runtime's recorded order, for replay). */
    public RandomWorkload withTransactions(final List<Transaction> order) {
        final RandomWorkload copy = new RandomWorkload(blockhash);
        copy.wallets.addAll(wallets);
        copy.records.addAll(records);
        copy.transactions.addAll(order);
        return copy;
    }

    public List<Transaction> transactions() {
        return transactions;
    }

    public List<Pubkey> wallets() {
        return wallets;
    }
}
