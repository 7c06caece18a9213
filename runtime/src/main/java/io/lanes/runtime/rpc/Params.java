package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The positional parameters of one request, with typed accessors that fail as Solana's server
 * does ({@code -32602}, serde-style texts). Also carries the executor that continuations of
 * this request must run on (the connection's event loop).
 */
final class Params {
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    private final ArrayNode values;
    private final Executor executor;

    Params(final ArrayNode values, final Executor executor) {
        this.values = values;
        this.executor = executor;
    }

    /** The event loop that serves the request: run continuations of backend futures there. */
    Executor executor() {
        return executor;
    }

    int size() {
        return values.size();
    }

    /**
     * Checks the parameter count as Solana's jsonrpc-derive does: {@code required} leading
     * parameters, then up to {@code total - required} optional ones.
     */
    Params arity(final int required, final int total) {
        final int count = values.size();
        if (total == 0 && count > 0) {
            throw RpcException.invalidParams("No parameters were expected");
        }
        if (count < required) {
            throw RpcException.invalidParams("`params` should have at least " + required + " argument(s)");
        }
        if (count > total) {
            throw new RpcException(RpcException.INVALID_PARAMS,
                "Expected from " + required + " to " + total + " parameters.", Json.NODES.textNode("Got: " + count));
        }
        return this;
    }

    /** True if parameter {@code index} is present and not null. */
    boolean has(final int index) {
        return index < values.size() && !values.get(index).isNull();
    }

    JsonNode raw(final int index) {
        return has(index) ? values.get(index) : NullNode.getInstance();
    }

    private JsonNode required(final int index) {
        if (index >= values.size()) {
            throw RpcException.invalidParams("`params` should have at least " + (index + 1) + " argument(s)");
        }
        return values.get(index);
    }

    String string(final int index) {
        return asString(required(index));
    }

    long u64(final int index) {
        return asU64(required(index));
    }

    List<String> stringList(final int index) {
        final JsonNode node = required(index);
        if (!node.isArray()) {
            throw typeError(node, "a sequence");
        }
        final List<String> strings = new ArrayList<>(node.size());
        node.forEach(element -> strings.add(asString(element)));
        return strings;
    }

    /** The optional config object at {@code index}; empty when absent or null. */
    RpcConfig config(final int index) {
        return RpcConfig.of(raw(index));
    }

    static String asString(final JsonNode node) {
        if (!node.isTextual()) {
            throw typeError(node, "a string");
        }
        return node.textValue();
    }

    static long asU64(final JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw typeError(node, "u64");
        }
        final BigInteger value = node.bigIntegerValue();
        if (value.signum() < 0 || value.compareTo(U64_MAX) > 0) {
            throw RpcException.invalidParams("Invalid params: invalid value: integer `" + value + "`, expected u64.");
        }
        return value.longValue();
    }

    static boolean asBool(final JsonNode node) {
        if (!node.isBoolean()) {
            throw typeError(node, "a boolean");
        }
        return node.booleanValue();
    }

    static RpcException typeError(final JsonNode node, final String expected) {
        return RpcException.invalidParams("Invalid params: invalid type: " + describe(node) + ", expected " + expected + ".");
    }

    /** serde's words for an unexpected JSON value. */
    static String describe(final JsonNode node) {
        if (node.isTextual()) {
            return "string \"" + node.textValue() + "\"";
        }
        if (node.isIntegralNumber()) {
            return "integer `" + node.asText() + "`";
        }
        if (node.isNumber()) {
            return "floating point `" + node.asText() + "`";
        }
        if (node.isBoolean()) {
            return "boolean `" + node.asText() + "`";
        }
        if (node.isArray()) {
            return "sequence";
        }
        if (node.isObject()) {
            return "map";
        }
        return "null";
    }
}
