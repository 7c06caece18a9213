package io.lanes.runtime.ingest;

import io.lanes.runtime.ingest.IngestFixtures.RecordingSink;
import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.runtime.testing.Vectors;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.lanes.runtime.ingest.IngestFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The sigverify stage end to end with a fake sink. */
class SigVerifyStageTest {
    private static final SigVerifyConfig TWO_AGENTS = SigVerifyConfig.defaults().withAgentCount(2).withQueueCapacity(1024);

    static List<String> verifiers() {
        return List.of("bouncycastle", "libsodium");
    }

    private static Ed25519Verifier verifier(final String name) {
        if (name.equals("libsodium")) {
            final Ed25519Verifier sodium = Ed25519Verifiers.sodiumOrNull();
            assumeTrue(sodium != null, "libsodium is not installed");
            return sodium;
        }
        return new BouncyCastleEd25519Verifier();
    }

    /** Rejections seen by the listener. */
    record Rejection(Transaction transaction, TransactionError.Kind kind, String reason) {
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void validTransactionsReachTheSinkAndBadSignaturesDoNot(final String name) throws InterruptedException {
        final RecordingSink sink = new RecordingSink();
        final Queue<Rejection> rejections = new ConcurrentLinkedQueue<>();
        final List<Transaction> good = new ArrayList<>(Vectors.transactions().values());
        good.addAll(IngestFixtures.transfers(100, 1));
        final List<Transaction> bad = List.of(IngestFixtures.withFlippedSignatureBit(IngestFixtures.transfer(999_999)),
            IngestFixtures.withFlippedSignatureBit(Vectors.transactions().get("system-transfer")));
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS, verifier(name), sink,
            (transaction, kind, reason) -> rejections.add(new Rejection(transaction, kind, reason))).start()) {
            good.forEach(transaction -> assertTrue(stage.offer(transaction)));
            bad.forEach(transaction -> assertTrue(stage.offer(transaction)));
            await(() -> stage.counters().accepted() + stage.counters().signatureFailures() == good.size() + bad.size(),
                () -> "every transaction verified: " + stage.counters());
            assertEquals(good.size(), stage.counters().accepted());
            assertEquals(bad.size(), stage.counters().signatureFailures());
            assertEquals(identities(good), identities(sink.received));
            assertEquals(bad.size(), rejections.size());
            for (final Rejection rejection : rejections) {
                assertEquals(TransactionError.Kind.SignatureFailure, rejection.kind());
                assertEquals("signature 0 is not valid", rejection.reason());
                assertTrue(bad.contains(rejection.transaction()));
            }
        }
    }

    @Test
    void oneAgentHandsTransactionsOnInOfferOrder() throws InterruptedException {
        final RecordingSink sink = new RecordingSink();
        final List<Transaction> transactions = IngestFixtures.transfers(300, 1_000);
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS.withAgentCount(1), Ed25519Verifiers.fastestAvailable(),
            sink, RejectionListener.NONE).start()) {
            transactions.forEach(transaction -> assertTrue(stage.offer(transaction)));
            await(() -> sink.received.size() == transactions.size(), "all delivered");
            assertEquals(transactions, new ArrayList<>(sink.received));
        }
    }

    @Test
    void aRecentlyVerifiedSignatureIsDroppedAsADuplicate() throws InterruptedException {
        final RecordingSink sink = new RecordingSink();
        final Queue<Rejection> rejections = new ConcurrentLinkedQueue<>();
        final Transaction transaction = IngestFixtures.transfer(5);
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS, Ed25519Verifiers.fastestAvailable(), sink,
            (tx, kind, reason) -> rejections.add(new Rejection(tx, kind, reason))).start()) {
            assertTrue(stage.offer(transaction));
            await(() -> stage.counters().accepted() == 1, "first copy accepted");
            assertTrue(stage.offer(transaction));
            await(() -> stage.counters().duplicatesDropped() == 1, "second copy dropped");
            assertEquals(1, sink.received.size());
            assertEquals(TransactionError.Kind.AlreadyProcessed, rejections.peek().kind());
        }
    }

    @Test
    void withThePreFilterOffDuplicatesReachTheSink() throws InterruptedException {
        final RecordingSink sink = new RecordingSink();
        final Transaction transaction = IngestFixtures.transfer(6);
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS.withRecentSignatureSlots(0),
            Ed25519Verifiers.fastestAvailable(), sink, RejectionListener.NONE).start()) {
            assertTrue(stage.offer(transaction));
            await(() -> stage.counters().accepted() == 1, "first copy accepted");
            assertTrue(stage.offer(transaction));
            await(() -> stage.counters().accepted() == 2, "second copy accepted too (the scheduler dedups)");
            assertEquals(0, stage.counters().duplicatesDropped());
        }
    }

    @Test
    void aSinkRejectionIsCountedAndReported() throws InterruptedException {
        final Queue<Rejection> rejections = new ConcurrentLinkedQueue<>();
        final TransactionSink refusing = transaction -> new RpcBackend.SubmitRejection(
            TransactionError.of(TransactionError.Kind.BlockhashNotFound), "Blockhash not found");
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS, Ed25519Verifiers.fastestAvailable(), refusing,
            (tx, kind, reason) -> rejections.add(new Rejection(tx, kind, reason))).start()) {
            assertTrue(stage.offer(IngestFixtures.transfer(7)));
            await(() -> stage.counters().sinkRejections() == 1, "sink rejection counted");
            assertEquals(0, stage.counters().accepted());
            assertEquals(TransactionError.Kind.BlockhashNotFound, rejections.peek().kind());
            assertEquals("Blockhash not found", rejections.peek().reason());
        }
    }

    @Test
    void aSinkThatThrowsDoesNotStopTheAgent() throws InterruptedException {
        final RecordingSink recording = new RecordingSink();
        final Transaction poison = IngestFixtures.transfer(8);
        final TransactionSink sink = transaction -> {
            if (transaction == poison) {
                throw new IllegalStateException("boom");
            }
            return recording.submit(transaction);
        };
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS.withAgentCount(1), Ed25519Verifiers.fastestAvailable(),
            sink, RejectionListener.NONE).start()) {
            assertTrue(stage.offer(poison));
            assertTrue(stage.offer(IngestFixtures.transfer(9)));
            await(() -> recording.received.size() == 1, "the next transaction still delivered");
            assertEquals(1, stage.counters().sinkRejections());
        }
    }

    @Test
    void offerAnswersFalseWhenTheQueueIsFull() {
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS.withQueueCapacity(4), Ed25519Verifiers.fastestAvailable(),
            new RecordingSink(), RejectionListener.NONE)) {
            final List<Transaction> transactions = IngestFixtures.transfers(5, 10);
            for (int i = 0; i < 4; i++) {
                assertTrue(stage.offer(transactions.get(i)));
            }
            assertFalse(stage.offer(transactions.get(4)));
            assertEquals(4, stage.queueDepth());
            assertEquals(4, stage.queueCapacity());
            assertEquals(1, stage.counters().queueFullRejections());
        }
    }

    @Test
    void agentsCanBeRunByTheCaller() throws Exception {
        final RecordingSink sink = new RecordingSink();
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS.withAgentCount(1), new BouncyCastleEd25519Verifier(),
            sink, RejectionListener.NONE)) {
            final Transaction transaction = IngestFixtures.transfer(11);
            assertTrue(stage.offer(transaction));
            assertEquals(1, stage.agents().get(0).doWork());
            assertEquals(0, stage.agents().get(0).doWork());
            assertSame(transaction, sink.received.peek());
            assertEquals("bouncycastle", stage.verifierName());
        }
    }

    /** The good path allocates nothing per transaction with libsodium (BouncyCastle allocates inside its verify). */
    @Test
    void verifyingAndDeliveringAllocatesNothingPerTransaction() throws Exception {
        final Ed25519Verifier sodium = Ed25519Verifiers.sodiumOrNull();
        assumeTrue(sodium != null, "libsodium is not installed");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        final TransactionSink discard = transaction -> null;
        final int perRound = 1_000;
        final List<Transaction> transactions = IngestFixtures.transfers(5 * perRound, 50_000);
        try (SigVerifyStage stage = new SigVerifyStage(TWO_AGENTS.withAgentCount(1).withQueueCapacity(4096)
            .withRecentSignatureSlots(1 << 14), sodium, discard, RejectionListener.NONE)) {
            final org.agrona.concurrent.Agent agent = stage.agents().get(0);
            long allocatedBytes = 0;
            for (int round = 0; round < 5; round++) {
                transactions.subList(round * perRound, (round + 1) * perRound).forEach(transaction -> assertTrue(stage.offer(transaction)));
                final long before = threads.getCurrentThreadAllocatedBytes();
                while (agent.doWork() > 0) {
                    continue;
                }
                allocatedBytes = threads.getCurrentThreadAllocatedBytes() - before;
                assertEquals(0, stage.queueDepth());
            }
            // The last round, after four of warm-up; a few hundred bytes of slack for the JVM.
            assertTrue(allocatedBytes < 1_000, "allocated " + allocatedBytes + " bytes for " + perRound + " transactions");
            assertEquals(5 * perRound, stage.counters().accepted());
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> TWO_AGENTS.withAgentCount(0));
        assertThrows(IllegalArgumentException.class, () -> TWO_AGENTS.withQueueCapacity(1));
        assertThrows(IllegalArgumentException.class, () -> new SigVerifyConfig(1, 16, 8, 0, "backoff"));
        assertThrows(IllegalArgumentException.class, () -> new SigVerifyConfig(1, 16, 64, 0, "spin-forever"));
        assertTrue(SigVerifyConfig.defaults().agentCount() >= 1);
    }

    private static Set<String> identities(final Iterable<Transaction> transactions) {
        final Set<String> ids = new HashSet<>();
        transactions.forEach(transaction -> ids.add(transaction.signature(0).toBase58()));
        return ids;
    }
}
