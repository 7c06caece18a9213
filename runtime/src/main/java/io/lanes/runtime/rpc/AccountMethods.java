package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Pubkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Account reads: getBalance, getAccountInfo, getMultipleAccounts, getProgramAccounts. */
final class AccountMethods {
    /** Solana's {@code MAX_MULTIPLE_ACCOUNTS}. */
    static final int MAX_MULTIPLE_ACCOUNTS = 100;

    private final RpcBackend backend;
    private final ClusterMethods cluster;

    AccountMethods(final RpcBackend backend, final ClusterMethods cluster) {
        this.backend = backend;
        this.cluster = cluster;
    }

    void register(final Map<String, RpcMethod> methods) {
        methods.put("getBalance", this::getBalance);
        methods.put("getAccountInfo", this::getAccountInfo);
        methods.put("getMultipleAccounts", this::getMultipleAccounts);
        methods.put("getProgramAccounts", this::getProgramAccounts);
    }

    private CompletableFuture<JsonNode> getBalance(final Params params) {
        final Pubkey key = Keys.pubkey(params.arity(1, 2).string(0));
        final long slot = cluster.contextSlot(params, 1);
        return backend.accounts(List.of(key)).thenApply(found -> {
            final AccountSnapshot account = found.get(0);
            return Json.withContext(slot, Json.u64(account == null ? 0 : account.lamports()));
        });
    }

    private CompletableFuture<JsonNode> getAccountInfo(final Params params) {
        final Pubkey key = Keys.pubkey(params.arity(1, 2).string(0));
        final long slot = cluster.contextSlot(params, 1);
        final AccountEncoding encoding = AccountEncoding.fromConfig(params.config(1), AccountEncoding.BINARY);
        return backend.accounts(List.of(key))
            .thenComposeAsync(found -> encoding.encodeAll(found, backend, params.executor()), params.executor())
            .thenApply(encoded -> Json.withContext(slot, encoded.get(0)));
    }

    private CompletableFuture<JsonNode> getMultipleAccounts(final Params params) {
        final List<String> texts = params.arity(1, 2).stringList(0);
        if (texts.size() > MAX_MULTIPLE_ACCOUNTS) {
            throw RpcException.invalidParams("Too many inputs provided; max " + MAX_MULTIPLE_ACCOUNTS);
        }
        final List<Pubkey> keys = new ArrayList<>(texts.size());
        texts.forEach(text -> keys.add(Keys.pubkey(text)));
        final long slot = cluster.contextSlot(params, 1);
        final AccountEncoding encoding = AccountEncoding.fromConfig(params.config(1), AccountEncoding.BASE64);
        return backend.accounts(keys)
            .thenComposeAsync(found -> encoding.encodeAll(found, backend, params.executor()), params.executor())
            .thenApply(encoded -> {
                final ArrayNode value = Json.array();
                encoded.forEach(value::add);
                return Json.withContext(slot, value);
            });
    }

    private CompletableFuture<JsonNode> getProgramAccounts(final Params params) {
        final Pubkey program = Keys.pubkey(params.arity(1, 2).string(0));
        final long slot = cluster.contextSlot(params, 1);
        final RpcConfig config = params.config(1);
        final AccountEncoding encoding = AccountEncoding.fromConfig(config, AccountEncoding.BINARY);
        final List<AccountFilter> filters = AccountFilter.parseAll(config.get("filters"));
        final boolean withContext = config.bool("withContext", false);
        config.bool("sortResults", true);
        return backend.programAccounts(program)
            .thenComposeAsync(all -> keyedAccounts(select(all, program, filters), encoding, params), params.executor())
            .thenApply(list -> withContext ? Json.withContext(slot, list) : list);
    }

    /** The accounts that pass every filter, in key order (Solana sorts by default). */
    static List<AccountSnapshot> select(final List<AccountSnapshot> all, final Pubkey owner, final List<AccountFilter> filters) {
        final List<AccountSnapshot> selected = new ArrayList<>();
        for (final AccountSnapshot account : all) {
            if (account != null && owner.equals(account.owner()) && filters.stream().allMatch(f -> f.matches(account))) {
                selected.add(account);
            }
        }
        selected.sort((a, b) -> a.key().compareTo(b.key()));
        return selected;
    }

    /** {@code [{"pubkey":..., "account":...}]} as getProgramAccounts and getTokenAccountsByOwner answer. */
    CompletableFuture<JsonNode> keyedAccounts(
        final List<AccountSnapshot> accounts, final AccountEncoding encoding, final Params params) {
        return encoding.encodeAll(accounts, backend, params.executor()).thenApply(encoded -> {
            final ArrayNode list = Json.array();
            for (int i = 0; i < accounts.size(); i++) {
                final ObjectNode keyed = list.addObject();
                keyed.put("pubkey", accounts.get(i).key().toBase58());
                keyed.set("account", encoded.get(i));
            }
            return list;
        });
    }
}
