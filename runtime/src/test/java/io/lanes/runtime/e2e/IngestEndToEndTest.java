package io.lanes.runtime.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real process over its binary ingest port: signed transfers execute; garbage closes only its own connection. */
class IngestEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void framedTransactionsExecuteAndGarbageClosesOnlyItsConnection() throws Exception {
        try (LanesProcess lanes = LanesProcess.start(dataDir)) {
            final Keypair faucet = Keypair.readFile(dataDir.resolve("faucet.json"));
            final Hash blockhash = Hash.fromBase58(rpc(lanes, "getLatestBlockhash", "[]").get("result").get("value").get("blockhash").asText());
            final List<Pubkey> recipients = new ArrayList<>();
            try (Socket good = new Socket("127.0.0.1", lanes.ingestPort);
                 Socket bad = new Socket("127.0.0.1", lanes.ingestPort)) {
                final DataOutputStream badOut = new DataOutputStream(bad.getOutputStream());
                badOut.write(frameHeader(5_000));
                badOut.write(new byte[64]);
                badOut.flush();
                assertEquals(-1, readUntilClosed(bad.getInputStream()), "an oversized frame closes that connection");

                final DataOutputStream out = new DataOutputStream(good.getOutputStream());
                for (int i = 0; i < 200; i++) {
                    final Pubkey recipient = Keypair.generate().publicKey();
                    recipients.add(recipient);
                    final Transaction transfer = TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(), blockhash,
                        List.of(SystemInstruction.transfer(faucet.publicKey(), recipient, 1_000_000 + i))), faucet);
                    final byte[] wire = TransactionCodec.encode(transfer);
                    out.write(frameHeader(wire.length));
                    out.write(wire);
                }
                out.flush();
                for (int i = 0; i < recipients.size(); i += 37) {
                    assertEquals(1_000_000 + i, awaitBalance(lanes, recipients.get(i)), "recipient " + i);
                }
                assertEquals(1_000_000 + 199, awaitBalance(lanes, recipients.get(199)));
            }
            assertEquals(0, lanes.stop());
        }
    }

    private static byte[] frameHeader(final int length) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(length).array();
    }

    private static int readUntilClosed(final InputStream input) throws Exception {
        final long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            final int read = input.read();
            if (read < 0) {
                return read;
            }
        }
        return 0;
    }

    private static long awaitBalance(final LanesProcess lanes, final Pubkey key) throws Exception {
        for (int attempt = 0; attempt < 400; attempt++) {
            final long balance = rpc(lanes, "getBalance", "[\"" + key + "\"]").get("result").get("value").asLong();
            if (balance > 0) {
                return balance;
            }
            Thread.sleep(25);
        }
        return 0;
    }

    private static com.fasterxml.jackson.databind.JsonNode rpc(final LanesProcess lanes, final String method, final String params) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(lanes.rpcUrl())).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
