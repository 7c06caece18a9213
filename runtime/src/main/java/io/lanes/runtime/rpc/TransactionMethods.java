package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.AddressTableLookup;
import io.lanes.sdk.wire.CompiledInstruction;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.SanitizeResult;
import io.lanes.sdk.wire.Sanitizer;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Transaction submission: sendTransaction (decode, sanitize, verify signatures, preflight
 * simulation, submit), simulateTransaction and requestAirdrop, with Solana's error codes and
 * texts (-32602 bad input, -32003 bad signatures, -32002 preflight failures).
 */
final class TransactionMethods {
    private final RpcBackend backend;
    private final ClusterMethods cluster;

    TransactionMethods(final RpcBackend backend, final ClusterMethods cluster) {
        this.backend = backend;
        this.cluster = cluster;
    }

    void register(final Map<String, RpcMethod> methods) {
        methods.put("sendTransaction", this::sendTransaction);
        methods.put("simulateTransaction", this::simulateTransaction);
        methods.put("requestAirdrop", RpcMethod.now(this::requestAirdrop));
    }

    private CompletableFuture<JsonNode> sendTransaction(final Params params) {
        params.arity(1, 2);
        final String text = params.string(0);
        final RpcConfig config = params.config(1);
        final Transaction transaction = WireText.transaction(text, WireText.transactionEncoding(config));
        final boolean skipPreflight = config.bool("skipPreflight", false);
        readPreflightCommitment(config);
        config.u64("maxRetries");
        config.checkMinContextSlot(backend.slot());
        sanitize(transaction);
        verifySignatures(transaction);
        final CompletableFuture<Void> preflight = skipPreflight
            ? CompletableFuture.completedFuture(null)
            : preflight(transaction);
        return preflight.thenApplyAsync(passed -> submit(transaction), params.executor());
    }

    private static void readPreflightCommitment(final RpcConfig config) {
        final String level = config.string("preflightCommitment", "finalized");
        if (Commitment.fromWire(level) == null) {
            throw RpcConfig.unknownVariant(level, "processed", "confirmed", "finalized");
        }
    }

    /** Solana's sanitize step: structural failures are -32602, duplicate keys fail like a simulation. */
    private static void sanitize(final Transaction transaction) {
        final SanitizeResult result = Sanitizer.sanitize(transaction);
        if (result.isOk()) {
            return;
        }
        if (result.kind() == TransactionError.Kind.AccountLoadedTwice) {
            throw preflightFailure(result.error(), List.of(), 0);
        }
        throw RpcException.invalidParams("invalid transaction: " + ErrorText.display(result.error()) + ": " + result.reason());
    }

    private static void verifySignatures(final Transaction transaction) {
        if (!Sanitizer.verifySignatures(transaction)) {
            throw new RpcException(RpcException.TRANSACTION_SIGNATURE_VERIFICATION_FAILURE,
                "Transaction signature verification failure");
        }
    }

    private CompletableFuture<Void> preflight(final Transaction transaction) {
        if (!backend.isBlockhashValid(transaction.message().recentBlockhash())) {
            return CompletableFuture.failedFuture(
                preflightFailure(TransactionError.of(TransactionError.Kind.BlockhashNotFound), List.of(), 0));
        }
        return backend.simulate(transaction, List.of()).thenAccept(result -> {
            if (result.error() != null) {
                throw preflightFailure(result.error(), result.logMessages(), result.computeUnitsConsumed());
            }
        });
    }

    private JsonNode submit(final Transaction transaction) {
        final RpcBackend.SubmitRejection rejection = backend.submit(transaction);
        if (rejection == null) {
            return Json.NODES.textNode(transaction.signature(0).toBase58());
        }
        if (rejection.error() != null) {
            throw preflightFailure(rejection.error(), List.of(), 0);
        }
        final ObjectNode data = Json.object();
        data.putNull("numSlotsBehind");
        throw new RpcException(RpcException.NODE_UNHEALTHY,
            rejection.message() == null ? "Node is unhealthy" : rejection.message(), data);
    }

    /** -32002 "Transaction simulation failed: ..." with the simulation result as data, as Solana. */
    static RpcException preflightFailure(final TransactionError error, final List<String> logs, final long units) {
        final ObjectNode data = Json.object();
        data.putNull("accounts");
        data.set("err", ErrorText.json(error));
        data.putNull("innerInstructions");
        data.set("logs", Json.strings(logs));
        data.putNull("replacementBlockhash");
        data.putNull("returnData");
        data.set("unitsConsumed", Json.u64(units));
        return new RpcException(RpcException.SEND_TRANSACTION_PREFLIGHT_FAILURE,
            "Transaction simulation failed: " + ErrorText.display(error), data);
    }

    private CompletableFuture<JsonNode> simulateTransaction(final Params params) {
        final Simulation simulation = simulation(params);
        final Transaction transaction = simulation.transaction();
        if (simulation.replacement().isNull() && !backend.isBlockhashValid(transaction.message().recentBlockhash())) {
            final SimulationResult notFound = new SimulationResult(simulation.slot(),
                TransactionError.of(TransactionError.Kind.BlockhashNotFound), List.of(), 0, List.of());
            return CompletableFuture.completedFuture(
                Json.withContext(simulation.slot(), simulationValue(notFound, null, simulation.replacement())));
        }
        return backend.simulate(transaction, simulation.accounts().keysOrEmpty()).thenComposeAsync(result ->
            simulation.accounts().encode(result, backend, params.executor()).thenApply(accounts ->
                Json.withContext(simulation.slot(), simulationValue(result, accounts, simulation.replacement()))),
            params.executor());
    }

    /** A checked simulateTransaction request: the transaction to run (blockhash replaced if asked) and what to return. */
    private record Simulation(Transaction transaction, long slot, SimulatedAccounts accounts, JsonNode replacement) {
    }

    private Simulation simulation(final Params params) {
        params.arity(1, 2);
        final String text = params.string(0);
        final RpcConfig config = params.config(1);
        final Transaction decoded = WireText.transaction(text, WireText.transactionEncoding(config));
        final long slot = cluster.contextSlot(params, 1);
        final boolean sigVerify = config.bool("sigVerify", false);
        final boolean replaceBlockhash = config.bool("replaceRecentBlockhash", false);
        config.bool("innerInstructions", false);
        if (replaceBlockhash && sigVerify) {
            throw RpcException.invalidParams("sigVerify may not be used with replaceRecentBlockhash");
        }
        final SimulatedAccounts accounts = SimulatedAccounts.fromConfig(config.object("accounts"), decoded);
        final Hash latest = backend.latestBlockhash();
        final Transaction transaction = replaceBlockhash ? withBlockhash(decoded, latest) : decoded;
        sanitizeForSimulation(transaction);
        if (sigVerify) {
            verifySignatures(transaction);
        }
        return new Simulation(transaction, slot, accounts, replaceBlockhash ? blockhashInfo(latest) : Json.NODES.nullNode());
    }

    private static void sanitizeForSimulation(final Transaction transaction) {
        final SanitizeResult result = Sanitizer.sanitize(transaction);
        if (!result.isOk() && result.kind() != TransactionError.Kind.AccountLoadedTwice) {
            throw RpcException.invalidParams("invalid transaction: " + ErrorText.display(result.error()) + ": " + result.reason());
        }
    }

    private ObjectNode blockhashInfo(final Hash blockhash) {
        final ObjectNode info = Json.object();
        info.put("blockhash", blockhash.toBase58());
        info.set("lastValidBlockHeight", Json.u64(backend.lastValidBlockHeight()));
        return info;
    }

    /** The same transaction with another recent blockhash (signatures kept, so no longer valid). */
    static Transaction withBlockhash(final Transaction transaction, final Hash blockhash) {
        final Message old = transaction.message();
        final Message message = copy(old, blockhash, TransactionCodec.encodeMessage(copy(old, blockhash, null)));
        final Signature[] signatures = transaction.signatures().toArray(new Signature[0]);
        return new Transaction(signatures, message, TransactionCodec.encode(new Transaction(signatures, message, null)));
    }

    private static Message copy(final Message message, final Hash blockhash, final byte[] serialized) {
        return new Message(message.version(), message.header(), message.accountKeys().toArray(new Pubkey[0]), blockhash,
            message.instructions().toArray(new CompiledInstruction[0]),
            message.addressTableLookups().toArray(new AddressTableLookup[0]), serialized);
    }

    /** Solana's {@code RpcSimulateTransactionResult}. */
    static ObjectNode simulationValue(final SimulationResult result, final JsonNode accounts, final JsonNode replacement) {
        final ObjectNode value = Json.object();
        value.set("err", ErrorText.json(result.error()));
        value.set("logs", Json.strings(result.logMessages()));
        value.set("accounts", accounts == null ? Json.NODES.nullNode() : accounts);
        value.set("unitsConsumed", Json.u64(result.computeUnitsConsumed()));
        value.putNull("returnData");
        value.putNull("innerInstructions");
        value.set("replacementBlockhash", replacement);
        return value;
    }

    private JsonNode requestAirdrop(final Params params) {
        params.arity(2, 3);
        final Pubkey to = Keys.pubkey(params.string(0));
        final long lamports = params.u64(1);
        final RpcConfig config = params.config(2);
        config.commitment();
        if (config.has("recentBlockhash")) {
            Keys.hash(config.string("recentBlockhash", null));
        }
        try {
            return Json.NODES.textNode(backend.requestAirdrop(to, lamports).toBase58());
        } catch (final RuntimeException failed) {
            final ObjectNode data = Json.object();
            data.put("reason", String.valueOf(failed.getMessage()));
            throw new RpcException(RpcException.INTERNAL_ERROR, "Internal error", data);
        }
    }

    /** The {@code accounts} option of simulateTransaction: which accounts to return, in which encoding. */
    private record SimulatedAccounts(List<Pubkey> keys, AccountEncoding encoding) {
        static SimulatedAccounts fromConfig(final RpcConfig accounts, final Transaction transaction) {
            if (!accounts.has("addresses")) {
                return new SimulatedAccounts(null, null);
            }
            final AccountEncoding encoding = AccountEncoding.fromConfig(accounts, AccountEncoding.BASE64);
            if (AccountEncoding.BINARY.equals(encoding.encoding()) || AccountEncoding.BASE58.equals(encoding.encoding())) {
                throw RpcException.invalidParams("base58 encoding not supported");
            }
            final JsonNode addresses = accounts.get("addresses");
            if (!addresses.isArray()) {
                throw Params.typeError(addresses, "a sequence");
            }
            final int max = transaction.message().accountKeyCount();
            if (addresses.size() > max) {
                throw RpcException.invalidParams("Too many accounts provided; max " + max);
            }
            final List<Pubkey> keys = new ArrayList<>();
            addresses.forEach(address -> keys.add(Keys.pubkey(Params.asString(address))));
            return new SimulatedAccounts(keys, encoding);
        }

        List<Pubkey> keysOrEmpty() {
            return keys == null ? List.of() : keys;
        }

        CompletableFuture<JsonNode> encode(final SimulationResult result, final RpcBackend backend,
                                           final Executor executor) {
            if (keys == null) {
                return CompletableFuture.completedFuture(null);
            }
            final List<AccountSnapshot> after = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                final boolean known = result.error() == null && result.accounts() != null && i < result.accounts().size();
                after.add(known ? result.accounts().get(i) : null);
            }
            return encoding.encodeAll(after, backend, executor).thenApply(encoded -> {
                final ArrayNode array = Json.array();
                encoded.forEach(array::add);
                return array;
            });
        }
    }
}
