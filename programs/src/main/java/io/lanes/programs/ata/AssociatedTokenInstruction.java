package io.lanes.programs.ata;

import io.lanes.programs.token.TokenProgram;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;

import java.util.List;

/**
 * Builds Associated Token Account instructions as {@code @solana/spl-token} does: Create (empty
 * data), CreateIdempotent (data {@code [1]}) and RecoverNested (data {@code [2]}).
 */
public final class AssociatedTokenInstruction {
    public static final int CREATE = 0;
    public static final int CREATE_IDEMPOTENT = 1;
    public static final int RECOVER_NESTED = 2;

    private AssociatedTokenInstruction() {
    }

    /** Accounts: payer (writable signer), the ATA (writable), wallet, mint, System program, Token program. */
    public static Instruction create(final Pubkey payer, final Pubkey wallet, final Pubkey mint) {
        return createInstruction(payer, wallet, mint, new byte[0]);
    }

    /** Like {@link #create}, but succeeds without change if the wallet's ATA already exists. */
    public static Instruction createIdempotent(final Pubkey payer, final Pubkey wallet, final Pubkey mint) {
        return createInstruction(payer, wallet, mint, new byte[] {CREATE_IDEMPOTENT});
    }

    /**
     * Moves the tokens of an ATA owned by another of the wallet's ATAs (a nested ATA) back to the
     * wallet's ATA for that mint and closes the nested one. Accounts: nested ATA (writable), its
     * mint, the wallet's ATA for that mint (writable), the owner ATA, the owner ATA's mint, the
     * wallet (writable signer), Token program.
     */
    public static Instruction recoverNested(final Pubkey wallet, final Pubkey ownerMint, final Pubkey nestedMint) {
        final Pubkey ownerAta = AssociatedTokenAccount.address(wallet, ownerMint);
        final Pubkey nestedAta = AssociatedTokenAccount.address(ownerAta, nestedMint);
        final Pubkey destinationAta = AssociatedTokenAccount.address(wallet, nestedMint);
        return new Instruction(AssociatedTokenAccountProgram.ID, List.of(
            AccountMeta.writable(nestedAta, false),
            AccountMeta.readOnly(nestedMint, false),
            AccountMeta.writable(destinationAta, false),
            AccountMeta.readOnly(ownerAta, false),
            AccountMeta.readOnly(ownerMint, false),
            AccountMeta.writable(wallet, true),
            AccountMeta.readOnly(TokenProgram.ID, false)), new byte[] {RECOVER_NESTED});
    }

    private static Instruction createInstruction(final Pubkey payer, final Pubkey wallet, final Pubkey mint, final byte[] data) {
        return new Instruction(AssociatedTokenAccountProgram.ID, List.of(
            AccountMeta.writable(payer, true),
            AccountMeta.writable(AssociatedTokenAccount.address(wallet, mint), false),
            AccountMeta.readOnly(wallet, false),
            AccountMeta.readOnly(mint, false),
            AccountMeta.readOnly(Pubkey.SYSTEM_PROGRAM, false),
            AccountMeta.readOnly(TokenProgram.ID, false)), data);
    }
}
