package io.lanes.runtime.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The real process over its real RPC port, from Java: a transfer end to end, and every kind of bad
 * input answered with Solana's error while the process keeps serving and no state changes.
 */
class RpcEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    private static LanesProcess lanes;
    private static Keypair faucet;

    @BeforeAll
    static void start() throws Exception {
        lanes = LanesProcess.start(dataDir);
        lanes.awaitLine("lanes demo:", 60);
        faucet = Keypair.readFile(dataDir.resolve("faucet.json"));
    }

    @AfterAll
    static void stop() throws Exception {
        assertEquals(0, lanes.stop());
        lanes.close();
    }

    private static HttpResponse<String> post(final String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(lanes.rpcUrl())).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode call(final String method, final String params) throws Exception {
        return JSON.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}").body());
    }

    private static long balance(final String key) throws Exception {
        return call("getBalance", "[\"" + key + "\"]").get("result").get("value").asLong();
    }

    private static Hash latestBlockhash() throws Exception {
        return Hash.fromBase58(call("getLatestBlockhash", "[]").get("result").get("value").get("blockhash").asText());
    }

    private static String send(final Transaction transaction) throws Exception {
        final String encoded = Base64.getEncoder().encodeToString(TransactionCodec.encode(transaction));
        return post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sendTransaction\",\"params\":[\"" + encoded
            + "\",{\"encoding\":\"base64\"}]}").body();
    }

    @Test
    void aTransferSentOverRpcExecutesAndIsReported() throws Exception {
        final Keypair recipient = Keypair.generate();
        final Transaction transfer = TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(), latestBlockhash(),
            List.of(SystemInstruction.transfer(faucet.publicKey(), recipient.publicKey(), 7_000_000))), faucet);
        final JsonNode sent = JSON.readTree(send(transfer));
        assertEquals(transfer.signature(0).toBase58(), sent.get("result").asText(), sent.toString());
        JsonNode status = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            status = call("getSignatureStatuses", "[[\"" + transfer.signature(0) + "\"]]").get("result").get("value").get(0);
            if (!status.isNull() && status.get("confirmationStatus").asText().equals("finalized")) {
                break;
            }
            Thread.sleep(20);
        }
        assertEquals("finalized", status.get("confirmationStatus").asText(), String.valueOf(status));
        assertTrue(status.get("err").isNull());
        assertEquals(7_000_000, balance(recipient.publicKey().toBase58()));
        final JsonNode transaction = call("getTransaction", "[\"" + transfer.signature(0) + "\",{\"encoding\":\"json\"}]").get("result");
        assertEquals(5_000, transaction.get("meta").get("fee").asLong());
        assertEquals(7_000_000, transaction.get("meta").get("postBalances").get(1).asLong());
    }

    @Test
    void badInputGetsSolanasErrorsAndChangesNothing() throws Exception {
        final long faucetBefore = balance(faucet.publicKey().toBase58());

        assertEquals(-32700, JSON.readTree(post("{not json").body()).get("error").get("code").asInt(), "malformed JSON");
        assertEquals(-32601, call("noSuchMethod", "[]").get("error").get("code").asInt(), "unknown method");
        assertEquals(-32602, call("getBalance", "[42]").get("error").get("code").asInt(), "wrong parameter type");
        assertEquals(-32602, call("getBalance", "[\"not-base58-0OIl\"]").get("error").get("code").asInt(), "bad key");
        assertEquals(413, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getSlot\",\"params\":[\"" + "x".repeat(60 * 1024) + "\"]}").statusCode(),
            "oversized body");
        assertEquals(-32602, JSON.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sendTransaction\",\"params\":[\"AAAA\",{\"encoding\":\"base64\"}]}").body())
            .get("error").get("code").asInt(), "garbage transaction");
        final String tooLarge = Base64.getEncoder().encodeToString(new byte[1300]);
        assertEquals(-32602, JSON.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sendTransaction\",\"params\":[\""
            + tooLarge + "\",{\"encoding\":\"base64\"}]}").body()).get("error").get("code").asInt(), "oversized transaction");

        final Transaction signed = TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(), latestBlockhash(),
            List.of(SystemInstruction.transfer(faucet.publicKey(), Keypair.generate().publicKey(), 1_000_000))), faucet);
        final byte[] forged = signed.signature(0).toBytes();
        forged[5] ^= 1;
        final Transaction badSignature = new Transaction(new Signature[] {Signature.wrap(forged)}, signed.message(), null);
        assertEquals(-32003, JSON.readTree(send(badSignature)).get("error").get("code").asInt(), "bad signature");

        final Transaction overdraft = TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(), latestBlockhash(),
            List.of(SystemInstruction.transfer(faucet.publicKey(), Keypair.generate().publicKey(), Long.MAX_VALUE / 2))), faucet);
        final JsonNode preflight = JSON.readTree(send(overdraft)).get("error");
        assertEquals(-32002, preflight.get("code").asInt(), "preflight failure");
        assertTrue(preflight.get("data").get("logs").toString().contains("failed"), preflight.toString());

        Thread.sleep(300);
        assertEquals(faucetBefore, balance(faucet.publicKey().toBase58()), "no bad input changed any state");
        assertEquals("ok", call("getHealth", "[]").get("result").asText(), "still serving");
    }
}
