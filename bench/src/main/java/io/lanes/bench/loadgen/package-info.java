/**
 * {@code scripts/loadgen}: a load generator against a running node, over its binary ingest port,
 * with statuses and the invariant check over JSON-RPC. Depends on the SDK and the built-in
 * programs' instruction builders only (it talks to the node through its ports).
 */
package io.lanes.bench.loadgen;
