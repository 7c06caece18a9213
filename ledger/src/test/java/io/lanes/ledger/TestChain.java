package io.lanes.ledger;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a valid chain of blocks from real signed transactions, deterministically from a seed:
 * slots that sometimes skip, entries of random sizes, results of every kind.
 */
final class TestChain {
    static final long GENESIS_SLOT = 0;
    static final Hash GENESIS_HASH = Hash.sha256("lanes ledger test genesis".getBytes());

    private static List<Transaction> sharedPool;

    private final Random random;
    private final List<Transaction> pool;
    private final EntryHasher hasher;
    private long lastSlot;

    TestChain(final long seed) {
        this(seed, pool(), GENESIS_SLOT, GENESIS_HASH);
    }

    TestChain(final long seed, final List<Transaction> pool, final long lastSlot, final Hash lastEntryHash) {
        this.random = new Random(seed);
        this.pool = pool;
        this.hasher = new EntryHasher(lastEntryHash);
        this.lastSlot = lastSlot;
    }

    /** A copy of this chain's position with its own random stream: builds an alternative next block. */
    TestChain fork(final long seed) {
        return new TestChain(seed, pool, lastSlot, hasher.lastHash());
    }

    long lastSlot() {
        return lastSlot;
    }

    Hash lastEntryHash() {
        return hasher.lastHash();
    }

    /** 64 signed single-transfer transactions (about 215 bytes each), built once per JVM. */
    static synchronized List<Transaction> pool() {
        if (sharedPool == null) {
            sharedPool = signedTransactions(64, 1, 7);
        }
        return sharedPool;
    }

    /**
     * Signed transactions from fixed seeds: {@code transfersEach} transfer instructions each (one
     * transfer is about 215 bytes on the wire, two about 260).
     */
    static List<Transaction> signedTransactions(final int count, final int transfersEach, final long seed) {
        final Random random = new Random(seed);
        final List<Transaction> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final Keypair payer = Keypair.fromSeed(randomBytes(random, 32));
            final MessageBuilder message = MessageBuilder.legacy(payer.publicKey(), Hash.wrap(randomBytes(random, 32)));
            for (int t = 0; t < transfersEach; t++) {
                message.add(SystemInstruction.transfer(payer.publicKey(), Pubkey.wrap(randomBytes(random, 32)), 1 + random.nextInt(1_000_000)));
            }
            transactions.add(TransactionCodec.sign(message.build(), payer));
        }
        return transactions;
    }

    /** The next block: up to {@code maxEntries} entries of up to {@code maxTransactionsPerEntry}. */
    Block next(final int maxEntries, final int maxTransactionsPerEntry) {
        final int entryCount = random.nextInt(maxEntries + 1);
        final List<Entry> entries = new ArrayList<>(entryCount);
        final List<TransactionResult> results = new ArrayList<>();
        for (int e = 0; e < entryCount; e++) {
            final int transactionCount = 1 + random.nextInt(maxTransactionsPerEntry);
            final List<byte[]> wires = new ArrayList<>(transactionCount);
            for (int t = 0; t < transactionCount; t++) {
                wires.add(pool.get(random.nextInt(pool.size())).wire());
                results.add(randomResult(random));
            }
            entries.add(hasher.nextEntry(wires));
        }
        return finish(entries, results);
    }

    /** The next block with exactly these entry sizes. */
    Block nextWithEntries(final int... transactionsPerEntry) {
        final List<Entry> entries = new ArrayList<>();
        final List<TransactionResult> results = new ArrayList<>();
        for (final int transactionCount : transactionsPerEntry) {
            final List<byte[]> wires = new ArrayList<>();
            for (int t = 0; t < transactionCount; t++) {
                wires.add(pool.get(random.nextInt(pool.size())).wire());
                results.add(randomResult(random));
            }
            entries.add(hasher.nextEntry(wires));
        }
        return finish(entries, results);
    }

    private Block finish(final List<Entry> entries, final List<TransactionResult> results) {
        final long slot = lastSlot + 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        final Block block = new Block(slot, lastSlot, Hash.wrap(randomBytes(random, 32)), 1_700_000_000L + slot,
            entries, stateHashOf(slot), results);
        lastSlot = slot;
        return block;
    }

    /** The state hash the "runtime" of these tests computes after a slot. */
    static Hash stateHashOf(final long slot) {
        return Hash.sha256(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(slot).array());
    }

    static TransactionResult randomResult(final Random random) {
        final long fee = random.nextInt(3) == 0 ? 0 : 5000L * (1 + random.nextInt(4));
        final long units = random.nextInt(1_400_000);
        if (random.nextInt(4) != 0) {
            return TransactionResult.succeeded(fee, units);
        }
        return TransactionResult.failed(randomError(random), fee, units);
    }

    static TransactionError randomError(final Random random) {
        final TransactionError.Kind[] kinds = TransactionError.Kind.values();
        final TransactionError.Kind kind = kinds[random.nextInt(kinds.length)];
        switch (kind) {
            case InstructionError:
                final InstructionError.Kind[] instructionKinds = InstructionError.Kind.values();
                final InstructionError.Kind instructionKind = instructionKinds[random.nextInt(instructionKinds.length)];
                return TransactionError.instruction(random.nextInt(8), instructionKind == InstructionError.Kind.Custom
                    ? InstructionError.custom(random.nextInt()) : InstructionError.of(instructionKind));
            case InsufficientFundsForRent:
                return TransactionError.insufficientFundsForRent(random.nextInt(16));
            default:
                return TransactionError.of(kind);
        }
    }

    static byte[] randomBytes(final Random random, final int length) {
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
