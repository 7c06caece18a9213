package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * Computes the state hash, defined as:
 * <ol>
 *   <li>for every account with non-zero lamports, {@code d = SHA-256(key[32] || lamports u64 LE ||
 *       owner[32] || executable u8 (0 or 1) || data length u64 LE || data)};</li>
 *   <li>read each {@code d} as four little-endian u64 lanes and add them lane-wise mod 2^64 over
 *       all accounts (so the order of accounts does not matter);</li>
 *   <li>the state hash is SHA-256 of the 32-byte lane sum (lanes little-endian, lane 0 first).</li>
 * </ol>
 * With no accounts the lane sum is 32 zero bytes. The rent epoch is not part of the hash. Because
 * the combination is a sum, the hash can later be maintained incrementally (subtract an account's
 * old digest, add its new one).
 *
 * <p>Not thread-safe: one instance per thread. Allocates only when an account is larger than any
 * hashed before.
 */
final class StateHasher {
    static final int PREFIX_BYTES = Pubkey.LENGTH + Long.BYTES + Pubkey.LENGTH + 1 + Long.BYTES;
    private static final int LANES = Hash.LENGTH / Long.BYTES;

    private final MessageDigest sha256 = Hash.newSha256();
    private final long[] laneSum = new long[LANES];
    private final UnsafeBuffer digest = new UnsafeBuffer(new byte[Hash.LENGTH]);
    private UnsafeBuffer input = new UnsafeBuffer(new byte[PREFIX_BYTES + 256]);

    /** Adds one existing account; the data is {@code dataLength} bytes of {@code data} at the offset. */
    void add(
        final DirectBuffer key, final int keyOffset, final long lamports, final Pubkey owner,
        final boolean executable, final DirectBuffer data, final int dataOffset, final int dataLength) {
        assert lamports != 0 : "accounts with zero lamports do not exist";
        ensureInputCapacity(PREFIX_BYTES + dataLength);
        int at = 0;
        input.putBytes(at, key, keyOffset, Pubkey.LENGTH);
        at += Pubkey.LENGTH;
        input.putLong(at, lamports, ByteOrder.LITTLE_ENDIAN);
        at += Long.BYTES;
        owner.copyTo(input, at);
        at += Pubkey.LENGTH;
        input.putByte(at, (byte) (executable ? 1 : 0));
        at += 1;
        input.putLong(at, dataLength, ByteOrder.LITTLE_ENDIAN);
        at += Long.BYTES;
        if (dataLength > 0) {
            input.putBytes(at, data, dataOffset, dataLength);
        }
        addDigest(PREFIX_BYTES + dataLength);
    }

    /** Adds another hasher's lane sum (for hashing slot ranges on several threads). */
    void addAll(final StateHasher other) {
        for (int lane = 0; lane < LANES; lane++) {
            laneSum[lane] += other.laneSum[lane];
        }
    }

    Hash finish() {
        final UnsafeBuffer sum = new UnsafeBuffer(new byte[Hash.LENGTH]);
        for (int lane = 0; lane < LANES; lane++) {
            sum.putLong(lane * Long.BYTES, laneSum[lane], ByteOrder.LITTLE_ENDIAN);
        }
        return Hash.sha256(sum.byteArray());
    }

    private void addDigest(final int inputLength) {
        sha256.update(input.byteArray(), 0, inputLength);
        try {
            sha256.digest(digest.byteArray(), 0, Hash.LENGTH);
        } catch (final DigestException e) {
            throw new IllegalStateException("a 32-byte array holds a SHA-256 digest", e);
        }
        for (int lane = 0; lane < LANES; lane++) {
            laneSum[lane] += digest.getLong(lane * Long.BYTES, ByteOrder.LITTLE_ENDIAN);
        }
    }

    private void ensureInputCapacity(final int lengthBytes) {
        if (input.capacity() < lengthBytes) {
            input = new UnsafeBuffer(new byte[Math.max(lengthBytes, input.capacity() * 2)]);
        }
    }
}
