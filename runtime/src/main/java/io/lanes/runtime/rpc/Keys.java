package io.lanes.runtime.rpc;

import io.lanes.sdk.Base58;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

/**
 * Parses base58 keys, signatures and hashes from parameters, failing as Solana's
 * {@code verify_pubkey}/{@code verify_signature} do: {@code -32602 "Invalid param: WrongSize"}
 * or {@code "Invalid param: Invalid"}.
 */
final class Keys {
    /** Longest base58 text of 32 bytes. */
    private static final int MAX_BASE58_32 = 44;
    /** Longest base58 text of 64 bytes. */
    private static final int MAX_BASE58_64 = 88;

    private Keys() {
    }

    static Pubkey pubkey(final String text) {
        return Pubkey.wrap(decode(text, Pubkey.LENGTH, MAX_BASE58_32));
    }

    static Hash hash(final String text) {
        return Hash.wrap(decode(text, Hash.LENGTH, MAX_BASE58_32));
    }

    static Signature signature(final String text) {
        return Signature.wrap(decode(text, Signature.LENGTH, MAX_BASE58_64));
    }

    private static byte[] decode(final String text, final int length, final int maxText) {
        if (text.length() > maxText) {
            throw RpcException.invalidParams("Invalid param: WrongSize");
        }
        final byte[] bytes;
        try {
            bytes = Base58.decode(text);
        } catch (final IllegalArgumentException badCharacter) {
            throw RpcException.invalidParams("Invalid param: Invalid");
        }
        if (bytes.length != length) {
            throw RpcException.invalidParams("Invalid param: WrongSize");
        }
        return bytes;
    }
}
