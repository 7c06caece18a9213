package io.lanes.runtime.programs;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenError;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.programs.token.TokenProgram;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.lanes.runtime.programs.TokenBank.ACCOUNT_RENT;
import static io.lanes.runtime.programs.TokenBank.MINT_RENT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPL Token initialization, transfers, mint and burn, with their error codes, through real transactions. */
class TokenProgramTest {
    private final TokenBank tokens = new TokenBank();
    private final Keypair mintAuthority = Keypair.generate();
    private final Keypair alice = Keypair.generate();
    private final Keypair bob = Keypair.generate();

    @AfterEach
    void close() {
        tokens.close();
    }

    @Test
    void initializeMint2WritesSplTokensBytes() {
        final Pubkey freeze = Keypair.generate().publicKey();
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), freeze, 6);
        assertArrayEquals(MintLayout.encode(mintAuthority.publicKey(), 0, 6, true, freeze), tokens.bank.data(mint));
        assertEquals(TokenProgram.ID, tokens.bank.account(mint).owner());
    }

    @Test
    void initializeMintV1TakesTheRentSysvarAccountWhichNeedNotExist() {
        final Keypair mint = Keypair.generate();
        tokens.succeed(List.of(mint),
            SystemInstruction.createAccount(tokens.payer.publicKey(), mint.publicKey(), MINT_RENT, MintLayout.LENGTH, TokenProgram.ID),
            TokenInstruction.initializeMint(mint.publicKey(), 9, mintAuthority.publicKey(), null));
        assertArrayEquals(MintLayout.encode(mintAuthority.publicKey(), 0, 9, true, null), tokens.bank.data(mint.publicKey()));
    }

    @Test
    void initializeMintV1RejectsAnotherAccountInPlaceOfTheRentSysvar() {
        final Keypair mint = Keypair.generate();
        final Instruction initialize = TokenInstruction.initializeMint(mint.publicKey(), 9, mintAuthority.publicKey(), null);
        final Instruction wrongSysvar = new Instruction(TokenProgram.ID,
            List.of(initialize.accounts().get(0), AccountMeta.readOnly(alice.publicKey(), false)), initialize.data());
        tokens.fail(io.lanes.sdk.program.InstructionError.of(Kind.InvalidArgument), 1, List.of(mint),
            SystemInstruction.createAccount(tokens.payer.publicKey(), mint.publicKey(), MINT_RENT, MintLayout.LENGTH, TokenProgram.ID),
            wrongSysvar);
    }

    @Test
    void initializingAMintTwiceFailsWithAlreadyInUse() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 2);
        final ExecutionResult result = tokens.fail(TokenError.AlreadyInUse, List.of(),
            TokenInstruction.initializeMint2(mint, 3, alice.publicKey(), null));
        assertTrue(result.logLines().contains("Program log: Error: account or token already in use"), result.logLines().toString());
        assertTrue(result.logLines().get(result.logLines().size() - 1).endsWith("failed: custom program error: 0x6"));
    }

    @Test
    void initializingAMintBelowRentExemptionFailsWithNotRentExempt() {
        final Keypair mint = Keypair.generate();
        tokens.fail(TokenError.NotRentExempt.error(), 1, List.of(mint),
            SystemInstruction.createAccount(tokens.payer.publicKey(), mint.publicKey(), MINT_RENT - 1, MintLayout.LENGTH, TokenProgram.ID),
            TokenInstruction.initializeMint2(mint.publicKey(), 0, mintAuthority.publicKey(), null));
    }

    @Test
    void initializeAccountVariantsWriteMintOwnerAndState() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 0);
        final Pubkey viaThree = tokens.createAccount(mint, alice.publicKey());
        assertArrayEquals(TokenAccountLayout.encode(mint, alice.publicKey(), 0, TokenAccountLayout.STATE_INITIALIZED),
            tokens.bank.data(viaThree));
        for (final int variant : new int[] {1, 2}) {
            final Keypair account = Keypair.generate();
            final Instruction initialize = variant == 1
                ? TokenInstruction.initializeAccount(account.publicKey(), mint, bob.publicKey())
                : TokenInstruction.initializeAccount2(account.publicKey(), mint, bob.publicKey());
            tokens.succeed(List.of(account), SystemInstruction.createAccount(tokens.payer.publicKey(), account.publicKey(),
                ACCOUNT_RENT, TokenAccountLayout.LENGTH, TokenProgram.ID), initialize);
            assertArrayEquals(TokenAccountLayout.encode(mint, bob.publicKey(), 0, TokenAccountLayout.STATE_INITIALIZED),
                tokens.bank.data(account.publicKey()), "InitializeAccount" + variant);
        }
    }

    @Test
    void initializeAccountChecksTheMint() {
        final Keypair account = Keypair.generate();
        final Instruction create = SystemInstruction.createAccount(
            tokens.payer.publicKey(), account.publicKey(), ACCOUNT_RENT, TokenAccountLayout.LENGTH, TokenProgram.ID);
        tokens.fail(io.lanes.sdk.program.InstructionError.of(Kind.IncorrectProgramId), 1, List.of(account), create,
            TokenInstruction.initializeAccount3(account.publicKey(), alice.publicKey(), bob.publicKey()));
        final Keypair uninitializedMint = Keypair.generate();
        tokens.succeed(List.of(uninitializedMint), SystemInstruction.createAccount(tokens.payer.publicKey(),
            uninitializedMint.publicKey(), MINT_RENT, MintLayout.LENGTH, TokenProgram.ID));
        tokens.fail(TokenError.InvalidMint.error(), 1, List.of(account), create,
            TokenInstruction.initializeAccount3(account.publicKey(), uninitializedMint.publicKey(), bob.publicKey()));
    }

    @Test
    void transferMovesTokensAndLogsLikeSplToken() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey from = tokens.createAccount(mint, alice.publicKey());
        final Pubkey to = tokens.createAccount(mint, bob.publicKey());
        tokens.mintTo(mint, from, mintAuthority, 1_000);
        final ExecutionResult result = tokens.succeed(List.of(alice), TokenInstruction.transfer(from, to, alice.publicKey(), 400));
        assertEquals(600, tokens.amount(from));
        assertEquals(400, tokens.amount(to));
        assertEquals(1_000, tokens.supply(mint));
        assertEquals(List.of(
            "Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA invoke [1]",
            "Program log: Instruction: Transfer",
            "Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA consumed 4650 of 200000 compute units",
            "Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA success"), result.logLines());
        assertEquals(4_650, result.computeUnitsConsumed());
    }

    @Test
    void transferToItselfChangesNothing() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey account = tokens.createAccount(mint, alice.publicKey());
        tokens.mintTo(mint, account, mintAuthority, 10);
        tokens.succeed(List.of(alice), TokenInstruction.transfer(account, account, alice.publicKey(), 10));
        assertEquals(10, tokens.amount(account));
    }

    @Test
    void transferOfMoreThanTheBalanceFailsWithInsufficientFunds() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey from = tokens.createAccount(mint, alice.publicKey());
        final Pubkey to = tokens.createAccount(mint, bob.publicKey());
        tokens.mintTo(mint, from, mintAuthority, 100);
        final ExecutionResult result = tokens.fail(TokenError.InsufficientFunds, List.of(alice),
            TokenInstruction.transfer(from, to, alice.publicKey(), 101));
        assertTrue(result.logLines().contains("Program log: Error: insufficient funds"), result.logLines().toString());
        assertEquals("{\"InstructionError\":[0,{\"Custom\":1}]}", result.error().toJson());
    }

    @Test
    void transferBetweenMintsFailsWithMintMismatch() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey otherMint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey from = tokens.createAccount(mint, alice.publicKey());
        final Pubkey to = tokens.createAccount(otherMint, bob.publicKey());
        tokens.mintTo(mint, from, mintAuthority, 100);
        tokens.fail(TokenError.MintMismatch, List.of(alice), TokenInstruction.transfer(from, to, alice.publicKey(), 1));
    }

    @Test
    void transferByAnotherSignerFailsWithOwnerMismatch() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey from = tokens.createAccount(mint, alice.publicKey());
        final Pubkey to = tokens.createAccount(mint, bob.publicKey());
        tokens.mintTo(mint, from, mintAuthority, 100);
        tokens.fail(TokenError.OwnerMismatch, List.of(bob), TokenInstruction.transfer(from, to, bob.publicKey(), 1));
    }

    @Test
    void transferWithoutTheOwnersSignatureFails() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey from = tokens.createAccount(mint, alice.publicKey());
        final Pubkey to = tokens.createAccount(mint, bob.publicKey());
        tokens.mintTo(mint, from, mintAuthority, 100);
        final Instruction signed = TokenInstruction.transfer(from, to, alice.publicKey(), 1);
        final Instruction unsigned = new Instruction(TokenProgram.ID, List.of(signed.accounts().get(0), signed.accounts().get(1),
            AccountMeta.readOnly(alice.publicKey(), false)), signed.data());
        final ExecutionResult result = tokens.fail(Kind.MissingRequiredSignature, List.of(), unsigned);
        assertTrue(result.logLines().contains("Program log: Error: MissingRequiredSignature"), result.logLines().toString());
    }

    @Test
    void transferCheckedChecksTheMintAndItsDecimals() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey otherMint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey from = tokens.createAccount(mint, alice.publicKey());
        final Pubkey to = tokens.createAccount(mint, bob.publicKey());
        tokens.mintTo(mint, from, mintAuthority, 100);
        tokens.fail(TokenError.MintDecimalsMismatch, List.of(alice),
            TokenInstruction.transferChecked(from, mint, to, alice.publicKey(), 1, 9));
        tokens.fail(TokenError.MintMismatch, List.of(alice),
            TokenInstruction.transferChecked(from, otherMint, to, alice.publicKey(), 1, 6));
        tokens.succeed(List.of(alice), TokenInstruction.transferChecked(from, mint, to, alice.publicKey(), 30, 6));
        assertEquals(30, tokens.amount(to));
    }

    @Test
    void mintToChecksItsAuthorityAndDecimals() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey account = tokens.createAccount(mint, alice.publicKey());
        tokens.fail(TokenError.OwnerMismatch, List.of(alice), TokenInstruction.mintTo(mint, account, alice.publicKey(), 5));
        tokens.fail(TokenError.MintDecimalsMismatch, List.of(mintAuthority),
            TokenInstruction.mintToChecked(mint, account, mintAuthority.publicKey(), 5, 2));
        tokens.succeed(List.of(mintAuthority), TokenInstruction.mintToChecked(mint, account, mintAuthority.publicKey(), 5, 6));
        assertEquals(5, tokens.amount(account));
        assertEquals(5, tokens.supply(mint));
    }

    @Test
    void mintToAnAccountOfAnotherMintFailsWithMintMismatch() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey otherMint = tokens.createMint(mintAuthority.publicKey(), null, 6);
        final Pubkey account = tokens.createAccount(otherMint, alice.publicKey());
        tokens.fail(TokenError.MintMismatch, List.of(mintAuthority), TokenInstruction.mintTo(mint, account, mintAuthority.publicKey(), 5));
    }

    @Test
    void mintingPastU64MaxFailsWithOverflow() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 0);
        final Pubkey account = tokens.createAccount(mint, alice.publicKey());
        tokens.mintTo(mint, account, mintAuthority, -1L);
        assertEquals("18446744073709551615", Long.toUnsignedString(tokens.supply(mint)));
        tokens.fail(TokenError.Overflow, List.of(mintAuthority), TokenInstruction.mintTo(mint, account, mintAuthority.publicKey(), 1));
    }

    @Test
    void burnReducesSupplyAndBalance() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 4);
        final Pubkey account = tokens.createAccount(mint, alice.publicKey());
        tokens.mintTo(mint, account, mintAuthority, 500);
        tokens.succeed(List.of(alice), TokenInstruction.burn(account, mint, alice.publicKey(), 200));
        tokens.fail(TokenError.InsufficientFunds, List.of(alice), TokenInstruction.burn(account, mint, alice.publicKey(), 301));
        tokens.fail(TokenError.MintDecimalsMismatch, List.of(alice), TokenInstruction.burnChecked(account, mint, alice.publicKey(), 1, 5));
        tokens.succeed(List.of(alice), TokenInstruction.burnChecked(account, mint, alice.publicKey(), 100, 4));
        assertEquals(200, tokens.amount(account));
        assertEquals(200, tokens.supply(mint));
    }

    @Test
    void malformedInstructionDataFailsWithInvalidInstruction() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 4);
        final Pubkey account = tokens.createAccount(mint, alice.publicKey());
        for (final byte[] data : new byte[][] {{}, {99}, {23}, {TokenInstruction.TRANSFER, 1, 2}, {TokenInstruction.SET_AUTHORITY, 4, 0}}) {
            tokens.fail(TokenError.InvalidInstruction, List.of(),
                new Instruction(TokenProgram.ID, List.of(AccountMeta.writable(account, false)), data));
        }
    }

    @Test
    void anUninitializedSourceFailsWithUninitializedAccount() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 4);
        final Pubkey to = tokens.createAccount(mint, bob.publicKey());
        final Keypair blank = Keypair.generate();
        tokens.succeed(List.of(blank), SystemInstruction.createAccount(
            tokens.payer.publicKey(), blank.publicKey(), ACCOUNT_RENT, TokenAccountLayout.LENGTH, TokenProgram.ID));
        tokens.fail(Kind.UninitializedAccount, List.of(alice), TokenInstruction.transfer(blank.publicKey(), to, alice.publicKey(), 0));
    }

    @Test
    void getAccountDataSizeValidatesTheMintAndImmutableOwnerRejectsInitializedAccounts() {
        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 4);
        final Pubkey account = tokens.createAccount(mint, alice.publicKey());
        final ExecutionResult sized = tokens.succeed(List.of(), TokenInstruction.getAccountDataSize(mint));
        assertTrue(sized.logLines().contains("Program log: Instruction: GetAccountDataSize"));
        tokens.fail(Kind.IncorrectProgramId, List.of(), TokenInstruction.getAccountDataSize(alice.publicKey()));
        tokens.fail(TokenError.AlreadyInUse, List.of(), TokenInstruction.initializeImmutableOwner(account));
    }
}
