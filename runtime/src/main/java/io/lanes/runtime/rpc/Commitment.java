package io.lanes.runtime.rpc;

/** Solana's commitment levels, weakest first. Lanes is one node: the levels differ only in timing. */
public enum Commitment {
    PROCESSED("processed"),
    CONFIRMED("confirmed"),
    FINALIZED("finalized");

    private final String wireName;

    Commitment(final String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. "confirmed". */
    public String wireName() {
        return wireName;
    }

    /** True if a transaction at this level also satisfies {@code wanted}. */
    public boolean satisfies(final Commitment wanted) {
        return ordinal() >= wanted.ordinal();
    }

    /** The level named on the wire, or null if the name is none of the three. */
    public static Commitment fromWire(final String name) {
        for (final Commitment level : values()) {
            if (level.wireName.equals(name)) {
                return level;
            }
        }
        return null;
    }

    /** The level of a {@link TransactionRecord#confirmation()}; unknown text counts as processed. */
    public static Commitment ofRecord(final TransactionRecord record) {
        final Commitment level = fromWire(record.confirmation());
        return level == null ? PROCESSED : level;
    }
}
