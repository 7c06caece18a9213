package io.lanes.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class GroupCommitTest {
    @TempDir
    Path dataDir;

    @Test
    void concurrentAppendsAllCompleteWithFewerFsyncsThanBlocks() throws Exception {
        final int threads = 4;
        final int blocksPerThread = 250;
        final TestChain chain = new TestChain(11);
        final Object order = new Object();
        final List<Block> appended = Collections.synchronizedList(new ArrayList<>());
        final List<CompletableFuture<Long>> futures = Collections.synchronizedList(new ArrayList<>());
        final LedgerWriter.Stats stats;
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, LedgerConfig.DEFAULT)) {
            final long forcesAtOpen = writer.stats().forces();
            final List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                appenders.add(new Thread(() -> {
                    for (int i = 0; i < blocksPerThread; i++) {
                        synchronized (order) {
                            final Block block = chain.next(2, 3);
                            appended.add(block);
                            futures.add(writer.append(block).thenApply(slot -> {
                                assertTrue(writer.durableSlot() >= slot, "durable slot behind a completed future");
                                return slot;
                            }));
                        }
                    }
                }));
            }
            appenders.forEach(Thread::start);
            for (final Thread appender : appenders) {
                appender.join();
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(appended.get(i).slot(), futures.get(i).get());
            }
            stats = writer.stats();
            final long groupCommits = stats.forces() - forcesAtOpen;
            System.out.printf("group commit: %d blocks, %d fsyncs, %.1f ms per fsync%n", stats.blocksWritten(), groupCommits,
                stats.forceNanos() / 1e6 / stats.forces());
            assertEquals(threads * blocksPerThread, stats.blocksWritten());
            assertTrue(groupCommits < stats.blocksWritten() / 2, groupCommits + " fsyncs for " + stats.blocksWritten() + " blocks");
        }
        assertEquals(appended, Ledgers.readAll(dataDir).blocks());
    }

    @Test
    void futuresCompleteOnlyAfterTheForceAndWaitingBlocksShareOneForce() throws Exception {
        final GatedSync sync = new GatedSync();
        final TestChain chain = new TestChain(12);
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, LedgerConfig.DEFAULT.withSync(sync));
             GatedSync.Opener opener = sync.closeGate()) {
            final Block first = chain.next(2, 2);
            final CompletableFuture<Long> firstDurable = writer.append(first);
            assertTrue(sync.entered.tryAcquire(5, TimeUnit.SECONDS), "the writer reached force");
            final List<CompletableFuture<Long>> waiting = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                waiting.add(writer.append(chain.next(2, 2)));
            }
            Thread.sleep(100);
            assertFalse(firstDurable.isDone(), "completed before its force returned");
            assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone));
            assertEquals(TestChain.GENESIS_SLOT, writer.durableSlot());
            final int forcesBefore = sync.forces.get();

            opener.open();
            assertEquals(first.slot(), firstDurable.get(5, TimeUnit.SECONDS));
            CompletableFuture.allOf(waiting.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.SECONDS);
            assertEquals(forcesBefore + 2, sync.forces.get(), "one force for the first block, one for the 50 that waited");
            assertEquals(chain.lastSlot(), writer.durableSlot());
        }
    }

    @Test
    void aFailedForceFailsTheBatchAndEveryLaterAppend() throws Exception {
        final GatedSync sync = new GatedSync();
        final TestChain chain = new TestChain(13);
        final LedgerWriter writer = Ledgers.openWriter(dataDir, LedgerConfig.DEFAULT.withSync(sync));
        final Block durable = chain.next(1, 1);
        writer.append(durable).get(5, TimeUnit.SECONDS);
        sync.failNext = true;
        final Block notDurable = chain.next(1, 1);
        final ExecutionException failed = assertThrows(ExecutionException.class,
            () -> writer.append(notDurable).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause());
        assertThrows(ExecutionException.class, () -> writer.append(chain.next(1, 1)).get(5, TimeUnit.SECONDS));
        assertThrows(IOException.class, writer::close);
        try (LedgerWriter reopened = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            // A failed force means "not known durable", not "absent": the written bytes may survive.
            assertTrue(reopened.lastSlot() == durable.slot() || reopened.lastSlot() == notDurable.slot(),
                "recovered to slot " + reopened.lastSlot());
        }
    }

    @Test
    void fullQueueBlocksAppendAndFailsTryAppend() throws Exception {
        final GatedSync sync = new GatedSync();
        final TestChain chain = new TestChain(14);
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, LedgerConfig.DEFAULT.withSync(sync).withQueueCapacityBlocks(2));
             GatedSync.Opener opener = sync.closeGate()) {
            final CompletableFuture<Long> inForce = writer.append(chain.next(1, 1));
            assertTrue(sync.entered.tryAcquire(5, TimeUnit.SECONDS));
            assertTrue(writer.tryAppend(chain.next(1, 1)).isPresent());
            assertTrue(writer.tryAppend(chain.next(1, 1)).isPresent());
            final Block fourth = chain.next(1, 1);
            assertEquals(Optional.empty(), writer.tryAppend(fourth));

            final CountDownLatch appended = new CountDownLatch(1);
            final Thread blocked = new Thread(() -> {
                writer.append(fourth);
                appended.countDown();
            });
            blocked.start();
            assertFalse(appended.await(200, TimeUnit.MILLISECONDS), "append returned while the queue was full");
            opener.open();
            assertTrue(appended.await(5, TimeUnit.SECONDS));
            inForce.get(5, TimeUnit.SECONDS);
            blocked.join();
        }
        assertEquals(4, Ledgers.readAll(dataDir).blocks().size());
    }

    /** Real fdatasync behind a gate the test opens and closes; can fail one force on request. */
    static final class GatedSync implements ChannelSync {
        final Semaphore entered = new Semaphore(0);
        final AtomicInteger forces = new AtomicInteger();
        private volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean failNext;

        /**
         * Forces from now on wait for {@link #open()}; forgets the forces entered so far. Closing
         * the answer opens the gate, so a failing test does not leave the writer stuck in force.
         */
        Opener closeGate() {
            entered.drainPermits();
            gate = new CountDownLatch(1);
            return this::open;
        }

        /** Opens the gate; closing it opens the gate too. */
        interface Opener extends AutoCloseable {
            void open();

            @Override
            default void close() {
                open();
            }
        }

        void open() {
            gate.countDown();
        }

        @Override
        public void force(final FileChannel channel) throws IOException {
            entered.release();
            try {
                gate.await();
            } catch (final InterruptedException e) {
                throw new IOException(e);
            }
            if (failNext) {
                failNext = false;
                throw new IOException("injected fsync failure");
            }
            channel.force(false);
            forces.incrementAndGet();
        }
    }
}
