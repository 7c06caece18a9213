package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Base58;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP server against a fake backend: envelope, batches, bad input, cluster and account methods. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcServerTest {
    private static final String SYSTEM = "11111111111111111111111111111111";
    private static final String U64_MAX = "18446744073709551615";

    private FakeRpcBackend backend;
    private RpcServer server;
    private RpcTestClient client;
    private final Pubkey alice = RpcTestClient.pubkey("alice");
    private final Pubkey program = RpcTestClient.pubkey("program");

    @BeforeAll
    void start() throws Exception {
        backend = new FakeRpcBackend();
        backend.put(new AccountSnapshot(alice, 5_000_000_000L, Pubkey.SYSTEM_PROGRAM, false, -1, new byte[0]));
        for (int i = 0; i < 3; i++) {
            final byte[] data = new byte[8 + i];
            data[0] = (byte) (i + 1);
            data[1] = 7;
            backend.put(new AccountSnapshot(RpcTestClient.pubkey("data" + i), 1000 + i, program, false, 0, data));
        }
        backend.put(new AccountSnapshot(RpcTestClient.pubkey("big"), 1, program, true, 0, new byte[200]));
        server = new RpcServer(backend, 0, () -> "lanes_up 1\n").start();
        client = new RpcTestClient(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
        backend.close();
    }

    private static String json(final String text) {
        return text.replace('\'', '"');
    }

    @Test
    void getVersionAnswersExactly() {
        final JsonNode answer = client.call("getVersion");
        assertEquals(json("{'jsonrpc':'2.0','result':{'solana-core':'2.1.0','feature-set':1725507508},'id':1}"),
            answer.toString());
    }

    @Test
    void simpleNumbersAndTexts() {
        assertEquals("ok", client.result("getHealth").textValue());
        assertEquals(100, client.result("getSlot").longValue());
        assertEquals(100, client.result("getSlot", Map.of("commitment", "confirmed")).longValue());
        assertEquals(90, client.result("getBlockHeight").longValue());
        assertEquals(1234, client.result("getTransactionCount").longValue());
        assertEquals(backend.genesisHash.toBase58(), client.result("getGenesisHash").textValue());
        assertEquals(json("{'identity':'" + backend.identity.toBase58() + "'}"), client.result("getIdentity").toString());
        assertEquals((128 + 165) * 6_960, client.result("getMinimumBalanceForRentExemption", 165).longValue());
    }

    @Test
    void getEpochInfoAnswersExactly() {
        assertEquals(json("{'absoluteSlot':100,'blockHeight':90,'epoch':0,'slotIndex':100,'slotsInEpoch':432000,"
            + "'transactionCount':1234}"), client.result("getEpochInfo").toString());
    }

    @Test
    void latestBlockhashAndValidity() {
        assertEquals(json("{'context':{'slot':100,'apiVersion':'2.1.0'},'value':{'blockhash':'"
            + backend.latestBlockhash.toBase58() + "','lastValidBlockHeight':240}}"),
            client.result("getLatestBlockhash", Map.of("commitment", "processed")).toString());
        assertTrue(client.result("isBlockhashValid", backend.latestBlockhash.toBase58()).get("value").booleanValue());
        assertFalse(client.result("isBlockhashValid", Hash.sha256(new byte[1]).toBase58()).get("value").booleanValue());
    }

    @Test
    void getBalanceOfExistingAndMissingAccounts() {
        assertEquals(json("{'context':{'slot':100,'apiVersion':'2.1.0'},'value':5000000000}"),
            client.result("getBalance", alice.toBase58()).toString());
        assertEquals(0, client.result("getBalance", RpcTestClient.pubkey("nobody").toBase58()).get("value").longValue());
    }

    @Test
    void getAccountInfoInBase64WithRentEpochAsU64Max() {
        final JsonNode result = client.result("getAccountInfo", alice.toBase58(), Map.of("encoding", "base64"));
        assertEquals(json("{'context':{'slot':100,'apiVersion':'2.1.0'},'value':{'lamports':5000000000,"
            + "'data':['','base64'],'owner':'" + SYSTEM + "','executable':false,'rentEpoch':" + U64_MAX + ",'space':0}}"),
            result.toString());
    }

    @Test
    void getAccountInfoEncodingsAndSlices() {
        final String key = RpcTestClient.pubkey("data2").toBase58();
        final byte[] data = {3, 7, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(Base58.encode(data), client.result("getAccountInfo", key).get("value").get("data").textValue());
        assertEquals(json("['" + Base58.encode(data) + "','base58']"),
            client.result("getAccountInfo", key, Map.of("encoding", "base58")).get("value").get("data").toString());
        final JsonNode sliced = client.result("getAccountInfo", key,
            Map.of("encoding", "base64", "dataSlice", Map.of("offset", 1, "length", 2))).get("value");
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {7, 0}), sliced.get("data").get(0).textValue());
        assertEquals(10, sliced.get("space").intValue());
        assertTrue(client.result("getAccountInfo", RpcTestClient.pubkey("nobody").toBase58()).get("value").isNull());
    }

    @Test
    void base64ZstdIsAZstdFrameOfTheData() {
        final JsonNode data = client.result("getAccountInfo", RpcTestClient.pubkey("data1").toBase58(),
            Map.of("encoding", "base64+zstd")).get("value").get("data");
        assertEquals("base64+zstd", data.get(1).textValue());
        final byte[] frame = Base64.getDecoder().decode(data.get(0).textValue());
        assertEquals(0x28, frame[0] & 0xFF);
        assertEquals(0xFD, frame[3] & 0xFF);
        final int blockHeader = (frame[9] & 0xFF) | (frame[10] & 0xFF) << 8 | (frame[11] & 0xFF) << 16;
        assertEquals(9 << 3 | 1, blockHeader, "one last raw block of 9 bytes");
        assertEquals(2, frame[12]);
        assertEquals(12 + 9, frame.length);
    }

    @Test
    void base58OfMoreThan128BytesIsRefusedAsSolanaDoes() {
        final JsonNode error = client.error("getAccountInfo", RpcTestClient.pubkey("big").toBase58(), Map.of("encoding", "base58"));
        assertEquals(json("{'code':-32600,'message':'Encoded binary (base 58) data should be less than 128 bytes, "
            + "please use Base64 encoding.'}"), error.toString());
    }

    @Test
    void getMultipleAccountsKeepsOrderAndNulls() {
        final JsonNode value = client.result("getMultipleAccounts",
            List.of(alice.toBase58(), RpcTestClient.pubkey("nobody").toBase58(), RpcTestClient.pubkey("data0").toBase58()))
            .get("value");
        assertEquals(3, value.size());
        assertEquals(5_000_000_000L, value.get(0).get("lamports").longValue());
        assertEquals("base64", value.get(0).get("data").get(1).textValue());
        assertTrue(value.get(1).isNull());
        assertEquals(1000, value.get(2).get("lamports").longValue());
        final List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(alice.toBase58());
        }
        assertEquals("Too many inputs provided; max 100", client.error("getMultipleAccounts", tooMany).get("message").textValue());
    }

    @Test
    void getProgramAccountsFilters() {
        final String owner = program.toBase58();
        assertEquals(4, client.result("getProgramAccounts", owner, Map.of("encoding", "base64")).size());
        final JsonNode sized = client.result("getProgramAccounts", owner,
            Map.of("encoding", "base64", "filters", List.of(Map.of("dataSize", 9))));
        assertEquals(1, sized.size());
        assertEquals(RpcTestClient.pubkey("data1").toBase58(), sized.get(0).get("pubkey").textValue());
        final JsonNode memcmp = client.result("getProgramAccounts", owner, Map.of("encoding", "base64",
            "filters", List.of(Map.of("memcmp", Map.of("offset", 0, "bytes", Base58.encode(new byte[] {3, 7}))))));
        assertEquals(RpcTestClient.pubkey("data2").toBase58(), memcmp.get(0).get("pubkey").textValue());
        assertEquals(1, memcmp.size());
        final JsonNode memcmp64 = client.result("getProgramAccounts", owner, Map.of("encoding", "base64", "withContext", true,
            "filters", List.of(Map.of("memcmp", Map.of("offset", 1, "bytes", "Bw==", "encoding", "base64")))));
        assertEquals(100, memcmp64.get("context").get("slot").longValue());
        assertEquals(3, memcmp64.get("value").size());
        final List<Object> five = List.of(Map.of("dataSize", 1), Map.of("dataSize", 1), Map.of("dataSize", 1),
            Map.of("dataSize", 1), Map.of("dataSize", 1));
        assertEquals("Too many filters provided; max 4",
            client.error("getProgramAccounts", owner, Map.of("filters", five)).get("message").textValue());
    }

    @Test
    void getFeeForMessage() {
        final Transaction transaction = RpcTestClient.transfer(RpcTestClient.keypair("payer"), alice, 1, backend.latestBlockhash);
        final String message = Base64.getEncoder().encodeToString(transaction.message().serialized());
        assertEquals(5000, client.result("getFeeForMessage", message).get("value").longValue());
        final Transaction stale = RpcTestClient.transfer(RpcTestClient.keypair("payer"), alice, 1, Hash.sha256(new byte[2]));
        assertTrue(client.result("getFeeForMessage",
            Base64.getEncoder().encodeToString(stale.message().serialized())).get("value").isNull());
        assertTrue(client.error("getFeeForMessage", "AAAA").get("message").textValue()
            .startsWith("failed to deserialize solana_message::versioned::VersionedMessage: "));
    }

    @Test
    void malformedJsonIsAParseError() {
        assertEquals(json("{'jsonrpc':'2.0','error':{'code':-32700,'message':'Parse error'},'id':null}"),
            client.postJson("{\"jsonrpc\":\"2.0\",").toString());
        assertEquals(-32700, client.postJson("").get("error").get("code").intValue());
    }

    @Test
    void unknownMethodAndInvalidRequests() {
        assertEquals(json("{'jsonrpc':'2.0','error':{'code':-32601,'message':'Method not found'},'id':7}"),
            client.postJson(json("{'jsonrpc':'2.0','id':7,'method':'getNothing'}")).toString());
        assertEquals(json("{'jsonrpc':'2.0','error':{'code':-32600,'message':'Invalid request'},'id':3}"),
            client.postJson(json("{'jsonrpc':'2.0','id':3}")).toString());
        assertEquals(-32600, client.postJson(json("{'jsonrpc':'1.0','id':3,'method':'getSlot'}")).get("error").get("code").intValue());
        assertEquals(-32600, client.postJson("42").get("error").get("code").intValue());
        assertEquals(-32600, client.postJson("[]").get("error").get("code").intValue());
    }

    @Test
    void wrongParameterTypesAndCounts() {
        assertEquals(json("{'code':-32602,'message':'Invalid params: invalid type: integer `5`, expected a string.'}"),
            client.error("getBalance", 5).toString());
        assertEquals("`params` should have at least 1 argument(s)", client.error("getBalance").get("message").textValue());
        assertEquals("Invalid param: Invalid", client.error("getBalance", "0OIl").get("message").textValue());
        assertEquals("Invalid param: WrongSize", client.error("getBalance", "abc").get("message").textValue());
        assertEquals("Invalid params: unknown variant `recent`, expected one of `processed`, `confirmed`, `finalized`.",
            client.error("getSlot", Map.of("commitment", "recent")).get("message").textValue());
        assertEquals("Invalid params: invalid value: integer `-1`, expected u64.",
            client.error("getMinimumBalanceForRentExemption", -1).get("message").textValue());
        assertEquals(-32602, client.error("getSlot", "confirmed").get("code").intValue());
        assertEquals(json("{'code':-32602,'message':'No parameters were expected'}"), client.error("getVersion", 1).toString());
        assertEquals(json("{'code':-32602,'message':'Expected from 0 to 1 parameters.','data':'Got: 2'}"),
            client.error("getSlot", Map.of(), Map.of()).toString());
        assertEquals("`params` should have at least 2 argument(s)",
            client.error("requestAirdrop", alice.toBase58()).get("message").textValue());
        assertEquals("`params` should be an array",
            client.postJson(json("{'jsonrpc':'2.0','id':1,'method':'getSlot','params':{'a':1}}")).get("error").get("message").textValue());
    }

    @Test
    void minContextSlotNotReached() {
        assertEquals(json("{'code':-32016,'message':'Minimum context slot has not been reached','data':{'contextSlot':100}}"),
            client.error("getBalance", alice.toBase58(), Map.of("minContextSlot", 101)).toString());
    }

    @Test
    void batchAnswersEachRequestInOrderAndSkipsNotifications() {
        final JsonNode answers = client.postJson(json("[{'jsonrpc':'2.0','id':1,'method':'getSlot'},"
            + "{'jsonrpc':'2.0','id':'two','method':'nope'},"
            + "{'jsonrpc':'2.0','method':'getSlot'},"
            + "{'jsonrpc':'2.0','id':3,'method':'getBalance','params':['" + alice.toBase58() + "']},"
            + "17]"));
        assertEquals(4, answers.size());
        assertEquals(100, answers.get(0).get("result").longValue());
        assertEquals("two", answers.get(1).get("id").textValue());
        assertEquals(-32601, answers.get(1).get("error").get("code").intValue());
        assertEquals(3, answers.get(2).get("id").intValue());
        assertEquals(5_000_000_000L, answers.get(2).get("result").get("value").longValue());
        assertEquals(-32600, answers.get(3).get("error").get("code").intValue());
        final HttpResponse<String> onlyNotifications = client.post(json("[{'jsonrpc':'2.0','method':'getSlot'}]"));
        assertEquals(200, onlyNotifications.statusCode());
        assertEquals("", onlyNotifications.body());
    }

    @Test
    void oversizedBodyIsRefusedAndTheServerGoesOn() {
        final String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getSlot\",\"pad\":\"" + "x".repeat(60 * 1024) + "\"}";
        assertEquals(413, client.post(big).statusCode());
        assertEquals(100, client.result("getSlot").longValue());
        assertEquals(100, new RpcTestClient(server.port()).result("getSlot").longValue());
    }

    @Test
    void healthMetricsAndOtherHttpMethods() {
        assertEquals("ok", client.get("/health").body());
        assertEquals("lanes_up 1\n", client.get("/metrics").body());
        assertEquals(405, client.get("/").statusCode());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        final String slow = json("{'jsonrpc':'2.0','id':1,'method':'getAccountInfo','params':['" + alice.toBase58() + "']}");
        final String fast = json("{'jsonrpc':'2.0','id':2,'method':'getSlot'}");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            final OutputStream out = socket.getOutputStream();
            out.write((httpPost(slow) + httpPost(fast)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(readBody(in).contains("\"id\":1"));
            assertTrue(readBody(in).contains("\"id\":2"));
        }
    }

    @Test
    void aStalledBackendFutureBlocksNoOtherClient() throws Exception {
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        backend.accountsGate = gate;
        try {
            final CompletableFuture<HttpResponse<String>> waiting = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString(json("{'jsonrpc':'2.0','id':9,'method':'getBalance',"
                        + "'params':['" + alice.toBase58() + "']}"))).build(), HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 8; i++) {
                assertEquals(100, new RpcTestClient(server.port()).result("getSlot").longValue());
            }
            assertFalse(waiting.isDone());
            gate.complete(null);
            assertTrue(waiting.get(5, TimeUnit.SECONDS).body().contains("5000000000"));
        } finally {
            backend.accountsGate = CompletableFuture.completedFuture(null);
            gate.complete(null);
        }
    }

    private static String httpPost(final String body) {
        return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String readBody(final BufferedReader in) throws Exception {
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        final char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        return new String(body);
    }
}
