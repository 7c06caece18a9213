package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.nio.file.Path;

/**
 * Where the valid ledger ends, and why reading stopped there.
 *
 * @param tail           how the log ends
 * @param lastSlot       the last valid block's slot (the anchor's slot if none was read)
 * @param lastEntryHash  the entry hash the chain stands at after that block
 * @param segment        the segment the valid log ends in (null if there are no segments)
 * @param validBytes     the valid length of that segment: records before this offset are good
 * @param bytesAfter     bytes after {@code validBytes} up to the end of that file
 * @param problem        the first bad place, or null when {@code tail} is {@link Tail#CLEAN}
 */
public record LedgerEnd(
    Tail tail, long lastSlot, Hash lastEntryHash, Path segment, long validBytes, long bytesAfter, LedgerProblem problem) {

    /** How the log ends. */
    public enum Tail {
        /** The last segment ends exactly after a valid record. */
        CLEAN,
        /** The last segment ends inside a record: a write torn by a crash. Recovery truncates it. */
        TORN,
        /** The last segment ends with a bad record and nothing valid after it. Recovery truncates it. */
        CORRUPT_TAIL,
        /** Damage that is not a tail: reading stopped before the end. Recovery refuses to repair it. */
        CORRUPT
    }

    /** True when recovery may cut the last segment at {@code validBytes}: a torn or corrupt tail. */
    public boolean isRepairableTail() {
        return tail == Tail.TORN || tail == Tail.CORRUPT_TAIL;
    }

    @Override
    public String toString() {
        final String where = segment == null ? "no segments" : segment.getFileName() + " at byte " + validBytes;
        return tail + " after slot " + lastSlot + " (" + where + (bytesAfter > 0 ? ", " + bytesAfter + " bytes after" : "")
            + ")" + (problem == null ? "" : ": " + problem);
    }
}
