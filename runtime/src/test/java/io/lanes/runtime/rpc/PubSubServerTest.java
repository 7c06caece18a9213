package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The websocket PubSub server: subscribe, get notified, unsubscribe, bad input, slow consumers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PubSubServerTest {
    private FakeRpcBackend backend;
    private PubSubServer server;
    private final Keypair payer = RpcTestClient.keypair("payer");
    private final Pubkey bob = RpcTestClient.pubkey("bob");

    @BeforeAll
    void start() throws Exception {
        backend = new FakeRpcBackend();
        server = new PubSubServer(backend, 0).start();
    }

    @AfterAll
    void stop() {
        server.close();
        backend.close();
    }

    private static String json(final String text) {
        return text.replace('\'', '"');
    }

    private static String request(final int id, final String method, final String params) {
        return json("{'jsonrpc':'2.0','id':" + id + ",'method':'" + method + "','params':" + params + "}");
    }

    private static long subscribed(final WsTestClient client, final String method, final String params) {
        final JsonNode answer = client.call(request(1, method, params));
        assertTrue(answer.get("result").isIntegralNumber(), answer.toString());
        return answer.get("result").longValue();
    }

    private Transaction transfer(final long lamports) {
        return RpcTestClient.transfer(payer, bob, lamports, backend.latestBlockhash);
    }

    @Test
    void slotSubscribeNotifyUnsubscribe() throws Exception {
        try (WsTestClient client = new WsTestClient(server.port())) {
            final long id = subscribed(client, "slotSubscribe", "[]");
            backend.fireSlot(101, 100);
            assertEquals(json("{'jsonrpc':'2.0','method':'slotNotification','params':{'result':{'parent':100,'root':100,"
                + "'slot':101},'subscription':" + id + "}}"), client.next().toString());
            assertEquals(json("{'jsonrpc':'2.0','result':true,'id':2}"),
                client.call(request(2, "slotUnsubscribe", "[" + id + "]")).toString());
            backend.fireSlot(102, 101);
            client.assertNothingWithin(200);
            assertEquals(json("{'jsonrpc':'2.0','error':{'code':-32602,'message':'Invalid subscription id.'},'id':3}"),
                client.call(request(3, "slotUnsubscribe", "[" + id + "]")).toString());
        }
    }

    @Test
    void signatureNotifiedOnceAtItsCommitment() throws Exception {
        final Transaction transaction = transfer(1);
        try (WsTestClient client = new WsTestClient(server.port())) {
            final long id = subscribed(client, "signatureSubscribe",
                "['" + transaction.signature(0) + "',{'commitment':'confirmed','enableReceivedNotification':true}]");
            backend.commit(FakeRpcBackend.record(transaction, 101, null, "processed"));
            assertEquals(json("{'jsonrpc':'2.0','method':'signatureNotification','params':{'result':{'context':{'slot':101},"
                + "'value':'receivedSignature'},'subscription':" + id + "}}"), client.next().toString());
            backend.commit(FakeRpcBackend.record(transaction, 101, null, "confirmed"));
            assertEquals(json("{'jsonrpc':'2.0','method':'signatureNotification','params':{'result':{'context':{'slot':101},"
                + "'value':{'err':null}},'subscription':" + id + "}}"), client.next().toString());
            backend.commit(FakeRpcBackend.record(transaction, 101, null, "finalized"));
            client.assertNothingWithin(200);
            assertEquals(-32602, client.call(request(4, "signatureUnsubscribe", "[" + id + "]")).get("error").get("code").intValue());
        }
    }

    @Test
    void signatureAlreadyFinalizedIsNotifiedRightAfterTheAnswer() {
        final Transaction transaction = transfer(2);
        backend.commit(FakeRpcBackend.record(transaction, 99, TransactionError.instruction(0, InstructionError.custom(1)),
            "finalized"));
        try (WsTestClient client = new WsTestClient(server.port())) {
            final long id = subscribed(client, "signatureSubscribe", "['" + transaction.signature(0) + "']");
            assertEquals(json("{'jsonrpc':'2.0','method':'signatureNotification','params':{'result':{'context':{'slot':99},"
                + "'value':{'err':{'InstructionError':[0,{'Custom':1}]}}},'subscription':" + id + "}}"), client.next().toString());
        }
    }

    @Test
    void accountNotifiedOnEachWrite() {
        final Pubkey key = RpcTestClient.pubkey("watched");
        backend.put(new AccountSnapshot(key, 42, Pubkey.SYSTEM_PROGRAM, false, -1, new byte[] {1, 2, 3}));
        try (WsTestClient client = new WsTestClient(server.port())) {
            final long id = subscribed(client, "accountSubscribe", "['" + key + "',{'encoding':'base64','commitment':'processed'}]");
            backend.fireAccountWritten(key, 105);
            assertEquals(json("{'jsonrpc':'2.0','method':'accountNotification','params':{'result':{'context':{'slot':105},"
                + "'value':{'lamports':42,'data':['AQID','base64'],'owner':'11111111111111111111111111111111',"
                + "'executable':false,'rentEpoch':18446744073709551615,'space':3}},'subscription':" + id + "}}"),
                client.next().toString());
            backend.put(new AccountSnapshot(key, 43, Pubkey.SYSTEM_PROGRAM, false, -1, new byte[0]));
            backend.fireAccountWritten(key, 106);
            assertEquals(43, client.next().get("params").get("result").get("value").get("lamports").intValue());
            assertEquals(true, client.call(request(2, "accountUnsubscribe", "[" + id + "]")).get("result").booleanValue());
        }
    }

    @Test
    void logsForAllAndForMentionedKeys() throws Exception {
        final Transaction transaction = transfer(3);
        try (WsTestClient client = new WsTestClient(server.port())) {
            final long all = subscribed(client, "logsSubscribe", "['all',{'commitment':'processed'}]");
            final long mentionsBob = subscribed(client, "logsSubscribe", "[{'mentions':['" + bob + "']},{'commitment':'confirmed'}]");
            subscribed(client, "logsSubscribe", "[{'mentions':['" + RpcTestClient.pubkey("nobody") + "']}]");
            backend.commit(FakeRpcBackend.record(transaction, 101, null, "processed"));
            final JsonNode first = client.next();
            assertEquals(all, first.get("params").get("subscription").longValue());
            assertEquals(json("{'context':{'slot':101},'value':{'signature':'" + transaction.signature(0) + "','err':null,"
                + "'logs':['Program 11111111111111111111111111111111 invoke [1]','Program 11111111111111111111111111111111 success']}}"),
                first.get("params").get("result").toString());
            backend.commit(FakeRpcBackend.record(transaction, 101, null, "confirmed"));
            assertEquals(mentionsBob, client.next().get("params").get("subscription").longValue());
            client.assertNothingWithin(200);
        }
    }

    @Test
    void badInputIsAnsweredAndTheSocketStaysOpen() {
        try (WsTestClient client = new WsTestClient(server.port())) {
            assertEquals(json("{'jsonrpc':'2.0','error':{'code':-32700,'message':'Parse error'},'id':null}"),
                client.call("{not json").toString());
            assertEquals(json("{'jsonrpc':'2.0','error':{'code':-32601,'message':'Method not found'},'id':1}"),
                client.call(request(1, "blockSubscribe", "[]")).toString());
            assertEquals("Invalid param: Invalid",
                client.call(request(2, "accountSubscribe", "['0OIl']")).get("error").get("message").textValue());
            assertEquals("Invalid Request: Only 1 address supported", client.call(request(3, "logsSubscribe",
                "[{'mentions':['" + bob + "','" + bob + "']}]")).get("error").get("message").textValue());
            assertEquals(-32602, client.call(request(4, "signatureSubscribe", "[5]")).get("error").get("code").intValue());
            assertEquals("Invalid subscription id.",
                client.call(request(5, "logsUnsubscribe", "[987654]")).get("error").get("message").textValue());
            subscribed(client, "slotSubscribe", "[]");
        }
    }

    @Test
    void leavingClientsLoseTheirSubscriptions() throws Exception {
        try (PubSubServer own = new PubSubServer(backend, 0).start()) {
            final WsTestClient client = new WsTestClient(own.port());
            subscribed(client, "slotSubscribe", "[]");
            subscribed(client, "accountSubscribe", "['" + bob + "']");
            awaitSubscriptions(own, 2);
            client.close();
            awaitSubscriptions(own, 0);
        }
    }

    @Test
    void slowConsumerIsDisconnected() throws Exception {
        final Pubkey key = RpcTestClient.pubkey("hot");
        backend.put(new AccountSnapshot(key, 1, Pubkey.SYSTEM_PROGRAM, false, -1, new byte[32 * 1024]));
        try (PubSubServer small = new PubSubServer(backend, 0, 64, 1024 * 1024).start();
             WsTestClient reader = new WsTestClient(small.port());
             WsTestClient sleeper = new WsTestClient(small.port(), false)) {
            sleeper.send(request(1, "accountSubscribe", "['" + key + "',{'encoding':'base64'}]"));
            subscribed(reader, "slotSubscribe", "[]");
            awaitSubscriptions(small, 2);
            final long deadline = System.nanoTime() + 20_000_000_000L;
            for (int i = 0; i < 1000 && small.subscriptionCount() > 1 && System.nanoTime() < deadline; i++) {
                backend.fireAccountWritten(key, 200 + i);
                Thread.sleep(i % 50 == 0 ? 20 : 0);
            }
            while (small.subscriptionCount() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, small.subscriptionCount(), "the slow client's subscription is gone");
            backend.fireSlot(300, 299);
            assertEquals("slotNotification", reader.next().get("method").textValue());
        }
    }

    /** Subscriptions start just after their answer and end when the server sees the client leave: wait for both. */
    private static void awaitSubscriptions(final PubSubServer server, final int expected) throws InterruptedException {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.subscriptionCount() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, server.subscriptionCount());
    }
}
