package io.lanes.sdk.wire;

import io.lanes.sdk.Pubkey;

import java.util.Arrays;
import java.util.Objects;

/**
 * A v0 message's reference into an on-chain address lookup table. Decoded, not yet executable.
 * Equality is by content; the arrays are owned by the lookup and callers must not change them.
 */
public record AddressTableLookup(Pubkey tableKey, byte[] writableIndexes, byte[] readonlyIndexes) {
    @Override
    public boolean equals(final Object other) {
        return other instanceof AddressTableLookup
            && ((AddressTableLookup) other).tableKey.equals(tableKey)
            && Arrays.equals(((AddressTableLookup) other).writableIndexes, writableIndexes)
            && Arrays.equals(((AddressTableLookup) other).readonlyIndexes, readonlyIndexes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableKey, Arrays.hashCode(writableIndexes), Arrays.hashCode(readonlyIndexes));
    }

    @Override
    public String toString() {
        return "AddressTableLookup[" + tableKey + ", writable=" + Arrays.toString(writableIndexes)
            + ", readonly=" + Arrays.toString(readonlyIndexes) + "]";
    }
}
