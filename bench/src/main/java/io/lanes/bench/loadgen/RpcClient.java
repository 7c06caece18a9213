package io.lanes.bench.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.sdk.Hash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal Solana JSON-RPC client over HTTP: one call, its result, or an exception with the error. */
public final class RpcClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    /** A client of the node at {@code url}, e.g. {@code http://127.0.0.1:8899}. */
    public RpcClient(final String url) {
        this.endpoint = URI.create(url);
    }

    /** Calls the method with params given as JSON text; returns the "result" node. */
    public JsonNode call(final String method, final String paramsJson) throws IOException, InterruptedException {
        final String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        final JsonNode reply = JSON.readTree(response.body());
        if (reply.has("error")) {
            throw new IOException(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    /** The node's latest blockhash ({@code getLatestBlockhash}): what new transactions must name. */
    public Hash latestBlockhash() throws IOException, InterruptedException {
        return Hash.fromBase58(call("getLatestBlockhash", "[]").get("value").get("blockhash").asText());
    }
}
