package io.lanes.runtime.programs;

import io.lanes.programs.ata.AssociatedTokenAccount;
import io.lanes.programs.ata.AssociatedTokenInstruction;
import io.lanes.programs.memo.MemoProgram;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.programs.token.TokenProgram;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.harness.TestBank;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.testing.Vectors;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.CompiledInstruction;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.Transaction;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shared vector (made by @solana/web3.js and @solana/spl-token), executed in file order
 * against a genesis state with the payer (seed 01) and cosigner (seed 03) funded with 10 SOL each,
 * succeeds and ends with the state a Solana node computes. Expected numbers worked out by hand
 * from the vectors' descriptions.
 */
class TokenVectorsTest {
    private static final long TEN_SOL = 10_000_000_000L;
    private static final long FEE = 5_000;
    private static final long MINT_RENT = 1_461_600;
    private static final long TOKEN_ACCOUNT_RENT = 2_039_280;

    private final Pubkey payer = Vectors.keypair(1).publicKey();
    private final Pubkey recipient = Vectors.keypair(2).publicKey();
    private final Pubkey cosigner = Vectors.keypair(3).publicKey();
    private final Pubkey mint = Vectors.keypair(5).publicKey();
    private final Pubkey tokenSource = Vectors.keypair(6).publicKey();
    private final Pubkey tokenDestination = Vectors.keypair(7).publicKey();
    private final Pubkey tokenOwner = Vectors.keypair(8).publicKey();
    private final Pubkey freezeAuthority = Vectors.keypair(10).publicKey();

    @Test
    void everyVectorSucceedsInFileOrderAndEndsWithSolanasState() {
        try (TestBank bank = TestBank.withoutBlockhashCheck(ProgramRegistry.withBuiltins())) {
            bank.airdrop(payer, TEN_SOL);
            bank.airdrop(cosigner, TEN_SOL);
            for (final Map.Entry<String, Transaction> vector : Vectors.transactions().entrySet()) {
                final ExecutionResult result = bank.execute(vector.getValue());
                assertEquals(TransactionStatus.SUCCEEDED, result.status(), vector.getKey() + ": " + result + " " + result.logLines());
            }
            assertTokenState(bank);
            assertEquals(TEN_SOL - payerSpent(), bank.lamports(payer));
            assertEquals(TEN_SOL - 700_000, bank.lamports(cosigner));
        }
    }

    /** Lamports the payer spends over the 15 vectors, vector by vector. */
    private static long payerSpent() {
        final long systemVectors = (1_000_000 + FEE) + (1_336_320 + 2 * FEE) + (500_000 + 2 * FEE)
            + (1_000_001 + 2_000_002 + 3_000_003 + FEE);
        final long initializeMint = MINT_RENT + 2 * FEE;
        final long initializeAccounts = 2 * TOKEN_ACCOUNT_RENT + 3 * FEE;
        final long mintTo = FEE;
        final long transfers = 2 * FEE + 2 * FEE;
        final long burn = 2 * FEE;
        final long closeRefundsRent = 2 * FEE - TOKEN_ACCOUNT_RENT;
        final long createAta = TOKEN_ACCOUNT_RENT + FEE;
        final long lastThree = (1_234_567 + FEE) + FEE + FEE;
        return systemVectors + initializeMint + initializeAccounts + mintTo + transfers + burn + closeRefundsRent + createAta + lastThree;
    }

    private void assertTokenState(final TestBank bank) {
        final AccountBuffer mintAccount = bank.account(mint);
        assertEquals(TokenProgram.ID, mintAccount.owner());
        assertEquals(MINT_RENT, mintAccount.lamports());
        final UnsafeBuffer mintData = new UnsafeBuffer(bank.data(mint));
        assertEquals(350_000, MintLayout.supply(mintData));
        assertEquals(6, MintLayout.decimals(mintData));
        assertEquals(payer, MintLayout.mintAuthority(mintData));
        assertEquals(freezeAuthority, MintLayout.freezeAuthority(mintData));

        final UnsafeBuffer destination = new UnsafeBuffer(bank.data(tokenDestination));
        assertEquals(350_000, TokenAccountLayout.amount(destination));
        assertEquals(recipient, TokenAccountLayout.owner(destination));
        assertEquals(mint, TokenAccountLayout.mint(destination));

        assertEquals(0, bank.lamports(tokenSource), "closed");
        assertEquals(0, bank.account(tokenSource).dataLength());

        final Pubkey recipientAta = AssociatedTokenAccount.address(recipient, mint);
        assertEquals(Pubkey.fromBase58("6JkD4Lst8RLSc7g1aqUjzihLdNm9q8G5jcMYoT2Qd79y"), recipientAta);
        final AccountBuffer ata = bank.account(recipientAta);
        assertEquals(TokenProgram.ID, ata.owner());
        assertEquals(TOKEN_ACCOUNT_RENT, ata.lamports());
        final UnsafeBuffer ataData = new UnsafeBuffer(bank.data(recipientAta));
        assertTrue(TokenAccountLayout.isValid(ataData, ata.dataLength()));
        assertEquals(0, TokenAccountLayout.amount(ataData));
        assertEquals(recipient, TokenAccountLayout.owner(ataData));
        assertEquals(mint, TokenAccountLayout.mint(ataData));
        assertFalse(TokenAccountLayout.isNative(ataData));
    }

    @Test
    void createAtaVectorLogsTheRealProgramsCallSequence() {
        try (TestBank bank = TestBank.withoutBlockhashCheck(ProgramRegistry.withBuiltins())) {
            bank.airdrop(payer, TEN_SOL);
            bank.airdrop(cosigner, TEN_SOL);
            ExecutionResult last = null;
            for (final Map.Entry<String, Transaction> vector : Vectors.transactions().entrySet()) {
                last = bank.execute(vector.getValue());
                if (vector.getKey().equals("readonly-non-signer")) {
                    break;
                }
            }
            final List<String> logs = last.logLines();
            assertEquals("Program ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL invoke [1]", logs.get(0));
            assertEquals("Program log: Create", logs.get(1));
            assertTrue(logs.contains("Program log: Instruction: GetAccountDataSize"), logs.toString());
            assertTrue(logs.contains("Program 11111111111111111111111111111111 invoke [2]"), logs.toString());
            assertTrue(logs.contains("Program log: Initialize the associated token account"), logs.toString());
            assertTrue(logs.contains("Program log: Instruction: InitializeImmutableOwner"), logs.toString());
            assertTrue(logs.contains("Program log: Please upgrade to SPL Token 2022 for immutable owner support"), logs.toString());
            assertTrue(logs.contains("Program log: Instruction: InitializeAccount3"), logs.toString());
            assertEquals("Program ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL success", logs.get(logs.size() - 1));
        }
    }

    /** Our builders give the exact data and account metas the JS SDK put in the vectors. */
    @Test
    void buildersEncodeLikeTheJavaScriptClient() {
        final Map<String, Transaction> vectors = Vectors.transactions();
        assertSameInstruction(vectors.get("spl-initialize-mint2"), 1, TokenInstruction.initializeMint2(mint, 6, payer, freezeAuthority));
        assertSameInstruction(vectors.get("spl-initialize-account3"), 1, TokenInstruction.initializeAccount3(tokenSource, mint, tokenOwner));
        assertSameInstruction(vectors.get("spl-initialize-account3"), 3, TokenInstruction.initializeAccount3(tokenDestination, mint, recipient));
        assertSameInstruction(vectors.get("spl-mint-to"), 0, TokenInstruction.mintTo(mint, tokenSource, payer, 1_000_000));
        assertSameInstruction(vectors.get("spl-transfer"), 0, TokenInstruction.transfer(tokenSource, tokenDestination, tokenOwner, 250_000));
        assertSameInstruction(vectors.get("spl-transfer-checked"), 0,
            TokenInstruction.transferChecked(tokenSource, mint, tokenDestination, tokenOwner, 100_000, 6));
        assertSameInstruction(vectors.get("spl-burn"), 0, TokenInstruction.burn(tokenSource, mint, tokenOwner, 650_000));
        assertSameInstruction(vectors.get("spl-close-account"), 0, TokenInstruction.closeAccount(tokenSource, payer, tokenOwner));
        assertSameInstruction(vectors.get("readonly-non-signer"), 0, AssociatedTokenInstruction.create(payer, recipient, mint));
        final Transaction memo = vectors.get("memo-long-data");
        assertEquals(MemoProgram.ID, memo.message().accountKey(memo.message().instruction(0).programIdIndex()));
    }

    /** True for the fee payer and for keys another instruction of the message also uses. */
    private static boolean usedElsewhere(final Message message, final int instructionIndex, final int accountIndex) {
        if (accountIndex == 0) {
            return true;
        }
        for (int i = 0; i < message.instructionCount(); i++) {
            final CompiledInstruction other = message.instruction(i);
            for (int position = 0; i != instructionIndex && position < other.accountCount(); position++) {
                if (other.accountIndex(position) == accountIndex) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void assertSameInstruction(final Transaction transaction, final int index, final Instruction expected) {
        final Message message = transaction.message();
        final CompiledInstruction compiled = message.instruction(index);
        assertEquals(expected.programId(), message.accountKey(compiled.programIdIndex()));
        assertArrayEquals(expected.data(), compiled.data(), "data of instruction " + index);
        assertEquals(expected.accounts().size(), compiled.accountCount());
        for (int position = 0; position < compiled.accountCount(); position++) {
            final int accountIndex = compiled.accountIndex(position);
            assertEquals(expected.accounts().get(position).key(), message.accountKey(accountIndex));
            final boolean writable = expected.accounts().get(position).isWritable();
            final boolean signer = expected.accounts().get(position).isSigner();
            assertTrue(!writable || message.isWritable(accountIndex));
            assertTrue(!signer || message.isSigner(accountIndex));
            if (!usedElsewhere(message, index, accountIndex)) { // else the message merges privileges
                assertEquals(writable, message.isWritable(accountIndex), "writable " + position);
                assertEquals(signer, message.isSigner(accountIndex), "signer " + position);
            }
        }
    }
}
