package io.lanes.sdk;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An Ed25519 key pair: a 32-byte seed (RFC 8032 private key) and its public key. Immutable and
 * thread-safe; {@link #toString()} never shows the seed.
 *
 * <p>Files use the Solana CLI format: a JSON array of 64 numbers, the seed then the public key,
 * e.g. {@code [1,1,...,138,136,...]}. Reading checks that the public key is the one the seed
 * derives, as {@code solana-keygen} does.
 */
public final class Keypair {
    public static final int SEED_LENGTH = Ed25519.SECRET_KEY_SIZE;
    /** Numbers in a Solana CLI keypair file: seed then public key. */
    public static final int FILE_BYTE_COUNT = SEED_LENGTH + Pubkey.LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;
    private final byte[] publicKeyBytes;
    private final Pubkey publicKey;

    private Keypair(final byte[] seed) {
        assert seed.length == SEED_LENGTH;
        this.seed = seed;
        this.publicKeyBytes = new byte[Pubkey.LENGTH];
        Ed25519.generatePublicKey(seed, 0, publicKeyBytes, 0);
        this.publicKey = Pubkey.wrap(publicKeyBytes);
    }

    /**
     * The key pair of a 32-byte seed (the seed is copied).
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    public static Keypair fromSeed(final byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is " + SEED_LENGTH + " bytes, got " + seed.length);
        }
        return new Keypair(seed.clone());
    }

    /** A new random key pair from a shared {@link SecureRandom}. */
    public static Keypair generate() {
        return generate(RANDOM);
    }

    /** A new key pair whose seed comes from {@code random}. */
    public static Keypair generate(final SecureRandom random) {
        final byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        return new Keypair(seed);
    }

    public Pubkey publicKey() {
        return publicKey;
    }

    /** A copy of the 32-byte seed: the secret. */
    public byte[] seed() {
        return seed.clone();
    }

    /** The Ed25519 signature of the whole array (deterministic, as RFC 8032 defines it). */
    public Signature sign(final byte[] message) {
        return sign(message, 0, message.length);
    }

    /** The Ed25519 signature of {@code message[offset, offset + length)}. */
    public Signature sign(final byte[] message, final int offset, final int length) {
        final byte[] signature = new byte[Signature.LENGTH];
        Ed25519.sign(seed, 0, publicKeyBytes, 0, message, offset, length, signature, 0);
        return Signature.wrap(signature);
    }

    /** {@link #verify(Pubkey, byte[], int, int, Signature)} over the whole array. */
    public static boolean verify(final Pubkey key, final byte[] message, final Signature signature) {
        return message != null && verify(key, message, 0, message.length, signature);
    }

    /**
     * True if {@code signature} is a valid Ed25519 signature of {@code message[offset, offset + length)}
     * under {@code key}. Never throws: any malformed input (null, a range outside the array, a key
     * that is no curve point, a non-canonical signature) gives false.
     */
    public static boolean verify(
        final Pubkey key, final byte[] message, final int offset, final int length, final Signature signature) {
        if (key == null || message == null || signature == null
            || offset < 0 || length < 0 || offset > message.length - length) {
            return false;
        }
        try {
            return Ed25519.verify(signature.bytes, 0, key.bytes, 0, message, offset, length);
        } catch (final RuntimeException malformed) {
            return false;
        }
    }

    /** The Solana CLI file text: {@code [n,n,...]}, 64 numbers, no spaces, as {@code solana-keygen} writes it. */
    public String toJson() {
        final StringBuilder json = new StringBuilder(4 * FILE_BYTE_COUNT + 2).append('[');
        appendNumbers(json, seed);
        json.append(',');
        appendNumbers(json, publicKeyBytes);
        return json.append(']').toString();
    }

    /**
     * Parses the Solana CLI format.
     *
     * @throws IllegalArgumentException with the reason if the text is not a JSON array of 64
     *     numbers 0..255 or the public key is not the one the seed derives
     */
    public static Keypair fromJson(final String json) {
        final byte[] bytes = KeypairJson.parse(json);
        final Keypair keypair = fromSeed(Arrays.copyOf(bytes, SEED_LENGTH));
        if (!keypair.publicKey.equalsBytesAt(bytes, SEED_LENGTH)) {
            throw new IllegalArgumentException("keypair public key (bytes 32..63) is "
                + Base58.encode(bytes, SEED_LENGTH, Pubkey.LENGTH) + " but the seed (bytes 0..31) derives "
                + keypair.publicKey);
        }
        return keypair;
    }

    /**
     * Writes the Solana CLI format, creating parent directories. The file is readable and
     * writable by its owner only where the file system has POSIX permissions. It is written
     * under a temporary name and then moved into place, so a reader never sees half a file.
     */
    public void writeFile(final Path path) throws IOException {
        final Path absolute = path.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        final Path temporary = Files.createTempFile(absolute.getParent(), ".keypair-", ".tmp", ownerOnly());
        try {
            Files.writeString(temporary, toJson(), StandardCharsets.US_ASCII);
            moveIntoPlace(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads a Solana CLI keypair file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and the reason if its content is malformed
     */
    public static Keypair readFile(final Path path) throws IOException {
        final String text = Files.readString(path, StandardCharsets.UTF_8);
        try {
            return fromJson(text);
        } catch (final IllegalArgumentException malformed) {
            throw new IllegalArgumentException("invalid keypair file " + path + ": " + malformed.getMessage(), malformed);
        }
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
        return "Keypair[" + publicKey + "]";
    }

    private static void appendNumbers(final StringBuilder json, final byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(bytes[i] & 0xFF);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static void moveIntoPlace(final Path temporary, final Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
