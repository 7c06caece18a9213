package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JSON-RPC client over java.net.http for the server tests, plus transaction builders. */
final class RpcTestClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    RpcTestClient(final int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Calls a method with positional parameters (Java values, converted by Jackson). */
    JsonNode call(final String method, final Object... params) {
        final ObjectNode request = MAPPER.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", 1);
        request.put("method", method);
        final ArrayNode array = request.putArray("params");
        for (final Object param : params) {
            array.add(MAPPER.valueToTree(param));
        }
        return postJson(request.toString());
    }

    /** The result member; fails the test if the answer is an error. */
    JsonNode result(final String method, final Object... params) {
        final JsonNode answer = call(method, params);
        if (answer.has("error")) {
            throw new AssertionError(method + " failed: " + answer);
        }
        return answer.get("result");
    }

    /** The error member; fails the test if the answer is a result. */
    JsonNode error(final String method, final Object... params) {
        final JsonNode answer = call(method, params);
        if (!answer.has("error")) {
            throw new AssertionError(method + " should have failed: " + answer);
        }
        return answer.get("error");
    }

    JsonNode postJson(final String body) {
        final HttpResponse<String> response = post(body);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (final IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    HttpResponse<String> post(final String body) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(final String path) {
        return send(HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private HttpResponse<String> send(final HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Keypair keypair(final String seed) {
        return Keypair.fromSeed(Hash.sha256(seed.getBytes()).toBytes());
    }

    static Pubkey pubkey(final String seed) {
        return Pubkey.wrap(Hash.sha256(seed.getBytes()).toBytes());
    }

    /** A signed legacy system transfer. */
    static Transaction transfer(final Keypair from, final Pubkey to, final long lamports, final Hash blockhash) {
        return TransactionCodec.sign(MessageBuilder.legacy(from.publicKey(), blockhash)
            .add(SystemInstruction.transfer(from.publicKey(), to, lamports)).build(), from);
    }

    /** A signed v0 system transfer (no lookups). */
    static Transaction transferV0(final Keypair from, final Pubkey to, final long lamports, final Hash blockhash) {
        return TransactionCodec.sign(MessageBuilder.v0(from.publicKey(), blockhash)
            .add(SystemInstruction.transfer(from.publicKey(), to, lamports)).build(), from);
    }

    static String base64(final Transaction transaction) {
        return java.util.Base64.getEncoder().encodeToString(transaction.wire());
    }
}
