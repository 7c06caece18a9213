package io.lanes.bench.workload;

import io.lanes.bench.run.BenchSettings;
import io.lanes.bench.run.GenesisLoader;
import io.lanes.bench.run.RunProgress;
import io.lanes.bench.run.VariantBenchmark;
import io.lanes.bench.run.VariantResult;
import io.lanes.programs.amm.AmmProgram;
import io.lanes.programs.amm.PoolLayout;
import io.lanes.programs.token.TokenAccountLayout;
import org.agrona.concurrent.UnsafeBuffer;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workloads are deterministic, validly signed, duplicate-free, and survive the disk cache. */
class WorkloadTest {
    private static final Hash BLOCKHASH = Bank.blockhashForSlot(0);

    @Test
    void sameSeedSameTransactions() {
        for (final Workload workload : List.of(new RandomTransfers(10), new IndependentTransfers(),
            new IndependentTokenTransfers(), new OwnPoolSwaps(),
            new ZipfTransfers(100, 1.2), new DependencyChain(30), new HotRatioMix(1_000, 30), new AmmSwaps(3),
            new SharedCounterTransfers(false), new SharedCounterTransfers(true))) {
            final GeneratedWorkload first = workload.generate(7, 30, BLOCKHASH);
            final GeneratedWorkload second = workload.generate(7, 30, BLOCKHASH);
            assertEquals(first.transactionCount(), second.transactionCount());
            for (int tx = 0; tx < first.transactionCount(); tx++) {
                assertArrayEquals(first.transactions()[tx].wire(), second.transactions()[tx].wire(), workload.label() + " tx " + tx);
            }
            assertArrayEquals(first.genesis().walletLamports(), second.genesis().walletLamports());
            assertTrue(WorkloadCache.signaturesHold(first), workload.label() + " is validly signed");
            assertEquals(first.transactionCount(), distinctSignatures(first), workload.label() + " has no duplicate");
        }
    }

    /**
     * W3, W5, W6 and W2's token variants: the genesis and a few hundred transactions through the sequential executor,
     * the parallel runtime (1 and 2 workers) and SHARED mode end in the same state with the
     * invariant intact (pools, vaults, supplies, lamports, every transaction succeeded).
     */
    @Test
    void marketAndSinkWorkloadsKeepTheirInvariantsInEveryMode() throws InterruptedException {
        final BenchSettings settings = new BenchSettings(300, 50, 1, List.of(1, 2), 11, null, true);
        for (final Workload workload : List.of(new HotRatioMix(1_000, 0), new HotRatioMix(1_000, 50), new AmmSwaps(1),
            new AmmSwaps(10), new SharedCounterTransfers(false), new SharedCounterTransfers(true),
            new IndependentTokenTransfers(), new OwnPoolSwaps())) {
            final GeneratedWorkload generated = workload.generate(settings.seed(), settings.txCount(), BLOCKHASH);
            final VariantResult result = new VariantBenchmark(settings, RunProgress.NONE).run(workload, generated);
            assertTrue(result.failures().isEmpty(), workload.label() + ": " + result.failures());
            assertEquals(4, result.summaries().size());
            result.summaries().forEach(summary -> {
                assertTrue(summary.stateMatches() && summary.invariantsHold(), workload.label() + ": " + summary);
                assertTrue(summary.invariantDetail().contains("300/300 succeeded"), summary.invariantDetail());
            });
        }
    }

    @Test
    void marketInvariantCatchesAVaultOutOfStepWithItsPool() {
        final Workload workload = new AmmSwaps(2);
        final GeneratedWorkload generated = workload.generate(5, 10, BLOCKHASH);
        final AccountStore store = GenesisLoader.load(generated.genesis(), workload.programs());
        assertTrue(TokenMarket.check(generated.genesis(), store).ok(), "genesis holds");
        final GenesisAccount pool = generated.genesis().dataAccounts().stream()
            .filter(account -> account.owner().equals(AmmProgram.ID)).findFirst().orElseThrow();
        final AccountBuffer buffer = new AccountBuffer();
        final int slot = store.find(PoolLayout.vaultA(new UnsafeBuffer(pool.data())));
        store.load(slot, buffer);
        buffer.data().putLong(TokenAccountLayout.AMOUNT_OFFSET, 1, java.nio.ByteOrder.LITTLE_ENDIAN);
        store.save(slot, buffer);
        final InvariantResult result = TokenMarket.check(generated.genesis(), store);
        assertFalse(result.ok(), result.detail());
    }

    @Test
    void otherSeedOtherTransactions() {
        final Workload workload = new RandomTransfers(100);
        assertNotEquals(workload.generate(1, 5, BLOCKHASH).transactions()[0].signature(0),
            workload.generate(2, 5, BLOCKHASH).transactions()[0].signature(0));
    }

    @Test
    void cacheReturnsTheSameWorkload(@TempDir final Path directory) {
        final Workload workload = new RandomTransfers(10);
        final WorkloadCache cache = new WorkloadCache(directory);
        final GeneratedWorkload made = cache.getOrGenerate(workload, 3, 20, BLOCKHASH);
        final GeneratedWorkload cached = cache.getOrGenerate(workload, 3, 20, BLOCKHASH);
        for (int tx = 0; tx < made.transactionCount(); tx++) {
            assertArrayEquals(made.transactions()[tx].wire(), cached.transactions()[tx].wire());
        }
        assertArrayEquals(made.genesis().wallets(), cached.genesis().wallets());
        assertArrayEquals(made.genesis().walletLamports(), cached.genesis().walletLamports());
    }

    @Test
    void zipfFavoursLowRanks() {
        final ZipfSampler zipf = new ZipfSampler(10_000, 1.2);
        assertTrue(zipf.probability(0) > 0.15 && zipf.probability(0) < 0.3, "hottest: " + zipf.probability(0));
        assertTrue(zipf.probability(0) > zipf.probability(1));
    }

    private static long distinctSignatures(final GeneratedWorkload workload) {
        return java.util.Arrays.stream(workload.transactions()).map(transaction -> transaction.signature(0)).distinct().count();
    }
}
