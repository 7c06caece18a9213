package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Base58;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.AddressTableLookup;
import io.lanes.sdk.wire.CompiledInstruction;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.MessageHeader;
import io.lanes.sdk.wire.MessageVersion;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sendTransaction, simulateTransaction, requestAirdrop, getSignatureStatuses, getTransaction and getBlock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcTransactionTest {
    private FakeRpcBackend backend;
    private RpcServer server;
    private RpcTestClient client;
    private final Keypair payer = RpcTestClient.keypair("payer");
    private final Pubkey bob = RpcTestClient.pubkey("bob");

    @BeforeAll
    void start() throws Exception {
        backend = new FakeRpcBackend();
        server = new RpcServer(backend, 0).start();
        client = new RpcTestClient(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
        backend.close();
    }

    @BeforeEach
    void reset() {
        backend.submitted.clear();
        backend.rejection = null;
        backend.simulation = tx -> new SimulationResult(backend.slot, null, List.of("ok"), 150, List.of());
        backend.transactions.clear();
    }

    private Transaction transfer(final long lamports) {
        return RpcTestClient.transfer(payer, bob, lamports, backend.latestBlockhash);
    }

    private static String json(final String text) {
        return text.replace('\'', '"');
    }

    @Test
    void sendTransactionInBase58AndBase64() {
        final Transaction first = transfer(1);
        assertEquals(first.signature(0).toBase58(), client.result("sendTransaction", Base58.encode(first.wire())).textValue());
        final Transaction second = transfer(2);
        assertEquals(second.signature(0).toBase58(),
            client.result("sendTransaction", RpcTestClient.base64(second), Map.of("encoding", "base64")).textValue());
        assertEquals(2, backend.submitted.size());
        assertTrue(Arrays.equals(second.wire(), backend.submitted.get(1).wire()));
    }

    @Test
    void garbageTransactionsAreInvalidParams() {
        final JsonNode badBase64 = client.error("sendTransaction", "!!!!", Map.of("encoding", "base64"));
        assertEquals(-32602, badBase64.get("code").intValue());
        assertTrue(badBase64.get("message").textValue().startsWith("invalid base64 encoding: "));
        assertEquals("invalid base58 encoding: InvalidCharacter { character: '0', index: 1 }",
            client.error("sendTransaction", "10").get("message").textValue());
        final JsonNode notATransaction = client.error("sendTransaction", "AQID", Map.of("encoding", "base64"));
        assertEquals(-32602, notATransaction.get("code").intValue());
        assertTrue(notATransaction.get("message").textValue()
            .startsWith("failed to deserialize solana_transaction::versioned::VersionedTransaction: "));
        assertEquals("unsupported encoding: json. Supported encodings: base58, base64",
            client.error("sendTransaction", "AQID", Map.of("encoding", "json")).get("message").textValue());
        assertTrue(backend.submitted.isEmpty());
    }

    @Test
    void oversizedTransactionsAreInvalidParams() {
        assertEquals("decoded solana_transaction::versioned::VersionedTransaction too large: 1233 bytes (max: 1232 bytes)",
            client.error("sendTransaction", Base64.getEncoder().encodeToString(new byte[1233]), Map.of("encoding", "base64"))
                .get("message").textValue());
        assertEquals("base64 encoded solana_transaction::versioned::VersionedTransaction too large: 1736 bytes "
            + "(max: encoded/raw 1644/1232)", client.error("sendTransaction",
                Base64.getEncoder().encodeToString(new byte[1300]), Map.of("encoding", "base64")).get("message").textValue());
    }

    @Test
    void insaneTransactionIsInvalidParamsWithTheReason() {
        final Message good = transfer(1).message();
        final CompiledInstruction callsPayer = new CompiledInstruction(0, new byte[] {0, 1}, good.instruction(0).data());
        final Message insane = new Message(MessageVersion.LEGACY, good.header(), good.accountKeys().toArray(new Pubkey[0]),
            good.recentBlockhash(), new CompiledInstruction[] {callsPayer}, new AddressTableLookup[0], null);
        final Transaction signed = TransactionCodec.sign(insane, payer);
        final JsonNode error = client.error("sendTransaction", RpcTestClient.base64(signed), Map.of("encoding", "base64"));
        assertEquals(-32602, error.get("code").intValue());
        assertTrue(error.get("message").textValue().startsWith(
            "invalid transaction: Transaction failed to sanitize accounts offsets correctly: program id"), error.toString());
    }

    @Test
    void badSignatureIsMinus32003() {
        final byte[] wire = transfer(1).wire().clone();
        wire[5] ^= 1;
        assertEquals(json("{'code':-32003,'message':'Transaction signature verification failure'}"),
            client.error("sendTransaction", Base58.encode(wire)).toString());
        assertEquals(json("{'code':-32003,'message':'Transaction signature verification failure'}"),
            client.error("sendTransaction", Base58.encode(wire), Map.of("skipPreflight", true)).toString());
        assertTrue(backend.submitted.isEmpty());
    }

    @Test
    void preflightFailureIsMinus32002WithLogs() {
        backend.simulation = tx -> new SimulationResult(backend.slot,
            TransactionError.instruction(0, InstructionError.custom(1)), List.of("Program x invoke [1]", "Program x failed"), 300,
            List.of());
        final JsonNode error = client.error("sendTransaction", Base58.encode(transfer(3).wire()));
        assertEquals(json("{'code':-32002,'message':'Transaction simulation failed: Error processing Instruction 0: "
            + "custom program error: 0x1','data':{'accounts':null,'err':{'InstructionError':[0,{'Custom':1}]},"
            + "'innerInstructions':null,'logs':['Program x invoke [1]','Program x failed'],'replacementBlockhash':null,"
            + "'returnData':null,'unitsConsumed':300}}"), error.toString());
        assertTrue(backend.submitted.isEmpty());
        assertEquals(transfer(3).signature(0).toBase58(), client.result("sendTransaction", Base58.encode(transfer(3).wire()),
            Map.of("skipPreflight", true)).textValue());
    }

    @Test
    void unknownBlockhashFailsPreflightAsSolana() {
        final Transaction stale = RpcTestClient.transfer(payer, bob, 1, Hash.sha256(new byte[] {9}));
        assertEquals(json("{'code':-32002,'message':'Transaction simulation failed: Blockhash not found','data':"
            + "{'accounts':null,'err':'BlockhashNotFound','innerInstructions':null,'logs':[],'replacementBlockhash':null,"
            + "'returnData':null,'unitsConsumed':0}}"), client.error("sendTransaction", Base58.encode(stale.wire())).toString());
    }

    @Test
    void submitRejectionsUseSolanaTexts() {
        backend.rejection = new RpcBackend.SubmitRejection(TransactionError.of(TransactionError.Kind.AlreadyProcessed), "seen");
        final JsonNode error = client.error("sendTransaction", Base58.encode(transfer(4).wire()));
        assertEquals("Transaction simulation failed: This transaction has already been processed", error.get("message").textValue());
        assertEquals("AlreadyProcessed", error.get("data").get("err").textValue());
        backend.rejection = new RpcBackend.SubmitRejection(null, "ingest queue full");
        assertEquals(-32005, client.error("sendTransaction", Base58.encode(transfer(5).wire())).get("code").intValue());
    }

    @Test
    void simulateTransactionShapes() {
        final Pubkey payerKey = payer.publicKey();
        backend.put(new AccountSnapshot(payerKey, 10, Pubkey.SYSTEM_PROGRAM, false, -1, new byte[0]));
        final JsonNode value = client.result("simulateTransaction", RpcTestClient.base64(transfer(1)),
            Map.of("encoding", "base64", "sigVerify", true,
                "accounts", Map.of("addresses", List.of(payerKey.toBase58(), bob.toBase58()), "encoding", "base64"))).get("value");
        assertEquals(json("{'err':null,'logs':['ok'],'accounts':[{'lamports':10,'data':['','base64'],"
            + "'owner':'11111111111111111111111111111111','executable':false,'rentEpoch':18446744073709551615,'space':0},null],"
            + "'unitsConsumed':150,'returnData':null,'innerInstructions':null,'replacementBlockhash':null}"), value.toString());
        backend.simulation = tx -> new SimulationResult(backend.slot,
            TransactionError.of(TransactionError.Kind.InsufficientFundsForFee), List.of(), 0, List.of());
        final JsonNode failed = client.result("simulateTransaction", Base58.encode(transfer(1).wire())).get("value");
        assertEquals("InsufficientFundsForFee", failed.get("err").textValue());
        assertTrue(failed.get("accounts").isNull());
    }

    @Test
    void simulateWithReplacedBlockhashAndBadSignature() {
        final Transaction stale = RpcTestClient.transfer(payer, bob, 1, Hash.sha256(new byte[] {8}));
        final JsonNode value = client.result("simulateTransaction", Base58.encode(stale.wire()),
            Map.of("replaceRecentBlockhash", true)).get("value");
        assertTrue(value.get("err").isNull());
        assertEquals(backend.latestBlockhash.toBase58(), value.get("replacementBlockhash").get("blockhash").textValue());
        assertEquals(backend.latestBlockhash, backend.simulated.get(backend.simulated.size() - 1).message().recentBlockhash());
        assertEquals("BlockhashNotFound",
            client.result("simulateTransaction", Base58.encode(stale.wire())).get("value").get("err").textValue());
        assertEquals("sigVerify may not be used with replaceRecentBlockhash", client.error("simulateTransaction",
            Base58.encode(stale.wire()), Map.of("replaceRecentBlockhash", true, "sigVerify", true)).get("message").textValue());
        final byte[] wire = transfer(1).wire().clone();
        wire[10] ^= 1;
        assertEquals(-32003, client.error("simulateTransaction", Base58.encode(wire), Map.of("sigVerify", true))
            .get("code").intValue());
    }

    @Test
    void noMetricsSupplierMeansNotFound() {
        assertEquals(404, client.get("/metrics").statusCode());
        assertEquals("ok", client.get("/health?probe=1").body());
    }

    @Test
    void requestAirdrop() {
        final String signature = client.result("requestAirdrop", bob.toBase58(), 1_000_000_000L).textValue();
        assertEquals(backend.airdrops.get(backend.airdrops.size() - 1).toBase58(), signature);
        assertEquals(-32602, client.error("requestAirdrop", bob.toBase58(), "lots").get("code").intValue());
        backend.airdropFailure = new IllegalStateException("faucet empty");
        try {
            assertEquals(-32603, client.error("requestAirdrop", bob.toBase58(), 5).get("code").intValue());
        } finally {
            backend.airdropFailure = null;
        }
    }

    @Test
    void getSignatureStatuses() {
        final Transaction processed = transfer(10);
        final Transaction finalized = transfer(11);
        backend.commit(FakeRpcBackend.record(processed, 98, null, "processed"));
        backend.commit(FakeRpcBackend.record(finalized, 97, TransactionError.instruction(0, InstructionError.custom(1)), "finalized"));
        final JsonNode value = client.result("getSignatureStatuses", List.of(processed.signature(0).toBase58(),
            finalized.signature(0).toBase58(), Signature.ZERO.toBase58()), Map.of("searchTransactionHistory", true)).get("value");
        assertEquals(json("{'slot':98,'confirmations':2,'status':{'Ok':null},'err':null,'confirmationStatus':'processed'}"),
            value.get(0).toString());
        assertEquals(json("{'slot':97,'confirmations':null,'status':{'Err':{'InstructionError':[0,{'Custom':1}]}},"
            + "'err':{'InstructionError':[0,{'Custom':1}]},'confirmationStatus':'finalized'}"), value.get(1).toString());
        assertTrue(value.get(2).isNull());
        assertEquals("Invalid param: WrongSize", client.error("getSignatureStatuses", List.of("abc")).get("message").textValue());
    }

    @Test
    void getTransactionInJsonAndBase64() {
        final Transaction transaction = transfer(12);
        backend.commit(FakeRpcBackend.record(transaction, 99, null, "confirmed"));
        final String signature = transaction.signature(0).toBase58();
        assertTrue(client.result("getTransaction", signature).isNull(), "not finalized yet");
        final JsonNode result = client.result("getTransaction", signature, Map.of("commitment", "confirmed"));
        assertEquals(json("{'signatures':['" + signature + "'],'message':{'header':{'numRequiredSignatures':1,"
            + "'numReadonlySignedAccounts':0,'numReadonlyUnsignedAccounts':1},'accountKeys':['" + payer.publicKey() + "','"
            + bob + "','11111111111111111111111111111111'],'recentBlockhash':'" + backend.latestBlockhash + "',"
            + "'instructions':[{'programIdIndex':2,'accounts':[0,1],'data':'"
            + Base58.encode(transaction.message().instruction(0).data()) + "','stackHeight':null}]}}"),
            result.get("transaction").toString());
        assertEquals(json("{'err':null,'status':{'Ok':null},'fee':5000,'preBalances':[1000000,0,0],"
            + "'postBalances':[995000,0,0],'innerInstructions':[],'logMessages':['Program 11111111111111111111111111111111 "
            + "invoke [1]','Program 11111111111111111111111111111111 success'],'preTokenBalances':[],'postTokenBalances':[],"
            + "'rewards':[],'loadedAddresses':{'writable':[],'readonly':[]},'computeUnitsConsumed':150}"),
            result.get("meta").toString());
        assertEquals(99, result.get("slot").intValue());
        assertEquals(1_700_000_000L, result.get("blockTime").longValue());
        assertTrue(!result.has("version"));
        final JsonNode base64 = client.result("getTransaction", signature,
            Map.of("commitment", "confirmed", "encoding", "base64", "maxSupportedTransactionVersion", 0));
        assertEquals(RpcTestClient.base64(transaction), base64.get("transaction").get(0).textValue());
        assertEquals("legacy", base64.get("version").textValue());
        assertEquals("Method does not support commitment below `confirmed`",
            client.error("getTransaction", signature, Map.of("commitment", "processed")).get("message").textValue());
        assertTrue(client.result("getTransaction", Signature.ZERO.toBase58()).isNull());
    }

    @Test
    void versionZeroTransactionsNeedMaxSupportedVersion() {
        final Transaction v0 = RpcTestClient.transferV0(payer, bob, 13, backend.latestBlockhash);
        backend.commit(FakeRpcBackend.record(v0, 99, null, "finalized"));
        final JsonNode error = client.error("getTransaction", v0.signature(0).toBase58());
        assertEquals(-32015, error.get("code").intValue());
        assertEquals("Transaction version (0) is not supported by the requesting client. Please try the request again with "
            + "the following configuration parameter: \"maxSupportedTransactionVersion\": 0", error.get("message").textValue());
        final JsonNode result = client.result("getTransaction", v0.signature(0).toBase58(),
            Map.of("maxSupportedTransactionVersion", 0, "encoding", "jsonParsed"));
        assertEquals(0, result.get("version").intValue());
        assertEquals(bob.toBase58(), result.get("transaction").get("message").get("accountKeys").get(1).get("pubkey").textValue());
        assertTrue(result.get("transaction").get("message").get("addressTableLookups").isArray());
    }

    @Test
    void getBlockDetailsAndMissingBlocks() {
        final Transaction transaction = transfer(14);
        backend.commit(FakeRpcBackend.record(transaction, 95, null, "finalized"));
        backend.blocks.put(95L, new BlockRecord(95, 94, Hash.sha256(new byte[] {95}), Hash.sha256(new byte[] {94}), 85,
            1_700_000_001L, List.of(transaction.signature(0))));
        final JsonNode full = client.result("getBlock", 95);
        assertEquals(Hash.sha256(new byte[] {94}).toBase58(), full.get("previousBlockhash").textValue());
        assertEquals(94, full.get("parentSlot").intValue());
        assertEquals(85, full.get("blockHeight").intValue());
        assertEquals(1_700_000_001L, full.get("blockTime").longValue());
        assertEquals(5000, full.get("transactions").get(0).get("meta").get("fee").intValue());
        assertTrue(full.get("rewards").isArray());
        final JsonNode signatures = client.result("getBlock", 95, Map.of("transactionDetails", "signatures", "rewards", false));
        assertEquals(json("['" + transaction.signature(0) + "']"), signatures.get("signatures").toString());
        assertTrue(!signatures.has("rewards") && !signatures.has("transactions"));
        assertTrue(!client.result("getBlock", 95, Map.of("transactionDetails", "none")).has("transactions"));
        assertEquals(1_700_000_001L, client.result("getBlockTime", 95).longValue());
        assertEquals(json("{'code':-32004,'message':'Block not available for slot 500'}"), client.error("getBlock", 500).toString());
        assertEquals(-32007, client.error("getBlock", 50).get("code").intValue());
    }
}
