package io.lanes.runtime.node;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small files of a data dir besides the accounts: keypairs, the genesis hash, and the slot
 * to resume from. Written atomically (write a temporary file, then rename).
 */
final class NodeFiles {
    static final String SLOT_FILE = "slot";
    static final String GENESIS_HASH_FILE = "genesis-hash";
    static final String GENESIS_STATE_HASH_FILE = "genesis-state-hash";

    private NodeFiles() {
    }

    static Keypair loadOrCreateKeypair(final Path file) throws IOException {
        if (Files.exists(file)) {
            return Keypair.readFile(file);
        }
        final Keypair keypair = Keypair.generate();
        keypair.writeFile(file);
        return keypair;
    }

    /** The slot a restarted node resumes at: the one after the last it ran, or 0 for a new data dir. */
    static long readSlot(final Path dataDir) {
        final Path file = dataDir.resolve(SLOT_FILE);
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
        } catch (final IOException | NumberFormatException e) {
            throw new IllegalStateException("unreadable " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeSlot(final Path dataDir, final long slot) {
        writeAtomically(dataDir.resolve(SLOT_FILE), Long.toString(slot));
    }

    /** The genesis hash: fixed at the first start from the faucet key and the creation time. */
    static Hash genesisHash(final Path dataDir, final Keypair faucet) {
        final Path file = dataDir.resolve(GENESIS_HASH_FILE);
        try {
            if (Files.exists(file)) {
                return Hash.fromBase58(Files.readString(file).trim());
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final Hash hash = Hash.sha256(faucet.publicKey().toBytes(),
            Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
        writeAtomically(file, hash.toBase58());
        return hash;
    }

    /** The state hash right after genesis, from which recovery replays when no block matches. */
    static void writeGenesisStateHash(final Path dataDir, final Hash stateHash) {
        writeAtomically(dataDir.resolve(GENESIS_STATE_HASH_FILE), stateHash.toBase58());
    }

    static Hash readGenesisStateHash(final Path dataDir) {
        final Path file = dataDir.resolve(GENESIS_STATE_HASH_FILE);
        try {
            return Files.exists(file) ? Hash.fromBase58(Files.readString(file).trim()) : null;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(final Path file, final String content) {
        try {
            final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
