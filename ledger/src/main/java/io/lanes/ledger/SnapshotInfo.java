package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A snapshot the runtime wrote: the account state after the block at {@code slot}.
 *
 * @param slot              the slot of the last block the state includes (a block's slot, or the genesis slot)
 * @param stateHash         the state hash of that state
 * @param path              where the snapshot's files are; a relative path is relative to the data directory
 * @param createdAtMillis   when it was written (Unix milliseconds)
 */
public record SnapshotInfo(long slot, Hash stateHash, Path path, long createdAtMillis) {
    public SnapshotInfo {
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(path, "path");
        if (slot < 0) {
            throw new IllegalArgumentException("snapshot slot " + slot + " < 0");
        }
        final String text = path.toString();
        if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("snapshot path must be one non-empty line: " + text);
        }
    }
}
