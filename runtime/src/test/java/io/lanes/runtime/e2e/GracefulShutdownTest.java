package io.lanes.runtime.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real process: SIGTERM finishes, persists and exits 0; a restart resumes with the same state hash. */
class GracefulShutdownTest {
    @TempDir
    Path dataDir;

    @Test
    void sigtermPersistsAndARestartResumesWithTheSameStateHash() throws Exception {
        final String firstHash;
        try (LanesProcess first = LanesProcess.start(dataDir)) {
            final String demo = first.awaitLine("lanes demo:", 60);
            assertTrue(demo.contains("1000 succeeded"), demo);
            assertEquals(0, first.stop(), "exit code after SIGTERM");
            firstHash = hashFrom(first.awaitLine("lanes: stopped; state hash", 10));
        }
        try (LanesProcess second = LanesProcess.start(dataDir)) {
            assertEquals(0, second.stop());
            assertEquals(firstHash, hashFrom(second.awaitLine("lanes: stopped; state hash", 10)), "same state after restart");
            assertTrue(second.output().stream().noneMatch(line -> line.startsWith("lanes demo:")), "the demo runs on the first start only");
        }
    }

    private static String hashFrom(final String line) {
        return line.substring(line.lastIndexOf(' ') + 1);
    }
}
