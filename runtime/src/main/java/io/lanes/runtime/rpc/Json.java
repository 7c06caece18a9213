package io.lanes.runtime.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.List;

/** Shared Jackson mapper and small builders for Solana's JSON shapes. Thread-safe. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What Solana reports as the RPC API version in every response context. */
    static final String API_VERSION = "2.1.0";

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A u64 held in a Java long, written as an unsigned JSON number (u64::MAX stays 18446744073709551615). */
    static JsonNode u64(final long value) {
        if (value >= 0) {
            return NODES.numberNode(value);
        }
        return NODES.numberNode(new BigInteger(Long.toUnsignedString(value)));
    }

    static ArrayNode u64Array(final long[] values) {
        final ArrayNode array = array();
        if (values != null) {
            for (final long value : values) {
                array.add(u64(value));
            }
        }
        return array;
    }

    static ArrayNode strings(final List<String> values) {
        final ArrayNode array = array();
        if (values != null) {
            values.forEach(array::add);
        }
        return array;
    }

    /** Parses JSON text the SDK produced (error JSON); never fails on well-formed input. */
    static JsonNode parse(final String text) {
        try {
            return MAPPER.readTree(text);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("malformed JSON from the SDK: " + text, e);
        }
    }

    /** Solana's {@code {"context":{"slot":N,"apiVersion":"2.1.0"},"value":...}} wrapper. */
    static ObjectNode withContext(final long slot, final JsonNode value) {
        final ObjectNode result = object();
        result.set("context", context(slot));
        result.set("value", value == null ? NODES.nullNode() : value);
        return result;
    }

    static ObjectNode context(final long slot) {
        final ObjectNode context = object();
        context.set("slot", u64(slot));
        context.put("apiVersion", API_VERSION);
        return context;
    }

    static String write(final JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
