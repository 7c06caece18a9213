package io.lanes.runtime.programs.defi;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.programs.token.TokenProgram;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.harness.TestBank;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.program.TransactionError;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link TestBank} with the built-in programs (AMM and lending included) and helpers for DeFi
 * tests: mints and token accounts made through real transactions, token reads, and a send that
 * must fail with a given error while charging only the fee.
 */
final class DefiBank implements AutoCloseable {
    static final long SOL = 1_000_000_000L;
    static final long FEE_PER_SIGNATURE = 5_000;

    final TestBank bank = TestBank.create();
    final Keypair payer = bank.newFundedKeypair(1_000 * SOL);

    /** A new mint (InitializeMint2) with this authority and no freeze authority. */
    Pubkey createMint(final Keypair authority, final int decimals) {
        final Keypair mint = Keypair.generate();
        succeed(List.of(mint),
            SystemInstruction.createAccount(payer.publicKey(), mint.publicKey(), Rent.minimumBalance(MintLayout.LENGTH),
                MintLayout.LENGTH, TokenProgram.ID),
            TokenInstruction.initializeMint2(mint.publicKey(), decimals, authority.publicKey(), null));
        return mint.publicKey();
    }

    /** A new token account (InitializeAccount3) of the mint, owned by {@code owner}. */
    Pubkey createTokenAccount(final Pubkey mint, final Pubkey owner) {
        final Keypair account = Keypair.generate();
        succeed(List.of(account),
            SystemInstruction.createAccount(payer.publicKey(), account.publicKey(), Rent.minimumBalance(TokenAccountLayout.LENGTH),
                TokenAccountLayout.LENGTH, TokenProgram.ID),
            TokenInstruction.initializeAccount3(account.publicKey(), mint, owner));
        return account.publicKey();
    }

    void mintTo(final Pubkey mint, final Pubkey account, final Keypair authority, final long amount) {
        succeed(List.of(authority), TokenInstruction.mintTo(mint, account, authority.publicKey(), amount));
    }

    /** Sends in a new slot (a new blockhash), so that a repeated instruction list is a new transaction. */
    ExecutionResult send(final List<Keypair> signers, final Instruction... instructions) {
        bank.warpSlots(1);
        return bank.send(payer, signers, instructions);
    }

    ExecutionResult succeed(final List<Keypair> signers, final Instruction... instructions) {
        final ExecutionResult result = send(signers, instructions);
        assertEquals(TransactionStatus.SUCCEEDED, result.status(), result + " " + result.logLines());
        return result;
    }

    /**
     * Sends a transaction that must fail in instruction {@code failingIndex} with {@code expected},
     * and checks that only the fee was charged: every account the instructions name is unchanged,
     * except the payer, which paid exactly 5,000 lamports per signature.
     */
    ExecutionResult fail(final InstructionError expected, final int failingIndex, final List<Keypair> signers,
        final Instruction... instructions) {
        final Map<Pubkey, AccountBuffer> before = snapshot(instructions);
        final long payerBefore = bank.lamports(payer.publicKey());
        final ExecutionResult result = send(signers, instructions);
        assertEquals(TransactionStatus.FAILED, result.status(), result + " " + result.logLines());
        assertEquals(TransactionError.instruction(failingIndex, expected), result.error(), result.logLines().toString());
        final long fee = FEE_PER_SIGNATURE * (1 + signers.size());
        assertEquals(fee, result.fee());
        assertEquals(payerBefore - fee, bank.lamports(payer.publicKey()), "only the fee is charged");
        for (final Map.Entry<Pubkey, AccountBuffer> account : before.entrySet()) {
            if (!account.getKey().equals(payer.publicKey())) {
                assertTrue(bank.account(account.getKey()).sameAs(account.getValue()), account.getKey() + " changed");
            }
        }
        return result;
    }

    /** {@link #fail(InstructionError, int, List, Instruction...)} for the first instruction. */
    ExecutionResult fail(final InstructionError expected, final List<Keypair> signers, final Instruction... instructions) {
        return fail(expected, 0, signers, instructions);
    }

    private Map<Pubkey, AccountBuffer> snapshot(final Instruction... instructions) {
        final Map<Pubkey, AccountBuffer> accounts = new LinkedHashMap<>();
        for (final Instruction instruction : instructions) {
            for (final AccountMeta meta : instruction.accounts()) {
                accounts.computeIfAbsent(meta.key(), bank::account);
            }
        }
        return accounts;
    }

    /** The same instruction with the account at {@code position} replaced by {@code key}, same privileges. */
    static Instruction withAccount(final Instruction instruction, final int position, final Pubkey key) {
        final List<AccountMeta> metas = new ArrayList<>(instruction.accounts());
        final AccountMeta old = metas.get(position);
        metas.set(position, new AccountMeta(key, old.isSigner(), old.isWritable()));
        return new Instruction(instruction.programId(), metas, instruction.data());
    }

    UnsafeBuffer data(final Pubkey account) {
        return new UnsafeBuffer(bank.data(account));
    }

    long amount(final Pubkey tokenAccount) {
        return TokenAccountLayout.amount(data(tokenAccount));
    }

    long supply(final Pubkey mint) {
        return MintLayout.supply(data(mint));
    }

    @Override
    public void close() {
        bank.close();
    }
}
