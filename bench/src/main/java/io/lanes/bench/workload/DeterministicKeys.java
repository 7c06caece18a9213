package io.lanes.bench.workload;

import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;

import java.util.SplittableRandom;

/**
 * Keys derived from a seed: the same (seed, stream, index) always gives the same key. Signing
 * accounts get a key pair (an Ed25519 seed, about 35-75 us to derive with BouncyCastle); accounts
 * that only receive get 32 random bytes (no curve work).
 */
public final class DeterministicKeys {
    private static final long STREAM_MIX = 0x9E3779B97F4A7C15L;
    private static final long INDEX_MIX = 0xC2B2AE3D27D4EB4FL;

    private final long seed;

    public DeterministicKeys(final long seed) {
        this.seed = seed;
    }

    /** The key pair of an account that signs. */
    public Keypair keypair(final int stream, final long index) {
        return Keypair.fromSeed(bytes(stream, index));
    }

    /** The address of an account that never signs. */
    public Pubkey address(final int stream, final long index) {
        return Pubkey.wrap(bytes(stream, index));
    }

    private byte[] bytes(final int stream, final long index) {
        final SplittableRandom random = new SplittableRandom(seed ^ (stream * STREAM_MIX) ^ (index * INDEX_MIX));
        final byte[] bytes = new byte[Pubkey.LENGTH];
        random.nextBytes(bytes);
        return bytes;
    }
}
