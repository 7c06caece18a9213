package io.lanes.bench.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.runtime.e2e.LanesProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The load generator against the real process: it funds, sends, waits, and checks the invariant. Output, not speed. */
class LoadgenEndToEndTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path output;

    @Test
    void bothWorkloadsRunAndKeepTheirInvariant() throws Exception {
        try (LanesProcess lanes = LanesProcess.start(dataDir)) {
            for (final String workload : new String[] {"W1", "W2"}) {
                final Path json = output.resolve(workload + ".json");
                final int exit = new CommandLine(new LoadgenMain()).execute(
                    "--target", "127.0.0.1:" + lanes.ingestPort, "--rpc", lanes.rpcUrl(),
                    "--faucet-keypair", dataDir.resolve("faucet.json").toString(),
                    "--workload", workload, "--txs", "300", "--accounts", "20", "--json", json.toString());
                assertEquals(0, exit, workload);
                final JsonNode summary = new ObjectMapper().readTree(json.toFile());
                assertEquals("ok", summary.get("invariant").asText());
                assertEquals(300, summary.get("sent").asLong());
                assertEquals(300, summary.get("ok").asLong() + summary.get("failed").asLong());
            }
            assertEquals(0, lanes.stop());
        }
    }
}
