package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

/**
 * A method's optional config object ({@code {"commitment":"confirmed","encoding":"base64",...}}).
 * Unknown fields are ignored, as Solana's serde structs ignore them; known fields are type-checked.
 */
final class RpcConfig {
    private static final RpcConfig EMPTY = new RpcConfig(JsonNodeFactory.instance.objectNode());

    private final ObjectNode fields;

    private RpcConfig(final ObjectNode fields) {
        this.fields = fields;
    }

    static RpcConfig of(final JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return EMPTY;
        }
        if (!node.isObject()) {
            throw Params.typeError(node, "a config object");
        }
        return new RpcConfig((ObjectNode) node);
    }

    boolean has(final String name) {
        final JsonNode value = fields.get(name);
        return value != null && !value.isNull();
    }

    JsonNode get(final String name) {
        return fields.get(name);
    }

    String string(final String name, final String fallback) {
        return has(name) ? Params.asString(fields.get(name)) : fallback;
    }

    boolean bool(final String name, final boolean fallback) {
        return has(name) ? Params.asBool(fields.get(name)) : fallback;
    }

    /** A u64 field, or null when absent. */
    Long u64(final String name) {
        return has(name) ? Params.asU64(fields.get(name)) : null;
    }

    RpcConfig object(final String name) {
        return of(fields.get(name));
    }

    /** The commitment level; finalized when absent (Solana's default). */
    Commitment commitment() {
        if (!has("commitment")) {
            return Commitment.FINALIZED;
        }
        final String name = Params.asString(fields.get("commitment"));
        final Commitment level = Commitment.fromWire(name);
        if (level == null) {
            throw unknownVariant(name, "processed", "confirmed", "finalized");
        }
        return level;
    }

    /** Fails as Solana does for methods that need at least confirmed. */
    Commitment commitmentAtLeastConfirmed() {
        final Commitment level = commitment();
        if (level == Commitment.PROCESSED) {
            throw RpcException.invalidParams("Method does not support commitment below `confirmed`");
        }
        return level;
    }

    /** The encoding field, checked against the names serde knows for this kind of encoding. */
    String encoding(final String fallback, final String... known) {
        final String name = string("encoding", fallback);
        if (!Arrays.asList(known).contains(name)) {
            throw unknownVariant(name, known);
        }
        return name;
    }

    /** Checks {@code minContextSlot} against the node's slot (error -32016 as Solana). */
    void checkMinContextSlot(final long contextSlot) {
        final Long min = u64("minContextSlot");
        if (min != null && Long.compareUnsigned(contextSlot, min) < 0) {
            final ObjectNode data = Json.object();
            data.set("contextSlot", Json.u64(contextSlot));
            throw new RpcException(RpcException.MIN_CONTEXT_SLOT_NOT_REACHED,
                "Minimum context slot has not been reached", data);
        }
    }

    static RpcException unknownVariant(final String name, final String... known) {
        final StringBuilder text = new StringBuilder("Invalid params: unknown variant `").append(name)
            .append("`, expected ");
        if (known.length == 2) {
            text.append('`').append(known[0]).append("` or `").append(known[1]).append('`');
        } else {
            text.append(known.length > 2 ? "one of " : "");
            for (int i = 0; i < known.length; i++) {
                text.append(i == 0 ? "" : ", ").append('`').append(known[i]).append('`');
            }
        }
        return RpcException.invalidParams(text.append('.').toString());
    }
}
