package io.lanes.runtime.rpc;

import java.util.HashMap;
import java.util.Map;

/** The table of every JSON-RPC method the HTTP server answers, built once per server. */
final class RpcMethods {
    private RpcMethods() {
    }

    static Map<String, RpcMethod> all(final RpcBackend backend) {
        final Map<String, RpcMethod> methods = new HashMap<>();
        final ClusterMethods cluster = new ClusterMethods(backend);
        final AccountMethods accounts = new AccountMethods(backend, cluster);
        cluster.register(methods);
        accounts.register(methods);
        new TokenMethods(backend, cluster, accounts).register(methods);
        new TransactionMethods(backend, cluster).register(methods);
        new HistoryMethods(backend).register(methods);
        return Map.copyOf(methods);
    }
}
