package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CompletableFuture;

/**
 * One JSON-RPC method: takes the request's parameters and answers with the {@code result}
 * member, now or later. Runs on a Netty event loop, so it must never block: it either answers
 * at once or chains on a backend future. Failures are {@link RpcException}s (thrown, or
 * completing the future exceptionally).
 */
@FunctionalInterface
interface RpcMethod {
    CompletableFuture<JsonNode> call(Params params);

    /** A method that answers at once. */
    static RpcMethod now(final java.util.function.Function<Params, JsonNode> body) {
        return params -> CompletableFuture.completedFuture(body.apply(params));
    }
}
