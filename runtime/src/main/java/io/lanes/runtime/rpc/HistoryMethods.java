package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Transaction history: getSignatureStatuses, getTransaction, getBlock, getBlockTime. */
final class HistoryMethods {
    /** Solana's {@code MAX_GET_SIGNATURE_STATUSES_QUERY_ITEMS}. */
    static final int MAX_SIGNATURE_STATUSES = 256;
    /** Solana stops counting confirmations at the lockout history length. */
    static final long MAX_CONFIRMATIONS = 31;
    private static final String[] DETAILS = {"full", "accounts", "signatures", "none"};

    private final RpcBackend backend;

    HistoryMethods(final RpcBackend backend) {
        this.backend = backend;
    }

    void register(final Map<String, RpcMethod> methods) {
        methods.put("getSignatureStatuses", RpcMethod.now(this::getSignatureStatuses));
        methods.put("getTransaction", RpcMethod.now(this::getTransaction));
        methods.put("getBlock", RpcMethod.now(this::getBlock));
        methods.put("getBlockTime", RpcMethod.now(this::getBlockTime));
    }

    private JsonNode getSignatureStatuses(final Params params) {
        params.arity(1, 2);
        final List<String> texts = params.stringList(0);
        if (texts.size() > MAX_SIGNATURE_STATUSES) {
            throw RpcException.invalidParams("Too many inputs provided; max " + MAX_SIGNATURE_STATUSES);
        }
        final List<Signature> signatures = new ArrayList<>(texts.size());
        texts.forEach(text -> signatures.add(Keys.signature(text)));
        params.config(1).bool("searchTransactionHistory", false);
        final long slot = backend.slot();
        final ArrayNode value = Json.array();
        for (final Signature signature : signatures) {
            final TransactionRecord record = backend.transaction(signature);
            value.add(record == null ? NullNode.getInstance() : status(record, slot));
        }
        return Json.withContext(slot, value);
    }

    /** Solana's {@code TransactionStatus}: slot, confirmations (null once finalized), status, err, confirmationStatus. */
    static ObjectNode status(final TransactionRecord record, final long currentSlot) {
        final Commitment level = Commitment.ofRecord(record);
        final ObjectNode status = Json.object();
        status.set("slot", Json.u64(record.slot()));
        if (level == Commitment.FINALIZED) {
            status.putNull("confirmations");
        } else {
            status.put("confirmations", Math.max(0, Math.min(MAX_CONFIRMATIONS, currentSlot - record.slot())));
        }
        status.set("status", ErrorText.status(record.error()));
        status.set("err", ErrorText.json(record.error()));
        status.put("confirmationStatus", level.wireName());
        return status;
    }

    private JsonNode getTransaction(final Params params) {
        params.arity(1, 2);
        final Signature signature = Keys.signature(params.string(0));
        final RpcConfig config = encodingConfig(params.raw(1));
        final String encoding = config.encoding("json", TransactionJson.ENCODINGS);
        final Commitment commitment = config.commitmentAtLeastConfirmed();
        final Long maxVersion = config.u64("maxSupportedTransactionVersion");
        final TransactionRecord record = backend.transaction(signature);
        if (record == null || !Commitment.ofRecord(record).satisfies(commitment)) {
            return NullNode.getInstance();
        }
        final ObjectNode result = Json.object();
        result.set("slot", Json.u64(record.slot()));
        result.setAll(TransactionJson.withMeta(record, encoding, maxVersion));
        result.put("blockTime", record.blockTimeSeconds());
        return result;
    }

    /** Solana still takes a bare encoding string in place of the config (RpcEncodingConfigWrapper). */
    private static RpcConfig encodingConfig(final JsonNode raw) {
        if (raw.isTextual()) {
            final ObjectNode config = Json.object();
            config.set("encoding", raw);
            return RpcConfig.of(config);
        }
        return RpcConfig.of(raw);
    }

    private JsonNode getBlock(final Params params) {
        params.arity(1, 2);
        final long slot = params.u64(0);
        final RpcConfig config = encodingConfig(params.raw(1));
        final String encoding = config.encoding("json", TransactionJson.ENCODINGS);
        final String details = config.string("transactionDetails", "full");
        if (!List.of(DETAILS).contains(details)) {
            throw RpcConfig.unknownVariant(details, DETAILS);
        }
        final boolean rewards = config.bool("rewards", true);
        config.commitmentAtLeastConfirmed();
        final Long maxVersion = config.u64("maxSupportedTransactionVersion");
        final BlockRecord block = existingBlock(slot);
        final ObjectNode result = Json.object();
        result.put("previousBlockhash", block.previousBlockhash().toBase58());
        result.put("blockhash", block.blockhash().toBase58());
        result.set("parentSlot", Json.u64(block.parentSlot()));
        putTransactions(result, block, details, encoding, maxVersion);
        if (rewards) {
            result.putArray("rewards");
        }
        result.put("blockTime", block.blockTimeSeconds());
        result.set("blockHeight", Json.u64(block.blockHeight()));
        return result;
    }

    private BlockRecord existingBlock(final long slot) {
        final BlockRecord block = backend.block(slot);
        if (block != null) {
            return block;
        }
        if (Long.compareUnsigned(slot, backend.slot()) >= 0) {
            throw new RpcException(RpcException.BLOCK_NOT_AVAILABLE, "Block not available for slot " + Long.toUnsignedString(slot));
        }
        throw new RpcException(RpcException.SLOT_SKIPPED, "Slot " + Long.toUnsignedString(slot)
            + " was skipped, or missing due to ledger jump to recent snapshot");
    }

    private void putTransactions(
        final ObjectNode result, final BlockRecord block, final String details, final String encoding, final Long maxVersion) {
        if ("none".equals(details)) {
            return;
        }
        if ("signatures".equals(details)) {
            final ArrayNode signatures = result.putArray("signatures");
            block.signatures().forEach(signature -> signatures.add(signature.toBase58()));
            return;
        }
        final ArrayNode transactions = result.putArray("transactions");
        for (final Signature signature : block.signatures()) {
            final TransactionRecord record = backend.transaction(signature);
            if (record != null) {
                transactions.add("accounts".equals(details)
                    ? TransactionJson.accountsOnly(record, maxVersion)
                    : TransactionJson.withMeta(record, encoding, maxVersion));
            }
        }
    }

    private JsonNode getBlockTime(final Params params) {
        params.arity(1, 1);
        return Json.NODES.numberNode(existingBlock(params.u64(0)).blockTimeSeconds());
    }
}
