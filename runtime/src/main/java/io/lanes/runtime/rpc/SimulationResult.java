package io.lanes.runtime.rpc;

import io.lanes.sdk.program.TransactionError;

import java.util.List;

/**
 * The outcome of executing a transaction against the current state without committing it.
 *
 * @param slot                 the slot it was simulated at
 * @param error                null if it would succeed
 * @param logMessages          its logs
 * @param computeUnitsConsumed units it used
 * @param accounts             the requested accounts after execution (null entries for accounts that would not exist), or empty
 */
public record SimulationResult(
    long slot, TransactionError error, List<String> logMessages, long computeUnitsConsumed, List<AccountSnapshot> accounts) {
}
