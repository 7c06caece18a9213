package io.lanes.runtime.harness;

import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.SequentialExecutor;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.util.Arrays;
import java.util.List;

/**
 * An in-process bank for contract authors' tests, in the spirit of LiteSVM: a genesis state with
 * the built-in programs (and any you register), airdrops, signed transactions executed by the
 * same executor as the runtime, account and log reads, slot warps. No threads, no network.
 *
 * <pre>{@code
 * TestBank bank = TestBank.create();
 * Keypair alice = bank.newFundedKeypair(10 * Genesis.LAMPORTS_PER_SOL);
 * ExecutionResult result = bank.send(alice, SystemInstruction.transfer(alice.publicKey(), bob, 1_000));
 * assertEquals(TransactionStatus.SUCCEEDED, result.status());
 * }</pre>
 */
public final class TestBank implements AutoCloseable {
    private final AccountStore store;
    private final ProgramRegistry programs;
    private final Bank bank;
    private final SequentialExecutor executor;

    private TestBank(final AccountStore store, final ProgramRegistry programs, final boolean checkBlockhash) {
        this.store = store;
        this.programs = programs;
        Genesis.addPrograms(store, programs);
        this.bank = new Bank(store, programs, checkBlockhash);
        this.executor = new SequentialExecutor(bank);
    }

    /** A bank with the built-in programs, in memory. */
    public static TestBank create() {
        return create(ProgramRegistry.withBuiltins());
    }

    /** A bank with these programs (register your own on top of {@link ProgramRegistry#withBuiltins()}). */
    public static TestBank create(final ProgramRegistry programs) {
        return new TestBank(OffHeapAccountStore.inMemory(), programs, true);
    }

    /** A bank that accepts any recent blockhash: for fixed test vectors made without a cluster. */
    public static TestBank withoutBlockhashCheck(final ProgramRegistry programs) {
        return new TestBank(OffHeapAccountStore.inMemory(), programs, false);
    }

    /** Gives the wallet lamports out of thin air (genesis-style; not a transaction). */
    public void airdrop(final Pubkey wallet, final long lamports) {
        final int slot = store.resolve(wallet);
        final AccountBuffer account = new AccountBuffer();
        store.load(slot, account);
        account.lamports(account.lamports() + lamports);
        store.save(slot, account);
    }

    public Keypair newFundedKeypair(final long lamports) {
        final Keypair keypair = Keypair.generate();
        airdrop(keypair.publicKey(), lamports);
        return keypair;
    }

    /** Builds, signs (payer first) and executes a transaction with the latest blockhash. */
    public ExecutionResult send(final Keypair payer, final List<Keypair> otherSigners, final Instruction... instructions) {
        return execute(transaction(payer, otherSigners, instructions));
    }

    public ExecutionResult send(final Keypair payer, final Instruction... instructions) {
        return send(payer, List.of(), instructions);
    }

    /** A signed transaction with the latest blockhash, not yet executed. */
    public Transaction transaction(final Keypair payer, final List<Keypair> otherSigners, final Instruction... instructions) {
        final Message message = MessageBuilder.compileLegacy(payer.publicKey(), bank.latestBlockhash(), Arrays.asList(instructions));
        final Keypair[] signers = new Keypair[otherSigners.size() + 1];
        signers[0] = payer;
        for (int i = 0; i < otherSigners.size(); i++) {
            signers[i + 1] = otherSigners.get(i);
        }
        return TransactionCodec.sign(message, signers);
    }

    /**
     * Executes a transaction as a block of its own (its commutative additions are applied right
     * after it); the returned result is the caller's to keep.
     */
    public ExecutionResult execute(final Transaction transaction) {
        final ExecutionResult result = new ExecutionResult();
        executor.execute(transaction, result);
        executor.applyCommutativeAdds();
        return result;
    }

    public long lamports(final Pubkey key) {
        final int slot = store.find(key);
        return slot < 0 ? 0 : store.lamports(slot);
    }

    /** A copy of the account's state (cleared if it does not exist). */
    public AccountBuffer account(final Pubkey key) {
        final AccountBuffer account = new AccountBuffer();
        final int slot = store.find(key);
        if (slot < 0) {
            account.clear();
        } else {
            store.load(slot, account);
        }
        return account;
    }

    public byte[] data(final Pubkey key) {
        final AccountBuffer account = account(key);
        final byte[] bytes = new byte[account.dataLength()];
        account.data().getBytes(0, bytes);
        return bytes;
    }

    /** Advances the given number of slots (a new blockhash each). */
    public void warpSlots(final int slots) {
        for (int i = 0; i < slots; i++) {
            bank.advanceSlot();
        }
    }

    public long slot() {
        return bank.slot();
    }

    public Hash latestBlockhash() {
        return bank.latestBlockhash();
    }

    public Hash stateHash() {
        return store.stateHash();
    }

    public Bank bank() {
        return bank;
    }

    public AccountStore store() {
        return store;
    }

    public ProgramRegistry programs() {
        return programs;
    }

    @Override
    public void close() {
        store.close();
    }
}
