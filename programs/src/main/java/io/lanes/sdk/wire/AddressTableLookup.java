package io.lanes.sdk.wire;

import io.lanes.sdk.Pubkey;

/** A v0 message's reference into an on-chain address lookup table. Decoded, not yet executable. */
public record AddressTableLookup(Pubkey tableKey, byte[] writableIndexes, byte[] readonlyIndexes) {
}
