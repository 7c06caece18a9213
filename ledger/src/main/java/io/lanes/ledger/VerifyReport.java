package io.lanes.ledger;

/**
 * What {@link LedgerVerifier} found.
 *
 * @param blocks        blocks that passed every check
 * @param transactions  their transactions
 * @param firstSlot     the first such block's slot, or -1
 * @param lastSlot      the last such block's slot, or -1
 * @param problem       the first bad place (slot, entry index, transaction index), or null
 * @param end           where the log ends, or null when verification stopped at a problem first
 */
public record VerifyReport(long blocks, long transactions, long firstSlot, long lastSlot, LedgerProblem problem, LedgerEnd end) {
    /**
     * True if no problem was found. A {@code TORN} or {@code CORRUPT_TAIL} end is not a problem:
     * it holds only writes that never became durable (the next writer open truncates it).
     */
    public boolean ok() {
        return problem == null;
    }

    @Override
    public String toString() {
        return (ok() ? "ok" : "FAILED") + ": " + blocks + " blocks, " + transactions + " transactions, slots "
            + firstSlot + ".." + lastSlot + (problem == null ? "" : "; first problem: " + problem)
            + (end == null ? "" : "; end: " + end);
    }
}
