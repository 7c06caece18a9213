package io.lanes.runtime.exec;

/** What became of a transaction. */
public enum TransactionStatus {
    /** Executed; every instruction succeeded; its changes and the fee are committed. */
    SUCCEEDED,
    /** Executed and failed; only the fee is charged, every other change is dropped. */
    FAILED,
    /** Never executed: not included in a block, no fee charged, nothing changed. */
    REJECTED;

    /** True if the transaction belongs in the block (it paid its fee). */
    public boolean isIncluded() {
        return this != REJECTED;
    }
}
