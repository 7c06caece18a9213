package io.lanes.runtime.e2e;

import io.lanes.runtime.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lanes verify-ledger} on a real node's data dir: every block replays to its recorded state hash; tampering is found. */
class VerifyLedgerEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void aRealLedgerVerifiesAndATamperedOneDoesNot() throws Exception {
        try (LanesProcess lanes = LanesProcess.start(dataDir)) {
            lanes.awaitLine("lanes demo:", 60);
            Thread.sleep(300);
            assertEquals(0, lanes.stop());
        }
        final CommandRun clean = verify();
        assertEquals(0, clean.exitCode(), clean.output());
        assertTrue(clean.output().contains(" ok"), clean.output());
        assertFalse(clean.output().contains("MISMATCH"), clean.output());

        final Path segment;
        try (Stream<Path> files = Files.list(dataDir.resolve("ledger"))) {
            segment = files.filter(file -> file.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(segment, bytes);
        final CommandRun tampered = verify();
        assertEquals(1, tampered.exitCode(), tampered.output());
    }

    private CommandRun verify() {
        return CommandRun.of("verify-ledger", "--data-dir", dataDir.toString());
    }
}
