package io.lanes.runtime.exec;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.harness.TestBank;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.program.TransactionError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * One test per account rule the runtime enforces: a program that breaks the rule makes the
 * transaction fail with Solana's error, and the transaction leaves no trace but the fee.
 */
class AccountRulesTest {
    private static final long FEE = 5_000;
    private static final long SOL = 1_000_000_000L;
    private static final Pubkey RULE_BREAKER = Pubkey.wrap(Hash.sha256("lanes-test-rule-breaker".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toBytes());

    /** Breaks the rule named by the first data byte, using its accounts as given. */
    private static final Program BREAKER = (InvokeContext context) -> {
        final int rule = context.instructionData().getByte(0);
        final AccountView first = context.account(0);
        switch (rule) {
            case 0 -> first.data().putByte(0, (byte) 7);
            case 1 -> {
                first.setLamports(first.lamports() - 1);
                context.account(1).setLamports(context.account(1).lamports() + 1);
            }
            case 2 -> first.setLamports(first.lamports() + 1);
            case 3 -> first.data().putByte(0, (byte) 7);
            case 4 -> {
                first.setLamports(first.lamports() - 1);
                context.account(1).setLamports(context.account(1).lamports() + 1);
            }
            case 5 -> first.setOwner(Pubkey.SYSTEM_PROGRAM);
            case 6 -> first.resize(first.dataLength() + AccountView.MAX_DATA_GROWTH_PER_INSTRUCTION + 1);
            case 7 -> first.resize(first.dataLength() + 64);
            case 8 -> first.data().putByte(0, (byte) 1);
            default -> throw new IllegalArgumentException("unknown rule " + rule);
        }
    };

    private final TestBank bank = TestBank.create(ProgramRegistry.withBuiltins().register(RULE_BREAKER, "rule-breaker", BREAKER, 100));
    private final Keypair payer = bank.newFundedKeypair(10 * SOL);

    @AfterEach
    void close() {
        bank.close();
    }

    private Pubkey accountOwnedBy(final Pubkey owner, final long lamports, final int dataLength, final boolean executable) {
        final Pubkey key = Keypair.generate().publicKey();
        final AccountBuffer account = new AccountBuffer();
        account.clear();
        account.lamports(lamports);
        account.owner(owner);
        account.executable(executable);
        account.dataLength(dataLength);
        bank.store().save(bank.store().resolve(key), account);
        return key;
    }

    private void assertOnlyFeeCharged(final int rule, final InstructionError expected, final AccountMeta... accounts) {
        final long payerBefore = bank.lamports(payer.publicKey());
        final Hash before = bank.stateHash();
        final ExecutionResult result = bank.send(payer, new Instruction(RULE_BREAKER, List.of(accounts), new byte[] {(byte) rule}));
        assertEquals(TransactionStatus.FAILED, result.status(), result.toString());
        assertEquals(TransactionError.instruction(0, expected), result.error());
        assertEquals(FEE, result.fee());
        assertEquals(payerBefore - FEE, bank.lamports(payer.publicKey()));
        assertNotEquals(before, bank.stateHash(), "the fee changed the payer");
        bank.airdrop(payer.publicKey(), FEE);
        assertEquals(before, bank.stateHash(), "nothing but the fee changed");
    }

    @Test
    void onlyTheOwnerChangesData() {
        final Pubkey foreign = accountOwnedBy(Pubkey.SYSTEM_PROGRAM, SOL, 8, false);
        assertOnlyFeeCharged(0, InstructionError.of(InstructionError.Kind.ExternalAccountDataModified), AccountMeta.writable(foreign, false));
    }

    @Test
    void onlyTheOwnerDebitsLamports() {
        final Pubkey foreign = accountOwnedBy(Pubkey.SYSTEM_PROGRAM, SOL, 0, false);
        final Pubkey mine = accountOwnedBy(RULE_BREAKER, SOL, 0, false);
        assertOnlyFeeCharged(1, InstructionError.of(InstructionError.Kind.ExternalAccountLamportSpend),
            AccountMeta.writable(foreign, false), AccountMeta.writable(mine, false));
    }

    @Test
    void lamportsAreConservedByEachInstruction() {
        final Pubkey mine = accountOwnedBy(RULE_BREAKER, SOL, 0, false);
        assertOnlyFeeCharged(2, InstructionError.of(InstructionError.Kind.UnbalancedInstruction), AccountMeta.writable(mine, false));
    }

    @Test
    void readOnlyAccountsKeepTheirData() {
        final Pubkey mine = accountOwnedBy(RULE_BREAKER, SOL, 8, false);
        assertOnlyFeeCharged(3, InstructionError.of(InstructionError.Kind.ReadonlyDataModified), AccountMeta.readOnly(mine, false));
    }

    @Test
    void readOnlyAccountsKeepTheirLamports() {
        final Pubkey mine = accountOwnedBy(RULE_BREAKER, SOL, 0, false);
        final Pubkey other = accountOwnedBy(RULE_BREAKER, SOL, 0, false);
        assertOnlyFeeCharged(4, InstructionError.of(InstructionError.Kind.ReadonlyLamportChange),
            AccountMeta.readOnly(mine, false), AccountMeta.writable(other, false));
    }

    @Test
    void executableAccountsAreUnchanged() {
        final Pubkey executable = accountOwnedBy(RULE_BREAKER, SOL, 8, true);
        assertOnlyFeeCharged(8, InstructionError.of(InstructionError.Kind.ExecutableDataModified), AccountMeta.writable(executable, false));
    }

    @Test
    void onlyTheOwnerReassignsAnAccount() {
        final Pubkey foreign = accountOwnedBy(Pubkey.SYSTEM_PROGRAM, SOL, 0, false);
        final ExecutionResult viaSystemOwner = bank.send(payer,
            new Instruction(RULE_BREAKER, List.of(AccountMeta.writable(foreign, false)), new byte[] {5}));
        assertEquals(TransactionStatus.SUCCEEDED, viaSystemOwner.status(), "setting the same owner is no change");
        final Pubkey withData = accountOwnedBy(RULE_BREAKER, SOL, 8, false);
        bank.store().load(bank.store().find(withData), new AccountBuffer());
        final Pubkey dirty = accountOwnedBy(RULE_BREAKER, SOL, 8, false);
        final AccountBuffer account = new AccountBuffer();
        bank.store().load(bank.store().find(dirty), account);
        account.data().putByte(0, (byte) 1);
        bank.store().save(bank.store().find(dirty), account);
        assertOnlyFeeCharged(5, InstructionError.of(InstructionError.Kind.ModifiedProgramId), AccountMeta.writable(dirty, false));
    }

    @Test
    void dataGrowsByAtMostTenKibibytesPerInstruction() {
        final Pubkey mine = accountOwnedBy(RULE_BREAKER, 10 * SOL, 0, false);
        assertOnlyFeeCharged(6, InstructionError.of(InstructionError.Kind.InvalidRealloc), AccountMeta.writable(mine, false));
    }

    @Test
    void resizedAccountsMustStayRentExempt() {
        final Pubkey mine = accountOwnedBy(RULE_BREAKER, Rent.minimumBalance(0), 0, false);
        final long payerBefore = bank.lamports(payer.publicKey());
        final Hash before = bank.stateHash();
        final ExecutionResult result = bank.send(payer, new Instruction(RULE_BREAKER, List.of(AccountMeta.writable(mine, false)), new byte[] {7}));
        assertEquals(TransactionError.insufficientFundsForRent(1), result.error());
        assertEquals(payerBefore - FEE, bank.lamports(payer.publicKey()));
        bank.airdrop(payer.publicKey(), FEE);
        assertEquals(before, bank.stateHash());
    }

    @Test
    void newAccountsMustBeRentExempt() {
        final Pubkey fresh = Keypair.generate().publicKey();
        final ExecutionResult result = bank.send(payer, SystemInstruction.transfer(payer.publicKey(), fresh, Rent.minimumBalance(0) - 1));
        assertEquals(TransactionError.insufficientFundsForRent(1), result.error());
        assertEquals(0, bank.lamports(fresh));
        assertEquals(10 * SOL - FEE, bank.lamports(payer.publicKey()));
    }

    @Test
    void aProgramThatThrowsFailsWithProgramFailedToComplete() {
        final Pubkey mine = accountOwnedBy(RULE_BREAKER, SOL, 0, false);
        assertOnlyFeeCharged(42, InstructionError.of(InstructionError.Kind.ProgramFailedToComplete), AccountMeta.writable(mine, false));
    }
}
