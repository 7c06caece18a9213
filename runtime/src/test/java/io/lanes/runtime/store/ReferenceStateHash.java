package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The state hash computed straight from its written definition with byte arrays, independent of
 * the store's code, to check that the store implements the definition.
 */
final class ReferenceStateHash {
    private ReferenceStateHash() {
    }

    static Hash of(final Map<Pubkey, AccountBuffer> accounts) {
        final long[] lanes = new long[4];
        for (final Map.Entry<Pubkey, AccountBuffer> entry : accounts.entrySet()) {
            final AccountBuffer account = entry.getValue();
            if (account.lamports() == 0) {
                continue;
            }
            final byte[] data = new byte[account.dataLength()];
            account.data().getBytes(0, data);
            final ByteBuffer input = ByteBuffer.allocate(32 + 8 + 32 + 1 + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
            input.put(entry.getKey().toBytes()).putLong(account.lamports()).put(account.owner().toBytes())
                .put((byte) (account.executable() ? 1 : 0)).putLong(data.length).put(data);
            final MessageDigest sha256 = Hash.newSha256();
            final ByteBuffer digest = ByteBuffer.wrap(sha256.digest(input.array())).order(ByteOrder.LITTLE_ENDIAN);
            for (int lane = 0; lane < 4; lane++) {
                lanes[lane] += digest.getLong(lane * 8);
            }
        }
        final ByteBuffer sum = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (final long lane : lanes) {
            sum.putLong(lane);
        }
        return Hash.sha256(sum.array());
    }
}
