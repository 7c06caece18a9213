package io.lanes.sdk.wire;

/**
 * The only error {@link TransactionCodec} throws: the bytes are not a well-formed wire
 * transaction or message, or a value cannot be written in the wire format. The message says
 * what is wrong and where. It records no stack trace: malformed input from the network is an
 * ordinary event, not a bug, and rejecting it must stay cheap.
 */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(final String message) {
        super(message, null, false, false);
    }
}
