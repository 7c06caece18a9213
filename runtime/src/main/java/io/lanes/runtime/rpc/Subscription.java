package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One PubSub subscription: its id, its client, what it watches and at which commitment, and
 * how its notifications are written ({@code {"jsonrpc":"2.0","method":"<kind>Notification",
 * "params":{"result":...,"subscription":id}}}).
 */
abstract class Subscription {
    final long id;
    final PubSubConnection connection;
    final Commitment commitment;
    /** Set once the subscription is over (unsubscribed, fired once for signatures, or its client left). */
    final AtomicBoolean finished = new AtomicBoolean();
    /** Notifications made before the subscribe answer went out; sent right after it. Guarded by this. */
    private List<String> held = new ArrayList<>();

    Subscription(final long id, final PubSubConnection connection, final Commitment commitment) {
        this.id = id;
        this.connection = connection;
        this.commitment = commitment;
    }

    /** "signature", "account", "slot" or "logs": the method names are kind + "Subscribe" etc. */
    abstract String kind();

    void notify(final JsonNode result) {
        final ObjectNode params = Json.object();
        params.set("result", result);
        params.put("subscription", id);
        final ObjectNode message = Json.object();
        message.put("jsonrpc", "2.0");
        message.put("method", kind() + "Notification");
        message.set("params", params);
        deliver(Json.write(message));
    }

    private void deliver(final String text) {
        synchronized (this) {
            if (held != null) {
                held.add(text);
                return;
            }
        }
        connection.send(text);
    }

    /** The subscribe answer was written: from now on notifications go straight out, the held ones first. */
    synchronized void answerSent() {
        if (held != null) {
            held.forEach(connection::send);
            held = null;
        }
    }

    /** {@code {"context":{"slot":N},"value":...}} as PubSub writes it (no apiVersion). */
    static ObjectNode contextValue(final long slot, final JsonNode value) {
        final ObjectNode result = Json.object();
        result.putObject("context").set("slot", Json.u64(slot));
        result.set("value", value);
        return result;
    }

    /** Notified once when its transaction reaches the commitment, then over. */
    static final class SignatureSubscription extends Subscription {
        final Signature signature;
        final boolean receivedNotification;
        final AtomicBoolean receivedSent = new AtomicBoolean();

        SignatureSubscription(final long id, final PubSubConnection connection, final Commitment commitment,
                              final Signature signature, final boolean receivedNotification) {
            super(id, connection, commitment);
            this.signature = signature;
            this.receivedNotification = receivedNotification;
        }

        @Override
        String kind() {
            return "signature";
        }
    }

    /** Notified with the account's new state on each write. */
    static final class AccountSubscription extends Subscription {
        final Pubkey key;
        final AccountEncoding encoding;

        AccountSubscription(final long id, final PubSubConnection connection, final Commitment commitment,
                            final Pubkey key, final AccountEncoding encoding) {
            super(id, connection, commitment);
            this.key = key;
            this.encoding = encoding;
        }

        @Override
        String kind() {
            return "account";
        }
    }

    /** Notified at each new slot. */
    static final class SlotSubscription extends Subscription {
        SlotSubscription(final long id, final PubSubConnection connection) {
            super(id, connection, Commitment.PROCESSED);
        }

        @Override
        String kind() {
            return "slot";
        }
    }

    /** Notified with the logs of each transaction it matches (all, or those that mention a key). */
    static final class LogsSubscription extends Subscription {
        /** The key a transaction must mention, or null for all transactions. */
        final Pubkey mentions;

        LogsSubscription(final long id, final PubSubConnection connection, final Commitment commitment, final Pubkey mentions) {
            super(id, connection, commitment);
            this.mentions = mentions;
        }

        @Override
        String kind() {
            return "logs";
        }
    }
}
