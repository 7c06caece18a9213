package io.lanes.ledger;

/**
 * Bytes that are not a valid ledger encoding (a record payload, a result, a segment header).
 * Readers turn it into a {@link LedgerProblem}; it never escapes {@link LedgerReader}.
 */
public final class LedgerFormatException extends RuntimeException {
    public LedgerFormatException(final String message) {
        super(message);
    }
}
