package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every live PubSub subscription, indexed by what it watches, and the {@link NodeEvents}
 * listener that turns node events into notifications. Node threads only check whether anyone
 * watches and hand the event to {@code dispatch} (one event loop); the notifications are built
 * and queued there.
 */
final class Subscriptions implements NodeEvents {
    private final RpcBackend backend;
    private final Executor dispatch;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Signature, Set<Subscription.SignatureSubscription>> bySignature = new ConcurrentHashMap<>();
    private final Map<Pubkey, Set<Subscription.AccountSubscription>> byAccount = new ConcurrentHashMap<>();
    private final Set<Subscription.SlotSubscription> slots = ConcurrentHashMap.newKeySet();
    private final Set<Subscription.LogsSubscription> logs = ConcurrentHashMap.newKeySet();

    Subscriptions(final RpcBackend backend, final Executor dispatch) {
        this.backend = backend;
        this.dispatch = dispatch;
    }

    /** Hands work to the dispatch loop (a {@link LoopExecutor}: after shutdown the event is dropped, never thrown at a node thread). */
    private void hand(final Runnable work) {
        dispatch.execute(work);
    }

    long newId() {
        return nextId.getAndIncrement();
    }

    RpcBackend backend() {
        return backend;
    }

    /** Starts delivering to the subscription; for a signature already at its commitment, notifies at once (held until answered). */
    void activate(final Subscription subscription) {
        if (subscription.finished.get() || !subscription.connection.isOpen()) {
            return;
        }
        if (subscription instanceof Subscription.SignatureSubscription) {
            final Subscription.SignatureSubscription watch = (Subscription.SignatureSubscription) subscription;
            bySignature.computeIfAbsent(watch.signature, key -> ConcurrentHashMap.newKeySet()).add(watch);
            final TransactionRecord record = backend.transaction(watch.signature);
            if (record != null) {
                signatureReached(watch, record);
            }
        } else if (subscription instanceof Subscription.AccountSubscription) {
            final Subscription.AccountSubscription watch = (Subscription.AccountSubscription) subscription;
            byAccount.computeIfAbsent(watch.key, key -> ConcurrentHashMap.newKeySet()).add(watch);
        } else if (subscription instanceof Subscription.SlotSubscription) {
            slots.add((Subscription.SlotSubscription) subscription);
        } else {
            logs.add((Subscription.LogsSubscription) subscription);
        }
    }

    /** Ends the subscription; false if it was already over. */
    boolean remove(final Subscription subscription) {
        subscription.connection.subscriptions().remove(subscription.id);
        if (!subscription.finished.compareAndSet(false, true)) {
            return false;
        }
        if (subscription instanceof Subscription.SignatureSubscription) {
            final Subscription.SignatureSubscription watch = (Subscription.SignatureSubscription) subscription;
            removeFrom(bySignature, watch.signature, watch);
        } else if (subscription instanceof Subscription.AccountSubscription) {
            final Subscription.AccountSubscription watch = (Subscription.AccountSubscription) subscription;
            removeFrom(byAccount, watch.key, watch);
        } else {
            slots.remove(subscription);
            logs.remove(subscription);
        }
        return true;
    }

    private static <K, S> void removeFrom(final Map<K, Set<S>> index, final K key, final S subscription) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }

    /** Ends every subscription of a client that left. */
    void removeAll(final PubSubConnection connection) {
        List.copyOf(connection.subscriptions().values()).forEach(this::remove);
    }

    @Override
    public void onSlot(final long slot, final long parentSlot) {
        if (slots.isEmpty()) {
            return;
        }
        hand(() -> {
            final ObjectNode info = Json.object();
            info.set("parent", Json.u64(parentSlot));
            info.set("root", Json.u64(parentSlot));
            info.set("slot", Json.u64(slot));
            slots.forEach(subscription -> subscription.notify(info));
        });
    }

    @Override
    public void onTransaction(final TransactionRecord record) {
        if (logs.isEmpty() && !bySignature.containsKey(record.transaction().signature(0))) {
            return;
        }
        hand(() -> {
            final Set<Subscription.SignatureSubscription> watchers = bySignature.get(record.transaction().signature(0));
            if (watchers != null) {
                watchers.forEach(watch -> signatureReached(watch, record));
            }
            logs.forEach(watch -> logged(watch, record));
        });
    }

    private void signatureReached(final Subscription.SignatureSubscription watch, final TransactionRecord record) {
        final Commitment level = Commitment.ofRecord(record);
        if (level.satisfies(watch.commitment)) {
            if (remove(watch)) {
                final ObjectNode value = Json.object();
                value.set("err", ErrorText.json(record.error()));
                watch.notify(Subscription.contextValue(record.slot(), value));
            }
        } else if (watch.receivedNotification && watch.receivedSent.compareAndSet(false, true)) {
            watch.notify(Subscription.contextValue(record.slot(), Json.NODES.textNode("receivedSignature")));
        }
    }

    private static void logged(final Subscription.LogsSubscription watch, final TransactionRecord record) {
        if (Commitment.ofRecord(record) != watch.commitment) {
            return;
        }
        if (watch.mentions != null && !record.transaction().message().accountKeys().contains(watch.mentions)) {
            return;
        }
        final ObjectNode value = Json.object();
        value.put("signature", record.transaction().signature(0).toBase58());
        value.set("err", ErrorText.json(record.error()));
        value.set("logs", Json.strings(record.logMessages()));
        watch.notify(Subscription.contextValue(record.slot(), value));
    }

    @Override
    public void onAccountWritten(final Pubkey key, final long slot) {
        if (!byAccount.containsKey(key)) {
            return;
        }
        hand(() -> backend.accounts(List.of(key)).thenAcceptAsync(found -> {
            final Set<Subscription.AccountSubscription> watchers = byAccount.get(key);
            if (watchers != null) {
                final AccountSnapshot account = found.get(0) != null ? found.get(0) : closedAccount(key);
                watchers.forEach(watch -> watch.encoding.encodeAll(List.of(account), backend, dispatch, false)
                    .thenAccept(encoded -> watch.notify(Subscription.contextValue(slot, encoded.get(0)))));
            }
        }, dispatch));
    }

    /** What Solana reports for an account that no longer exists: empty, owned by the system program. */
    private static AccountSnapshot closedAccount(final Pubkey key) {
        return new AccountSnapshot(key, 0, Pubkey.SYSTEM_PROGRAM, false, 0, new byte[0]);
    }

    /** Live subscriptions, for tests and metrics. */
    int size() {
        int count = slots.size() + logs.size();
        for (final Set<Subscription.SignatureSubscription> set : bySignature.values()) {
            count += set.size();
        }
        for (final Set<Subscription.AccountSubscription> set : byAccount.values()) {
            count += set.size();
        }
        return count;
    }
}
