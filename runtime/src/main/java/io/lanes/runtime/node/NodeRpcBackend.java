package io.lanes.runtime.node;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.exec.ComputeBudget;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.TransactionExecutor;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.WorkerJob;
import io.lanes.runtime.rpc.AccountSnapshot;
import io.lanes.runtime.rpc.BlockRecord;
import io.lanes.runtime.rpc.NodeEvents;
import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.runtime.rpc.SimulationResult;
import io.lanes.runtime.rpc.TransactionRecord;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.agrona.collections.IntArrayList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The node as the RPC and PubSub servers see it. Account reads and simulations run as
 * {@link WorkerJob}s, so they see every account at one point of the execution order; a scan by
 * owner runs exclusively, between batches. Everything else reads {@link NodeState}.
 */
public final class NodeRpcBackend implements RpcBackend {
    /** Solana reports u64::MAX as the rent epoch of rent-exempt accounts. */
    private static final long RENT_EXEMPT_RENT_EPOCH = -1L;
    private static final long SLOTS_PER_EPOCH = 432_000;

    private final ParallelRuntime runtime;
    private final AccountStore store;
    private final NodeState state;
    private final Keypair faucet;
    private final Pubkey identity;
    private final Hash genesisHash;

    public NodeRpcBackend(
        final ParallelRuntime runtime, final NodeState state, final Keypair faucet, final Pubkey identity, final Hash genesisHash) {
        this.runtime = runtime;
        this.store = runtime.bank().store();
        this.state = state;
        this.faucet = faucet;
        this.identity = identity;
        this.genesisHash = genesisHash;
    }

    @Override
    public long slot() {
        return state.slot();
    }

    @Override
    public long blockHeight() {
        return state.blockHeight();
    }

    @Override
    public long transactionCount() {
        return state.transactionCount();
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
        return state.latestBlockhash();
    }

    @Override
    public long lastValidBlockHeight() {
        return state.blockHeight() + io.lanes.runtime.exec.BlockhashQueue.MAX_AGE_SLOTS;
    }

    @Override
    public boolean isBlockhashValid(final Hash blockhash) {
        return state.isBlockhashValid(blockhash);
    }

    @Override
    public long slotsPerEpoch() {
        return SLOTS_PER_EPOCH;
    }

    @Override
    public CompletableFuture<List<AccountSnapshot>> accounts(final List<Pubkey> keys) {
        final ReadAccountsJob job = new ReadAccountsJob(keys);
        if (!runtime.submitJob(job)) {
            return CompletableFuture.failedFuture(new IllegalStateException("the node is overloaded: read queue full"));
        }
        return job.future;
    }

    @Override
    public CompletableFuture<List<AccountSnapshot>> programAccounts(final Pubkey owner) {
        final CompletableFuture<List<AccountSnapshot>> future = new CompletableFuture<>();
        final boolean queued = runtime.runExclusive(() -> {
            try {
                final List<AccountSnapshot> found = new ArrayList<>();
                final AccountBuffer buffer = new AccountBuffer();
                store.forEachAccountOwnedBy(owner, slot -> {
                    store.load(slot, buffer);
                    found.add(snapshot(store.key(slot), buffer));
                });
                future.complete(found);
            } catch (final RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        if (!queued) {
            future.completeExceptionally(new IllegalStateException("the node is overloaded: scan queue full"));
        }
        return future;
    }

    @Override
    public long minimumBalanceForRentExemption(final long dataLength) {
        return Rent.minimumBalance(dataLength);
    }

    @Override
    public Long feeForMessage(final Message message) {
        if (!state.isBlockhashValid(message.recentBlockhash())) {
            return null;
        }
        final ComputeBudget budget = new ComputeBudget();
        return budget.read(message) == null ? budget.fee() : null;
    }

    @Override
    public SubmitRejection submit(final Transaction transaction) {
        if (!state.isBlockhashValid(transaction.message().recentBlockhash())) {
            return new SubmitRejection(TransactionError.of(TransactionError.Kind.BlockhashNotFound), "Blockhash not found");
        }
        final TransactionRecord known = state.transaction(transaction.signature(0));
        if (known != null) {
            return new SubmitRejection(TransactionError.of(TransactionError.Kind.AlreadyProcessed),
                "This transaction has already been processed");
        }
        state.noteSubmitted(transaction.signature(0));
        if (!runtime.submit(transaction)) {
            state.forgetSubmitted(transaction.signature(0));
            return new SubmitRejection(null, "the node is overloaded: transaction queue full, retry later");
        }
        return null;
    }

    @Override
    public CompletableFuture<SimulationResult> simulate(final Transaction transaction, final List<Pubkey> returnAccounts) {
        final SimulateJob job = new SimulateJob(transaction, returnAccounts);
        if (!runtime.submitJob(job)) {
            return CompletableFuture.failedFuture(new IllegalStateException("the node is overloaded: simulation queue full"));
        }
        return job.future;
    }

    @Override
    public TransactionRecord transaction(final Signature signature) {
        return state.transaction(signature);
    }

    @Override
    public BlockRecord block(final long slot) {
        return state.block(slot);
    }

    @Override
    public Signature requestAirdrop(final Pubkey to, final long lamports) {
        if (lamports <= 0) {
            throw new IllegalArgumentException("airdrop amount must be positive: " + lamports);
        }
        final Message message = MessageBuilder.compileLegacy(faucet.publicKey(), state.latestBlockhash(),
            List.of(SystemInstruction.transfer(faucet.publicKey(), to, lamports)));
        final Transaction transaction = TransactionCodec.sign(message, faucet);
        final SubmitRejection rejection = submit(transaction);
        if (rejection != null) {
            throw new IllegalStateException("airdrop failed: " + rejection.message());
        }
        return transaction.signature(0);
    }

    @Override
    public void subscribe(final NodeEvents listener) {
        state.subscribe(listener);
    }

    @Override
    public void unsubscribe(final NodeEvents listener) {
        state.unsubscribe(listener);
    }

    private static AccountSnapshot snapshot(final Pubkey key, final AccountBuffer account) {
        if (account.lamports() == 0) {
            return null;
        }
        final byte[] data = new byte[account.dataLength()];
        account.data().getBytes(0, data);
        final long rentEpoch = account.rentEpoch() == 0 ? RENT_EXEMPT_RENT_EPOCH : account.rentEpoch();
        return new AccountSnapshot(key, account.lamports(), account.owner(), account.executable(), rentEpoch, data);
    }

    /** Reads accounts with read locks: after every earlier write to them, before every later one. */
    private static final class ReadAccountsJob implements WorkerJob {
        final CompletableFuture<List<AccountSnapshot>> future = new CompletableFuture<>();
        private final List<Pubkey> keys;
        private int[] slots;

        ReadAccountsJob(final List<Pubkey> keys) {
            this.keys = List.copyOf(keys);
        }

        @Override
        public void addReadSlots(final AccountStore store, final IntArrayList readSlots) {
            slots = new int[keys.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = store.find(keys.get(i));
                if (slots[i] >= 0 && !readSlots.containsInt(slots[i])) {
                    readSlots.addInt(slots[i]);
                }
            }
        }

        @Override
        public void run(final TransactionExecutor executor, final AccountStore store, final long slot) {
            try {
                final List<AccountSnapshot> found = new ArrayList<>(keys.size());
                final AccountBuffer buffer = new AccountBuffer();
                for (int i = 0; i < slots.length; i++) {
                    if (slots[i] < 0) {
                        found.add(null);
                    } else {
                        store.load(slots[i], buffer);
                        found.add(snapshot(keys.get(i), buffer));
                    }
                }
                future.complete(found);
            } catch (final RuntimeException e) {
                future.completeExceptionally(e);
            }
        }
    }

    /** Executes a transaction against the current state on a worker, committing nothing. */
    private static final class SimulateJob implements WorkerJob {
        final CompletableFuture<SimulationResult> future = new CompletableFuture<>();
        private final Transaction transaction;
        private final List<Pubkey> returnAccounts;
        private final ResolvedTransaction resolved = new ResolvedTransaction();
        private int[] extraSlots;

        SimulateJob(final Transaction transaction, final List<Pubkey> returnAccounts) {
            this.transaction = transaction;
            this.returnAccounts = List.copyOf(returnAccounts);
        }

        @Override
        public void addReadSlots(final AccountStore store, final IntArrayList readSlots) {
            resolved.resolve(transaction, store, -1);
            for (int i = 0; i < resolved.accountCount(); i++) {
                if (!readSlots.containsInt(resolved.slot(i))) {
                    readSlots.addInt(resolved.slot(i));
                }
            }
            extraSlots = new int[returnAccounts.size()];
            for (int i = 0; i < extraSlots.length; i++) {
                extraSlots[i] = store.find(returnAccounts.get(i));
                if (extraSlots[i] >= 0 && !readSlots.containsInt(extraSlots[i])) {
                    readSlots.addInt(extraSlots[i]);
                }
            }
        }

        @Override
        public void run(final TransactionExecutor executor, final AccountStore store, final long slot) {
            try {
                final ExecutionResult result = new ExecutionResult();
                executor.simulate(resolved, slot, result);
                future.complete(new SimulationResult(slot, result.error(), result.logLines(),
                    result.computeUnitsConsumed(), accountsAfter(executor, store, result)));
            } catch (final RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        private List<AccountSnapshot> accountsAfter(final TransactionExecutor executor, final AccountStore store, final ExecutionResult result) {
            final List<AccountSnapshot> after = new ArrayList<>(returnAccounts.size());
            final Message message = transaction.message();
            final AccountBuffer buffer = new AccountBuffer();
            for (int i = 0; i < returnAccounts.size(); i++) {
                final int index = message.accountKeys().indexOf(returnAccounts.get(i));
                if (index >= 0 && result.balanceCount() > 0) {
                    after.add(snapshot(returnAccounts.get(i), executor.accountAfter(index)));
                } else if (extraSlots[i] >= 0) {
                    store.load(extraSlots[i], buffer);
                    after.add(snapshot(returnAccounts.get(i), buffer));
                } else {
                    after.add(null);
                }
            }
            return after;
        }
    }
}
