package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One account as it travels between the slots, the flush journal and the Chronicle Map files: a
 * reusable flyweight. {@code data} points at {@code dataLength} bytes at {@code dataOffset} in a
 * buffer owned by whoever filled the record; it is valid until the record is filled again.
 */
final class AccountRecord {
    final UnsafeBuffer key = new UnsafeBuffer(new byte[Pubkey.LENGTH]);
    final UnsafeBuffer owner = new UnsafeBuffer(new byte[Pubkey.LENGTH]);
    long lamports;
    long rentEpoch;
    boolean executable;
    DirectBuffer data;
    int dataOffset;
    int dataLength;
    /** Data length in the store of record before this change (0 if the account was absent). */
    int previousDataLength;

    boolean exists() {
        return lamports != 0;
    }
}
