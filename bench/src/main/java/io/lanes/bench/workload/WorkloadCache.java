package io.lanes.bench.workload;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Keeps generated workloads on disk, so that a rerun does not derive keys and sign again (signing
 * is most of a full run's set-up time). A cached workload is the same real signed wire
 * transactions; on load, a sample of signatures is verified again and a bad file is regenerated.
 * The file name holds everything the content depends on: id, variant, seed, count, generator
 * version and the blockhash.
 */
public final class WorkloadCache {
    private static final int MAGIC = 0x4C4E4231; // "LNB1"
    private static final int SIGNATURES_CHECKED = 64;

    private final Path directory;

    public WorkloadCache(final Path directory) {
        this.directory = directory;
    }

    /** The cached workload, or a fresh one (then stored). */
    public GeneratedWorkload getOrGenerate(final Workload workload, final long seed, final int txCount, final Hash blockhash) {
        final Path file = directory.resolve(fileName(workload, seed, txCount, blockhash));
        final GeneratedWorkload cached = readIfValid(file);
        if (cached != null) {
            return cached;
        }
        final GeneratedWorkload generated = workload.generate(seed, txCount, blockhash);
        write(file, generated);
        return generated;
    }

    static String fileName(final Workload workload, final long seed, final int txCount, final Hash blockhash) {
        final String name = workload.id() + "-" + workload.variant() + "-seed" + seed + "-txs" + txCount
            + "-v" + workload.generatorVersion() + "-" + blockhash.toBase58().substring(0, 8) + ".bin";
        return name.replaceAll("[^A-Za-z0-9._=-]", "_");
    }

    private static GeneratedWorkload readIfValid(final Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            final GeneratedWorkload workload = read(file);
            return signaturesHold(workload) ? workload : null;
        } catch (final IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Verifies an evenly spread sample of signatures (all of them when there are few). */
    static boolean signaturesHold(final GeneratedWorkload workload) {
        final Transaction[] transactions = workload.transactions();
        final int step = Math.max(1, transactions.length / SIGNATURES_CHECKED);
        return IntStream.iterate(0, tx -> tx < transactions.length, tx -> tx + step).parallel()
            .allMatch(tx -> verify(transactions[tx]));
    }

    private static boolean verify(final Transaction transaction) {
        for (int i = 0; i < transaction.signatureCount(); i++) {
            if (!Keypair.verify(transaction.message().accountKey(i), transaction.message().serialized(), transaction.signature(i))) {
                return false;
            }
        }
        return true;
    }

    private static void write(final Path file, final GeneratedWorkload workload) {
        try {
            Files.createDirectories(file.getParent());
            final Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
                writeContent(out, workload);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the workload cache " + file, e);
        }
    }

    private static void writeContent(final DataOutputStream out, final GeneratedWorkload workload) throws IOException {
        final GenesisState genesis = workload.genesis();
        out.writeInt(MAGIC);
        out.writeInt(genesis.wallets().length);
        for (int i = 0; i < genesis.wallets().length; i++) {
            out.write(genesis.wallets()[i].toBytes());
            out.writeLong(genesis.walletLamports()[i]);
        }
        out.writeInt(genesis.dataAccounts().size());
        for (final GenesisAccount account : genesis.dataAccounts()) {
            out.write(account.key().toBytes());
            out.writeLong(account.lamports());
            out.write(account.owner().toBytes());
            out.writeBoolean(account.executable());
            out.writeInt(account.data().length);
            out.write(account.data());
        }
        out.writeInt(workload.transactionCount());
        for (final Transaction transaction : workload.transactions()) {
            out.writeShort(transaction.wire().length);
            out.write(transaction.wire());
        }
    }

    private static GeneratedWorkload read(final Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a workload cache file: " + file);
            }
            final GenesisState genesis = readGenesis(in);
            final Transaction[] transactions = new Transaction[in.readInt()];
            for (int tx = 0; tx < transactions.length; tx++) {
                transactions[tx] = TransactionCodec.decode(in.readNBytes(in.readUnsignedShort()));
            }
            return new GeneratedWorkload(genesis, transactions);
        }
    }

    private static GenesisState readGenesis(final DataInputStream in) throws IOException {
        final Pubkey[] wallets = new Pubkey[in.readInt()];
        final long[] lamports = new long[wallets.length];
        for (int i = 0; i < wallets.length; i++) {
            wallets[i] = Pubkey.wrap(in.readNBytes(Pubkey.LENGTH));
            lamports[i] = in.readLong();
        }
        final int dataAccountCount = in.readInt();
        final List<GenesisAccount> dataAccounts = new ArrayList<>(dataAccountCount);
        for (int i = 0; i < dataAccountCount; i++) {
            final Pubkey key = Pubkey.wrap(in.readNBytes(Pubkey.LENGTH));
            final long accountLamports = in.readLong();
            final Pubkey owner = Pubkey.wrap(in.readNBytes(Pubkey.LENGTH));
            final boolean executable = in.readBoolean();
            dataAccounts.add(new GenesisAccount(key, accountLamports, owner, executable, in.readNBytes(in.readInt())));
        }
        return new GenesisState(wallets, lamports, dataAccounts);
    }
}
