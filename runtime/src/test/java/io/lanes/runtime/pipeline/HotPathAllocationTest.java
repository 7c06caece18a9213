package io.lanes.runtime.pipeline;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.TransactionExecutor;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.store.AccountStore;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot path allocates nothing per transaction after warm-up: measured with the JVM's
 * per-thread allocation counter over System transfers. (SHARED mode runs the scheduler and the
 * workers on this thread, so the counter sees the whole pipeline.)
 */
class HotPathAllocationTest {
    private static final int ACCOUNTS = 1_000;
    private static final int WARM_UP = 40_000;
    private static final int MEASURED = 40_000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static List<Transaction> transfers(final List<Pubkey> wallets, final int count, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Transaction> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final Pubkey from = wallets.get(random.nextInt(wallets.size()));
            Pubkey to = wallets.get(random.nextInt(wallets.size()));
            while (to.equals(from)) {
                to = wallets.get(random.nextInt(wallets.size()));
            }
            final var message = MessageBuilder.compileLegacy(from, Bank.blockhashForSlot(0), List.of(SystemInstruction.transfer(from, to, 1)));
            final byte[] signature = new byte[Signature.LENGTH];
            random.nextBytes(signature);
            transactions.add(new Transaction(new Signature[] {Signature.wrap(signature)}, message, null));
        }
        return transactions;
    }

    private static List<Pubkey> fundedWallets(final AccountStore store) {
        final List<Pubkey> wallets = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ACCOUNTS; i++) {
            final byte[] key = new byte[32];
            random.nextBytes(key);
            wallets.add(Pubkey.wrap(key));
            Genesis.fund(store, wallets.get(i), 1_000 * Genesis.LAMPORTS_PER_SOL);
        }
        return wallets;
    }

    @Test
    void theExecutorAllocatesNothingPerTransaction() {
        try (AccountStore store = OffHeapAccountStore.inMemory()) {
            final ProgramRegistry programs = ProgramRegistry.withBuiltins();
            Genesis.addPrograms(store, programs);
            final List<Transaction> transactions = transfers(fundedWallets(store), WARM_UP + MEASURED, 2);
            final List<ResolvedTransaction> resolved = new ArrayList<>();
            for (int i = 0; i < transactions.size(); i++) {
                resolved.add(new ResolvedTransaction().resolve(transactions.get(i), store, i));
            }
            final TransactionExecutor executor = new TransactionExecutor(store, programs);
            final ExecutionResult result = new ExecutionResult();
            for (int i = 0; i < WARM_UP; i++) {
                executor.execute(resolved.get(i), 0, result);
            }
            final long before = allocatedBytes();
            for (int i = WARM_UP; i < WARM_UP + MEASURED; i++) {
                executor.execute(resolved.get(i), 0, result);
            }
            final long bytesPerTransaction = (allocatedBytes() - before) / MEASURED;
            assertEquals(TransactionStatus.SUCCEEDED, result.status());
            System.out.println("executor: " + bytesPerTransaction + " bytes allocated per transaction");
            assertTrue(bytesPerTransaction < 8, "executor allocates " + bytesPerTransaction + " bytes per transaction");
        }
    }

    @Test
    void thePipelineAllocatesNothingPerTransaction() throws Exception {
        // The status cache's table doubles while it grows; after 80k signatures it holds 128k
        // without growing again, so the measured 40k show the steady state.
        final int warmUp = 2 * WARM_UP;
        try (AccountStore store = OffHeapAccountStore.inMemory()) {
            final ProgramRegistry programs = ProgramRegistry.withBuiltins();
            Genesis.addPrograms(store, programs);
            final List<Transaction> transactions = transfers(fundedWallets(store), warmUp + MEASURED, 3);
            try (ParallelRuntime runtime = new ParallelRuntime(new Bank(store, programs, true),
                RuntimeConfig.defaults(2, ThreadingMode.SHARED), ExecutionListener.NONE)) {
                feed(runtime, transactions.subList(0, warmUp));
                final long before = allocatedBytes();
                feed(runtime, transactions.subList(warmUp, warmUp + MEASURED));
                final long bytesPerTransaction = (allocatedBytes() - before) / MEASURED;
                System.out.println("pipeline (SHARED, 2 workers): " + bytesPerTransaction + " bytes allocated per transaction");
                assertTrue(bytesPerTransaction < 8, "pipeline allocates " + bytesPerTransaction + " bytes per transaction");
            }
        }
    }

    private static void feed(final ParallelRuntime runtime, final List<Transaction> transactions) {
        int next = 0;
        while (next < transactions.size()) {
            while (next < transactions.size() && runtime.submit(transactions.get(next))) {
                next++;
            }
            runtime.runUntilIdle();
        }
    }
}
