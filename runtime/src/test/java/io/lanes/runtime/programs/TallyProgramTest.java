package io.lanes.runtime.programs;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.tally.TallyProgram;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.SequentialExecutor;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.harness.TestBank;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tally counters: direct and commutative additions, what a failure leaves, and the checks. */
class TallyProgramTest {
    private final TestBank bank = TestBank.create();
    private final Keypair payer = bank.newFundedKeypair(10 * Genesis.LAMPORTS_PER_SOL);

    @AfterEach
    void close() {
        bank.close();
    }

    private Pubkey newCounter() {
        final Keypair counter = Keypair.generate();
        succeed(bank.send(payer, List.of(counter), SystemInstruction.createAccount(payer.publicKey(), counter.publicKey(),
            Rent.minimumBalance(TallyProgram.COUNTER_BYTES), TallyProgram.COUNTER_BYTES, TallyProgram.ID)));
        return counter.publicKey();
    }

    private long counter(final Pubkey key) {
        return TallyProgram.counter(bank.data(key));
    }

    private static void succeed(final ExecutionResult result) {
        assertEquals(TransactionStatus.SUCCEEDED, result.status(), result.toString());
    }

    @Test
    void directAndCommutativeAdditionsBothCount() {
        final Pubkey counter = newCounter();
        succeed(bank.send(payer, TallyProgram.add(counter, 5, true)));
        assertEquals(5, counter(counter));
        succeed(bank.send(payer, TallyProgram.add(counter, 7, false)));
        assertEquals(12, counter(counter));
    }

    @Test
    void aFailedTransactionsCommutativeAdditionIsDropped() {
        final Pubkey counter = newCounter();
        final long before = bank.lamports(payer.publicKey());
        final ExecutionResult result = bank.send(payer, TallyProgram.add(counter, 5, true),
            SystemInstruction.transfer(payer.publicKey(), Keypair.generate().publicKey(), 1_000 * Genesis.LAMPORTS_PER_SOL));
        assertEquals(TransactionStatus.FAILED, result.status());
        assertEquals(0, counter(counter), "only the fee remains of a failed transaction");
        assertEquals(before - result.fee(), bank.lamports(payer.publicKey()));
    }

    @Test
    void commutativeAdditionsAreCheckedAtTheCall() {
        final Pubkey counter = newCounter();
        assertError(InstructionError.Kind.InvalidArgument, TallyProgram.add(counter, InvokeContext.MAX_COMMUTATIVE_DELTA + 1, true));
        assertError(InstructionError.Kind.IncorrectProgramId, TallyProgram.add(payer.publicKey(), 1, true));
        final Keypair small = Keypair.generate();
        succeed(bank.send(payer, List.of(small), SystemInstruction.createAccount(payer.publicKey(), small.publicKey(),
            Rent.minimumBalance(4), 4, TallyProgram.ID)));
        assertError(InstructionError.Kind.AccountDataTooSmall, TallyProgram.add(small.publicKey(), 1, true));
        assertEquals(0, counter(counter));
    }

    private void assertError(final InstructionError.Kind kind, final io.lanes.sdk.program.Instruction instruction) {
        final ExecutionResult result = bank.send(payer, instruction);
        assertEquals(TransactionStatus.FAILED, result.status());
        assertEquals(kind, result.error().instructionError().kind(), result.toString());
    }

    @Test
    void withinABlockReadersSeeTheStartValueAndTheSumLandsAtItsEnd() {
        final Pubkey counter = newCounter();
        final SequentialExecutor block = new SequentialExecutor(new Bank(bank.store(), bank.programs(), false));
        final ExecutionResult result = new ExecutionResult();
        for (final long amount : new long[] {3, 4, 0}) {
            block.execute(TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(), bank.latestBlockhash(),
                List.of(TallyProgram.add(counter, amount, true))), payer), result);
            succeed(result);
        }
        final AccountBuffer seen = new AccountBuffer();
        bank.store().load(bank.store().find(counter), seen);
        assertEquals(0, seen.data().getLong(0, java.nio.ByteOrder.LITTLE_ENDIAN), "not applied before the block ends");
        block.applyCommutativeAdds();
        assertEquals(7, counter(counter));
    }
}
