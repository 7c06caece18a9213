package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error answer: code, message and optional data, with Solana's codes and texts.
 * Thrown by method handlers; the dispatcher turns it into the error object of the response.
 * Carries no stack trace: bad input is ordinary.
 */
public final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int SEND_TRANSACTION_PREFLIGHT_FAILURE = -32002;
    public static final int TRANSACTION_SIGNATURE_VERIFICATION_FAILURE = -32003;
    public static final int BLOCK_NOT_AVAILABLE = -32004;
    public static final int NODE_UNHEALTHY = -32005;
    public static final int SLOT_SKIPPED = -32007;
    public static final int UNSUPPORTED_TRANSACTION_VERSION = -32015;
    public static final int MIN_CONTEXT_SLOT_NOT_REACHED = -32016;

    private final int code;
    private final transient JsonNode data;

    public RpcException(final int code, final String message, final JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public RpcException(final int code, final String message) {
        this(code, message, null);
    }

    public int code() {
        return code;
    }

    /** The error's data member, or null for none. */
    public JsonNode data() {
        return data;
    }

    static RpcException invalidParams(final String message) {
        return new RpcException(INVALID_PARAMS, message);
    }

    static RpcException invalidRequest(final String message) {
        return new RpcException(INVALID_REQUEST, message);
    }

    static RpcException methodNotFound() {
        return new RpcException(METHOD_NOT_FOUND, "Method not found");
    }

    static RpcException internal() {
        return new RpcException(INTERNAL_ERROR, "Internal error");
    }
}
