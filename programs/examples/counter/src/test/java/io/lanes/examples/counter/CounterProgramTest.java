package io.lanes.examples.counter;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.harness.TestBank;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.program.TransactionError;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter tested in-process, as a contract author would: harness, real executor, no network. */
class CounterProgramTest {
    static final Pubkey ID = Keypair.generate().publicKey();

    static Instruction initialize(final Pubkey programId, final Pubkey counter, final Pubkey authority) {
        return new Instruction(programId, List.of(AccountMeta.writable(counter, false), AccountMeta.readOnly(authority, true)), new byte[] {0});
    }

    static Instruction increment(final Pubkey programId, final Pubkey counter, final Pubkey authority, final long amount) {
        final byte[] data = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putLong(amount).array();
        return new Instruction(programId, List.of(AccountMeta.writable(counter, false), AccountMeta.readOnly(authority, true)), data);
    }

    /** Creates the counter account (owned by the program) and initializes it, in one transaction. */
    static ExecutionResult createCounter(final TestBank bank, final Pubkey programId, final Keypair payer, final Keypair counter) {
        return bank.send(payer, List.of(counter),
            SystemInstruction.createAccount(payer.publicKey(), counter.publicKey(),
                Rent.minimumBalance(CounterProgram.ACCOUNT_BYTES), CounterProgram.ACCOUNT_BYTES, programId),
            initialize(programId, counter.publicKey(), payer.publicKey()));
    }

    @Test
    void countsUpForItsAuthorityOnly() {
        try (TestBank bank = TestBank.create(ProgramRegistry.withBuiltins().register(ID, "counter", new CounterProgram(), 1_000))) {
            final Keypair payer = bank.newFundedKeypair(5_000_000_000L);
            final Keypair counter = Keypair.generate();
            final ExecutionResult created = createCounter(bank, ID, payer, counter);
            assertEquals(TransactionStatus.SUCCEEDED, created.status(), String.join("\n", created.logLines()));

            final ExecutionResult incremented = bank.send(payer, increment(ID, counter.publicKey(), payer.publicKey(), 41));
            assertEquals(TransactionStatus.SUCCEEDED, incremented.status());
            assertTrue(incremented.logLines().contains("Program log: count 41"), incremented.logLines().toString());
            bank.send(payer, increment(ID, counter.publicKey(), payer.publicKey(), 1));
            assertEquals(42, CounterProgram.count(bank.data(counter.publicKey())));
            assertEquals(payer.publicKey(), CounterProgram.authority(bank.data(counter.publicKey())));

            final Keypair stranger = bank.newFundedKeypair(1_000_000_000L);
            final ExecutionResult refused = bank.send(stranger, increment(ID, counter.publicKey(), stranger.publicKey(), 1));
            assertEquals(TransactionError.instruction(0, InstructionError.custom(CounterProgram.WRONG_AUTHORITY)), refused.error());
            assertEquals(42, CounterProgram.count(bank.data(counter.publicKey())));
        }
    }

    @Test
    void cannotBeInitializedTwice() {
        try (TestBank bank = TestBank.create(ProgramRegistry.withBuiltins().register(ID, "counter", new CounterProgram(), 1_000))) {
            final Keypair payer = bank.newFundedKeypair(5_000_000_000L);
            final Keypair counter = Keypair.generate();
            createCounter(bank, ID, payer, counter);
            final ExecutionResult again = bank.send(payer, initialize(ID, counter.publicKey(), payer.publicKey()));
            assertEquals(TransactionError.instruction(0, InstructionError.of(InstructionError.Kind.AccountAlreadyInitialized)), again.error());
        }
    }
}
