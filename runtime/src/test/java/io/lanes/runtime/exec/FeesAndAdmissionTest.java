package io.lanes.runtime.exec;

import io.lanes.programs.computebudget.ComputeBudgetProgram;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.harness.TestBank;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeesAndAdmissionTest {
    private static final long SOL = 1_000_000_000L;
    private final TestBank bank = TestBank.create();
    private final Keypair payer = bank.newFundedKeypair(10 * SOL);
    private final Pubkey recipient = Keypair.generate().publicKey();

    @AfterEach
    void close() {
        bank.close();
    }

    @Test
    void aDuplicateSignatureIsRejectedWithoutFee() {
        final Transaction transaction = bank.transaction(payer, List.of(), SystemInstruction.transfer(payer.publicKey(), recipient, SOL));
        assertEquals(TransactionStatus.SUCCEEDED, bank.execute(transaction).status());
        final Hash afterFirst = bank.stateHash();
        final ExecutionResult again = bank.execute(transaction);
        assertEquals(TransactionStatus.REJECTED, again.status());
        assertEquals(TransactionError.of(TransactionError.Kind.AlreadyProcessed), again.error());
        assertEquals(afterFirst, bank.stateHash());
    }

    @Test
    void anUnknownBlockhashIsRejectedWithoutFee() {
        final Transaction transaction = TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(),
            Hash.sha256(new byte[] {1}), List.of(SystemInstruction.transfer(payer.publicKey(), recipient, SOL))), payer);
        final Hash before = bank.stateHash();
        final ExecutionResult result = bank.execute(transaction);
        assertEquals(TransactionError.of(TransactionError.Kind.BlockhashNotFound), result.error());
        assertEquals(before, bank.stateHash());
    }

    @Test
    void aBlockhashExpiresAfter150Slots() {
        final Hash old = bank.latestBlockhash();
        bank.warpSlots(149);
        final Transaction stillValid = TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(), old,
            List.of(SystemInstruction.transfer(payer.publicKey(), recipient, SOL))), payer);
        assertEquals(TransactionStatus.SUCCEEDED, bank.execute(stillValid).status());
        bank.warpSlots(1);
        final Transaction expired = TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(), old,
            List.of(SystemInstruction.transfer(payer.publicKey(), recipient, 2 * SOL))), payer);
        assertEquals(TransactionError.of(TransactionError.Kind.BlockhashNotFound), bank.execute(expired).error());
    }

    @Test
    void aPayerThatCannotPayTheFeeIsRejectedWithoutTrace() {
        final Keypair poor = bank.newFundedKeypair(4_999);
        final Hash before = bank.stateHash();
        final ExecutionResult result = bank.send(poor, SystemInstruction.transfer(poor.publicKey(), recipient, 1));
        assertEquals(TransactionStatus.REJECTED, result.status());
        assertEquals(TransactionError.of(TransactionError.Kind.InsufficientFundsForFee), result.error());
        assertEquals(before, bank.stateHash());
    }

    @Test
    void aPayerLeftBelowRentExemptionIsRejected() {
        final Keypair payerNearMinimum = bank.newFundedKeypair(Rent.minimumBalance(0) + 4_999);
        final ExecutionResult result = bank.send(payerNearMinimum, SystemInstruction.transfer(payerNearMinimum.publicKey(), recipient, 0));
        assertEquals(TransactionError.insufficientFundsForRent(0), result.error());
        assertEquals(TransactionStatus.REJECTED, result.status());
    }

    @Test
    void aPayerThatDoesNotExistIsRejectedWithAccountNotFound() {
        final Keypair nobody = Keypair.generate();
        assertEquals(TransactionError.of(TransactionError.Kind.AccountNotFound),
            bank.send(nobody, SystemInstruction.transfer(nobody.publicKey(), recipient, 0)).error());
    }

    @Test
    void thePriorityFeeIsPriceTimesLimitInMicroLamportsRoundedUp() {
        final ExecutionResult result = bank.send(payer,
            ComputeBudgetProgram.setComputeUnitLimit(600),
            ComputeBudgetProgram.setComputeUnitPrice(1_000_001),
            SystemInstruction.transfer(payer.publicKey(), recipient, SOL));
        assertEquals(TransactionStatus.SUCCEEDED, result.status(), result.toString());
        assertEquals(5_000 + 601, result.fee(), "ceil(1,000,001 * 600 / 1,000,000) = 601");
        assertEquals(10 * SOL - SOL - 5_601, bank.lamports(payer.publicKey()));
        assertEquals(450, result.computeUnitsConsumed(), "three builtin calls of 150 units");
    }

    @Test
    void runningOutOfComputeUnitsFailsTheTransaction() {
        final ExecutionResult result = bank.send(payer,
            ComputeBudgetProgram.setComputeUnitLimit(200),
            SystemInstruction.transfer(payer.publicKey(), recipient, SOL));
        assertEquals(TransactionStatus.FAILED, result.status());
        assertEquals(TransactionError.Kind.InstructionError, result.error().kind());
        assertEquals(1, result.error().index());
        assertEquals(0, bank.lamports(recipient));
    }

    @Test
    void aTransactionWithoutInstructionsOnlyPaysTheFee() {
        final ExecutionResult result = bank.send(payer);
        assertEquals(TransactionStatus.SUCCEEDED, result.status());
        assertEquals(10 * SOL - 5_000, bank.lamports(payer.publicKey()));
    }

    @Test
    void failureInALaterInstructionUndoesTheEarlierOnes() {
        final ExecutionResult result = bank.send(payer,
            SystemInstruction.transfer(payer.publicKey(), recipient, SOL),
            SystemInstruction.transfer(payer.publicKey(), recipient, 100 * SOL));
        assertEquals(TransactionError.Kind.InstructionError, result.error().kind());
        assertEquals(1, result.error().index());
        assertEquals(0, bank.lamports(recipient));
        assertEquals(10 * SOL - 5_000, bank.lamports(payer.publicKey()));
    }
}
