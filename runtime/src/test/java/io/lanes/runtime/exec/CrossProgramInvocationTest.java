package io.lanes.runtime.exec;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.system.SystemProgram;
import io.lanes.runtime.harness.TestBank;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramDerivedAddress;
import io.lanes.sdk.program.ProgramError;
import io.lanes.sdk.program.TransactionError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CrossProgramInvocationTest {
    private static final long SOL = 1_000_000_000L;
    private static final byte[] VAULT_SEED = "vault".getBytes(StandardCharsets.US_ASCII);

    private static Pubkey id(final String name) {
        return Pubkey.wrap(Hash.sha256(name.getBytes(StandardCharsets.US_ASCII)).toBytes());
    }

    private static final Pubkey FORWARDER = id("test-forwarder");
    private static final Pubkey RECURSER = id("test-recurser");
    private static final Pubkey PING = id("test-ping");
    private static final Pubkey PONG = id("test-pong");

    /**
     * Accounts: [vault, recipient, system program]. Data byte 0: 0 = pay 1 SOL from the vault
     * signing with the vault's seeds; 1 = the same without seeds; 2 = ask for the recipient as
     * writable although it was passed read-only; 3 = sign with seeds, but catch the failure of an
     * overdraft and return normally.
     */
    private static final Program FORWARDER_PROGRAM = (InvokeContext context) -> {
        final int mode = context.instructionData().getByte(0);
        final Pubkey vault = context.account(0).key();
        final Pubkey recipient = context.account(1).key();
        final ProgramDerivedAddress derived = ProgramDerivedAddress.find(new byte[][] {VAULT_SEED}, context.programId());
        final byte[][] seeds = {VAULT_SEED, {(byte) derived.bump()}};
        switch (mode) {
            case 0 -> context.invokeSigned(SystemInstruction.transfer(vault, recipient, SOL), seeds);
            case 1 -> context.invoke(SystemInstruction.transfer(vault, recipient, SOL));
            case 2 -> context.invokeSigned(SystemInstruction.transfer(vault, recipient, SOL), seeds);
            case 3 -> {
                try {
                    context.invokeSigned(SystemInstruction.transfer(vault, recipient, 1_000 * SOL), seeds);
                } catch (final ProgramError ignored) {
                    context.log("caught the failure and carried on");
                }
            }
            default -> throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
    };

    /** Calls itself while data byte 0 (the remaining depth) is above zero. Accounts: [self program]. */
    private static final Program RECURSER_PROGRAM = (InvokeContext context) -> {
        final int remaining = context.instructionData().getByte(0);
        if (remaining > 0) {
            context.invoke(new Instruction(RECURSER, List.of(AccountMeta.readOnly(RECURSER, false)), new byte[] {(byte) (remaining - 1)}));
        }
    };

    /** PING calls PONG; PONG calls PING back: reentrancy. Accounts: [ping, pong]. */
    private static final Program PING_PROGRAM = (InvokeContext context) ->
        context.invoke(new Instruction(PONG, List.of(AccountMeta.readOnly(PING, false), AccountMeta.readOnly(PONG, false)), new byte[0]));
    private static final Program PONG_PROGRAM = (InvokeContext context) ->
        context.invoke(new Instruction(PING, List.of(AccountMeta.readOnly(PING, false), AccountMeta.readOnly(PONG, false)), new byte[0]));

    private final TestBank bank = TestBank.create(ProgramRegistry.withBuiltins()
        .register(FORWARDER, "forwarder", FORWARDER_PROGRAM, 100)
        .register(RECURSER, "recurser", RECURSER_PROGRAM, 100)
        .register(PING, "ping", PING_PROGRAM, 100)
        .register(PONG, "pong", PONG_PROGRAM, 100));
    private final Keypair payer = bank.newFundedKeypair(10 * SOL);
    private final Pubkey vault = ProgramDerivedAddress.find(new byte[][] {VAULT_SEED}, FORWARDER).address();
    private final Pubkey recipient = Keypair.generate().publicKey();

    @AfterEach
    void close() {
        bank.close();
    }

    private ExecutionResult forward(final int mode, final boolean recipientWritable) {
        bank.airdrop(vault, 0);
        return bank.send(payer, new Instruction(FORWARDER, List.of(
            AccountMeta.writable(vault, false),
            new AccountMeta(recipient, false, recipientWritable),
            AccountMeta.readOnly(SystemProgram.ID, false)), new byte[] {(byte) mode}));
    }

    @Test
    void aProgramSignsForItsDerivedAddressWithItsSeeds() {
        bank.airdrop(vault, 5 * SOL);
        final ExecutionResult result = forward(0, true);
        assertEquals(TransactionStatus.SUCCEEDED, result.status(), result + " " + result.logLines());
        assertEquals(4 * SOL, bank.lamports(vault));
        assertEquals(SOL, bank.lamports(recipient));
        assertEquals(List.of(
            "Program " + FORWARDER + " invoke [1]",
            "Program 11111111111111111111111111111111 invoke [2]",
            "Program 11111111111111111111111111111111 success",
            "Program " + FORWARDER + " consumed 1250 of 200000 compute units",
            "Program " + FORWARDER + " success"), result.logLines());
    }

    @Test
    void withoutSeedsTheDerivedAddressIsNotASigner() {
        bank.airdrop(vault, 5 * SOL);
        final ExecutionResult result = forward(1, true);
        assertEquals(TransactionError.instruction(0, InstructionError.of(InstructionError.Kind.PrivilegeEscalation)), result.error());
        assertEquals(5 * SOL, bank.lamports(vault));
    }

    @Test
    void aReadOnlyAccountCannotBecomeWritableInACall() {
        bank.airdrop(vault, 5 * SOL);
        final ExecutionResult result = forward(2, false);
        assertEquals(TransactionError.instruction(0, InstructionError.of(InstructionError.Kind.PrivilegeEscalation)), result.error());
        assertEquals(5 * SOL, bank.lamports(vault));
    }

    @Test
    void aFailedCallFailsTheTransactionEvenIfTheCallerCatchesIt() {
        bank.airdrop(vault, 5 * SOL);
        final ExecutionResult result = forward(3, true);
        assertEquals(TransactionStatus.FAILED, result.status());
        assertEquals(TransactionError.instruction(0, io.lanes.programs.system.SystemError.ResultWithNegativeLamports.error()), result.error());
        assertEquals(5 * SOL, bank.lamports(vault));
        assertEquals(10 * SOL - 5_000, bank.lamports(payer.publicKey()));
    }

    private ExecutionResult recurse(final int depth) {
        return bank.send(payer, new Instruction(RECURSER, List.of(AccountMeta.readOnly(RECURSER, false)), new byte[] {(byte) depth}));
    }

    @Test
    void callsNestUpToFiveDeepAndNoFurther() {
        final ExecutionResult fourCalls = recurse(4);
        assertEquals(TransactionStatus.SUCCEEDED, fourCalls.status(), fourCalls.toString());
        assertEquals("Program " + RECURSER + " invoke [5]", fourCalls.logLines().get(4));
        assertEquals(TransactionError.instruction(0, InstructionError.of(InstructionError.Kind.CallDepth)), recurse(5).error());
    }

    @Test
    void aProgramCannotBeReenteredThroughAnother() {
        final ExecutionResult result = bank.send(payer, new Instruction(PING,
            List.of(AccountMeta.readOnly(PING, false), AccountMeta.readOnly(PONG, false)), new byte[0]));
        assertEquals(TransactionError.instruction(0, InstructionError.of(InstructionError.Kind.ReentrancyNotAllowed)), result.error());
    }
}
