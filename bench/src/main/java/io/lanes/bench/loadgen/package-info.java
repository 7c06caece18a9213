/**
 * {@code scripts/loadgen}: a load generator against a running node, over its binary ingest port,
 * with statuses and the invariant check over JSON-RPC. Its clients ({@link io.lanes.bench.loadgen.IngestSender}
 * for the ingest port, {@link io.lanes.bench.loadgen.StatusPoller} and {@link io.lanes.bench.loadgen.RpcClient}
 * for JSON-RPC) also drive the bench's e2e stage. Depends on the SDK and the built-in programs'
 * instruction builders only (it talks to the node through its ports).
 */
package io.lanes.bench.loadgen;
