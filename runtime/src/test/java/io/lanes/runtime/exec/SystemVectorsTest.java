package io.lanes.runtime.exec;

import io.lanes.runtime.harness.TestBank;
import io.lanes.runtime.testing.Vectors;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.Transaction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The vectors' System transactions, executed in file order against a genesis state with the payer
 * (seed 01) and cosigner (seed 03) funded with 10 SOL each, end with the balances a Solana node
 * computes. Expected numbers worked out by hand from the vectors' instructions.
 */
class SystemVectorsTest {
    private static final long TEN_SOL = 10_000_000_000L;

    @Test
    void systemVectorsGiveSolanasBalances() {
        final Map<String, Transaction> vectors = Vectors.transactions();
        try (TestBank bank = TestBank.withoutBlockhashCheck(ProgramRegistry.withBuiltins())) {
            final Pubkey payer = Vectors.keypair(1).publicKey();
            final Pubkey recipient = Vectors.keypair(2).publicKey();
            final Pubkey cosigner = Vectors.keypair(3).publicKey();
            final Pubkey newAccount = Vectors.keypair(4).publicKey();
            final Pubkey extraRecipient = Vectors.keypair(9).publicKey();
            bank.airdrop(payer, TEN_SOL);
            bank.airdrop(cosigner, TEN_SOL);

            for (final String name : List.of("system-transfer", "system-create-account", "two-signers",
                "multiple-instructions", "v0-transfer", "zero-instructions")) {
                final ExecutionResult result = bank.execute(vectors.get(name));
                assertEquals(TransactionStatus.SUCCEEDED, result.status(), name + ": " + result);
            }

            // transfer 1,000,000 + fee 5,000; createAccount 1,336,320 + 2 signatures 10,000;
            // two-signers 500,000 + 10,000; three transfers 1,000,001 + 2,000,002 + 3,000,003 + 5,000;
            // v0 transfer 1,234,567 + 5,000; zero instructions 5,000.
            final long payerSpent = 1_005_000 + 1_346_320 + 510_000 + 6_005_006 + 1_239_567 + 5_000;
            assertEquals(TEN_SOL - payerSpent, bank.lamports(payer));
            assertEquals(9_989_889_107L, bank.lamports(payer));
            assertEquals(1_000_000 + 1_200_000 + 1_000_001 + 3_000_003 + 1_234_567, bank.lamports(recipient));
            assertEquals(TEN_SOL - 700_000, bank.lamports(cosigner));
            assertEquals(2_000_002, bank.lamports(extraRecipient));
            assertEquals(1_336_320, bank.lamports(newAccount));
            assertEquals(64, bank.account(newAccount).dataLength());
            assertEquals(Pubkey.SYSTEM_PROGRAM, bank.account(newAccount).owner());
        }
    }
}
