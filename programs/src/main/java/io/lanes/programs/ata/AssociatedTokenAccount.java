package io.lanes.programs.ata;

import io.lanes.programs.token.TokenProgram;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.ProgramDerivedAddress;

/**
 * Associated token account addresses: the program-derived address of
 * {@code [wallet, token program id, mint]} under the Associated Token Account program, exactly as
 * {@code getAssociatedTokenAddressSync} computes it.
 */
public final class AssociatedTokenAccount {
    private AssociatedTokenAccount() {
    }

    /** The wallet's associated token account for the mint under SPL Token. */
    public static Pubkey address(final Pubkey wallet, final Pubkey mint) {
        return address(wallet, mint, TokenProgram.ID);
    }

    public static Pubkey address(final Pubkey wallet, final Pubkey mint, final Pubkey tokenProgram) {
        return derive(wallet, mint, tokenProgram).address();
    }

    /** The address with its bump seed. */
    public static ProgramDerivedAddress derive(final Pubkey wallet, final Pubkey mint, final Pubkey tokenProgram) {
        return ProgramDerivedAddress.find(seeds(wallet, mint, tokenProgram), AssociatedTokenAccountProgram.ID);
    }

    static byte[][] seeds(final Pubkey wallet, final Pubkey mint, final Pubkey tokenProgram) {
        return new byte[][] {wallet.toBytes(), tokenProgram.toBytes(), mint.toBytes()};
    }

    /** The seeds with the bump appended: what the program signs with. */
    static byte[][] signerSeeds(final Pubkey wallet, final Pubkey mint, final Pubkey tokenProgram, final int bump) {
        return new byte[][] {wallet.toBytes(), tokenProgram.toBytes(), mint.toBytes(), {(byte) bump}};
    }
}
