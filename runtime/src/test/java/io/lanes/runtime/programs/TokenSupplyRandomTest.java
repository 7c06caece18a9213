package io.lanes.runtime.programs;

import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random sequences of MintTo, Transfer, Burn, Approve, Revoke and delegate transfers and
 * burns among four accounts, run as real transactions and checked against a small model after
 * every step: the supply always equals the sum of the accounts' amounts, only MintTo ever raises
 * it, and each transaction succeeds exactly when the model says SPL Token allows it.
 */
class TokenSupplyRandomTest {
    private static final int ACCOUNTS = 4;
    private static final int STEPS = 150;
    private static final int NO_DELEGATE = -1;

    private enum Operation { MINT_TO, TRANSFER, BURN, APPROVE, REVOKE, DELEGATE_TRANSFER, DELEGATE_BURN }

    private static final Operation[] OPERATIONS = Operation.values();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void supplyEqualsTheSumOfBalancesAndOnlyMintToCreatesTokens(final long seed) {
        try (TokenBank tokens = new TokenBank()) {
            new Run(tokens, new Random(seed)).steps(STEPS);
        }
    }

    /** One random sequence: the bank, the accounts, and the model of what SPL Token should hold. */
    private static final class Run {
        private final TokenBank tokens;
        private final Random random;
        private final Keypair mintAuthority = Keypair.generate();
        private final Keypair[] owners = new Keypair[ACCOUNTS];
        private final Pubkey[] accounts = new Pubkey[ACCOUNTS];
        private final Pubkey mint;
        private final long[] amounts = new long[ACCOUNTS];
        private final int[] delegates = new int[ACCOUNTS];
        private final long[] allowances = new long[ACCOUNTS];
        private long supply;
        private int successes;
        private int failures;

        Run(final TokenBank tokens, final Random random) {
            this.tokens = tokens;
            this.random = random;
            this.mint = tokens.createMint(mintAuthority.publicKey(), null, 0);
            for (int i = 0; i < ACCOUNTS; i++) {
                owners[i] = Keypair.generate();
                accounts[i] = tokens.createAccount(mint, owners[i].publicKey());
                delegates[i] = NO_DELEGATE;
            }
        }

        void steps(final int count) {
            for (int step = 0; step < count; step++) {
                final long supplyBefore = tokens.supply(mint);
                final Operation operation = OPERATIONS[random.nextInt(OPERATIONS.length)];
                final boolean expectSuccess = apply(operation);
                final String where = "step " + step + " " + operation;
                checkAgainstModel(where);
                if (operation != Operation.MINT_TO) {
                    assertTrue(Long.compareUnsigned(tokens.supply(mint), supplyBefore) <= 0, where + " created tokens");
                }
                assertTrue(expectSuccess || tokens.supply(mint) == supplyBefore, where);
            }
            assertTrue(successes > count / 3 && failures > count / 20, "a useful mix: " + successes + " ok, " + failures + " failed");
        }

        /** Sends one random operation; returns whether the model expected it to succeed. */
        private boolean apply(final Operation operation) {
            final int source = random.nextInt(ACCOUNTS);
            final int other = random.nextInt(ACCOUNTS);
            final long amount = random.nextInt(10) == 0 ? random.nextInt(5_000) : random.nextInt(300);
            final Keypair owner = owners[source];
            return switch (operation) {
                case MINT_TO -> send(true, List.of(mintAuthority),
                    TokenInstruction.mintTo(mint, accounts[source], mintAuthority.publicKey(), amount), () -> mint(source, amount));
                case TRANSFER -> transfer(source, other, source, amount);
                case BURN -> burn(source, source, amount);
                case APPROVE -> send(true, List.of(owner),
                    TokenInstruction.approve(accounts[source], owners[other].publicKey(), owner.publicKey(), amount),
                    () -> approve(source, other, amount));
                case REVOKE -> send(true, List.of(owner),
                    TokenInstruction.revoke(accounts[source], owner.publicKey()), () -> approve(source, NO_DELEGATE, 0));
                case DELEGATE_TRANSFER -> transfer(source, random.nextInt(ACCOUNTS), other, amount);
                case DELEGATE_BURN -> burn(source, other, amount);
            };
        }

        private boolean transfer(final int source, final int destination, final int signer, final long amount) {
            return send(mayDebit(source, signer, amount), List.of(owners[signer]),
                TokenInstruction.transfer(accounts[source], accounts[destination], owners[signer].publicKey(), amount), () -> {
                    if (source != destination) {
                        spendAllowance(source, signer, amount);
                    }
                    move(source, destination, amount);
                });
        }

        private boolean burn(final int source, final int signer, final long amount) {
            return send(mayDebit(source, signer, amount), List.of(owners[signer]),
                TokenInstruction.burn(accounts[source], mint, owners[signer].publicKey(), amount), () -> {
                    spendAllowance(source, signer, amount);
                    burn(source, amount);
                });
        }

        /**
         * SPL Token's rule: a signer that is the current delegate debits within its allowance (even
         * if it is also the owner); otherwise only the owner may; and never more than the balance.
         */
        private boolean mayDebit(final int source, final int signer, final long amount) {
            if (amounts[source] < amount) {
                return false;
            }
            if (delegates[source] == signer) {
                return allowances[source] >= amount;
            }
            return signer == source;
        }

        private boolean send(final boolean expectSuccess, final List<Keypair> signers, final Instruction instruction, final Runnable model) {
            final ExecutionResult result = tokens.send(signers, instruction);
            final boolean succeeded = result.status() == TransactionStatus.SUCCEEDED;
            assertEquals(expectSuccess, succeeded, instruction + " " + result + " " + result.logLines());
            if (succeeded) {
                successes++;
                model.run();
            } else {
                failures++;
            }
            return expectSuccess;
        }

        private void mint(final int account, final long amount) {
            amounts[account] += amount;
            supply += amount;
        }

        private void move(final int from, final int to, final long amount) {
            amounts[from] -= amount;
            amounts[to] += amount;
        }

        private void burn(final int account, final long amount) {
            amounts[account] -= amount;
            supply -= amount;
        }

        private void approve(final int account, final int delegate, final long amount) {
            delegates[account] = delegate;
            allowances[account] = amount;
        }

        private void spendAllowance(final int account, final int signer, final long amount) {
            if (delegates[account] != signer) {
                return;
            }
            allowances[account] -= amount;
            if (allowances[account] == 0) {
                delegates[account] = NO_DELEGATE;
            }
        }

        private void checkAgainstModel(final String where) {
            long sum = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                final long amount = tokens.amount(accounts[i]);
                assertEquals(amounts[i], amount, where + " amount of account " + i);
                final int delegate = delegates[i];
                final Pubkey expectedDelegate = delegate == NO_DELEGATE ? null : owners[delegate].publicKey();
                assertEquals(expectedDelegate, TokenAccountLayout.delegate(tokens.data(accounts[i])), where + " delegate of " + i);
                sum += amount;
            }
            assertEquals(supply, tokens.supply(mint), where + " supply");
            assertEquals(sum, tokens.supply(mint), where + ": supply equals the sum of the amounts");
        }
    }
}
