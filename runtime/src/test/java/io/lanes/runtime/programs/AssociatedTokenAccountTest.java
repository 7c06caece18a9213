package io.lanes.runtime.programs;

import io.lanes.programs.ata.AssociatedTokenAccount;
import io.lanes.programs.ata.AssociatedTokenAccountProgram;
import io.lanes.programs.ata.AssociatedTokenInstruction;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.AuthorityType;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.programs.token.TokenProgram;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InstructionError.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.lanes.runtime.programs.TokenBank.ACCOUNT_RENT;
import static io.lanes.runtime.programs.TokenBank.FEE_PER_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Associated token accounts: creation through CPI, idempotent creation, wrong addresses, nested recovery. */
class AssociatedTokenAccountTest {
    private final TokenBank tokens = new TokenBank();
    private final Keypair mintAuthority = Keypair.generate();
    private final Keypair wallet = Keypair.generate();
    private final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
    private final Pubkey ata = AssociatedTokenAccount.address(wallet.publicKey(), mint);

    @AfterEach
    void close() {
        tokens.close();
    }

    @Test
    void createMakesAnEmptyTokenAccountOwnedByTheWalletAtTheDerivedAddress() {
        final long payerBefore = tokens.lamports(tokens.payer.publicKey());
        final ExecutionResult result = tokens.succeed(List.of(),
            AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), mint));
        assertCreated();
        assertEquals(payerBefore - ACCOUNT_RENT - FEE_PER_SIGNATURE, tokens.lamports(tokens.payer.publicKey()));
        assertTrue(result.computeUnitsConsumed() > 10_000, "CPI costs are charged: " + result.computeUnitsConsumed());
    }

    @Test
    void createOfAnExistingAccountFailsWithIllegalOwnerButIdempotentSucceeds() {
        tokens.succeed(List.of(), AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), mint));
        tokens.mintTo(mint, ata, mintAuthority, 9);
        tokens.fail(Kind.IllegalOwner, List.of(), AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), mint));
        final AccountBuffer before = tokens.bank.account(ata);
        final ExecutionResult result = tokens.succeed(List.of(),
            AssociatedTokenInstruction.createIdempotent(tokens.payer.publicKey(), wallet.publicKey(), mint));
        assertTrue(tokens.bank.account(ata).sameAs(before));
        assertEquals(List.of(
            "Program ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL invoke [1]",
            "Program log: CreateIdempotent",
            result.logLines().get(2),
            "Program ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL success"), result.logLines());
    }

    @Test
    void createIdempotentCreatesAMissingAccount() {
        tokens.succeed(List.of(), AssociatedTokenInstruction.createIdempotent(tokens.payer.publicKey(), wallet.publicKey(), mint));
        assertCreated();
    }

    @Test
    void createIdempotentRefusesAnAtaThatChangedOwner() {
        tokens.succeed(List.of(), AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), mint));
        tokens.succeed(List.of(wallet), TokenInstruction.setAuthority(
            ata, wallet.publicKey(), AuthorityType.AccountOwner, Keypair.generate().publicKey()));
        tokens.fail(InstructionError.custom(AssociatedTokenAccountProgram.INVALID_OWNER_ERROR_CODE), 0, List.of(),
            AssociatedTokenInstruction.createIdempotent(tokens.payer.publicKey(), wallet.publicKey(), mint));
    }

    @Test
    void aWrongAddressFailsWithInvalidSeeds() {
        final Instruction create = AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), mint);
        final List<AccountMeta> metas = new ArrayList<>(create.accounts());
        final Pubkey otherWalletsAta = AssociatedTokenAccount.address(Keypair.generate().publicKey(), mint);
        metas.set(1, AccountMeta.writable(otherWalletsAta, false));
        final ExecutionResult result = tokens.fail(Kind.InvalidSeeds, List.of(),
            new Instruction(AssociatedTokenAccountProgram.ID, metas, create.data()));
        assertTrue(result.logLines().contains("Program log: Error: Associated address does not match seed derivation"));
    }

    @Test
    void aPrefundedAddressIsToppedUpAllocatedAndAssigned() {
        tokens.succeed(List.of(), SystemInstruction.transfer(tokens.payer.publicKey(), ata, 1_000_000));
        final long payerBefore = tokens.lamports(tokens.payer.publicKey());
        tokens.succeed(List.of(), AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), mint));
        assertCreated();
        assertEquals(payerBefore - (ACCOUNT_RENT - 1_000_000) - FEE_PER_SIGNATURE, tokens.lamports(tokens.payer.publicKey()));
    }

    @Test
    void anInvalidMintFailsInTheTokenProgram() {
        final Pubkey notAMint = Keypair.generate().publicKey();
        tokens.fail(Kind.IncorrectProgramId, List.of(),
            AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), notAMint));
    }

    @Test
    void recoverNestedMovesTokensBackToTheWalletsAtaAndClosesTheNestedOne() {
        final Pubkey nestedMint = tokens.createMint(mintAuthority.publicKey(), null, 3);
        final Pubkey ownerAta = ata;
        final Pubkey nested = AssociatedTokenAccount.address(ownerAta, nestedMint);
        final Pubkey destination = AssociatedTokenAccount.address(wallet.publicKey(), nestedMint);
        tokens.succeed(List.of(),
            AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), mint),
            AssociatedTokenInstruction.create(tokens.payer.publicKey(), ownerAta, nestedMint),
            AssociatedTokenInstruction.create(tokens.payer.publicKey(), wallet.publicKey(), nestedMint));
        tokens.mintTo(nestedMint, nested, mintAuthority, 321);
        tokens.bank.airdrop(wallet.publicKey(), TokenBank.SOL);

        tokens.fail(Kind.MissingRequiredSignature, List.of(), withWalletUnsigned(
            AssociatedTokenInstruction.recoverNested(wallet.publicKey(), mint, nestedMint)));
        tokens.succeed(List.of(wallet), AssociatedTokenInstruction.recoverNested(wallet.publicKey(), mint, nestedMint));
        assertEquals(321, tokens.amount(destination));
        assertEquals(0, tokens.lamports(nested));
        assertEquals(TokenBank.SOL + ACCOUNT_RENT, tokens.lamports(wallet.publicKey()));
    }

    private static Instruction withWalletUnsigned(final Instruction recover) {
        final List<AccountMeta> metas = new ArrayList<>(recover.accounts());
        metas.set(5, AccountMeta.writable(metas.get(5).key(), false));
        return new Instruction(recover.programId(), metas, recover.data());
    }

    private void assertCreated() {
        final AccountBuffer account = tokens.bank.account(ata);
        assertEquals(TokenProgram.ID, account.owner());
        assertEquals(ACCOUNT_RENT, account.lamports());
        assertEquals(TokenAccountLayout.LENGTH, account.dataLength());
        final var data = tokens.data(ata);
        assertTrue(TokenAccountLayout.isValid(data, TokenAccountLayout.LENGTH));
        assertEquals(wallet.publicKey(), TokenAccountLayout.owner(data));
        assertEquals(mint, TokenAccountLayout.mint(data));
        assertEquals(0, TokenAccountLayout.amount(data));
    }
}
