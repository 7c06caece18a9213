package io.lanes.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared wire-format vectors (made by the official Solana JS SDK), found beside the
 * repository as {@code ../shared/vectors/solana-tx-vectors.json}.
 */
public final class Vectors {
    private static final String RELATIVE = "shared/vectors/solana-tx-vectors.json";

    private Vectors() {
    }

    public static Path file() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            for (final Path candidate : List.of(directory.resolve(RELATIVE), directory.resolveSibling(RELATIVE))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("cannot find " + RELATIVE + " beside the repository (looked upwards from "
            + Path.of("").toAbsolutePath() + ")");
    }

    /** The decoded transactions, by vector name, in file order. */
    public static Map<String, Transaction> transactions() {
        final Map<String, Transaction> byName = new LinkedHashMap<>();
        for (final JsonNode vector : read()) {
            byName.put(vector.get("name").asText(), TransactionCodec.decode(Base64.getDecoder().decode(vector.get("base64").asText())));
        }
        return byName;
    }

    /** The keypair made from the seed byte repeated 32 times (the vectors' convention: 01 payer, 02 recipient, ...). */
    public static Keypair keypair(final int seedByte) {
        final byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) seedByte);
        return Keypair.fromSeed(seed);
    }

    public static List<JsonNode> read() {
        try {
            final List<JsonNode> vectors = new ArrayList<>();
            new ObjectMapper().readTree(Files.readString(file())).forEach(vectors::add);
            return vectors;
        } catch (final IOException e) {
            throw new IllegalStateException("cannot read the vectors: " + e.getMessage(), e);
        }
    }

    public static byte[] hex(final String text) {
        return HexFormat.of().parseHex(text);
    }
}
