package io.lanes.runtime.replay;

import io.lanes.ledger.Block;
import io.lanes.ledger.LedgerReader;
import io.lanes.ledger.LedgerWriter;
import io.lanes.ledger.TransactionResult;
import io.lanes.programs.computebudget.ComputeBudgetProgram;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.node.NodeState;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Determinism of the ledger: two independent runs fed the same transactions in the same order
 * (single-threaded mode, a fixed clock) write byte-identical ledgers, and replaying a ledger
 * through the scheduler with 1 worker on the caller's thread or 4 workers on their own threads
 * reproduces every block's state hash. The workload is conflict-heavy (24 accounts), with
 * priority fees (so the recorded order is not the arrival order) and failing transfers.
 */
class DeterministicBlocksTest {
    private static final int ACCOUNTS = 24;
    private static final int SLOTS = 8;
    private static final int TRANSACTIONS_PER_SLOT = 400;
    private static final long START_LAMPORTS = 20 * Genesis.LAMPORTS_PER_SOL;
    private static final Hash GENESIS_HASH = Hash.sha256("lanes-determinism-test".getBytes());
    private static final long CLOCK_START_MILLIS = 1_790_000_000_000L;

    @TempDir
    Path root;

    /** The keys and the signed transactions of each slot. */
    private record Workload(List<Keypair> payers, List<List<Transaction>> slots) {
    }

    /** What a run wrote: the ledger's bytes and each block's state hash. */
    private record Run(byte[] ledgerBytes, List<Hash> stateHashes) {
    }

    @Test
    void twoRunsWriteIdenticalLedgersAndReplayWithOneOrFourWorkersReproducesThem() throws Exception {
        final Workload workload = workload(new SplittableRandom(2026));
        final Run first = execute(root.resolve("first"), workload, 2);
        final Run second = execute(root.resolve("second"), workload, 2);
        assertArrayEquals(first.ledgerBytes(), second.ledgerBytes(), "the same input gives byte-identical ledgers");
        assertEquals(first.stateHashes(), second.stateHashes());
        assertEquals(SLOTS, first.stateHashes().size());

        final List<Block> blocks = readBlocks(root.resolve("first"));
        assertTrue(blocks.stream().anyMatch(block -> block.results().stream().anyMatch(result -> !result.isSuccess())),
            "the workload has failed transactions");
        assertTrue(blocks.stream().allMatch(block -> block.entries().size() > 1), "blocks have several entries");

        assertEquals(first.stateHashes(), replay(workload, blocks, 1, ThreadingMode.SHARED));
        assertEquals(first.stateHashes(), replay(workload, blocks, 4, ThreadingMode.DEDICATED));
    }

    @Test
    void aResultThatDiffersFromTheRecordIsReportedWithItsSlotEntryAndIndex() throws Exception {
        final Workload workload = workload(new SplittableRandom(7));
        execute(root.resolve("run"), workload, 2);
        final List<Block> blocks = readBlocks(root.resolve("run"));
        final Block original = blocks.get(2);
        final int tampered = original.entries().get(0).transactionCount() + 1;
        final List<TransactionResult> results = new ArrayList<>(original.results());
        final TransactionResult result = results.get(tampered);
        results.set(tampered, new TransactionResult(result.status(), result.error(), result.feeLamports() + 1, result.computeUnits()));
        final Block forged = new Block(original.slot(), original.parentSlot(), original.blockhash(), original.blockTimeSeconds(),
            original.entries(), original.stateHash(), results);

        try (OffHeapAccountStore store = genesis(workload);
             BlockReplayer replayer = new BlockReplayer(store, ProgramRegistry.withBuiltins(), 2, ThreadingMode.SHARED, 0)) {
            replayer.replayChecked(blocks.get(0), BlockReplayer.Observer.NONE);
            replayer.replayChecked(blocks.get(1), BlockReplayer.Observer.NONE);
            final ReplayMismatchException mismatch = assertThrows(ReplayMismatchException.class,
                () -> replayer.replayChecked(forged, BlockReplayer.Observer.NONE));
            assertEquals(original.slot(), mismatch.slot());
            assertEquals(1, mismatch.entryIndex());
            assertEquals(1, mismatch.transactionIndex());
        }
        final Block wrongHash = new Block(original.slot(), original.parentSlot(), original.blockhash(), original.blockTimeSeconds(),
            original.entries(), GENESIS_HASH, original.results());
        try (OffHeapAccountStore store = genesis(workload);
             BlockReplayer replayer = new BlockReplayer(store, ProgramRegistry.withBuiltins(), 1, ThreadingMode.SHARED, 0)) {
            replayer.replayChecked(blocks.get(0), BlockReplayer.Observer.NONE);
            replayer.replayChecked(blocks.get(1), BlockReplayer.Observer.NONE);
            final ReplayMismatchException mismatch = assertThrows(ReplayMismatchException.class,
                () -> replayer.replayChecked(wrongHash, BlockReplayer.Observer.NONE));
            assertEquals(-1, mismatch.entryIndex(), "a state hash mismatch names the block only");
        }
    }

    /** Runs the workload slot by slot through the runtime on this thread, sealing a block per slot. */
    private static Run execute(final Path dataDir, final Workload workload, final int workers) throws IOException {
        final ProgramRegistry programs = ProgramRegistry.withBuiltins();
        final AtomicLong clockMillis = new AtomicLong(CLOCK_START_MILLIS);
        final List<Hash> stateHashes = new ArrayList<>();
        try (OffHeapAccountStore store = genesis(workload)) {
            final Bank bank = new Bank(store, programs, true, 1, Bank.blockhashForSlot(1));
            final LedgerWriter ledger = LedgerWriter.open(dataDir, 0, GENESIS_HASH);
            final NodeState state = new NodeState(bank, ledger, () -> record(stateHashes, store.stateHash()), clockMillis::get);
            try (ParallelRuntime runtime = new ParallelRuntime(bank, RuntimeConfig.defaults(workers, ThreadingMode.SHARED), state)) {
                for (int slot = 1; slot <= SLOTS; slot++) {
                    for (final Transaction transaction : workload.slots().get(slot - 1)) {
                        while (!runtime.submit(transaction)) {
                            runtime.runUntilIdle();
                        }
                    }
                    runtime.runUntilIdle();
                    clockMillis.addAndGet(400);
                    state.advanceSlot(Bank.blockhashForSlot(slot + 1));
                }
            }
            ledger.close();
        }
        return new Run(ledgerBytes(dataDir), stateHashes);
    }

    private static Hash record(final List<Hash> stateHashes, final Hash stateHash) {
        stateHashes.add(stateHash);
        return stateHash;
    }

    private static List<Hash> replay(final Workload workload, final List<Block> blocks, final int workers, final ThreadingMode mode) {
        final List<Hash> stateHashes = new ArrayList<>();
        try (OffHeapAccountStore store = genesis(workload);
             BlockReplayer replayer = new BlockReplayer(store, ProgramRegistry.withBuiltins(), workers, mode, 0)) {
            for (final Block block : blocks) {
                stateHashes.add(replayer.replayChecked(block, BlockReplayer.Observer.NONE));
            }
            assertEquals(blocks.stream().mapToLong(Block::transactionCount).sum(), replayer.replayedTransactions());
        }
        return stateHashes;
    }

    private static OffHeapAccountStore genesis(final Workload workload) {
        final OffHeapAccountStore store = OffHeapAccountStore.inMemory();
        for (final Keypair payer : workload.payers()) {
            Genesis.fund(store, payer.publicKey(), START_LAMPORTS);
        }
        Genesis.addPrograms(store, ProgramRegistry.withBuiltins());
        return store;
    }

    /**
     * Transfers among few accounts: amounts up to 6 SOL from 20 SOL balances, so later ones fail
     * for lack of funds; half carry a compute-unit price, so the packer reorders conflicting ones.
     */
    private static Workload workload(final SplittableRandom random) {
        final List<Keypair> payers = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            final byte[] seed = new byte[Keypair.SEED_LENGTH];
            random.nextBytes(seed);
            payers.add(Keypair.fromSeed(seed));
        }
        final List<List<Transaction>> slots = new ArrayList<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            final List<Transaction> transactions = new ArrayList<>();
            for (int i = 0; i < TRANSACTIONS_PER_SLOT; i++) {
                final Keypair from = payers.get(random.nextInt(ACCOUNTS));
                final Keypair to = payers.get(random.nextInt(ACCOUNTS));
                final List<Instruction> instructions = new ArrayList<>();
                if (random.nextBoolean()) {
                    instructions.add(ComputeBudgetProgram.setComputeUnitPrice(1 + random.nextInt(5)));
                }
                instructions.add(SystemInstruction.transfer(from.publicKey(), to.publicKey(),
                    1 + random.nextLong(6 * Genesis.LAMPORTS_PER_SOL)));
                transactions.add(TransactionCodec.sign(
                    MessageBuilder.compileLegacy(from.publicKey(), Bank.blockhashForSlot(slot), instructions), from));
            }
            slots.add(transactions);
        }
        return new Workload(payers, slots);
    }

    private static List<Block> readBlocks(final Path dataDir) throws IOException {
        final List<Block> blocks = new ArrayList<>();
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            while (reader.hasNext()) {
                blocks.add(reader.next());
            }
        }
        return blocks;
    }

    private static byte[] ledgerBytes(final Path dataDir) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dataDir.resolve("ledger"))) {
            for (final Path file : files.filter(path -> path.getFileName().toString().startsWith("segment-")).sorted().toList()) {
                bytes.write(Files.readAllBytes(file));
            }
        }
        return bytes.toByteArray();
    }
}
