/**
 * Solana-compatible JSON-RPC over HTTP ({@link io.lanes.runtime.rpc.RpcServer}) and PubSub over
 * websocket ({@link io.lanes.runtime.rpc.PubSubServer}), serving unmodified Solana clients
 * (@solana/web3.js, spl-token, solana-py, solanaj) from an {@link io.lanes.runtime.rpc.RpcBackend}.
 *
 * <h2>Division of work</h2>
 * The servers own the wire: HTTP and websocket framing, the JSON-RPC envelope, parameter
 * checking, Solana's response shapes, encodings and error codes/texts. The backend owns state
 * and answers in Lanes types. Each method is a small handler ({@code ClusterMethods},
 * {@code AccountMethods}, {@code TokenMethods}, {@code TransactionMethods},
 * {@code HistoryMethods}); {@code JsonRpcDispatcher} runs the envelope for both servers.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>Netty event loops (1 acceptor + up to 4 workers per server) parse requests and call the
 *       backend. Backend calls made there must be quick and non-blocking; the synchronous ones
 *       (slot, latestBlockhash, transaction(sig), submit...) are expected to be.</li>
 *   <li>Backend futures ({@code accounts}, {@code programAccounts}, {@code simulate}) complete on
 *       node threads. No handler ever blocks an event loop on a future ({@code join}/{@code get}
 *       are never called): handlers chain with {@code thenApplyAsync(..., params.executor())}, so
 *       encoding and the response write run back on the connection's event loop, not on node
 *       threads.</li>
 *   <li>An HTTP connection answers its requests in order, one at a time; while one waits for
 *       the backend the connection stops reading (back-pressure for pipelining clients).</li>
 *   <li>{@link io.lanes.runtime.rpc.NodeEvents} callbacks arrive on node threads. The PubSub
 *       listener only checks whether anyone watches (a concurrent map lookup) and hands the event
 *       to one dispatch event loop, which builds the notifications.</li>
 *   <li>Each websocket client has a bounded outbound queue (messages and bytes); a client that
 *       does not read is disconnected instead of growing memory.</li>
 *   <li>A subscription starts when its subscribe request is handled; its notifications are held
 *       until the subscribe answer is written, so none is lost and none reaches the client before
 *       the subscription id it belongs to.</li>
 * </ul>
 */
package io.lanes.runtime.rpc;
