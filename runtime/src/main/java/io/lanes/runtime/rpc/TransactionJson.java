package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Base58;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.AddressTableLookup;
import io.lanes.sdk.wire.CompiledInstruction;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.MessageVersion;
import io.lanes.sdk.wire.Transaction;

import java.util.Base64;

/**
 * Executed transactions as Solana writes them in getTransaction and getBlock: the transaction
 * in one of Solana's encodings ("json", "jsonParsed" with partially decoded instructions,
 * "base64", "base58", legacy "binary"), its status meta, and the version rules
 * ({@code maxSupportedTransactionVersion}, error -32015).
 */
final class TransactionJson {
    static final String[] ENCODINGS = {"binary", "base64", "base58", "json", "jsonParsed"};

    private TransactionJson() {
    }

    /**
     * Checks that the client can take this transaction's version: v0 needs
     * {@code maxSupportedTransactionVersion} (Solana's -32015 otherwise).
     */
    static void checkVersion(final Transaction transaction, final Long maxSupportedVersion) {
        if (transaction.message().version() == MessageVersion.V0 && maxSupportedVersion == null) {
            throw new RpcException(RpcException.UNSUPPORTED_TRANSACTION_VERSION,
                "Transaction version (0) is not supported by the requesting client. Please try the request again with "
                    + "the following configuration parameter: \"maxSupportedTransactionVersion\": 0");
        }
    }

    /** {@code {"transaction":..., "meta":..., "version":...}} (version only when the client gave a max). */
    static ObjectNode withMeta(final TransactionRecord record, final String encoding, final Long maxSupportedVersion) {
        checkVersion(record.transaction(), maxSupportedVersion);
        final ObjectNode node = Json.object();
        node.set("transaction", transaction(record.transaction(), encoding));
        node.set("meta", meta(record, true));
        putVersion(node, record.transaction(), maxSupportedVersion);
        return node;
    }

    /** The "accounts" transaction details of getBlock: signatures and account keys, and a shorter meta. */
    static ObjectNode accountsOnly(final TransactionRecord record, final Long maxSupportedVersion) {
        checkVersion(record.transaction(), maxSupportedVersion);
        final ObjectNode transaction = Json.object();
        transaction.set("signatures", signatures(record.transaction()));
        transaction.set("accountKeys", parsedAccountKeys(record.transaction().message()));
        final ObjectNode node = Json.object();
        node.set("transaction", transaction);
        node.set("meta", meta(record, false));
        putVersion(node, record.transaction(), maxSupportedVersion);
        return node;
    }

    private static void putVersion(final ObjectNode node, final Transaction transaction, final Long maxSupportedVersion) {
        if (maxSupportedVersion == null) {
            return;
        }
        if (transaction.message().version() == MessageVersion.V0) {
            node.put("version", 0);
        } else {
            node.put("version", "legacy");
        }
    }

    static JsonNode transaction(final Transaction transaction, final String encoding) {
        switch (encoding) {
            case "base64":
                return pair(Base64.getEncoder().encodeToString(transaction.wire()), "base64");
            case "base58":
                return pair(Base58.encode(transaction.wire()), "base58");
            case "binary":
                return Json.NODES.textNode(Base58.encode(transaction.wire()));
            case "jsonParsed":
                return uiTransaction(transaction, parsedMessage(transaction.message()));
            default:
                return uiTransaction(transaction, rawMessage(transaction.message()));
        }
    }

    private static ArrayNode pair(final String text, final String encoding) {
        final ArrayNode pair = Json.array();
        pair.add(text);
        pair.add(encoding);
        return pair;
    }

    private static ObjectNode uiTransaction(final Transaction transaction, final ObjectNode message) {
        final ObjectNode node = Json.object();
        node.set("signatures", signatures(transaction));
        node.set("message", message);
        return node;
    }

    static ArrayNode signatures(final Transaction transaction) {
        final ArrayNode signatures = Json.array();
        for (final Signature signature : transaction.signatures()) {
            signatures.add(signature.toBase58());
        }
        return signatures;
    }

    private static ObjectNode rawMessage(final Message message) {
        final ObjectNode node = Json.object();
        final ObjectNode header = node.putObject("header");
        header.put("numRequiredSignatures", message.header().numRequiredSignatures());
        header.put("numReadonlySignedAccounts", message.header().numReadonlySignedAccounts());
        header.put("numReadonlyUnsignedAccounts", message.header().numReadonlyUnsignedAccounts());
        final ArrayNode keys = node.putArray("accountKeys");
        message.accountKeys().forEach(key -> keys.add(key.toBase58()));
        node.put("recentBlockhash", message.recentBlockhash().toBase58());
        final ArrayNode instructions = node.putArray("instructions");
        for (final CompiledInstruction instruction : message.instructions()) {
            final ObjectNode ui = instructions.addObject();
            ui.put("programIdIndex", instruction.programIdIndex());
            final ArrayNode accounts = ui.putArray("accounts");
            for (int i = 0; i < instruction.accountCount(); i++) {
                accounts.add(instruction.accountIndex(i));
            }
            ui.put("data", Base58.encode(instruction.data()));
            ui.putNull("stackHeight");
        }
        putLookups(node, message);
        return node;
    }

    private static ObjectNode parsedMessage(final Message message) {
        final ObjectNode node = Json.object();
        node.set("accountKeys", parsedAccountKeys(message));
        node.put("recentBlockhash", message.recentBlockhash().toBase58());
        final ArrayNode instructions = node.putArray("instructions");
        for (final CompiledInstruction instruction : message.instructions()) {
            final ObjectNode ui = instructions.addObject();
            final ArrayNode accounts = ui.putArray("accounts");
            for (int i = 0; i < instruction.accountCount(); i++) {
                accounts.add(message.accountKey(instruction.accountIndex(i)).toBase58());
            }
            ui.put("data", Base58.encode(instruction.data()));
            ui.put("programId", message.accountKey(instruction.programIdIndex()).toBase58());
            ui.putNull("stackHeight");
        }
        putLookups(node, message);
        return node;
    }

    private static ArrayNode parsedAccountKeys(final Message message) {
        final ArrayNode keys = Json.array();
        for (int i = 0; i < message.accountKeyCount(); i++) {
            final ObjectNode key = keys.addObject();
            key.put("pubkey", message.accountKey(i).toBase58());
            key.put("signer", message.isSigner(i));
            key.put("source", "transaction");
            key.put("writable", message.isWritable(i));
        }
        return keys;
    }

    private static void putLookups(final ObjectNode node, final Message message) {
        if (message.version() != MessageVersion.V0) {
            return;
        }
        final ArrayNode lookups = node.putArray("addressTableLookups");
        for (final AddressTableLookup lookup : message.addressTableLookups()) {
            final ObjectNode ui = lookups.addObject();
            ui.put("accountKey", lookup.tableKey().toBase58());
            ui.set("writableIndexes", indexes(lookup.writableIndexes()));
            ui.set("readonlyIndexes", indexes(lookup.readonlyIndexes()));
        }
    }

    private static ArrayNode indexes(final byte[] indexes) {
        final ArrayNode array = Json.array();
        for (final byte index : indexes) {
            array.add(index & 0xFF);
        }
        return array;
    }

    /** Solana's {@code UiTransactionStatusMeta}; {@code full} adds logs, inner instructions and loaded addresses. */
    static ObjectNode meta(final TransactionRecord record, final boolean full) {
        final ObjectNode meta = Json.object();
        meta.set("err", ErrorText.json(record.error()));
        meta.set("status", ErrorText.status(record.error()));
        meta.set("fee", Json.u64(record.fee()));
        meta.set("preBalances", Json.u64Array(record.preBalances()));
        meta.set("postBalances", Json.u64Array(record.postBalances()));
        if (full) {
            meta.putArray("innerInstructions");
            meta.set("logMessages", Json.strings(record.logMessages()));
        }
        meta.putArray("preTokenBalances");
        meta.putArray("postTokenBalances");
        meta.putArray("rewards");
        if (full) {
            final ObjectNode loaded = meta.putObject("loadedAddresses");
            loaded.putArray("writable");
            loaded.putArray("readonly");
            meta.set("computeUnitsConsumed", Json.u64(record.computeUnitsConsumed()));
        }
        return meta;
    }
}
