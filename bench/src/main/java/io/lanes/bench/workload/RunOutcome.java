package io.lanes.bench.workload;

/**
 * What a run of transactions ended with, counted from the execution results.
 *
 * @param succeeded    executed with success
 * @param failed       executed, failed, fee charged
 * @param rejected     never executed (admission or fee payer): no fee
 * @param feesLamports fees charged in total
 */
public record RunOutcome(long succeeded, long failed, long rejected, long feesLamports) {
    /** Transactions reported. */
    public long total() {
        return succeeded + failed + rejected;
    }
}
