package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Base58;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * One getProgramAccounts filter: {@code {"dataSize":N}}, {@code {"memcmp":{"offset":N,
 * "bytes":"<base58>"}}} (or {@code "encoding":"base64"}), or {@code {"tokenAccountState":{}}}.
 * Limits and texts as Solana's {@code RpcFilterType::verify}.
 */
interface AccountFilter {
    /** Solana's {@code MAX_GET_PROGRAM_ACCOUNT_FILTERS}. */
    int MAX_FILTERS = 4;
    int MAX_DATA_SIZE = 128;
    int MAX_DATA_BASE58_SIZE = 175;
    int MAX_DATA_BASE64_SIZE = 172;

    boolean matches(AccountSnapshot account);

    /** The filters of a config's {@code filters} member (absent: none). */
    static List<AccountFilter> parseAll(final JsonNode filters) {
        if (filters == null || filters.isNull()) {
            return List.of();
        }
        if (!filters.isArray()) {
            throw Params.typeError(filters, "a sequence");
        }
        if (filters.size() > MAX_FILTERS) {
            throw RpcException.invalidParams("Too many filters provided; max " + MAX_FILTERS);
        }
        final List<AccountFilter> parsed = new ArrayList<>();
        filters.forEach(filter -> parsed.add(parse(filter)));
        return parsed;
    }

    private static AccountFilter parse(final JsonNode filter) {
        if (!filter.isObject() || filter.size() != 1) {
            throw Params.typeError(filter, "a filter: {\"dataSize\":N}, {\"memcmp\":{...}} or {\"tokenAccountState\":{}}");
        }
        final Iterator<String> names = filter.fieldNames();
        final String kind = names.next();
        switch (kind) {
            case "dataSize":
                final long size = Params.asU64(filter.get(kind));
                return account -> account.data().length == size;
            case "memcmp":
                return memcmp(RpcConfig.of(filter.get(kind)));
            case "tokenAccountState":
                return TokenLayout::isAccount;
            default:
                throw RpcConfig.unknownVariant(kind, "dataSize", "memcmp", "tokenAccountState");
        }
    }

    private static AccountFilter memcmp(final RpcConfig memcmp) {
        final Long offset = memcmp.u64("offset");
        if (offset == null || !memcmp.has("bytes")) {
            throw RpcException.invalidParams("Invalid params: missing field `" + (offset == null ? "offset" : "bytes") + "`.");
        }
        final String encoding = memcmp.encoding("base58", "base58", "base64");
        final byte[] bytes = memcmpBytes(memcmp.string("bytes", ""), encoding);
        return account -> {
            final byte[] data = account.data();
            return offset <= data.length - bytes.length
                && Arrays.equals(data, offset.intValue(), offset.intValue() + bytes.length, bytes, 0, bytes.length);
        };
    }

    private static byte[] memcmpBytes(final String text, final String encoding) {
        final boolean base58 = "base58".equals(encoding);
        if (text.length() > (base58 ? MAX_DATA_BASE58_SIZE : MAX_DATA_BASE64_SIZE)) {
            throw RpcException.invalidParams("Invalid param: DataTooLarge");
        }
        final byte[] bytes;
        try {
            bytes = base58 ? Base58.decode(text) : Base64.getDecoder().decode(text);
        } catch (final IllegalArgumentException malformed) {
            throw RpcException.invalidParams("Invalid param: " + (base58 ? "Base58" : "Base64") + "DecodeError("
                + malformed.getMessage() + ")");
        }
        if (bytes.length > MAX_DATA_SIZE) {
            throw RpcException.invalidParams("Invalid param: DataTooLarge");
        }
        return bytes;
    }
}
