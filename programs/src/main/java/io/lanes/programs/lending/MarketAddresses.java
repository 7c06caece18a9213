package io.lanes.programs.lending;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.ProgramDerivedAddress;

import java.nio.charset.StandardCharsets;

/**
 * The addresses that belong to a market, program-derived from the market's key under the
 * lending program: authority {@code ["authority", market]}, collateral vault
 * {@code ["collateral_vault", market]}, liquidity vault {@code ["liquidity_vault", market]},
 * oracle {@code ["oracle", market]}, and each user's obligation {@code ["obligation", market, owner]}.
 * Clients derive once per market (and once per user) and keep the values.
 */
public final class MarketAddresses {
    static final byte[] AUTHORITY_SEED = "authority".getBytes(StandardCharsets.US_ASCII);
    static final byte[] COLLATERAL_VAULT_SEED = "collateral_vault".getBytes(StandardCharsets.US_ASCII);
    static final byte[] LIQUIDITY_VAULT_SEED = "liquidity_vault".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ORACLE_SEED = "oracle".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OBLIGATION_SEED = "obligation".getBytes(StandardCharsets.US_ASCII);

    private final Pubkey market;
    private final ProgramDerivedAddress authority;
    private final ProgramDerivedAddress collateralVault;
    private final ProgramDerivedAddress liquidityVault;
    private final ProgramDerivedAddress oracle;

    private MarketAddresses(final Pubkey market) {
        this.market = market;
        this.authority = find(AUTHORITY_SEED, market);
        this.collateralVault = find(COLLATERAL_VAULT_SEED, market);
        this.liquidityVault = find(LIQUIDITY_VAULT_SEED, market);
        this.oracle = find(ORACLE_SEED, market);
    }

    public static MarketAddresses derive(final Pubkey market) {
        return new MarketAddresses(market);
    }

    private static ProgramDerivedAddress find(final byte[] seed, final Pubkey market) {
        return ProgramDerivedAddress.find(new byte[][] {seed, market.toBytes()}, LendingProgram.ID);
    }

    /** The owner's obligation address in this market, with its bump. */
    public static ProgramDerivedAddress obligation(final Pubkey market, final Pubkey owner) {
        return ProgramDerivedAddress.find(new byte[][] {OBLIGATION_SEED, market.toBytes(), owner.toBytes()}, LendingProgram.ID);
    }

    /** The owner's obligation address in this market. */
    public Pubkey obligation(final Pubkey owner) {
        return obligation(market, owner).address();
    }

    static byte[][] signerSeeds(final byte[] seed, final Pubkey market, final int bump) {
        return new byte[][] {seed, market.toBytes(), {(byte) bump}};
    }

    static byte[][] obligationSignerSeeds(final Pubkey market, final Pubkey owner, final int bump) {
        return new byte[][] {OBLIGATION_SEED, market.toBytes(), owner.toBytes(), {(byte) bump}};
    }

    public Pubkey market() {
        return market;
    }

    public Pubkey authority() {
        return authority.address();
    }

    public int authorityBump() {
        return authority.bump();
    }

    public Pubkey collateralVault() {
        return collateralVault.address();
    }

    public int collateralVaultBump() {
        return collateralVault.bump();
    }

    public Pubkey liquidityVault() {
        return liquidityVault.address();
    }

    public int liquidityVaultBump() {
        return liquidityVault.bump();
    }

    public Pubkey oracle() {
        return oracle.address();
    }

    public int oracleBump() {
        return oracle.bump();
    }
}
