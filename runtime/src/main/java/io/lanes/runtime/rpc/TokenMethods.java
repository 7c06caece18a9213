package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Pubkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** SPL Token reads: getTokenAccountBalance, getTokenSupply, getTokenAccountsByOwner. */
final class TokenMethods {
    private final RpcBackend backend;
    private final ClusterMethods cluster;
    private final AccountMethods accounts;

    TokenMethods(final RpcBackend backend, final ClusterMethods cluster, final AccountMethods accounts) {
        this.backend = backend;
        this.cluster = cluster;
        this.accounts = accounts;
    }

    void register(final Map<String, RpcMethod> methods) {
        methods.put("getTokenAccountBalance", this::getTokenAccountBalance);
        methods.put("getTokenSupply", this::getTokenSupply);
        methods.put("getTokenAccountsByOwner", this::getTokenAccountsByOwner);
    }

    private CompletableFuture<JsonNode> getTokenAccountBalance(final Params params) {
        final Pubkey key = Keys.pubkey(params.arity(1, 2).string(0));
        final long slot = cluster.contextSlot(params, 1);
        return backend.accounts(List.of(key)).thenComposeAsync(found -> {
            final AccountSnapshot account = found.get(0);
            if (account == null) {
                throw RpcException.invalidParams("Invalid param: could not find account");
            }
            if (!TokenLayout.isAccount(account)) {
                throw RpcException.invalidParams("Invalid param: not a Token account");
            }
            final long amount = TokenLayout.accountAmount(account.data());
            return decimals(TokenLayout.accountMint(account.data()))
                .thenApply(decimals -> Json.withContext(slot, TokenLayout.uiAmount(amount, decimals)));
        }, params.executor());
    }

    private CompletableFuture<Integer> decimals(final Pubkey mint) {
        if (TokenLayout.NATIVE_MINT.equals(mint)) {
            return CompletableFuture.completedFuture(TokenLayout.NATIVE_DECIMALS);
        }
        return backend.accounts(List.of(mint)).thenApply(found -> {
            if (found.get(0) == null) {
                throw RpcException.invalidParams("Invalid param: could not find mint");
            }
            if (!TokenLayout.isMint(found.get(0))) {
                throw RpcException.invalidParams("Invalid param: Token mint could not be unpacked");
            }
            return TokenLayout.mintDecimals(found.get(0).data());
        });
    }

    private CompletableFuture<JsonNode> getTokenSupply(final Params params) {
        final Pubkey key = Keys.pubkey(params.arity(1, 2).string(0));
        final long slot = cluster.contextSlot(params, 1);
        return backend.accounts(List.of(key)).thenApply(found -> {
            final AccountSnapshot mint = found.get(0);
            if (mint == null) {
                throw RpcException.invalidParams("Invalid param: could not find account");
            }
            if (!TokenLayout.isMint(mint)) {
                throw RpcException.invalidParams("Invalid param: not a Token mint");
            }
            return Json.withContext(slot, TokenLayout.uiAmount(TokenLayout.mintSupply(mint.data()),
                TokenLayout.mintDecimals(mint.data())));
        });
    }

    private CompletableFuture<JsonNode> getTokenAccountsByOwner(final Params params) {
        final Pubkey owner = Keys.pubkey(params.arity(2, 3).string(0));
        final RpcConfig filter = RpcConfig.of(params.raw(1));
        if (filter.has("mint") == filter.has("programId")) {
            throw RpcException.invalidParams("Invalid params: expected a filter: {\"mint\":\"<base58>\"} or {\"programId\":\"<base58>\"}.");
        }
        final long slot = cluster.contextSlot(params, 2);
        final AccountEncoding encoding = AccountEncoding.fromConfig(params.config(2), AccountEncoding.BINARY);
        final CompletableFuture<Pubkey[]> programAndMint = filter.has("mint")
            ? programOfMint(Keys.pubkey(filter.string("mint", null)))
            : CompletableFuture.completedFuture(new Pubkey[] {tokenProgram(filter.string("programId", null)), null});
        return programAndMint
            .thenComposeAsync(pm -> backend.programAccounts(pm[0]).thenApplyAsync(
                all -> ownedBy(all, pm[0], owner, pm[1]), params.executor()), params.executor())
            .thenComposeAsync(selected -> accounts.keyedAccounts(selected, encoding, params), params.executor())
            .thenApply(list -> Json.withContext(slot, list));
    }

    private static Pubkey tokenProgram(final String text) {
        final Pubkey program = Keys.pubkey(text);
        if (!TokenLayout.isTokenProgram(program)) {
            throw RpcException.invalidParams("Invalid param: unrecognized Token program id");
        }
        return program;
    }

    private CompletableFuture<Pubkey[]> programOfMint(final Pubkey mint) {
        return backend.accounts(List.of(mint)).thenApply(found -> {
            final AccountSnapshot account = found.get(0);
            if (account == null) {
                throw RpcException.invalidParams("Invalid param: could not find mint");
            }
            if (!TokenLayout.isTokenProgram(account.owner())) {
                throw RpcException.invalidParams("Invalid param: not a Token mint");
            }
            return new Pubkey[] {account.owner(), mint};
        });
    }

    private static List<AccountSnapshot> ownedBy(
        final List<AccountSnapshot> all, final Pubkey program, final Pubkey owner, final Pubkey mint) {
        final List<AccountSnapshot> selected = new ArrayList<>();
        for (final AccountSnapshot account : AccountMethods.select(all, program, List.of(TokenLayout::isAccount))) {
            if (owner.equals(TokenLayout.accountOwner(account.data()))
                && (mint == null || mint.equals(TokenLayout.accountMint(account.data())))) {
                selected.add(account);
            }
        }
        return selected;
    }
}
