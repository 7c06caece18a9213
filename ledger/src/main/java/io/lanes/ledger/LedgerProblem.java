package io.lanes.ledger;

import java.nio.file.Path;

/**
 * The first bad place found in a ledger: what is wrong and where.
 *
 * @param kind             what is wrong
 * @param slot             the block's slot, or -1 when the record could not be read
 * @param entryIndex       the entry's index within its block (0-based), or -1 when not about one entry
 * @param transactionIndex the transaction's index within its entry, or -1
 * @param segment          the segment file, or null when the problem is not in one file
 * @param offset           byte offset of the record in that file, or -1
 * @param detail           a human-readable explanation
 */
public record LedgerProblem(
    Kind kind, long slot, int entryIndex, int transactionIndex, Path segment, long offset, String detail) {

    /** What can be wrong. */
    public enum Kind {
        /** The file ends inside a record (a write that never completed). */
        TRUNCATED_RECORD,
        /** A record's CRC32C does not match its payload, or its length is impossible. */
        BAD_CRC,
        /** A record with a valid CRC that does not decode (unknown type, bad counts, trailing bytes). */
        MALFORMED_RECORD,
        /** A segment's first record is not a valid header for its place (index, chain, version). */
        BAD_SEGMENT_HEADER,
        /** Segment numbers have a gap. */
        MISSING_SEGMENT,
        /** A segment header's anchor is not where the previous segment's chain ends. */
        ANCHOR_MISMATCH,
        /** A block's parent slot is not the previous block's slot. */
        SLOT_CHAIN,
        /** An entry's recorded hash is not the hash recomputed from its transactions' signatures. */
        ENTRY_HASH,
        /** A transaction that does not decode or sanitize. */
        BAD_TRANSACTION,
        /** A transaction whose signatures do not verify over its message (a changed message byte). */
        BAD_SIGNATURE,
        /** The state hash the runtime recomputed differs from the recorded one. */
        STATE_HASH
    }

    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder(kind.name());
        if (slot >= 0) {
            text.append(" at slot ").append(slot);
        }
        if (entryIndex >= 0) {
            text.append(" entry ").append(entryIndex);
        }
        if (transactionIndex >= 0) {
            text.append(" transaction ").append(transactionIndex);
        }
        if (segment != null) {
            text.append(" in ").append(segment.getFileName());
        }
        if (offset >= 0) {
            text.append(" offset ").append(offset);
        }
        return text.append(": ").append(detail).toString();
    }
}
