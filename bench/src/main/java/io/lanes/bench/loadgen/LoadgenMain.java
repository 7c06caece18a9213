package io.lanes.bench.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * {@code scripts/loadgen}: drives a running Lanes node over its ingest port. It funds its own
 * accounts from the faucet (over RPC), signs every transaction before the clock starts, sends them
 * at a fixed rate or flat out, waits until every one has a final status, checks the workload's
 * invariant against the node's state over RPC, and prints
 * {@code loadgen workload=W sent=N ok=N failed=N tps=X p50_ms=X p99_ms=X invariant=ok}.
 * Latency is submit to the first poll that sees the transaction executed (polls every 20 ms).
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
    description = "Drives a running Lanes node over its ingest port and checks the workload's invariant.")
public final class LoadgenMain implements Callable<Integer> {
    private static final long FEE_LAMPORTS = 5_000;
    private static final long ACCOUNT_FUNDING_LAMPORTS = 1_000_000_000L;
    private static final int RECIPIENTS_PER_FUNDING_TRANSACTION = 18;
    /** Transactions signed per blockhash: well under what a node executes in 150 slots. */
    private static final int SIGNING_CHUNK = 20_000;

    @Option(names = "--target", defaultValue = "127.0.0.1:8003", description = "Ingest host:port (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--rpc", description = "JSON-RPC URL (default: http://HOST:8899).")
    String rpcUrl;

    @Option(names = "--faucet-keypair", defaultValue = "lanes-data/faucet.json", description = "Faucet keypair (default: ${DEFAULT-VALUE}).")
    Path faucetKeypair;

    @Option(names = "--workload", defaultValue = "W1", description = "W1 (transfers among --accounts) or W2 (independent pairs).")
    String workload;

    @Option(names = "--txs", defaultValue = "10000", description = "Transactions to send (default: ${DEFAULT-VALUE}).")
    int transactionCount;

    @Option(names = "--rate", defaultValue = "0", description = "Transactions per second; 0 = flat out (default).")
    int ratePerSecond;

    @Option(names = "--accounts", defaultValue = "1000", description = "W1's account count (default: ${DEFAULT-VALUE}).")
    int accountCount;

    @Option(names = "--seed", defaultValue = "1", description = "Workload seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Also write the summary as JSON to this file.")
    Path jsonFile;

    @Option(names = "--timeout-s", defaultValue = "300", description = "Give up waiting for statuses after this long.")
    int timeoutSeconds;

    public static void main(final String[] args) {
        System.exit(new CommandLine(new LoadgenMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        final String problem = validate();
        if (problem != null) {
            System.err.println("loadgen: " + problem);
            return 2;
        }
        final String host = target.substring(0, target.lastIndexOf(':'));
        final int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        final RpcClient rpc = new RpcClient(rpcUrl != null ? rpcUrl : "http://" + host + ":8899");
        final Keypair faucet = Keypair.readFile(faucetKeypair);
        final SplittableRandom random = new SplittableRandom(seed);

        final List<Keypair> senders = createSenders(random);
        final List<Pubkey> receivers = new ArrayList<>();
        progress("funding " + senders.size() + " accounts from the faucet");
        fund(rpc, faucet, senders);
        final List<Pubkey> watched = new ArrayList<>();
        senders.forEach(sender -> watched.add(sender.publicKey()));
        final Keypair[] from = new Keypair[transactionCount];
        final Pubkey[] to = new Pubkey[transactionCount];
        plan(senders, receivers, random, from, to);
        watched.addAll(receivers);
        final Transaction[] transactions = new Transaction[transactionCount];
        final int firstChunk = Math.min(SIGNING_CHUNK, transactionCount);
        progress("signing the first " + firstChunk + " of " + transactionCount + " transactions");
        signChunk(from, to, transactions, 0, firstChunk, rpc.latestBlockhash());
        final long lamportsBefore = totalLamports(rpc, watched);

        progress("sending " + transactionCount + " transactions to " + target);
        final ChunkSigner signer = new ChunkSigner(rpc, from, to, transactions, firstChunk);
        signer.start();
        final long[] sentNanos = new long[transactionCount];
        final long startNanos = System.nanoTime();
        send(host, port, transactions, sentNanos, signer);
        final StatusPoller.Outcomes outcomes = new StatusPoller(rpc, LoadgenMain::progress)
            .await(transactions, sentNanos, timeoutSeconds);
        final double seconds = (outcomes.lastDoneNanos() - startNanos) / 1e9;

        final long lamportsAfter = totalLamports(rpc, watched);
        final long fees = FEE_LAMPORTS * (outcomes.succeeded() + outcomes.failed());
        final boolean invariant = lamportsAfter == lamportsBefore - fees && outcomes.missing() == 0;
        final String summary = String.format(Locale.ROOT,
            "loadgen workload=%s sent=%d ok=%d failed=%d tps=%.0f p50_ms=%.1f p99_ms=%.1f invariant=%s",
            workload, transactionCount, outcomes.succeeded(), outcomes.failed(),
            (outcomes.succeeded() + outcomes.failed()) / Math.max(seconds, 1e-9),
            outcomes.latencyMicros().getValueAtPercentile(50) / 1000.0, outcomes.latencyMicros().getValueAtPercentile(99) / 1000.0,
            invariant ? "ok" : "FAILED");
        System.out.println(summary);
        if (!invariant) {
            System.err.println("loadgen: invariant failed: lamports before " + lamportsBefore + ", after " + lamportsAfter
                + ", fees " + fees + ", transactions without a final status " + outcomes.missing());
        }
        if (jsonFile != null) {
            writeJson(summary);
        }
        return invariant ? 0 : 1;
    }

    private String validate() {
        if (!workload.equals("W1") && !workload.equals("W2")) {
            return "--workload must be W1 or W2 (the others need their programs' accounts; see bench/README.md)";
        }
        if (transactionCount < 1 || accountCount < 2 || ratePerSecond < 0) {
            return "--txs must be positive, --accounts at least 2, --rate not negative";
        }
        if (!target.contains(":")) {
            return "--target must be host:port, got " + target;
        }
        if (!Files.isRegularFile(faucetKeypair)) {
            return "faucet keypair " + faucetKeypair + " not found (give --faucet-keypair DATA/faucet.json)";
        }
        return null;
    }

    private List<Keypair> createSenders(final SplittableRandom random) {
        final int count = workload.equals("W1") ? accountCount : transactionCount;
        final List<Keypair> senders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final byte[] seedBytes = new byte[32];
            random.nextBytes(seedBytes);
            senders.add(Keypair.fromSeed(seedBytes));
        }
        return senders;
    }

    private void fund(final RpcClient rpc, final Keypair faucet, final List<Keypair> accounts) throws Exception {
        final Hash blockhash = rpc.latestBlockhash();
        final List<Transaction> funding = new ArrayList<>();
        for (int start = 0; start < accounts.size(); start += RECIPIENTS_PER_FUNDING_TRANSACTION) {
            final List<Instruction> transfers = new ArrayList<>();
            for (int i = start; i < Math.min(accounts.size(), start + RECIPIENTS_PER_FUNDING_TRANSACTION); i++) {
                transfers.add(SystemInstruction.transfer(faucet.publicKey(), accounts.get(i).publicKey(), ACCOUNT_FUNDING_LAMPORTS));
            }
            funding.add(TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(), blockhash, transfers), faucet));
        }
        for (final Transaction transaction : funding) {
            rpc.call("sendTransaction", "[\"" + java.util.Base64.getEncoder().encodeToString(TransactionCodec.encode(transaction))
                + "\",{\"encoding\":\"base64\",\"skipPreflight\":true}]");
        }
        final StatusPoller.Outcomes outcomes = new StatusPoller(rpc, LoadgenMain::progress)
            .await(funding.toArray(new Transaction[0]), new long[funding.size()], timeoutSeconds);
        if (outcomes.succeeded() != funding.size()) {
            throw new IllegalStateException("funding failed: " + outcomes.succeeded() + " of " + funding.size() + " succeeded");
        }
    }

    /** Chooses each transaction's sender and receiver (deterministic for the seed). */
    private void plan(final List<Keypair> senders, final List<Pubkey> receivers, final SplittableRandom random,
                      final Keypair[] from, final Pubkey[] to) {
        for (int i = 0; i < transactionCount; i++) {
            if (workload.equals("W1")) {
                from[i] = senders.get(random.nextInt(senders.size()));
                Keypair receiver = senders.get(random.nextInt(senders.size()));
                while (receiver == from[i]) {
                    receiver = senders.get(random.nextInt(senders.size()));
                }
                to[i] = receiver.publicKey();
            } else {
                from[i] = senders.get(i);
                final byte[] key = new byte[32];
                random.nextBytes(key);
                to[i] = Pubkey.wrap(key);
                receivers.add(to[i]);
            }
        }
    }

    private static void signChunk(final Keypair[] from, final Pubkey[] to, final Transaction[] transactions,
                                  final int start, final int end, final Hash blockhash) {
        IntStream.range(start, end).parallel().forEach(i -> transactions[i] = TransactionCodec.sign(
            MessageBuilder.compileLegacy(from[i].publicKey(), blockhash,
                List.of(SystemInstruction.transfer(from[i].publicKey(), to[i], 1_000_000 + i))), from[i]));
    }

    /**
     * Signs the transactions after the first chunk while the first ones are sent, each chunk with
     * the blockhash that is latest when it is signed: a long run's tail would otherwise name a
     * blockhash older than 150 slots and be rejected.
     */
    private static final class ChunkSigner extends Thread {
        private final RpcClient rpc;
        private final Keypair[] from;
        private final Pubkey[] to;
        private final Transaction[] transactions;
        private volatile int signedUpTo;
        private volatile Exception failure;

        ChunkSigner(final RpcClient rpc, final Keypair[] from, final Pubkey[] to, final Transaction[] transactions, final int signed) {
            super("loadgen-signer");
            setDaemon(true);
            this.rpc = rpc;
            this.from = from;
            this.to = to;
            this.transactions = transactions;
            this.signedUpTo = signed;
        }

        @Override
        public void run() {
            try {
                for (int start = signedUpTo; start < transactions.length; start += SIGNING_CHUNK) {
                    final int end = Math.min(transactions.length, start + SIGNING_CHUNK);
                    signChunk(from, to, transactions, start, end, rpc.latestBlockhash());
                    signedUpTo = end;
                }
            } catch (final Exception e) {
                failure = e;
            }
        }

        /** Waits until transaction {@code index} is signed. */
        void awaitSigned(final int index) throws Exception {
            while (index >= signedUpTo) {
                if (failure != null) {
                    throw new IllegalStateException("signing failed: " + failure.getMessage(), failure);
                }
                LockSupport.parkNanos(100_000);
            }
        }
    }

    private void send(final String host, final int port, final Transaction[] transactions, final long[] sentNanos,
                      final ChunkSigner signer) throws Exception {
        final long intervalNanos = ratePerSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        try (IngestSender sender = IngestSender.connect(host, port)) {
            final long startNanos = System.nanoTime();
            for (int i = 0; i < transactions.length; i++) {
                if (intervalNanos > 0) {
                    final long dueNanos = startNanos + i * intervalNanos;
                    while (System.nanoTime() < dueNanos) {
                        sender.flush();
                        LockSupport.parkNanos(Math.min(1_000_000, dueNanos - System.nanoTime()));
                    }
                }
                if (i >= SIGNING_CHUNK) {
                    signer.awaitSigned(i);
                }
                sender.send(transactions[i]);
                sentNanos[i] = System.nanoTime();
            }
        }
    }

    private static long totalLamports(final RpcClient rpc, final List<Pubkey> keys) throws Exception {
        long total = 0;
        for (int start = 0; start < keys.size(); start += 100) {
            final StringBuilder params = new StringBuilder("[[");
            for (int i = start; i < Math.min(keys.size(), start + 100); i++) {
                params.append(i == start ? "" : ",").append('"').append(keys.get(i)).append('"');
            }
            final JsonNode accounts = rpc.call("getMultipleAccounts", params.append("],{\"encoding\":\"base64\"}]").toString()).get("value");
            for (final JsonNode account : accounts) {
                total += account.isNull() ? 0 : account.get("lamports").asLong();
            }
        }
        return total;
    }

    private void writeJson(final String summary) throws Exception {
        final ObjectNode json = new ObjectMapper().createObjectNode();
        for (final String field : summary.substring("loadgen ".length()).split(" ")) {
            final String[] pair = field.split("=", 2);
            if (pair[1].matches("-?\\d+")) {
                json.put(pair[0], Long.parseLong(pair[1]));
            } else if (pair[1].matches("-?\\d+\\.\\d+")) {
                json.put(pair[0], Double.parseDouble(pair[1]));
            } else {
                json.put(pair[0], pair[1]);
            }
        }
        Files.writeString(jsonFile, json.toPrettyString());
    }

    private static void progress(final String message) {
        System.err.println("loadgen: " + message);
    }
}
