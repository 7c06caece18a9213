package io.lanes.programs.ata;

import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramDerivedAddress;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

/**
 * RecoverNested: tokens sent to an ATA whose owner is another ATA of the same wallet go back to
 * the wallet's own ATA for that mint, and the nested account is closed to the wallet. The owner
 * ATA signs both Token calls with its seeds. Checks and log lines as the real program.
 */
final class NestedRecovery {
    private NestedRecovery() {
    }

    static void recover(final InvokeContext context) {
        final AccountView nested = context.account(0);
        final AccountView nestedMint = context.account(1);
        final AccountView destination = context.account(2);
        final AccountView ownerAta = context.account(3);
        final AccountView ownerMint = context.account(4);
        final AccountView wallet = context.account(5);
        final Pubkey tokenProgram = context.account(6).key();
        final ProgramDerivedAddress owner = requireDerived(context, ownerAta, wallet.key(), ownerMint.key(), tokenProgram, "Owner");
        requireDerived(context, nested, ownerAta.key(), nestedMint.key(), tokenProgram, "Nested");
        requireDerived(context, destination, wallet.key(), nestedMint.key(), tokenProgram, "Destination");
        if (!wallet.isSigner()) {
            context.log("Wallet of the owner associated token account must sign");
            throw ProgramError.of(InstructionError.Kind.MissingRequiredSignature);
        }
        requireOwner(context, ownerMint, tokenProgram, "Owner mint not owned by provided token program");
        requireOwner(context, ownerAta, tokenProgram,
            "Owner associated token account not owned by provided token program, recreate the owner associated token account first");
        requireTokenOwner(context, ownerAta, wallet.key(), "Owner associated token account not owned by provided wallet");
        requireOwner(context, nested, tokenProgram, "Nested associated token account not owned by provided token program");
        requireTokenOwner(context, nested, ownerAta.key(),
            "Nested associated token account not owned by provided associated token account");
        final long amount = TokenAccountLayout.amount(nested.data());
        requireOwner(context, nestedMint, tokenProgram, "Nested mint account not owned by provided token program");
        final int decimals = decimals(nestedMint);
        final byte[][] seeds = AssociatedTokenAccount.signerSeeds(wallet.key(), ownerMint.key(), tokenProgram, owner.bump());
        context.invokeSigned(AssociatedTokenAccountProgram.retarget(TokenInstruction.transferChecked(
            nested.key(), nestedMint.key(), destination.key(), ownerAta.key(), amount, decimals), tokenProgram), seeds);
        context.invokeSigned(AssociatedTokenAccountProgram.retarget(
            TokenInstruction.closeAccount(nested.key(), wallet.key(), ownerAta.key()), tokenProgram), seeds);
    }

    private static ProgramDerivedAddress requireDerived(
        final InvokeContext context, final AccountView account, final Pubkey wallet, final Pubkey mint,
        final Pubkey tokenProgram, final String which) {
        final ProgramDerivedAddress derived = AssociatedTokenAccountProgram.derive(context, wallet, mint, tokenProgram);
        if (!derived.address().equals(account.key())) {
            context.log("Error: " + which + " associated address does not match seed derivation");
            throw ProgramError.of(InstructionError.Kind.InvalidSeeds);
        }
        return derived;
    }

    private static void requireOwner(final InvokeContext context, final AccountView account, final Pubkey program, final String failure) {
        if (!account.isOwnedBy(program)) {
            context.log(failure);
            throw ProgramError.of(InstructionError.Kind.IllegalOwner);
        }
    }

    /** The account must unpack as a token account whose owner field is {@code expectedOwner}. */
    private static void requireTokenOwner(
        final InvokeContext context, final AccountView account, final Pubkey expectedOwner, final String failure) {
        final DirectBuffer data = account.data();
        if (!TokenAccountLayout.isValid(data, account.dataLength())) {
            final boolean uninitialized = account.dataLength() == TokenAccountLayout.LENGTH
                && TokenAccountLayout.state(data) == TokenAccountLayout.STATE_UNINITIALIZED;
            throw ProgramError.of(uninitialized ? InstructionError.Kind.UninitializedAccount : InstructionError.Kind.InvalidAccountData);
        }
        if (!TokenAccountLayout.hasOwner(data, expectedOwner)) {
            context.log(failure);
            throw ProgramError.custom(AssociatedTokenAccountProgram.INVALID_OWNER_ERROR_CODE);
        }
    }

    private static int decimals(final AccountView mint) {
        if (!MintLayout.isValid(mint.data(), mint.dataLength())) {
            throw ProgramError.of(InstructionError.Kind.InvalidAccountData);
        }
        return MintLayout.decimals(mint.data());
    }
}
