package io.lanes.runtime.programs;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.NativeMint;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenError;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token test helpers over a {@link TestBank}: create mints and accounts through real
 * transactions, read token state, and run a transaction that must fail with a given error while
 * charging only the fee. The DeFi tests' bank builds on it.
 */
public class TokenBank implements AutoCloseable {
    public static final long SOL = 1_000_000_000L;
    public static final long FEE_PER_SIGNATURE = 5_000;
    public static final long MINT_RENT = Rent.minimumBalance(MintLayout.LENGTH);
    public static final long ACCOUNT_RENT = Rent.minimumBalance(TokenAccountLayout.LENGTH);

    public final TestBank bank = TestBank.create();
    public final Keypair payer;

    /** A payer with 100 SOL. */
    public TokenBank() {
        this(100 * SOL);
    }

    protected TokenBank(final long payerLamports) {
        this.payer = bank.newFundedKeypair(payerLamports);
    }

    /** Recreates the wrapped SOL mint exactly as genesis made it (a no-op on a fresh bank). */
    public void addNativeMintAtGenesis() {
        final AccountBuffer account = new AccountBuffer();
        account.clear();
        account.lamports(NativeMint.LAMPORTS);
        account.owner(TokenProgram.ID);
        final byte[] data = NativeMint.accountData();
        account.dataLength(data.length);
        account.data().putBytes(0, data);
        bank.store().save(bank.store().resolve(NativeMint.ID), account);
    }

    /** A new initialized mint (InitializeMint2); null freeze authority for none. */
    public Pubkey createMint(final Pubkey mintAuthority, final Pubkey freezeAuthority, final int decimals) {
        final Keypair mint = Keypair.generate();
        succeed(List.of(mint),
            SystemInstruction.createAccount(payer.publicKey(), mint.publicKey(), MINT_RENT, MintLayout.LENGTH, TokenProgram.ID),
            TokenInstruction.initializeMint2(mint.publicKey(), decimals, mintAuthority, freezeAuthority));
        return mint.publicKey();
    }

    /** A new initialized token account (InitializeAccount3) for the mint and owner. */
    public Pubkey createAccount(final Pubkey mint, final Pubkey owner) {
        return createAccount(mint, owner, ACCOUNT_RENT);
    }

    public Pubkey createAccount(final Pubkey mint, final Pubkey owner, final long lamports) {
        final Keypair account = Keypair.generate();
        succeed(List.of(account),
            SystemInstruction.createAccount(payer.publicKey(), account.publicKey(), lamports, TokenAccountLayout.LENGTH, TokenProgram.ID),
            TokenInstruction.initializeAccount3(account.publicKey(), mint, owner));
        return account.publicKey();
    }

    public void mintTo(final Pubkey mint, final Pubkey account, final Keypair authority, final long amount) {
        succeed(List.of(authority), TokenInstruction.mintTo(mint, account, authority.publicKey(), amount));
    }

    /** Sends in a new slot, so that a repeated instruction list is a new transaction (new blockhash). */
    public ExecutionResult send(final List<Keypair> signers, final Instruction... instructions) {
        bank.warpSlots(1);
        return bank.send(payer, signers, instructions);
    }

    public ExecutionResult succeed(final List<Keypair> signers, final Instruction... instructions) {
        final ExecutionResult result = send(signers, instructions);
        assertEquals(TransactionStatus.SUCCEEDED, result.status(), result + " " + result.logLines());
        return result;
    }

    /**
     * Sends a transaction that must fail in instruction {@code failingIndex} with {@code expected},
     * and checks that only the fee was charged: every account the instructions name is unchanged,
     * except the payer, which paid exactly 5,000 lamports per signature.
     */
    public ExecutionResult fail(final InstructionError expected, final int failingIndex, final List<Keypair> signers,
        final Instruction... instructions) {
        final Map<Pubkey, AccountBuffer> before = snapshot(instructions);
        final long payerBefore = bank.lamports(payer.publicKey());
        final ExecutionResult result = send(signers, instructions);
        assertEquals(TransactionStatus.FAILED, result.status(), result + " " + result.logLines());
        assertEquals(TransactionError.instruction(failingIndex, expected), result.error(), result.logLines().toString());
        final long fee = FEE_PER_SIGNATURE * (1 + signers.stream().map(Keypair::publicKey).distinct().count());
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
    public ExecutionResult fail(final InstructionError expected, final List<Keypair> signers, final Instruction... instructions) {
        return fail(expected, 0, signers, instructions);
    }

    /** {@link #fail(InstructionError, int, List, Instruction...)} for a token error in the first instruction. */
    public ExecutionResult fail(final TokenError expected, final List<Keypair> signers, final Instruction... instructions) {
        return fail(expected.error(), 0, signers, instructions);
    }

    /** The same for a built-in error in the first instruction. */
    public ExecutionResult fail(final InstructionError.Kind expected, final List<Keypair> signers, final Instruction... instructions) {
        return fail(InstructionError.of(expected), 0, signers, instructions);
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

    public UnsafeBuffer data(final Pubkey account) {
        return new UnsafeBuffer(bank.data(account));
    }

    public long amount(final Pubkey account) {
        return TokenAccountLayout.amount(data(account));
    }

    public long supply(final Pubkey mint) {
        return MintLayout.supply(data(mint));
    }

    public long lamports(final Pubkey account) {
        return bank.lamports(account);
    }

    @Override
    public void close() {
        bank.close();
    }
}
