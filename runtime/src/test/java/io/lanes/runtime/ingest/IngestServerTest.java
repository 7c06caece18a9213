package io.lanes.runtime.ingest;

import io.lanes.runtime.ingest.IngestFixtures.RecordingSink;
import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.runtime.testing.Vectors;
import io.lanes.sdk.wire.Transaction;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.lanes.runtime.ingest.IngestFixtures.await;
import static io.lanes.runtime.ingest.IngestFixtures.frame;
import static io.lanes.runtime.ingest.IngestFixtures.lengthPrefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest port over real loopback sockets on a free port. */
class IngestServerTest {
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void trackEveryBuffer() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private IngestServer start(final SigVerifyConfig config, final TransactionSink sink) throws InterruptedException {
        final SigVerifyStage stage = track(new SigVerifyStage(config, Ed25519Verifiers.fastestAvailable(), sink,
            RejectionListener.NONE).start());
        return track(new IngestServer(IngestConfig.onPort(0), stage).start());
    }

    private IngestServer start(final TransactionSink sink) throws InterruptedException {
        return start(SigVerifyConfig.defaults().withAgentCount(1).withQueueCapacity(256), sink);
    }

    private Socket connect(final IngestServer server) throws IOException {
        final Socket socket = track(new Socket("127.0.0.1", server.port()));
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private <T extends AutoCloseable> T track(final T resource) {
        resources.add(resource);
        return resource;
    }

    @Test
    void goodFramesArriveAtTheSinkVerified() throws Exception {
        final RecordingSink sink = new RecordingSink();
        final IngestServer server = start(sink);
        final List<Transaction> sent = new ArrayList<>(Vectors.transactions().values());
        sent.addAll(IngestFixtures.transfers(50, 1));
        try (Socket socket = connect(server)) {
            final OutputStream out = socket.getOutputStream();
            final byte[] firstFrame = frame(sent.get(0).wire());
            for (final byte b : firstFrame) {
                out.write(b);
                out.flush();
            }
            for (final Transaction transaction : sent.subList(1, sent.size())) {
                out.write(frame(transaction.wire()));
            }
            out.flush();
            await(() -> server.counters().accepted() == sent.size(), () -> "all frames delivered: " + server.counters());
        }
        assertEquals(sent.size(), server.counters().framesReceived());
        assertEquals(sent.size(), server.counters().accepted());
        assertEquals(0, server.counters().malformedFrames());
        final List<String> sentIds = new ArrayList<>();
        sent.forEach(transaction -> sentIds.add(transaction.signature(0).toBase58()));
        final List<String> receivedIds = new ArrayList<>();
        sink.received.forEach(transaction -> {
            assertTrue(io.lanes.sdk.wire.Sanitizer.verifySignatures(transaction));
            receivedIds.add(transaction.signature(0).toBase58());
        });
        assertEquals(sentIds, receivedIds, "one connection, one agent: arrival order");
    }

    @Test
    void aGarbageFrameClosesOnlyItsConnection() throws Exception {
        final RecordingSink sink = new RecordingSink();
        final IngestServer server = start(sink);
        final Socket good = connect(server);
        final Socket bad = connect(server);
        good.getOutputStream().write(frame(IngestFixtures.transfer(1).wire()));
        await(() -> sink.received.size() == 1, "first good frame");
        final byte[] garbage = new byte[200];
        new Random(5).nextBytes(garbage);
        bad.getOutputStream().write(frame(garbage));
        assertClosedByServer(bad);
        good.getOutputStream().write(frame(IngestFixtures.transfer(2).wire()));
        await(() -> sink.received.size() == 2, () -> "good connection still works: " + server.counters());
        assertEquals(1, server.counters().malformedFrames());
        assertEquals(1, server.counters().connectionsClosedForBadInput());
        assertEquals(2, server.counters().connectionsOpened());
    }

    @Test
    void anOversizedOrZeroLengthClosesTheConnection() throws Exception {
        final IngestServer server = start(new RecordingSink());
        for (final int length : new int[] {Transaction.MAX_WIRE_LENGTH + 1, 0, -1, Integer.MAX_VALUE}) {
            final Socket socket = connect(server);
            socket.getOutputStream().write(lengthPrefix(length));
            assertClosedByServer(socket);
        }
        assertEquals(4, server.counters().malformedFrames());
        assertEquals(4, server.counters().connectionsClosedForBadInput());
        assertEquals(0, server.counters().framesReceived());
    }

    @Test
    void aTransactionThatFailsSanitizeClosesTheConnection() throws Exception {
        final IngestServer server = start(new RecordingSink());
        final byte[] wire = IngestFixtures.transfer(3).wire().clone();
        wire[1 + 64 + 2] = 100; // numReadonlyUnsignedAccounts larger than the key count
        final Socket socket = connect(server);
        socket.getOutputStream().write(frame(wire));
        assertClosedByServer(socket);
        assertEquals(1, server.counters().sanitizeFailures());
        assertEquals(1, server.counters().framesReceived());
    }

    @Test
    void aBadSignatureIsRejectedButKeepsTheConnection() throws Exception {
        final RecordingSink sink = new RecordingSink();
        final IngestServer server = start(sink);
        final Socket socket = connect(server);
        final OutputStream out = socket.getOutputStream();
        out.write(frame(IngestFixtures.withFlippedSignatureBit(IngestFixtures.transfer(4)).wire()));
        out.write(frame(IngestFixtures.transfer(5).wire()));
        await(() -> sink.received.size() == 1, () -> "good frame after a bad signature: " + server.counters());
        assertEquals(1, server.counters().signatureFailures());
        assertEquals(0, server.counters().connectionsClosedForBadInput());
    }

    /**
     * A sink that blocks: the stage's queue fills, the connection stops reading, and the server
     * takes in no more than the queue, one agent batch and one held transaction, however much the
     * client has sent. After the sink is released everything arrives.
     */
    @Test
    void aBlockedSinkPausesReadingInsteadOfBuffering() throws Exception {
        final int queueCapacity = 16;
        final SigVerifyConfig config = SigVerifyConfig.defaults().withAgentCount(1).withQueueCapacity(queueCapacity);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger delivered = new AtomicInteger();
        final TransactionSink blocking = transaction -> {
            awaitUninterruptibly(release);
            delivered.incrementAndGet();
            return (RpcBackend.SubmitRejection) null;
        };
        final IngestServer server = start(config, blocking);
        final List<Transaction> transactions = IngestFixtures.transfers(3_000, 100);
        final Socket socket = connect(server);
        final AtomicLong bytesWritten = new AtomicLong();
        final Thread writer = new Thread(() -> writeAll(socket, transactions, bytesWritten), "ingest-test-writer");
        writer.setDaemon(true);
        writer.start();

        final long mostTakenIn = queueCapacity + config.maxBatchSignatures() + 1L;
        await(() -> server.counters().backpressurePauses() >= 1, () -> "a pause: " + server.counters());
        int maxDepth = 0;
        for (int sample = 0; sample < 200; sample++) {
            maxDepth = Math.max(maxDepth, server.stage().queueDepth());
            assertTrue(server.counters().framesReceived() <= mostTakenIn,
                "frames taken in while blocked: " + server.counters().framesReceived());
            Thread.sleep(1);
        }
        assertTrue(maxDepth <= queueCapacity, "queue depth " + maxDepth);
        assertTrue(server.counters().framesReceived() < transactions.size());

        release.countDown();
        await(() -> server.counters().accepted() == transactions.size(), () -> "all delivered after release: " + server.counters());
        writer.join(READ_TIMEOUT_MILLIS);
        assertEquals(transactions.size(), delivered.get());
        assertEquals(transactions.size(), server.counters().framesReceived());
    }

    @Test
    void startTwiceAndPortBeforeStartAreErrors() throws Exception {
        final IngestServer server = start(new RecordingSink());
        assertThrows(IllegalStateException.class, server::start);
        final IngestServer notStarted = new IngestServer(IngestConfig.onPort(0), server.stage());
        assertThrows(IllegalStateException.class, notStarted::port);
        notStarted.close();
    }

    private static void writeAll(final Socket socket, final List<Transaction> transactions, final AtomicLong bytesWritten) {
        try {
            final OutputStream out = socket.getOutputStream();
            for (final Transaction transaction : transactions) {
                final byte[] frame = frame(transaction.wire());
                out.write(frame);
                bytesWritten.addAndGet(frame.length);
            }
            out.flush();
        } catch (final IOException closed) {
            // the test is over
        }
    }

    private static void awaitUninterruptibly(final CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test sink was never released");
            }
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server closed the socket: a read sees end of stream (or a reset), not a timeout. */
    private static void assertClosedByServer(final Socket socket) throws IOException {
        final InputStream in = socket.getInputStream();
        try {
            assertEquals(-1, in.read(), "the server sends nothing, then closes");
        } catch (final SocketTimeoutException stillOpen) {
            throw new AssertionError("connection still open after " + READ_TIMEOUT_MILLIS + " ms", stillOpen);
        } catch (final IOException reset) {
            // a reset also means the server closed it
        }
    }
}
