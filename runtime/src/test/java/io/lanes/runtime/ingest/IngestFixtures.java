package io.lanes.runtime.ingest;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.testing.Vectors;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Signed transactions, frames and a recording sink for the ingest tests. */
final class IngestFixtures {
    static final Keypair PAYER = Vectors.keypair(1);
    static final Pubkey RECIPIENT = Vectors.keypair(2).publicKey();
    private static final Hash BLOCKHASH = Hash.sha256(new byte[] {1, 2, 3});

    private IngestFixtures() {
    }

    /** A signed transfer of {@code lamports} (distinct amounts give distinct signatures). */
    static Transaction transfer(final long lamports) {
        return TransactionCodec.sign(MessageBuilder.legacy(PAYER.publicKey(), BLOCKHASH)
            .add(SystemInstruction.transfer(PAYER.publicKey(), RECIPIENT, lamports)).build(), PAYER);
    }

    static List<Transaction> transfers(final int count, final long firstLamports) {
        final List<Transaction> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            transactions.add(transfer(firstLamports + i));
        }
        return transactions;
    }

    /** The transaction decoded again from wire bytes in which one signature bit is flipped. */
    static Transaction withFlippedSignatureBit(final Transaction transaction) {
        final byte[] wire = transaction.wire().clone();
        wire[1 + 17] ^= 0x04;
        return TransactionCodec.decode(wire);
    }

    /** A length prefix (4 bytes, little-endian) then the bytes. */
    static byte[] frame(final byte[] wire) {
        return ByteBuffer.allocate(4 + wire.length).order(ByteOrder.LITTLE_ENDIAN).putInt(wire.length).put(wire).array();
    }

    /** A length prefix alone. */
    static byte[] lengthPrefix(final int length) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(length).array();
    }

    static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        await(condition, () -> what);
    }

    /** Waits up to 20 s; the message is built only on timeout (e.g. to show counters). */
    static void await(final BooleanSupplier condition, final Supplier<String> what) throws InterruptedException {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what.get());
            }
            Thread.sleep(2);
        }
    }

    /** A sink that records what it takes, in order. */
    static final class RecordingSink implements TransactionSink {
        final Queue<Transaction> received = new ConcurrentLinkedQueue<>();

        @Override
        public io.lanes.runtime.rpc.RpcBackend.SubmitRejection submit(final Transaction transaction) {
            received.add(transaction);
            return null;
        }
    }
}
