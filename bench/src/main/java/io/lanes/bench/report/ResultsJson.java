package io.lanes.bench.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes and reads {@code results.json}: a JSON array of {@link ResultRecord}. */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(final Path file, final List<ResultRecord> records) throws IOException {
        MAPPER.writeValue(file.toFile(), records);
    }

    public static List<ResultRecord> read(final Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), new TypeReference<List<ResultRecord>>() {
        });
    }
}
