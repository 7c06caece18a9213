package io.lanes.runtime.exec;

import io.lanes.programs.system.SystemError;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.system.SystemProgram;
import io.lanes.runtime.harness.TestBank;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.program.TransactionError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemProgramTest {
    private static final long FEE = 5_000;
    private static final long SOL = 1_000_000_000L;
    private final TestBank bank = TestBank.create();
    private final Keypair payer = bank.newFundedKeypair(10 * SOL);
    private final Pubkey owner = Pubkey.fromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");

    @AfterEach
    void close() {
        bank.close();
    }

    @Test
    void transferMovesLamportsAndChargesTheFee() {
        final Pubkey recipient = Keypair.generate().publicKey();
        final ExecutionResult result = bank.send(payer, SystemInstruction.transfer(payer.publicKey(), recipient, 1_000_000));
        assertEquals(TransactionStatus.SUCCEEDED, result.status(), result.toString());
        assertEquals(FEE, result.fee());
        assertEquals(10 * SOL - 1_000_000 - FEE, bank.lamports(payer.publicKey()));
        assertEquals(1_000_000, bank.lamports(recipient));
        assertEquals(List.of(
            "Program 11111111111111111111111111111111 invoke [1]",
            "Program 11111111111111111111111111111111 success"), result.logLines());
    }

    @Test
    void transferOfMoreThanTheBalanceFailsWithResultWithNegativeLamports() {
        final Keypair poor = bank.newFundedKeypair(2 * SOL);
        final Pubkey recipient = Keypair.generate().publicKey();
        final ExecutionResult result = bank.send(payer, List.of(poor),
            SystemInstruction.transfer(poor.publicKey(), recipient, 3 * SOL));
        assertEquals(TransactionStatus.FAILED, result.status());
        assertEquals(TransactionError.instruction(0, InstructionError.custom(SystemError.ResultWithNegativeLamports.code())), result.error());
        assertEquals("{\"InstructionError\":[0,{\"Custom\":1}]}", result.error().toJson());
        assertEquals(10 * SOL - 2 * FEE, bank.lamports(payer.publicKey()), "fee for two signatures, nothing else");
        assertEquals(2 * SOL, bank.lamports(poor.publicKey()));
        assertEquals(0, bank.lamports(recipient));
        assertTrue(result.logLines().get(result.logLines().size() - 1).endsWith("failed: custom program error: 0x1"));
    }

    @Test
    void transferWithoutTheSendersSignatureFails() {
        final Keypair other = bank.newFundedKeypair(SOL);
        final Pubkey recipient = Keypair.generate().publicKey();
        final var instruction = new io.lanes.sdk.program.Instruction(SystemProgram.ID, List.of(
            io.lanes.sdk.program.AccountMeta.writable(other.publicKey(), false),
            io.lanes.sdk.program.AccountMeta.writable(recipient, false)),
            SystemInstruction.transfer(other.publicKey(), recipient, 1).dataUnsafe());
        final ExecutionResult result = bank.send(payer, instruction);
        assertEquals(TransactionError.instruction(0, InstructionError.of(InstructionError.Kind.MissingRequiredSignature)), result.error());
        assertEquals(SOL, bank.lamports(other.publicKey()));
    }

    @Test
    void createAccountAllocatesAssignsAndFunds() {
        final Keypair created = Keypair.generate();
        final long rent = Rent.minimumBalance(165);
        final ExecutionResult result = bank.send(payer, List.of(created),
            SystemInstruction.createAccount(payer.publicKey(), created.publicKey(), rent, 165, owner));
        assertEquals(TransactionStatus.SUCCEEDED, result.status(), result.toString());
        assertEquals(2_039_280, rent);
        final var account = bank.account(created.publicKey());
        assertEquals(rent, account.lamports());
        assertEquals(owner, account.owner());
        assertEquals(165, account.dataLength());
        assertArrayEquals(new byte[165], bank.data(created.publicKey()));
        assertEquals(10 * SOL - rent - 2 * FEE, bank.lamports(payer.publicKey()));
    }

    @Test
    void createAccountOnAFundedAddressFailsWithAccountAlreadyInUse() {
        final Keypair created = Keypair.generate();
        bank.airdrop(created.publicKey(), SOL);
        final ExecutionResult result = bank.send(payer, List.of(created),
            SystemInstruction.createAccount(payer.publicKey(), created.publicKey(), SOL, 0, owner));
        assertEquals(TransactionError.instruction(0, SystemError.AccountAlreadyInUse.error()), result.error());
        assertEquals(SOL, bank.lamports(created.publicKey()));
    }

    @Test
    void createAccountBelowRentExemptionFailsWithInsufficientFundsForRent() {
        final Keypair created = Keypair.generate();
        final ExecutionResult result = bank.send(payer, List.of(created),
            SystemInstruction.createAccount(payer.publicKey(), created.publicKey(), Rent.minimumBalance(10) - 1, 10, owner));
        assertEquals(TransactionStatus.FAILED, result.status());
        assertEquals(TransactionError.Kind.InsufficientFundsForRent, result.error().kind());
        assertEquals(0, bank.lamports(created.publicKey()));
        assertEquals(10 * SOL - 2 * FEE, bank.lamports(payer.publicKey()));
    }

    @Test
    void createAccountLargerThanTenMebibytesFailsWithInvalidAccountDataLength() {
        final Keypair created = Keypair.generate();
        final ExecutionResult result = bank.send(payer, List.of(created),
            SystemInstruction.createAccount(payer.publicKey(), created.publicKey(), SOL, 10L * 1024 * 1024 + 1, owner));
        assertEquals(TransactionError.instruction(0, SystemError.InvalidAccountDataLength.error()), result.error());
    }

    @Test
    void allocateAndAssignNeedTheAccountsSignature() {
        final Keypair account = bank.newFundedKeypair(SOL);
        final ExecutionResult allocate = bank.send(payer, List.of(account), SystemInstruction.allocate(account.publicKey(), 100));
        assertEquals(TransactionStatus.SUCCEEDED, allocate.status(), allocate.toString());
        assertEquals(100, bank.account(account.publicKey()).dataLength());
        final ExecutionResult assign = bank.send(payer, List.of(account), SystemInstruction.assign(account.publicKey(), owner));
        assertEquals(TransactionStatus.SUCCEEDED, assign.status(), assign.toString());
        assertEquals(owner, bank.account(account.publicKey()).owner());
    }

    @Test
    void withSeedInstructionsDeriveTheAddressFromBaseSeedAndOwner() {
        final Pubkey derived = SystemProgram.addressWithSeed(payer.publicKey(), "vault", owner);
        final ExecutionResult create = bank.send(payer, SystemInstruction.createAccountWithSeed(
            payer.publicKey(), derived, payer.publicKey(), "vault", SOL, 8, owner));
        assertEquals(TransactionStatus.SUCCEEDED, create.status(), create.toString());
        assertEquals(owner, bank.account(derived).owner());
        assertEquals(8, bank.account(derived).dataLength());

        final Pubkey systemDerived = SystemProgram.addressWithSeed(payer.publicKey(), "wallet", SystemProgram.ID);
        final Pubkey recipient = Keypair.generate().publicKey();
        assertEquals(TransactionStatus.SUCCEEDED, bank.send(payer, SystemInstruction.transfer(payer.publicKey(), systemDerived, 2 * SOL)).status());
        final ExecutionResult transfer = bank.send(payer, SystemInstruction.transferWithSeed(
            systemDerived, payer.publicKey(), "wallet", SystemProgram.ID, recipient, SOL));
        assertEquals(TransactionStatus.SUCCEEDED, transfer.status(), transfer.toString());
        assertEquals(SOL, bank.lamports(recipient));
        assertEquals(SOL, bank.lamports(systemDerived));

        final Pubkey allocated = SystemProgram.addressWithSeed(payer.publicKey(), "alloc", owner);
        bank.send(payer, SystemInstruction.transfer(payer.publicKey(), allocated, SOL));
        final ExecutionResult allocate = bank.send(payer, SystemInstruction.allocateWithSeed(allocated, payer.publicKey(), "alloc", 16, owner));
        assertEquals(TransactionStatus.SUCCEEDED, allocate.status(), allocate.toString());
        assertEquals(owner, bank.account(allocated).owner());
        assertEquals(16, bank.account(allocated).dataLength());

        final Pubkey assigned = SystemProgram.addressWithSeed(payer.publicKey(), "assign", owner);
        bank.send(payer, SystemInstruction.transfer(payer.publicKey(), assigned, SOL));
        final ExecutionResult assign = bank.send(payer, SystemInstruction.assignWithSeed(assigned, payer.publicKey(), "assign", owner));
        assertEquals(TransactionStatus.SUCCEEDED, assign.status(), assign.toString());
        assertEquals(owner, bank.account(assigned).owner());
    }

    @Test
    void aSeedAddressThatDoesNotMatchFailsWithAddressWithSeedMismatch() {
        final Pubkey wrong = Keypair.generate().publicKey();
        final ExecutionResult result = bank.send(payer, SystemInstruction.createAccountWithSeed(
            payer.publicKey(), wrong, payer.publicKey(), "vault", SOL, 8, owner));
        assertEquals(TransactionError.instruction(0, SystemError.AddressWithSeedMismatch.error()), result.error());
    }

    @Test
    void unknownInstructionTagFailsWithInvalidInstructionData() {
        final var instruction = new io.lanes.sdk.program.Instruction(SystemProgram.ID,
            List.of(io.lanes.sdk.program.AccountMeta.writable(payer.publicKey(), true)), new byte[] {99, 0, 0, 0});
        assertEquals(TransactionError.instruction(0, InstructionError.of(InstructionError.Kind.InvalidInstructionData)),
            bank.send(payer, instruction).error());
    }
}
