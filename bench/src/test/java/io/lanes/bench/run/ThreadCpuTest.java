package io.lanes.bench.run;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadCpuTest {
    @Test
    void nettyGroupNumbersAreDroppedSoThatEveryNodesIngestThreadHasOneKey() {
        assertEquals("lanes-ingest-1", ThreadCpu.stableName("lanes-ingest-6-1"));
        assertEquals("lanes-ingest-1", ThreadCpu.stableName("lanes-ingest-16-1"));
        assertEquals("lanes-worker-1", ThreadCpu.stableName("lanes-worker-1"));
        assertEquals("lanes-sigverify-0", ThreadCpu.stableName("lanes-sigverify-0"));
        assertEquals("lanes-ledger-writer", ThreadCpu.stableName("lanes-ledger-writer"));
    }

    @Test
    void snapshotHasTheCaller() {
        final Map<String, Long> snapshot = ThreadCpu.snapshot();
        assertTrue(snapshot.isEmpty() || snapshot.get(ThreadCpu.SUBMITTER) >= 0, snapshot.toString());
    }
}
