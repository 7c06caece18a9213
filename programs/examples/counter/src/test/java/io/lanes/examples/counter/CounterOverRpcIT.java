package io.lanes.examples.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.e2e.LanesProcess;
import io.lanes.runtime.node.ExternalPrograms;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Rent;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path of a contract author: the packaged jar is loaded by the real process
 * ({@code --program target/counter.jar}) and called by a client over JSON-RPC.
 */
class CounterOverRpcIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void theLoadedProgramIsCalledOverRpc() throws Exception {
        final Path jar = Path.of("target", "counter.jar").toAbsolutePath();
        final Pubkey programId = Keypair.readFile(ExternalPrograms.keypairFileOf(jar)).publicKey();
        try (LanesProcess lanes = LanesProcess.start(dataDir, "--program", jar.toString())) {
            assertTrue(lanes.output().stream().anyMatch(line -> line.contains("loaded program counter at " + programId)),
                String.join("\n", lanes.output()));
            final Keypair payer = Keypair.readFile(dataDir.resolve("faucet.json"));
            final Keypair counter = Keypair.generate();
            final Hash blockhash = Hash.fromBase58(call(lanes, "getLatestBlockhash", "[]").get("result").get("value").get("blockhash").asText());
            final Transaction transaction = TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(), blockhash, List.of(
                SystemInstruction.createAccount(payer.publicKey(), counter.publicKey(),
                    Rent.minimumBalance(CounterProgram.ACCOUNT_BYTES), CounterProgram.ACCOUNT_BYTES, programId),
                CounterProgramTest.initialize(programId, counter.publicKey(), payer.publicKey()),
                CounterProgramTest.increment(programId, counter.publicKey(), payer.publicKey(), 3))), payer, counter);
            final String encoded = Base64.getEncoder().encodeToString(TransactionCodec.encode(transaction));
            final JsonNode sent = call(lanes, "sendTransaction", "[\"" + encoded + "\",{\"encoding\":\"base64\"}]");
            assertEquals(transaction.signature(0).toBase58(), sent.get("result").asText(), sent.toString());

            JsonNode account = null;
            for (int attempt = 0; attempt < 200; attempt++) {
                account = call(lanes, "getAccountInfo", "[\"" + counter.publicKey() + "\",{\"encoding\":\"base64\"}]").get("result").get("value");
                if (!account.isNull()) {
                    break;
                }
                Thread.sleep(25);
            }
            assertEquals(programId.toBase58(), account.get("owner").asText());
            final byte[] data = Base64.getDecoder().decode(account.get("data").get(0).asText());
            assertEquals(3, CounterProgram.count(data));
            assertEquals(payer.publicKey(), CounterProgram.authority(data));
            assertEquals(0, lanes.stop());
        }
    }

    private static JsonNode call(final LanesProcess lanes, final String method, final String params) throws Exception {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(lanes.rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
