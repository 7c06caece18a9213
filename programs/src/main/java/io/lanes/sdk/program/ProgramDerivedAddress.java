package io.lanes.sdk.program;

import io.lanes.sdk.Pubkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Program-derived addresses exactly as Solana computes them: SHA-256 over the seeds, the program
 * id and the marker {@code "ProgramDerivedAddress"}; a valid address is off the Ed25519 curve, so
 * no private key can sign for it: only its program can, through {@link InvokeContext#invokeSigned}.
 */
public final class ProgramDerivedAddress {
    public static final int MAX_SEEDS = 16;
    public static final int MAX_SEED_LENGTH = 32;
    private static final byte[] MARKER = "ProgramDerivedAddress".getBytes(StandardCharsets.US_ASCII);

    private final Pubkey address;
    private final int bump;

    private ProgramDerivedAddress(final Pubkey address, final int bump) {
        this.address = address;
        this.bump = bump;
    }

    public Pubkey address() {
        return address;
    }

    /** The bump seed (255 down to 0) that {@link #find} appended to push the address off the curve. */
    public int bump() {
        return bump;
    }

    /**
     * The address for exactly these seeds.
     *
     * @throws ProgramError {@code MaxSeedLengthExceeded} for too many or too long seeds,
     *                      {@code InvalidSeeds} if the result is on the curve
     */
    public static Pubkey create(final byte[][] seeds, final Pubkey programId) {
        final byte[] hash = hash(seeds, null, programId);
        if (Pubkey.isOnCurve(hash, 0)) {
            throw ProgramError.of(InstructionError.Kind.InvalidSeeds);
        }
        return Pubkey.wrap(hash);
    }

    /** Solana's {@code find_program_address}: the first bump from 255 down that gives an off-curve address. */
    public static ProgramDerivedAddress find(final byte[][] seeds, final Pubkey programId) {
        if (seeds.length >= MAX_SEEDS) {
            throw ProgramError.of(InstructionError.Kind.MaxSeedLengthExceeded);
        }
        final byte[] bumpSeed = new byte[1];
        for (int bump = 255; bump >= 0; bump--) {
            bumpSeed[0] = (byte) bump;
            final byte[] hash = hash(seeds, bumpSeed, programId);
            if (!Pubkey.isOnCurve(hash, 0)) {
                return new ProgramDerivedAddress(Pubkey.wrap(hash), bump);
            }
        }
        throw ProgramError.of(InstructionError.Kind.InvalidSeeds);
    }

    private static byte[] hash(final byte[][] seeds, final byte[] extraSeed, final Pubkey programId) {
        final int seedCount = seeds.length + (extraSeed == null ? 0 : 1);
        if (seedCount > MAX_SEEDS) {
            throw ProgramError.of(InstructionError.Kind.MaxSeedLengthExceeded);
        }
        final MessageDigest digest = io.lanes.sdk.Hash.newSha256();
        for (final byte[] seed : seeds) {
            if (seed.length > MAX_SEED_LENGTH) {
                throw ProgramError.of(InstructionError.Kind.MaxSeedLengthExceeded);
            }
            digest.update(seed);
        }
        if (extraSeed != null) {
            digest.update(extraSeed);
        }
        digest.update(programId.toBytes());
        digest.update(MARKER);
        return digest.digest();
    }
}
