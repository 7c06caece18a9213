package io.lanes.runtime.node;

import io.lanes.ledger.SnapshotCatalog;
import io.lanes.ledger.SnapshotInfo;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.rpc.TransactionRecord;
import io.lanes.runtime.testing.CommandRun;
import io.lanes.runtime.testing.TestFiles;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots on a real node (threads, slot clock, persisted store): they are written while
 * transactions flow, at most the configured number are kept, the ledger segments before the oldest
 * one are deleted, {@code verify-ledger} replays from a snapshot, and a node whose accounts
 * directory was lost comes back from the newest snapshot plus the ledger with the same state hash.
 */
class NodeSnapshotTest {
    private static final long SOL = 1_000_000_000L;

    @TempDir
    Path dataDir;

    private NodeConfig config() {
        return new NodeConfig(dataDir, 0, 0, 2, dataDir.resolve("faucet.json"), 20, List.of(), 5, 10, 2, 4096);
    }

    @Test
    void snapshotsBoundTheLedgerAndRestoreLostAccounts() throws Exception {
        final List<Signature> airdrops = new ArrayList<>();
        final LanesNode node = LanesNode.start(config(), ExecutionListener.NONE);
        try {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!segmentsDeletedAndTwoSnapshots() && System.nanoTime() < deadline) {
                for (int i = 0; i < 20; i++) {
                    airdrops.add(node.backend().requestAirdrop(Keypair.generate().publicKey(), SOL));
                }
                Thread.sleep(30);
            }
            assertTrue(segmentsDeletedAndTwoSnapshots(), "snapshots written and old segments deleted within a minute");
            awaitFinalized(node, airdrops.get(airdrops.size() - 1));
        } finally {
            node.close();
        }
        final Hash stoppedHash = node.finalStateHash();
        final List<SnapshotInfo> snapshots = SnapshotCatalog.open(dataDir).list();
        assertEquals(2, snapshots.size(), "only the newest two are kept");
        try (Stream<Path> files = Files.list(dataDir.resolve("snapshots"))) {
            assertEquals(2, files.filter(file -> file.toString().endsWith(SnapshotWriter.FILE_SUFFIX)).count(),
                "the dropped snapshots' files are deleted");
        }

        final String verified = verifyLedger();
        assertTrue(verified.contains("replaying from the snapshot at slot " + snapshots.get(0).slot()), verified);
        assertTrue(verified.contains(" ok"), verified);
        assertFalse(verified.contains("MISMATCH"), verified);

        TestFiles.deleteTree(dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY));
        try (LanesNode restarted = LanesNode.start(config(), ExecutionListener.NONE)) {
            assertEquals(stoppedHash, restarted.bank().store().stateHash(), "snapshot + ledger give the state at the stop");
            final TransactionRecord last = restarted.backend().transaction(airdrops.get(airdrops.size() - 1));
            assertNotNull(last, "the last confirmed transaction is known after the restart");
            assertEquals("finalized", last.confirmation());
            awaitFinalized(restarted, restarted.backend().requestAirdrop(Keypair.generate().publicKey(), SOL));
        }
    }

    private boolean segmentsDeletedAndTwoSnapshots() throws Exception {
        if (SnapshotCatalog.open(dataDir).list().size() < 2) {
            return false;
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("ledger"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("segment-")).sorted()
                .findFirst().map(first -> !first.matches("segment-0+\\..*")).orElse(false);
        }
    }

    private static void awaitFinalized(final LanesNode node, final Signature signature) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            final TransactionRecord record = node.backend().transaction(signature);
            if (record != null && record.confirmation().equals("finalized")) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(signature + " was not finalized");
    }

    private String verifyLedger() {
        final CommandRun run = CommandRun.of("verify-ledger", "--data-dir", dataDir.toString(), "--workers", "2");
        assertEquals(0, run.exitCode(), run.output());
        return run.output();
    }

}
