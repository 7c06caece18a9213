package io.lanes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.bench.report.ResultRecord;
import io.lanes.bench.report.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quick bench run with tiny sizes, checking its output (never its speed): results.json follows
 * the schema of interfaces.md, every run ends in the sequential state, every invariant holds,
 * results.md and the charts exist.
 */
class BenchMainTest {
    private static final Set<String> FIELDS = new TreeSet<>(List.of("workload", "variant", "mode", "stage", "workers", "txs",
        "tps", "seq_tps", "speedup", "p50_us", "p99_us", "state_hash", "seq_state_hash", "jvm", "cores"));

    @Test
    void quickRunWritesCheckedResults(@TempDir final Path out) throws Exception {
        final int exitCode = BenchMain.run("--quick", "--txs", "200", "--workers", "1,2", "--workloads", "W1,W2,W8",
            "--w1-accounts", "2,100", "--reps", "2", "--warmup-txs", "100", "--jvm-warmup-txs", "0", "--no-cache",
            "--out", out.toString());

        assertEquals(0, exitCode, "every state hash and invariant held");
        final List<ResultRecord> records = ResultsJson.read(out.resolve("results.json"));
        assertEquals(4 * 3, records.size(), "4 variants x (sequential + 2 worker counts)");
        assertSchema(new ObjectMapper().readTree(out.resolve("results.json").toFile()));
        for (final ResultRecord record : records) {
            assertEquals(record.seqStateHash(), record.stateHash(), record + " ends in the sequential state");
            assertEquals("execute", record.stage());
            assertTrue(record.tps() > 0 && record.seqTps() > 0 && record.speedup() > 0, record.toString());
            assertTrue(record.p99Us() >= record.p50Us() && record.p50Us() > 0, record.toString());
        }
        assertInvariantsOk(out.resolve("results.md"));
        assertTrue(pngCount(out) >= 1, "at least one chart");
    }

    private static void assertSchema(final JsonNode root) {
        assertTrue(root.isArray());
        for (final JsonNode record : root) {
            final Set<String> names = new TreeSet<>();
            final Iterator<String> fields = record.fieldNames();
            fields.forEachRemaining(names::add);
            assertEquals(FIELDS, names, "exactly the fields of interfaces.md");
            for (final String text : List.of("workload", "variant", "mode", "stage", "state_hash", "seq_state_hash", "jvm")) {
                assertTrue(record.get(text).isTextual(), text);
            }
            for (final String integer : List.of("workers", "txs", "cores")) {
                assertTrue(record.get(integer).isInt(), integer);
            }
            for (final String number : List.of("tps", "seq_tps", "speedup", "p50_us", "p99_us")) {
                assertTrue(record.get(number).isNumber(), number);
            }
            assertTrue(Set.of("sequential", "parallel").contains(record.get("mode").asText()));
        }
    }

    /** Every row of the results table ends with "state = seq" ok and "invariant" ok. */
    private static void assertInvariantsOk(final Path markdown) throws Exception {
        final String text = Files.readString(markdown);
        final List<String> rows = new ArrayList<>();
        for (final String line : text.split("\n")) {
            if (line.startsWith("| W")) {
                rows.add(line);
            }
        }
        final List<String> resultRows = rows.stream().filter(row -> row.split("\\|").length >= 14).toList();
        assertEquals(12, resultRows.size(), text);
        resultRows.forEach(row -> assertTrue(row.endsWith("| ok | ok |"), row));
        assertFalse(text.contains("MISMATCH") || text.contains("FAILED"), text);
    }

    private static long pngCount(final Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> file.toString().endsWith(".png")).filter(file -> file.toFile().length() > 0).count();
        }
    }
}
