package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Base58;
import io.lanes.sdk.Pubkey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * How to write accounts as Solana's {@code UiAccount}: {@code {"lamports","data","owner",
 * "executable","rentEpoch","space"}} with the data in one of Solana's encodings ("binary": a bare
 * base58 string; "base58", "base64", "base64+zstd": {@code [text, encoding]}; "jsonParsed": SPL
 * Token accounts and mints parsed, every other account as base64), optionally sliced.
 *
 * @param encoding    the encoding's wire name
 * @param sliceOffset first data byte to return
 * @param sliceLength data bytes to return, or -1 for all
 */
record AccountEncoding(String encoding, int sliceOffset, int sliceLength) {
    static final String BINARY = "binary";
    static final String BASE58 = "base58";
    static final String BASE64 = "base64";
    static final String BASE64_ZSTD = "base64+zstd";
    static final String JSON_PARSED = "jsonParsed";
    static final String[] KNOWN = {BINARY, BASE58, BASE64, JSON_PARSED, BASE64_ZSTD};
    /** Solana's {@code MAX_BASE58_BYTES}: larger data must be asked for in base64. */
    static final int MAX_BASE58_BYTES = 128;

    /** Reads {@code encoding} and {@code dataSlice} from a config, checking them as Solana does. */
    static AccountEncoding fromConfig(final RpcConfig config, final String fallback) {
        final String encoding = config.encoding(fallback, KNOWN);
        if (!config.has("dataSlice")) {
            return new AccountEncoding(encoding, 0, -1);
        }
        if (JSON_PARSED.equals(encoding)) {
            throw RpcException.invalidRequest(
                "Sliced account data can only be encoded using binary (base 58) or base64 encoding.");
        }
        final RpcConfig slice = config.object("dataSlice");
        final Long offset = slice.u64("offset");
        final Long length = slice.u64("length");
        if (offset == null || length == null) {
            throw RpcException.invalidParams("Invalid params: missing field `" + (offset == null ? "offset" : "length") + "`.");
        }
        return new AccountEncoding(encoding, clamp(offset), clamp(length));
    }

    private static int clamp(final long value) {
        return value < 0 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    boolean isJsonParsed() {
        return JSON_PARSED.equals(encoding);
    }

    /** Fails (-32600, Solana's text) if base58 was asked for and the returned data would exceed 128 bytes. */
    void checkBase58Size(final AccountSnapshot account) {
        if ((BINARY.equals(encoding) || BASE58.equals(encoding)) && account != null
            && sliced(account.data()).length > MAX_BASE58_BYTES) {
            throw RpcException.invalidRequest("Encoded binary (base 58) data should be less than "
                + MAX_BASE58_BYTES + " bytes, please use Base64 encoding.");
        }
    }

    /**
     * Encodes the accounts (null entries stay JSON null), first reading the mints that
     * jsonParsed token accounts need for their decimals. Runs the encoding on {@code executor}.
     */
    CompletableFuture<List<JsonNode>> encodeAll(
        final List<AccountSnapshot> accounts, final RpcBackend backend, final Executor executor) {
        return encodeAll(accounts, backend, executor, true);
    }

    /** As {@link #encodeAll(List, RpcBackend, Executor)}; {@code strict} false skips the base58 size check (notifications). */
    CompletableFuture<List<JsonNode>> encodeAll(
        final List<AccountSnapshot> accounts, final RpcBackend backend, final Executor executor, final boolean strict) {
        if (strict) {
            accounts.forEach(this::checkBase58Size);
        }
        final List<Pubkey> mints = isJsonParsed() ? mintsOf(accounts) : List.of();
        if (mints.isEmpty()) {
            return CompletableFuture.completedFuture(encodeList(accounts, Map.of()));
        }
        return backend.accounts(mints).thenApplyAsync(found -> encodeList(accounts, decimalsOf(found)), executor);
    }

    private List<JsonNode> encodeList(final List<AccountSnapshot> accounts, final Map<Pubkey, Integer> decimals) {
        final List<JsonNode> encoded = new ArrayList<>(accounts.size());
        for (final AccountSnapshot account : accounts) {
            encoded.add(account == null ? NullNode.getInstance() : encode(account, decimals));
        }
        return encoded;
    }

    private static List<Pubkey> mintsOf(final List<AccountSnapshot> accounts) {
        final Set<Pubkey> mints = new LinkedHashSet<>();
        for (final AccountSnapshot account : accounts) {
            if (TokenLayout.isAccount(account) && !TokenLayout.NATIVE_MINT.equals(TokenLayout.accountMint(account.data()))) {
                mints.add(TokenLayout.accountMint(account.data()));
            }
        }
        return new ArrayList<>(mints);
    }

    private static Map<Pubkey, Integer> decimalsOf(final List<AccountSnapshot> mints) {
        final Map<Pubkey, Integer> decimals = new HashMap<>();
        for (final AccountSnapshot mint : mints) {
            if (TokenLayout.isMint(mint)) {
                decimals.put(mint.key(), TokenLayout.mintDecimals(mint.data()));
            }
        }
        return decimals;
    }

    /** One account as Solana's {@code UiAccount}; {@code mintDecimals} serves jsonParsed token accounts. */
    ObjectNode encode(final AccountSnapshot account, final Map<Pubkey, Integer> mintDecimals) {
        final ObjectNode node = Json.object();
        node.set("lamports", Json.u64(account.lamports()));
        node.set("data", data(account, mintDecimals));
        node.put("owner", account.owner().toBase58());
        node.put("executable", account.executable());
        node.set("rentEpoch", Json.u64(account.rentEpoch()));
        node.put("space", account.data().length);
        return node;
    }

    private JsonNode data(final AccountSnapshot account, final Map<Pubkey, Integer> mintDecimals) {
        if (isJsonParsed()) {
            final JsonNode parsed = parsed(account, mintDecimals);
            return parsed != null ? parsed : pair(Base64.getEncoder().encodeToString(account.data()), BASE64);
        }
        final byte[] data = sliced(account.data());
        switch (encoding) {
            case BINARY:
                return Json.NODES.textNode(Base58.encode(data));
            case BASE58:
                return pair(Base58.encode(data), BASE58);
            case BASE64_ZSTD:
                return pair(Base64.getEncoder().encodeToString(ZstdFrames.stored(data)), BASE64_ZSTD);
            default:
                return pair(Base64.getEncoder().encodeToString(data), BASE64);
        }
    }

    private static JsonNode parsed(final AccountSnapshot account, final Map<Pubkey, Integer> mintDecimals) {
        final ObjectNode parsed = Json.object();
        if (TokenLayout.isMint(account)) {
            parsed.set("info", TokenLayout.parsedMintInfo(account.data()));
            parsed.put("type", "mint");
        } else if (TokenLayout.isAccount(account)) {
            final Pubkey mint = TokenLayout.accountMint(account.data());
            final Integer decimals = TokenLayout.NATIVE_MINT.equals(mint) ? TokenLayout.NATIVE_DECIMALS : mintDecimals.get(mint);
            if (decimals == null) {
                return null;
            }
            parsed.set("info", TokenLayout.parsedAccountInfo(account.data(), decimals));
            parsed.put("type", "account");
        } else {
            return null;
        }
        final ObjectNode data = Json.object();
        data.set("parsed", parsed);
        data.put("program", TokenLayout.programName(account.owner()));
        data.put("space", account.data().length);
        return data;
    }

    private static ArrayNode pair(final String text, final String encodingName) {
        final ArrayNode pair = Json.array();
        pair.add(text);
        pair.add(encodingName);
        return pair;
    }

    byte[] sliced(final byte[] data) {
        if (sliceLength < 0) {
            return data;
        }
        final int from = Math.min(sliceOffset, data.length);
        final int to = (int) Math.min((long) from + sliceLength, data.length);
        return Arrays.copyOfRange(data, from, to);
    }
}
