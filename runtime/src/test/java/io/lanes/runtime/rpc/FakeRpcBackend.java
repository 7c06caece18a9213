package io.lanes.runtime.rpc;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.Transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An in-memory {@link RpcBackend} for the server tests: accounts in a map, scripted statuses,
 * blocks and simulations, a record of submitted transactions, and methods that fire
 * {@link NodeEvents} on demand. Futures complete on its own "node" thread, as the real node's do.
 */
final class FakeRpcBackend implements RpcBackend, AutoCloseable {
    static final long FEE = 5_000;

    final Map<Pubkey, AccountSnapshot> accounts = new ConcurrentHashMap<>();
    final Map<Signature, TransactionRecord> transactions = new ConcurrentHashMap<>();
    final Map<Long, BlockRecord> blocks = new ConcurrentHashMap<>();
    final Set<Hash> validBlockhashes = ConcurrentHashMap.newKeySet();
    final List<Transaction> submitted = new CopyOnWriteArrayList<>();
    final List<Transaction> simulated = new CopyOnWriteArrayList<>();
    final List<Signature> airdrops = new CopyOnWriteArrayList<>();
    final List<NodeEvents> listeners = new CopyOnWriteArrayList<>();
    final ExecutorService node = Executors.newSingleThreadExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "fake-node");
        thread.setDaemon(true);
        return thread;
    });

    volatile long slot = 100;
    volatile long blockHeight = 90;
    volatile long transactionCount = 1234;
    volatile Hash genesisHash = Hash.sha256("genesis".getBytes());
    volatile Pubkey identity = Pubkey.wrap(Hash.sha256("identity".getBytes()).toBytes());
    volatile Hash latestBlockhash = Hash.sha256("blockhash-100".getBytes());
    volatile long lastValidBlockHeight = 240;
    /** What the next submissions answer (null: accepted). */
    volatile SubmitRejection rejection;
    /** How simulations turn out; by default success with one log line. */
    volatile Function<Transaction, SimulationResult> simulation =
        transaction -> new SimulationResult(slot, null, List.of("Program 11111111111111111111111111111111 invoke [1]",
            "Program 11111111111111111111111111111111 success"), 150, List.of());
    volatile RuntimeException airdropFailure;
    /** Account reads wait for this (tests hold it to stall the backend). */
    volatile CompletableFuture<Void> accountsGate = CompletableFuture.completedFuture(null);

    FakeRpcBackend() {
        validBlockhashes.add(latestBlockhash);
    }

    void put(final AccountSnapshot account) {
        accounts.put(account.key(), account);
    }

    @Override
    public long slot() {
        return slot;
    }

    @Override
    public long blockHeight() {
        return blockHeight;
    }

    @Override
    public long transactionCount() {
        return transactionCount;
    }

    @Override
    public Hash genesisHash() {
        return genesisHash;
    }

    @Override
    public Pubkey identity() {
        return identity;
    }

    @Override
    public Hash latestBlockhash() {
        return latestBlockhash;
    }

    @Override
    public long lastValidBlockHeight() {
        return lastValidBlockHeight;
    }

    @Override
    public boolean isBlockhashValid(final Hash blockhash) {
        return validBlockhashes.contains(blockhash);
    }

    @Override
    public long slotsPerEpoch() {
        return 432_000;
    }

    @Override
    public CompletableFuture<List<AccountSnapshot>> accounts(final List<Pubkey> keys) {
        return accountsGate.thenApplyAsync(open -> {
            final List<AccountSnapshot> found = new ArrayList<>();
            keys.forEach(key -> found.add(accounts.get(key)));
            return found;
        }, node);
    }

    @Override
    public CompletableFuture<List<AccountSnapshot>> programAccounts(final Pubkey owner) {
        return CompletableFuture.supplyAsync(() -> {
            final List<AccountSnapshot> found = new ArrayList<>();
            accounts.values().stream().filter(account -> account.owner().equals(owner)).forEach(found::add);
            return found;
        }, node);
    }

    @Override
    public long minimumBalanceForRentExemption(final long dataLength) {
        return (128 + dataLength) * 6_960;
    }

    @Override
    public Long feeForMessage(final Message message) {
        return isBlockhashValid(message.recentBlockhash()) ? FEE * message.header().numRequiredSignatures() : null;
    }

    @Override
    public SubmitRejection submit(final Transaction transaction) {
        final SubmitRejection answer = rejection;
        if (answer == null) {
            submitted.add(transaction);
        }
        return answer;
    }

    @Override
    public CompletableFuture<SimulationResult> simulate(final Transaction transaction, final List<Pubkey> returnAccounts) {
        simulated.add(transaction);
        return CompletableFuture.supplyAsync(() -> {
            final SimulationResult result = simulation.apply(transaction);
            final List<AccountSnapshot> after = new ArrayList<>();
            returnAccounts.forEach(key -> after.add(accounts.get(key)));
            return new SimulationResult(result.slot(), result.error(), result.logMessages(),
                result.computeUnitsConsumed(), after);
        }, node);
    }

    @Override
    public TransactionRecord transaction(final Signature signature) {
        return transactions.get(signature);
    }

    @Override
    public BlockRecord block(final long slot) {
        return blocks.get(slot);
    }

    @Override
    public Signature requestAirdrop(final Pubkey to, final long lamports) {
        if (airdropFailure != null) {
            throw airdropFailure;
        }
        final Signature signature = Signature.wrap(concat(Hash.sha256(to.toBytes()).toBytes(),
            Hash.sha256(Long.toString(lamports).getBytes()).toBytes()));
        airdrops.add(signature);
        return signature;
    }

    private static byte[] concat(final byte[] a, final byte[] b) {
        final byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Override
    public void subscribe(final NodeEvents listener) {
        listeners.add(listener);
    }

    @Override
    public void unsubscribe(final NodeEvents listener) {
        listeners.remove(listener);
    }

    /** Records the transaction at the commitment level and tells the listeners, on the node thread. */
    void commit(final TransactionRecord record) {
        transactions.put(record.transaction().signature(0), record);
        node.execute(() -> listeners.forEach(listener -> listener.onTransaction(record)));
    }

    void fireSlot(final long newSlot, final long parent) {
        slot = newSlot;
        node.execute(() -> listeners.forEach(listener -> listener.onSlot(newSlot, parent)));
    }

    void fireAccountWritten(final Pubkey key, final long atSlot) {
        node.execute(() -> listeners.forEach(listener -> listener.onAccountWritten(key, atSlot)));
    }

    static TransactionRecord record(final Transaction transaction, final long slot, final TransactionError error,
                                    final String confirmation) {
        final int keys = transaction.message().accountKeyCount();
        final long[] pre = new long[keys];
        final long[] post = new long[keys];
        pre[0] = 1_000_000;
        post[0] = 1_000_000 - FEE;
        return new TransactionRecord(transaction, slot, 1_700_000_000L, error, FEE, 150,
            List.of("Program 11111111111111111111111111111111 invoke [1]", "Program 11111111111111111111111111111111 success"),
            pre, post, confirmation);
    }

    @Override
    public void close() {
        node.shutdownNow();
    }
}
