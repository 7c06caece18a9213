package io.lanes.runtime.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real process driven by the unmodified official Solana JS SDK (@solana/web3.js 1.99.0 and
 * @solana/spl-token 0.4.15, pinned in src/test/node/package.json): airdrop, transfer with
 * sendAndConfirmTransaction (websocket confirmation), exact balances after fees, a mint, ATAs,
 * mintTo, transferChecked, getTokenAccountBalance, a preflight failure with logs, a failed
 * transaction's error and logs, a duplicate rejected. Skipped where Node.js is absent; installs
 * the npm packages itself when they are missing.
 */
class WebJsEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void theOfficialSolanaJsSdkWorksAgainstTheRuntime() throws Exception {
        Assumptions.assumeTrue(commandWorks("node", "--version"), "Node.js is not installed");
        final Path script = Path.of("src", "test", "node").toAbsolutePath();
        if (!Files.isDirectory(script.resolve("node_modules/@solana/web3.js"))) {
            final Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(script.toFile()).redirectErrorStream(true).start();
            final String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(install.waitFor(10, TimeUnit.MINUTES), "npm ci timed out");
            assertEquals(0, install.exitValue(), "npm ci failed:\n" + log);
        }
        try (LanesProcess lanes = LanesProcess.start(dataDir)) {
            final Process node = new ProcessBuilder("node", "e2e.mjs", lanes.rpcUrl(), dataDir.resolve("faucet.json").toString())
                .directory(script.toFile()).redirectErrorStream(true).start();
            final String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(5, TimeUnit.MINUTES), "the e2e script timed out:\n" + output);
            assertEquals(0, node.exitValue(), "the e2e script failed:\n" + output + "\nruntime output:\n"
                + String.join("\n", lanes.output()));
            assertTrue(output.contains("e2e ok"), output);
            for (final String step : List.of("ok airdrop", "ok sendAndConfirmTransaction", "ok spl-token", "ok preflight failure",
                "ok failed transaction", "ok duplicate rejected")) {
                assertTrue(output.contains(step), "missing step '" + step + "' in:\n" + output);
            }
            assertEquals(0, lanes.stop());
        }
    }

    private static boolean commandWorks(final String... command) {
        try {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (final IOException | InterruptedException e) {
            return false;
        }
    }
}
