package io.lanes.runtime.rpc;

import io.lanes.sdk.Base58;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import io.lanes.sdk.wire.WireFormatException;

import java.util.Base64;

/**
 * Decodes base58/base64 wire transactions and messages from parameters, with Solana's size
 * limits and error texts ({@code decode_and_deserialize}): all failures are {@code -32602}.
 */
final class WireText {
    static final String TRANSACTION_TYPE = "solana_transaction::versioned::VersionedTransaction";
    static final String MESSAGE_TYPE = "solana_message::versioned::VersionedMessage";
    /** Longest base58 text of a 1232-byte packet (Solana's golden constant). */
    static final int MAX_BASE58_SIZE = 1683;
    /** Longest base64 text of a 1232-byte packet. */
    static final int MAX_BASE64_SIZE = 1644;
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private WireText() {
    }

    /** The binary encodings sendTransaction and simulateTransaction accept; others fail as Solana's do. */
    static String transactionEncoding(final RpcConfig config) {
        final String encoding = config.encoding("base58", "binary", "base64", "base58", "json", "jsonParsed");
        if ("json".equals(encoding) || "jsonParsed".equals(encoding)) {
            throw RpcException.invalidParams("unsupported encoding: " + encoding + ". Supported encodings: base58, base64");
        }
        return "binary".equals(encoding) ? "base58" : encoding;
    }

    static Transaction transaction(final String text, final String encoding) {
        final byte[] wire = decode(text, encoding, TRANSACTION_TYPE);
        try {
            return TransactionCodec.decode(wire);
        } catch (final WireFormatException malformed) {
            throw RpcException.invalidParams("failed to deserialize " + TRANSACTION_TYPE + ": " + malformed.getMessage());
        }
    }

    static Message message(final String base64) {
        final byte[] bytes = decode(base64, "base64", MESSAGE_TYPE);
        try {
            return TransactionCodec.decodeMessage(bytes);
        } catch (final WireFormatException malformed) {
            throw RpcException.invalidParams("failed to deserialize " + MESSAGE_TYPE + ": " + malformed.getMessage());
        }
    }

    private static byte[] decode(final String text, final String encoding, final String type) {
        final boolean base58 = "base58".equals(encoding);
        final int limit = base58 ? MAX_BASE58_SIZE : MAX_BASE64_SIZE;
        if (text.length() > limit) {
            throw RpcException.invalidParams(encoding + " encoded " + type + " too large: " + text.length()
                + " bytes (max: encoded/raw " + limit + "/" + Transaction.MAX_WIRE_LENGTH + ")");
        }
        final byte[] bytes = base58 ? base58(text) : base64(text);
        if (bytes.length > Transaction.MAX_WIRE_LENGTH) {
            throw RpcException.invalidParams("decoded " + type + " too large: " + bytes.length + " bytes (max: "
                + Transaction.MAX_WIRE_LENGTH + " bytes)");
        }
        return bytes;
    }

    private static byte[] base58(final String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                throw RpcException.invalidParams("invalid base58 encoding: InvalidCharacter { character: '"
                    + text.charAt(i) + "', index: " + i + " }");
            }
        }
        return Base58.decode(text);
    }

    private static byte[] base64(final String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (final IllegalArgumentException malformed) {
            throw RpcException.invalidParams("invalid base64 encoding: " + malformed.getMessage());
        }
    }
}
