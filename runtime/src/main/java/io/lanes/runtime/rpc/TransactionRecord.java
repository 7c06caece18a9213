package io.lanes.runtime.rpc;

import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

import java.util.List;

/**
 * What the node remembers of an executed transaction, for getTransaction, getSignatureStatuses
 * and getBlock.
 *
 * @param transaction          the transaction as received
 * @param slot                 the slot whose block holds it
 * @param blockTimeSeconds     Unix time of that block
 * @param error                null when it succeeded
 * @param fee                  lamports charged
 * @param computeUnitsConsumed units used
 * @param logMessages          Solana-style log lines
 * @param preBalances          lamports of each account key before, in message order
 * @param postBalances         lamports of each account key after
 * @param confirmation         "processed", "confirmed" or "finalized"
 */
public record TransactionRecord(
    Transaction transaction,
    long slot,
    long blockTimeSeconds,
    TransactionError error,
    long fee,
    long computeUnitsConsumed,
    List<String> logMessages,
    long[] preBalances,
    long[] postBalances,
    String confirmation) {
}
