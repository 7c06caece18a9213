package io.lanes.bench.workload;

/**
 * Whether a workload's invariant held after a run, with what was compared.
 *
 * @param ok     true if it held
 * @param detail the values compared, e.g. "lamports 1000 = 2000 - fees 1000; 2/2 succeeded"
 */
public record InvariantResult(boolean ok, String detail) {
    public static InvariantResult of(final boolean ok, final String detail) {
        return new InvariantResult(ok, detail);
    }

    /** Both must hold; the details are joined. */
    public InvariantResult and(final InvariantResult other) {
        return new InvariantResult(ok && other.ok, detail + "; " + other.detail);
    }
}
