package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Hash;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.SanitizeResult;
import io.lanes.sdk.wire.Sanitizer;

import java.util.Map;

/**
 * Node and cluster methods: getVersion, getHealth, getSlot, getBlockHeight, getTransactionCount,
 * getEpochInfo, getGenesisHash, getIdentity, getLatestBlockhash, isBlockhashValid,
 * getMinimumBalanceForRentExemption, getFeeForMessage.
 */
final class ClusterMethods {
    /** The Solana version Lanes reports, and the feature set number that goes with it. */
    static final String SOLANA_CORE_VERSION = "2.1.0";
    static final long FEATURE_SET = 1_725_507_508L;

    private final RpcBackend backend;

    ClusterMethods(final RpcBackend backend) {
        this.backend = backend;
    }

    void register(final Map<String, RpcMethod> methods) {
        methods.put("getVersion", RpcMethod.now(this::getVersion));
        methods.put("getHealth", RpcMethod.now(params -> text(params.arity(0, 0), "ok")));
        methods.put("getSlot", RpcMethod.now(params -> Json.u64(contextSlot(params, 0))));
        methods.put("getBlockHeight", RpcMethod.now(params -> counter(params, backend.blockHeight())));
        methods.put("getTransactionCount", RpcMethod.now(params -> counter(params, backend.transactionCount())));
        methods.put("getEpochInfo", RpcMethod.now(this::getEpochInfo));
        methods.put("getGenesisHash", RpcMethod.now(params -> text(params.arity(0, 0), backend.genesisHash().toBase58())));
        methods.put("getIdentity", RpcMethod.now(this::getIdentity));
        methods.put("getLatestBlockhash", RpcMethod.now(this::getLatestBlockhash));
        methods.put("isBlockhashValid", RpcMethod.now(this::isBlockhashValid));
        methods.put("getMinimumBalanceForRentExemption", RpcMethod.now(this::getMinimumBalanceForRentExemption));
        methods.put("getFeeForMessage", RpcMethod.now(this::getFeeForMessage));
    }

    /** Checks the config at {@code index} (commitment, minContextSlot) and returns the slot to report. */
    long contextSlot(final Params params, final int index) {
        params.arity(index, index + 1);
        final RpcConfig config = params.config(index);
        config.commitment();
        final long slot = backend.slot();
        config.checkMinContextSlot(slot);
        return slot;
    }

    private JsonNode counter(final Params params, final long value) {
        contextSlot(params, 0);
        return Json.u64(value);
    }

    private static JsonNode text(final Params params, final String value) {
        return Json.NODES.textNode(value);
    }

    private JsonNode getVersion(final Params params) {
        params.arity(0, 0);
        final ObjectNode version = Json.object();
        version.put("solana-core", SOLANA_CORE_VERSION);
        version.put("feature-set", FEATURE_SET);
        return version;
    }

    private JsonNode getIdentity(final Params params) {
        params.arity(0, 0);
        final ObjectNode identity = Json.object();
        identity.put("identity", backend.identity().toBase58());
        return identity;
    }

    private JsonNode getEpochInfo(final Params params) {
        final long slot = contextSlot(params, 0);
        final long slotsPerEpoch = Math.max(1, backend.slotsPerEpoch());
        final ObjectNode info = Json.object();
        info.set("absoluteSlot", Json.u64(slot));
        info.set("blockHeight", Json.u64(backend.blockHeight()));
        info.set("epoch", Json.u64(Long.divideUnsigned(slot, slotsPerEpoch)));
        info.set("slotIndex", Json.u64(Long.remainderUnsigned(slot, slotsPerEpoch)));
        info.set("slotsInEpoch", Json.u64(slotsPerEpoch));
        info.set("transactionCount", Json.u64(backend.transactionCount()));
        return info;
    }

    private JsonNode getLatestBlockhash(final Params params) {
        final long slot = contextSlot(params, 0);
        final ObjectNode value = Json.object();
        value.put("blockhash", backend.latestBlockhash().toBase58());
        value.set("lastValidBlockHeight", Json.u64(backend.lastValidBlockHeight()));
        return Json.withContext(slot, value);
    }

    private JsonNode isBlockhashValid(final Params params) {
        final Hash blockhash = Keys.hash(params.arity(1, 2).string(0));
        final long slot = contextSlot(params, 1);
        return Json.withContext(slot, Json.NODES.booleanNode(backend.isBlockhashValid(blockhash)));
    }

    private JsonNode getMinimumBalanceForRentExemption(final Params params) {
        final long length = params.arity(1, 2).u64(0);
        contextSlot(params, 1);
        return Json.u64(backend.minimumBalanceForRentExemption(length));
    }

    private JsonNode getFeeForMessage(final Params params) {
        final Message message = WireText.message(params.arity(1, 2).string(0));
        final long slot = contextSlot(params, 1);
        final SanitizeResult sanitized = Sanitizer.sanitizeMessage(message);
        if (!sanitized.isOk()) {
            throw RpcException.invalidParams("invalid transaction message: " + sanitized.reason());
        }
        final Long fee = backend.feeForMessage(message);
        return Json.withContext(slot, fee == null ? null : Json.u64(fee));
    }
}
