package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JSON-RPC 2.0 envelope handling shared by the HTTP and websocket servers: parses a request
 * body (one request or a batch), validates each envelope, calls the method and writes
 * {@code {"jsonrpc":"2.0","result":...,"id":...}} or the error object. Requests without an
 * {@code id} are notifications and get no answer. Every failure becomes an error answer; nothing
 * escapes to the transport.
 */
final class JsonRpcDispatcher {
    private static final Logger LOG = Logger.getLogger(JsonRpcDispatcher.class.getName());

    private final Function<String, RpcMethod> methods;

    /** @param methods the method of a name, or null for an unknown name */
    JsonRpcDispatcher(final Function<String, RpcMethod> methods) {
        this.methods = methods;
    }

    /**
     * Answers a request body: the response text, or null when nothing is to be sent (only
     * notifications). The future completes on {@code executor} or on the calling thread.
     */
    CompletableFuture<String> handle(final byte[] body, final Executor executor) {
        final JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (final IOException malformed) {
            return CompletableFuture.completedFuture(Json.write(error(NullNode.getInstance(),
                new RpcException(RpcException.PARSE_ERROR, "Parse error"))));
        }
        if (request == null || request.isMissingNode()) {
            return CompletableFuture.completedFuture(Json.write(error(NullNode.getInstance(),
                new RpcException(RpcException.PARSE_ERROR, "Parse error"))));
        }
        if (request.isArray()) {
            return handleBatch((ArrayNode) request, executor);
        }
        return handleOne(request, executor).thenApply(answer -> answer == null ? null : Json.write(answer));
    }

    private CompletableFuture<String> handleBatch(final ArrayNode batch, final Executor executor) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(Json.write(error(NullNode.getInstance(),
                RpcException.invalidRequest("Invalid request"))));
        }
        final List<CompletableFuture<JsonNode>> answers = new ArrayList<>(batch.size());
        batch.forEach(request -> answers.add(handleOne(request, executor)));
        return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            final ArrayNode array = Json.array();
            answers.forEach(answer -> {
                final JsonNode value = answer.join();
                if (value != null) {
                    array.add(value);
                }
            });
            return array.isEmpty() ? null : Json.write(array);
        });
    }

    /** One request's answer object, or null for a notification. Never completes exceptionally. */
    CompletableFuture<JsonNode> handleOne(final JsonNode request, final Executor executor) {
        final JsonNode id = request.isObject() ? request.get("id") : null;
        final boolean notification = request.isObject() && id == null;
        final JsonNode answerId = id == null || !validId(id) ? NullNode.getInstance() : id;
        CompletableFuture<JsonNode> result;
        try {
            final RpcMethod method = validate(request, id);
            result = method.call(new Params(paramsOf(request), executor));
        } catch (final RuntimeException failure) {
            result = CompletableFuture.failedFuture(failure);
        }
        final BiFunction<JsonNode, Throwable, JsonNode> answer = (value, failure) -> {
            if (notification) {
                return null;
            }
            return failure == null ? success(answerId, value) : error(answerId, asRpcException(failure));
        };
        return result.isDone() ? result.handle(answer) : result.handleAsync(answer, executor);
    }

    private RpcMethod validate(final JsonNode request, final JsonNode id) {
        if (!request.isObject() || id != null && !validId(id)) {
            throw RpcException.invalidRequest("Invalid request");
        }
        final JsonNode version = request.get("jsonrpc");
        final JsonNode name = request.get("method");
        if (version == null || !"2.0".equals(version.asText(null)) || name == null || !name.isTextual()) {
            throw RpcException.invalidRequest("Invalid request");
        }
        final RpcMethod method = methods.apply(name.textValue());
        if (method == null) {
            throw RpcException.methodNotFound();
        }
        return method;
    }

    private static boolean validId(final JsonNode id) {
        return id.isTextual() || id.isIntegralNumber() || id.isNull();
    }

    private static ArrayNode paramsOf(final JsonNode request) {
        final JsonNode params = request.get("params");
        if (params == null || params.isNull()) {
            return Json.array();
        }
        if (!params.isArray()) {
            throw RpcException.invalidParams("`params` should be an array");
        }
        return (ArrayNode) params;
    }

    static RpcException asRpcException(final Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RpcException) {
            return (RpcException) cause;
        }
        LOG.log(Level.WARNING, "RPC method failed unexpectedly", cause);
        return RpcException.internal();
    }

    static ObjectNode success(final JsonNode id, final JsonNode result) {
        final ObjectNode answer = Json.object();
        answer.put("jsonrpc", "2.0");
        answer.set("result", result == null ? NullNode.getInstance() : result);
        answer.set("id", id);
        return answer;
    }

    static ObjectNode error(final JsonNode id, final RpcException exception) {
        final ObjectNode error = Json.object();
        error.put("code", exception.code());
        error.put("message", exception.getMessage());
        if (exception.data() != null) {
            error.set("data", exception.data());
        }
        final ObjectNode answer = Json.object();
        answer.put("jsonrpc", "2.0");
        answer.set("error", error);
        answer.set("id", id);
        return answer;
    }
}
