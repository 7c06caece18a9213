package io.lanes.sdk.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Solana JS SDK's transaction vectors ({@code shared/vectors/solana-tx-vectors.json}), found
 * beside the repository: the working directory and each of its parents is tried for
 * {@code shared/vectors/...}, so both {@code /work/main/programs} and a CI clone whose parent
 * folder holds {@code shared/} find it. {@code -Dlanes.vectors=FILE} overrides the search.
 */
final class Vectors {
    static final String RELATIVE_PATH = "shared/vectors/solana-tx-vectors.json";
    /** Loaded on first use, so a missing file fails each test with its message. */
    private static List<Vector> loaded;

    private Vectors() {
    }

    /** One transaction of the file, its JSON kept as is. */
    record Vector(String name, JsonNode json) {
        byte[] wire() {
            return base64("base64");
        }

        byte[] message() {
            return base64("messageBase64");
        }

        String text(final String field) {
            return json.get(field).asText();
        }

        JsonNode get(final String field) {
            return json.get(field);
        }

        private byte[] base64(final String field) {
            return Base64.getDecoder().decode(text(field));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static synchronized List<Vector> all() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    static Vector named(final String name) {
        return all().stream().filter(vector -> vector.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no vector named " + name));
    }

    static Path locate() {
        final String override = System.getProperty("lanes.vectors");
        if (override != null) {
            return Path.of(override);
        }
        final Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            final Path candidate = directory.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("Solana transaction vectors not found: looked for " + RELATIVE_PATH
            + " in " + start + " and each of its parents (the repository's parent folder should hold shared/);"
            + " or pass -Dlanes.vectors=FILE");
    }

    private static List<Vector> load() {
        final Path file = locate();
        try {
            final JsonNode root = new ObjectMapper().readTree(file.toFile());
            final List<Vector> vectors = new ArrayList<>();
            root.forEach(node -> vectors.add(new Vector(node.get("name").asText(), node)));
            return List.copyOf(vectors);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read vectors " + file, e);
        }
    }
}
