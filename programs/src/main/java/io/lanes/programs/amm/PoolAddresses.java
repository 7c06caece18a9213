package io.lanes.programs.amm;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.ProgramDerivedAddress;

import java.nio.charset.StandardCharsets;

/**
 * The addresses that belong to a pool, all program-derived from the pool's key under the AMM:
 * authority {@code ["authority", pool]}, vault A {@code ["vault_a", pool]}, vault B
 * {@code ["vault_b", pool]} and LP mint {@code ["lp_mint", pool]}, each with its bump. Deriving
 * costs up to a few SHA-256 per address: clients derive once per pool and keep the value.
 */
public final class PoolAddresses {
    static final byte[] AUTHORITY_SEED = "authority".getBytes(StandardCharsets.US_ASCII);
    static final byte[] VAULT_A_SEED = "vault_a".getBytes(StandardCharsets.US_ASCII);
    static final byte[] VAULT_B_SEED = "vault_b".getBytes(StandardCharsets.US_ASCII);
    static final byte[] LP_MINT_SEED = "lp_mint".getBytes(StandardCharsets.US_ASCII);

    private final Pubkey pool;
    private final ProgramDerivedAddress authority;
    private final ProgramDerivedAddress vaultA;
    private final ProgramDerivedAddress vaultB;
    private final ProgramDerivedAddress lpMint;

    private PoolAddresses(final Pubkey pool) {
        this.pool = pool;
        this.authority = find(AUTHORITY_SEED, pool);
        this.vaultA = find(VAULT_A_SEED, pool);
        this.vaultB = find(VAULT_B_SEED, pool);
        this.lpMint = find(LP_MINT_SEED, pool);
    }

    /** Derives the addresses of the pool at this key. */
    public static PoolAddresses derive(final Pubkey pool) {
        return new PoolAddresses(pool);
    }

    private static ProgramDerivedAddress find(final byte[] seed, final Pubkey pool) {
        return ProgramDerivedAddress.find(new byte[][] {seed, pool.toBytes()}, AmmProgram.ID);
    }

    /** The seeds, bump included, with which the program signs for one of the pool's addresses. */
    static byte[][] signerSeeds(final byte[] seed, final Pubkey pool, final int bump) {
        return new byte[][] {seed, pool.toBytes(), {(byte) bump}};
    }

    public Pubkey pool() {
        return pool;
    }

    public Pubkey authority() {
        return authority.address();
    }

    public int authorityBump() {
        return authority.bump();
    }

    public Pubkey vaultA() {
        return vaultA.address();
    }

    public int vaultABump() {
        return vaultA.bump();
    }

    public Pubkey vaultB() {
        return vaultB.address();
    }

    public int vaultBBump() {
        return vaultB.bump();
    }

    public Pubkey lpMint() {
        return lpMint.address();
    }

    public int lpMintBump() {
        return lpMint.bump();
    }
}
