package io.lanes.runtime.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.TransactionCodec;
import org.HdrHistogram.Histogram;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A measurement, not a test: drives a running node (scripts/lanes) over its ingest port with
 * signed transfers from 64 funded payers (signed before the clock starts), waits until all have
 * executed, and samples getBalance latency over RPC meanwhile.
 * Usage: IngestLoadProbe RPC_URL INGEST_PORT FAUCET_KEYPAIR [TRANSACTIONS]
 */
public final class IngestLoadProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(final String[] args) throws Exception {
        final String rpcUrl = args[0];
        final int ingestPort = Integer.parseInt(args[1]);
        final Keypair faucet = Keypair.readFile(Path.of(args[2]));
        final int count = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        final List<Keypair> payers = IntStream.range(0, 64).mapToObj(i -> Keypair.generate()).toList();
        for (final Keypair payer : payers) {
            rpc(rpcUrl, "requestAirdrop", "[\"" + payer.publicKey() + "\", 100000000000]");
        }
        Thread.sleep(2_000);
        final Hash blockhash = Hash.fromBase58(rpc(rpcUrl, "getLatestBlockhash", "[]").get("result").get("value").get("blockhash").asText());
        final byte[][] frames = new byte[count][];
        IntStream.range(0, count).parallel().forEach(i -> {
            final Keypair payer = payers.get(i % payers.size());
            final Pubkey to = payers.get((i * 7 + 3) % payers.size()).publicKey();
            final byte[] wire = TransactionCodec.encode(TransactionCodec.sign(MessageBuilder.compileLegacy(payer.publicKey(), blockhash,
                List.of(SystemInstruction.transfer(payer.publicKey(), to, 1 + i))), payer));
            frames[i] = ByteBuffer.allocate(4 + wire.length).order(ByteOrder.LITTLE_ENDIAN).putInt(wire.length).put(wire).array();
        });
        final long countBefore = rpc(rpcUrl, "getTransactionCount", "[]").get("result").asLong();
        final Histogram balanceLatencyMicros = new Histogram(3);
        final long startNanos = System.nanoTime();
        final Thread sender = new Thread(() -> send(ingestPort, frames));
        sender.start();
        long executed = 0;
        while (executed < count && System.nanoTime() - startNanos < 120_000_000_000L) {
            final long before = System.nanoTime();
            rpc(rpcUrl, "getBalance", "[\"" + payers.get(0).publicKey() + "\"]");
            balanceLatencyMicros.recordValue((System.nanoTime() - before) / 1_000);
            executed = rpc(rpcUrl, "getTransactionCount", "[]").get("result").asLong() - countBefore;
            Thread.sleep(10);
        }
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        sender.join();
        System.out.printf("ingest probe: %d transactions executed in %.2f s = %.0f TPS end to end (ingest, sigverify, execution);"
                + " getBalance under that load p50 %.2f ms, p99 %.2f ms (%d samples)%n",
            executed, seconds, executed / seconds, balanceLatencyMicros.getValueAtPercentile(50) / 1000.0,
            balanceLatencyMicros.getValueAtPercentile(99) / 1000.0, balanceLatencyMicros.getTotalCount());
    }

    private static void send(final int port, final byte[][] frames) {
        try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
            for (final byte[] frame : frames) {
                out.write(frame);
            }
            out.flush();
            Thread.sleep(60_000);
        } catch (final Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode rpc(final String url, final String method, final String params) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
