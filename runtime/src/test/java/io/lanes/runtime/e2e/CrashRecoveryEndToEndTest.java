package io.lanes.runtime.e2e;

import io.lanes.runtime.testing.CommandRun;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 at a random moment while transfers stream in, several rounds on one data dir: every
 * transaction the node reported confirmed before the kill is there after the restart with its
 * result and balance (the node replays the ledger onto the accounts of its last clean stop and
 * refuses to start unless every block's state hash matches), and the node takes new transactions.
 */
class CrashRecoveryEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Transfers the first start's demo makes (scripts/lanes on a new data dir). */
    private static final int DEMO_TRANSFERS = 1_000;

    @TempDir
    Path dataDir;

    @Test
    void confirmedTransactionsSurviveKillNine() throws Exception {
        final Map<String, Pubkey> confirmed = new LinkedHashMap<>();
        final Map<Pubkey, Long> amounts = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            final SplittableRandom random = new SplittableRandom(round * 7919L + 1);
            // Accounts persisted every 5 slots (0.5 s) and a snapshot every 10: restarts begin from a
            // block in the middle of the ledger, and some kills land while a snapshot is written.
            try (LanesProcess lanes = LanesProcess.start(dataDir, "--flush-slots", "5", "--snapshot-slots", "10")) {
                assertAllPresent(lanes, confirmed, amounts);
                final Keypair faucet = Keypair.readFile(dataDir.resolve("faucet.json"));
                final int transfers = 20 + random.nextInt(40);
                final List<Transaction> sent = new ArrayList<>();
                for (int i = 0; i < transfers; i++) {
                    final Pubkey recipient = Keypair.generate().publicKey();
                    final long lamports = 1_000_000 + random.nextInt(1_000_000);
                    final Transaction transfer = TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(),
                        latestBlockhash(lanes), List.of(SystemInstruction.transfer(faucet.publicKey(), recipient, lamports))), faucet);
                    send(lanes, transfer);
                    sent.add(transfer);
                    amounts.put(recipient, lamports);
                    collectConfirmed(lanes, sent, confirmed);
                    Thread.sleep(random.nextInt(30));
                }
                collectConfirmed(lanes, sent, confirmed);
                lanes.kill();
            }
        }
        assertFalse(confirmed.isEmpty(), "some transactions were confirmed before the kills");
        try (LanesProcess lanes = LanesProcess.start(dataDir)) {
            assertAllPresent(lanes, confirmed, amounts);
            final Keypair faucet = Keypair.readFile(dataDir.resolve("faucet.json"));
            final Pubkey fresh = Keypair.generate().publicKey();
            send(lanes, TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(), latestBlockhash(lanes),
                List.of(SystemInstruction.transfer(faucet.publicKey(), fresh, 3_000_000))), faucet));
            for (int attempt = 0; attempt < 200 && balance(lanes, fresh) == 0; attempt++) {
                Thread.sleep(25);
            }
            assertEquals(3_000_000, balance(lanes, fresh), "the node takes new transactions after recovery");
            assertEquals(0, lanes.stop());
            final String stopped = lanes.output().stream().filter(line -> line.startsWith("lanes: stopped; state hash "))
                .findFirst().orElseThrow();
            assertEquals(stopped.substring("lanes: stopped; state hash ".length()), lastReplayedStateHash(),
                "the state after the crashes equals a from-genesis replay of the ledger");
        }
        assertLamportsConserved();
    }

    /** Fees are burned: every account's lamports now = genesis's - the fees the ledger recorded. */
    private void assertLamportsConserved() throws Exception {
        final Keypair faucet = Keypair.readFile(dataDir.resolve("faucet.json"));
        final long genesisLamports;
        try (io.lanes.runtime.store.OffHeapAccountStore genesis = io.lanes.runtime.store.OffHeapAccountStore.inMemory()) {
            io.lanes.runtime.exec.Genesis.fund(genesis, faucet.publicKey(), io.lanes.runtime.node.LanesNode.FAUCET_LAMPORTS);
            io.lanes.runtime.exec.Genesis.addPrograms(genesis, io.lanes.runtime.exec.ProgramRegistry.withBuiltins());
            genesisLamports = totalLamports(genesis);
        }
        long feeLamports = 0;
        long transactions = 0;
        try (io.lanes.ledger.LedgerReader reader = io.lanes.ledger.LedgerReader.open(dataDir)) {
            while (reader.hasNext()) {
                for (final io.lanes.ledger.TransactionResult result : reader.next().results()) {
                    feeLamports += result.feeLamports();
                    transactions++;
                }
            }
        }
        assertTrue(transactions > DEMO_TRANSFERS, "the ledger holds the first start's demo and the test's transfers: " + transactions);
        try (io.lanes.runtime.store.OffHeapAccountStore store = io.lanes.runtime.store.OffHeapAccountStore.open(
            dataDir.resolve(io.lanes.runtime.node.LanesNode.ACCOUNTS_DIRECTORY), io.lanes.runtime.store.AccountStoreConfig.DEFAULT)) {
            assertEquals(genesisLamports - feeLamports, totalLamports(store), "lamports conserved: genesis - "
                + feeLamports + " lamports of fees over " + transactions + " transactions");
        }
    }

    private static long totalLamports(final io.lanes.runtime.store.AccountStore store) {
        final long[] total = new long[1];
        store.forEachAccount(slot -> total[0] = Math.addExact(total[0], store.lamports(slot)));
        return total[0];
    }

    /** Runs verify-ledger from genesis (it must pass) and answers the state hash after its last block. */
    private String lastReplayedStateHash() {
        final CommandRun verify = CommandRun.of("verify-ledger", "--data-dir", dataDir.toString());
        final String output = verify.output();
        assertEquals(0, verify.exitCode(), output);
        assertTrue(output.contains("replaying from genesis"), output);
        final List<String> hashes = output.lines().filter(line -> line.startsWith("slot ") && line.endsWith(" ok"))
            .map(line -> line.substring(line.indexOf("state_hash=") + "state_hash=".length(), line.length() - " ok".length()))
            .toList();
        assertFalse(hashes.isEmpty(), output);
        return hashes.get(hashes.size() - 1);
    }

    private static void assertAllPresent(final LanesProcess lanes, final Map<String, Pubkey> confirmed, final Map<Pubkey, Long> amounts)
        throws Exception {
        for (final Map.Entry<String, Pubkey> entry : confirmed.entrySet()) {
            final JsonNode status = rpc(lanes, "getSignatureStatuses", "[[\"" + entry.getKey() + "\"],{\"searchTransactionHistory\":true}]")
                .get("result").get("value").get(0);
            assertFalse(status.isNull(), "confirmed " + entry.getKey() + " is known after the restart");
            assertTrue(status.get("err").isNull());
            assertEquals((long) amounts.get(entry.getValue()), balance(lanes, entry.getValue()), "balance of " + entry.getValue());
        }
    }

    private static void collectConfirmed(final LanesProcess lanes, final List<Transaction> sent, final Map<String, Pubkey> confirmed)
        throws Exception {
        final StringBuilder params = new StringBuilder("[[");
        for (int i = 0; i < sent.size(); i++) {
            params.append(i == 0 ? "" : ",").append('"').append(sent.get(i).signature(0)).append('"');
        }
        final JsonNode statuses = rpc(lanes, "getSignatureStatuses", params.append("]]").toString()).get("result").get("value");
        for (int i = 0; i < sent.size(); i++) {
            final JsonNode status = statuses.get(i);
            if (!status.isNull() && !status.get("confirmationStatus").asText().equals("processed")) {
                final Transaction transaction = sent.get(i);
                confirmed.put(transaction.signature(0).toBase58(), transaction.message().accountKey(1));
            }
        }
    }

    private static void send(final LanesProcess lanes, final Transaction transaction) throws Exception {
        final JsonNode reply = rpc(lanes, "sendTransaction",
            "[\"" + Base64.getEncoder().encodeToString(TransactionCodec.encode(transaction)) + "\",{\"encoding\":\"base64\"}]");
        assertTrue(reply.has("result"), reply.toString());
    }

    private static Hash latestBlockhash(final LanesProcess lanes) throws Exception {
        return Hash.fromBase58(rpc(lanes, "getLatestBlockhash", "[]").get("result").get("value").get("blockhash").asText());
    }

    private static long balance(final LanesProcess lanes, final Pubkey key) throws Exception {
        return rpc(lanes, "getBalance", "[\"" + key + "\"]").get("result").get("value").asLong();
    }

    private static JsonNode rpc(final LanesProcess lanes, final String method, final String params) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(lanes.rpcUrl())).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
