package io.lanes.bench.workload;

import io.lanes.runtime.exec.Bank;
import io.lanes.sdk.Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workloads are deterministic, validly signed, duplicate-free, and survive the disk cache. */
class WorkloadTest {
    private static final Hash BLOCKHASH = Bank.blockhashForSlot(0);

    @Test
    void sameSeedSameTransactions() {
        for (final Workload workload : List.of(new RandomTransfers(10), new IndependentTransfers(),
            new ZipfTransfers(100, 1.2), new DependencyChain(30))) {
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
