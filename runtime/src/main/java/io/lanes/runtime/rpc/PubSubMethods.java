package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Pubkey;

import java.util.HashMap;
import java.util.Map;

/**
 * The PubSub methods of one client: signature/account/slot/logs Subscribe and Unsubscribe.
 * A subscribe call starts the subscription at once and answers with its id; notifications made
 * before that answer is written are held back until it is (see {@link Subscription#answerSent}),
 * so none is lost and none overtakes the id it belongs to.
 */
final class PubSubMethods {
    private final Subscriptions subscriptions;
    private final PubSubConnection connection;

    PubSubMethods(final Subscriptions subscriptions, final PubSubConnection connection) {
        this.subscriptions = subscriptions;
        this.connection = connection;
    }

    Map<String, RpcMethod> table() {
        final Map<String, RpcMethod> methods = new HashMap<>();
        methods.put("signatureSubscribe", RpcMethod.now(this::signatureSubscribe));
        methods.put("accountSubscribe", RpcMethod.now(this::accountSubscribe));
        methods.put("slotSubscribe", RpcMethod.now(this::slotSubscribe));
        methods.put("logsSubscribe", RpcMethod.now(this::logsSubscribe));
        for (final String kind : new String[] {"signature", "account", "slot", "logs"}) {
            methods.put(kind + "Unsubscribe", RpcMethod.now(params -> unsubscribe(params, kind)));
        }
        return methods;
    }

    private JsonNode answered(final Subscription subscription) {
        connection.subscriptions().put(subscription.id, subscription);
        connection.awaitAnswer(subscription);
        subscriptions.activate(subscription);
        return Json.NODES.numberNode(subscription.id);
    }

    private JsonNode signatureSubscribe(final Params params) {
        params.arity(1, 2);
        final var signature = Keys.signature(params.string(0));
        final RpcConfig config = params.config(1);
        return answered(new Subscription.SignatureSubscription(subscriptions.newId(), connection, config.commitment(),
            signature, config.bool("enableReceivedNotification", false)));
    }

    private JsonNode accountSubscribe(final Params params) {
        params.arity(1, 2);
        final Pubkey key = Keys.pubkey(params.string(0));
        final RpcConfig config = params.config(1);
        return answered(new Subscription.AccountSubscription(subscriptions.newId(), connection, config.commitment(),
            key, AccountEncoding.fromConfig(config, AccountEncoding.BINARY)));
    }

    private JsonNode slotSubscribe(final Params params) {
        params.arity(0, 0);
        return answered(new Subscription.SlotSubscription(subscriptions.newId(), connection));
    }

    private JsonNode logsSubscribe(final Params params) {
        params.arity(1, 2);
        final Pubkey mentions = logsFilter(params.raw(0));
        final Commitment commitment = params.config(1).commitment();
        return answered(new Subscription.LogsSubscription(subscriptions.newId(), connection, commitment, mentions));
    }

    /** "all", "allWithVotes" (null: every transaction) or {"mentions":[key]} (that key). */
    private static Pubkey logsFilter(final JsonNode filter) {
        if (filter.isTextual()) {
            if ("all".equals(filter.textValue()) || "allWithVotes".equals(filter.textValue())) {
                return null;
            }
            throw RpcConfig.unknownVariant(filter.textValue(), "all", "allWithVotes", "mentions");
        }
        final RpcConfig object = RpcConfig.of(filter);
        final JsonNode mentions = object.get("mentions");
        if (mentions == null || !mentions.isArray()) {
            throw Params.typeError(filter, "\"all\", \"allWithVotes\" or {\"mentions\":[<pubkey>]}");
        }
        if (mentions.size() != 1) {
            throw RpcException.invalidParams("Invalid Request: Only 1 address supported");
        }
        return Keys.pubkey(Params.asString(mentions.get(0)));
    }

    private JsonNode unsubscribe(final Params params, final String kind) {
        params.arity(1, 1);
        final long id = params.u64(0);
        final Subscription subscription = connection.subscriptions().get(id);
        if (subscription == null || !subscription.kind().equals(kind) || !subscriptions.remove(subscription)) {
            throw RpcException.invalidParams("Invalid subscription id.");
        }
        return Json.NODES.booleanNode(true);
    }
}
