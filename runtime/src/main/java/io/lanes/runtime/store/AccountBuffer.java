package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A mutable, reusable copy of one account's state: what {@link AccountStore#load} fills and
 * {@link AccountStore#save} writes back. The executor keeps a pool of these per worker, so after
 * warm-up loading and saving allocate nothing (the data buffer grows only when an account is
 * larger than any seen before).
 */
public final class AccountBuffer {
    private static final int SMALL_COPY_BYTES = 256;
    private long lamports;
    private Pubkey owner = Pubkey.SYSTEM_PROGRAM;
    private boolean executable;
    private long rentEpoch;
    private int dataLength;
    private final ExpandableDirectByteBuffer data = new ExpandableDirectByteBuffer(256);

    public long lamports() {
        return lamports;
    }

    public void lamports(final long lamports) {
        this.lamports = lamports;
    }

    public Pubkey owner() {
        return owner;
    }

    public void owner(final Pubkey owner) {
        this.owner = owner;
    }

    public boolean executable() {
        return executable;
    }

    public void executable(final boolean executable) {
        this.executable = executable;
    }

    public long rentEpoch() {
        return rentEpoch;
    }

    public void rentEpoch(final long rentEpoch) {
        this.rentEpoch = rentEpoch;
    }

    public int dataLength() {
        return dataLength;
    }

    /** Sets the length; bytes past the old length are zeroed. */
    public void dataLength(final int newLength) {
        data.checkLimit(Math.max(newLength, 1));
        if (newLength > dataLength) {
            data.setMemory(dataLength, newLength - dataLength, (byte) 0);
        }
        this.dataLength = newLength;
    }

    /** The backing buffer; only the first {@link #dataLength()} bytes are the account's data. */
    public MutableDirectBuffer data() {
        return data;
    }

    /** An account that does not exist: no lamports, owned by System, no data. */
    public void clear() {
        lamports = 0;
        owner = Pubkey.SYSTEM_PROGRAM;
        executable = false;
        rentEpoch = 0;
        dataLength = 0;
    }

    /** Replaces the data with {@code length} bytes of the source (no zeroing first). */
    void putData(final DirectBuffer source, final int offset, final int length) {
        data.checkLimit(Math.max(length, 1));
        copy(source, offset, data, length);
        dataLength = length;
    }

    /**
     * Copies the first {@code length} bytes. Small copies (most accounts: wallets, token accounts,
     * program names) go word by word: Unsafe.copyMemory's fixed cost dominated them (profiled).
     */
    private static void copy(final DirectBuffer source, final int offset, final MutableDirectBuffer target, final int length) {
        if (length > SMALL_COPY_BYTES) {
            target.putBytes(0, source, offset, length);
            return;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            target.putLong(i, source.getLong(offset + i));
        }
        for (; i < length; i++) {
            target.putByte(i, source.getByte(offset + i));
        }
    }

    public void copyFrom(final AccountBuffer other) {
        lamports = other.lamports;
        owner = other.owner;
        executable = other.executable;
        rentEpoch = other.rentEpoch;
        data.checkLimit(Math.max(other.dataLength, 1));
        copy(other.data, 0, data, other.dataLength);
        dataLength = other.dataLength;
    }

    /** True if every field and every data byte is the same. */
    public boolean sameAs(final AccountBuffer other) {
        return lamports == other.lamports
            && executable == other.executable
            && rentEpoch == other.rentEpoch
            && owner.equals(other.owner)
            && sameData(other);
    }

    public boolean sameData(final AccountBuffer other) {
        if (dataLength != other.dataLength) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= dataLength; i += 8) {
            if (data.getLong(i) != other.data.getLong(i)) {
                return false;
            }
        }
        for (; i < dataLength; i++) {
            if (data.getByte(i) != other.data.getByte(i)) {
                return false;
            }
        }
        return true;
    }
}
