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
 * the combination is a sum, it can be maintained incrementally: {@link StateHashCache} keeps each
 * account's lanes and replaces an account's old lanes with its new ones.
 *
 * <p>Used two ways: the full scan calls {@link #digest} and {@link #addDigest} for every account
 * and then {@link #finish}; the incremental hash calls only {@link #digest} and reads the lanes
 * with {@link #digestLane} into sums of its own.
 *
 * <p>Not thread-safe: one instance per thread. Allocates only when an account is larger than any
 * hashed before.
 */
final class StateHasher {
    static final int PREFIX_BYTES = Pubkey.LENGTH + Long.BYTES + Pubkey.LENGTH + 1 + Long.BYTES;
    static final int LANES = Hash.LENGTH / Long.BYTES;

    private final MessageDigest sha256 = Hash.newSha256();
    private final long[] laneSum = new long[LANES];
    private final UnsafeBuffer digest = new UnsafeBuffer(new byte[Hash.LENGTH]);
    private UnsafeBuffer input = new UnsafeBuffer(new byte[PREFIX_BYTES + 256]);

    /**
     * Digests one existing account; the data is {@code dataLength} bytes of {@code data} at the
     * offset. The lane sum is not touched: read the digest with {@link #digestLane}, or add it with
     * {@link #addDigest}.
     */
    void digest(
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
        digestInput(PREFIX_BYTES + dataLength);
    }

    /** Adds the lanes of the last account digested to the lane sum. */
    void addDigest() {
        for (int lane = 0; lane < LANES; lane++) {
            laneSum[lane] += digestLane(lane);
        }
    }

    /** Lane {@code lane} (0 to 3) of the last account digested: its bytes 8 * lane on, little-endian. */
    long digestLane(final int lane) {
        return digest.getLong(lane * Long.BYTES, ByteOrder.LITTLE_ENDIAN);
    }

    /** Adds another hasher's lane sum (for hashing slot ranges on several threads). */
    void addAll(final StateHasher other) {
        for (int lane = 0; lane < LANES; lane++) {
            laneSum[lane] += other.laneSum[lane];
        }
    }

    /** The state hash of the accounts added so far. */
    Hash finish() {
        return hashOfLaneSum(laneSum);
    }

    /** The state hash for a lane sum: SHA-256 of the four lanes, little-endian, lane 0 first. */
    static Hash hashOfLaneSum(final long[] laneSum) {
        assert laneSum.length == LANES;
        final UnsafeBuffer sum = new UnsafeBuffer(new byte[Hash.LENGTH]);
        for (int lane = 0; lane < LANES; lane++) {
            sum.putLong(lane * Long.BYTES, laneSum[lane], ByteOrder.LITTLE_ENDIAN);
        }
        return Hash.sha256(sum.byteArray());
    }

    private void digestInput(final int inputLength) {
        sha256.update(input.byteArray(), 0, inputLength);
        try {
            sha256.digest(digest.byteArray(), 0, Hash.LENGTH);
        } catch (final DigestException e) {
            throw new IllegalStateException("a 32-byte array holds a SHA-256 digest", e);
        }
    }

    private void ensureInputCapacity(final int lengthBytes) {
        if (input.capacity() < lengthBytes) {
            input = new UnsafeBuffer(new byte[Math.max(lengthBytes, input.capacity() * 2)]);
        }
    }
}
