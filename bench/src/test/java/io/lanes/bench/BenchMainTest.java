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
 * results.md and the charts exist; the pipeline and e2e stages report on W1 and W2 with the
 * same checks, and the verifiers' verifications per second.
 */
class BenchMainTest {
    private static final Set<String> FIELDS = new TreeSet<>(List.of("workload", "variant", "mode", "stage", "workers", "txs",
        "tps", "seq_tps", "speedup", "p50_us", "p99_us", "state_hash", "seq_state_hash", "jvm", "cores"));

    @Test
    void quickRunWritesCheckedResults(@TempDir final Path out) throws Exception {
        final int exitCode = BenchMain.run("--quick", "--txs", "200", "--workers", "1,2", "--workloads", "W1,W2,W8",
            "--w1-accounts", "2,100", "--stage-w1-accounts", "100", "--slot-ms", "50", "--reps", "2", "--warmup-txs", "100",
            "--jvm-warmup-txs", "0", "--no-cache", "--out", out.toString());

        assertEquals(0, exitCode, "every state hash and invariant held");
        final List<ResultRecord> records = ResultsJson.read(out.resolve("results.json"));
        assertEquals(6 * 3 + 2 * 2, records.size(), "6 variants (W1 x 2, W2 x 3, W8) x (sequential + 2 worker counts), then "
            + "W1 accounts=100 and W2 transfers x (pipeline + e2e)");
        assertSchema(new ObjectMapper().readTree(out.resolve("results.json").toFile()));
        for (final ResultRecord record : records) {
            assertEquals(record.seqStateHash(), record.stateHash(), record + " ends in the sequential state");
            assertTrue(record.tps() > 0 && record.seqTps() > 0 && record.speedup() > 0, record.toString());
            assertTrue(record.p99Us() >= record.p50Us() && record.p50Us() > 0, record.toString());
            assertEquals(200, record.txs(), record.toString());
        }
        assertEquals(18, records.stream().filter(record -> record.stage().equals("execute")).count());
        assertStageRecords(records, "pipeline", Set.of("W1 accounts=100", "W2 transfers"));
        assertStageRecords(records, "e2e", Set.of("W1 accounts=100", "W2 transfers"));
        assertInvariantsOk(out.resolve("results.md"), 22);
        assertStageReport(Files.readString(out.resolve("results.md")));
        assertTrue(pngCount(out) >= 1, "at least one chart");
        assertFalse(Files.exists(out.resolve("scratch")), "the stages' ledgers and data dirs are deleted");
    }

    @Test
    void stagesOptionRunsOnlyTheChosenStagesAndTheBaseline(@TempDir final Path out) throws Exception {
        final int exitCode = BenchMain.run("--quick", "--txs", "100", "--workloads", "W2", "--stages", "pipeline",
            "--slot-ms", "50", "--reps", "1", "--warmup-txs", "0", "--jvm-warmup-txs", "0", "--no-cache", "--out", out.toString());

        assertEquals(0, exitCode);
        final List<ResultRecord> records = ResultsJson.read(out.resolve("results.json"));
        assertEquals(List.of("sequential/execute", "parallel/pipeline"),
            records.stream().map(record -> record.mode() + "/" + record.stage()).toList());
        assertEquals(records.get(0).stateHash(), records.get(1).stateHash(), "the pipeline ends in the sequential state");
        assertEquals(records.get(0).tps(), records.get(1).seqTps(), "seq_tps is the execute stage's sequential baseline");
    }

    @Test
    void unknownStageIsABadFlag(@TempDir final Path out) {
        assertTrue(BenchMain.run("--stages", "execute,verify", "--out", out.toString()) != 0);
    }

    /** The stage's runs: on these variants, the parallel runtime, seq_tps and seq hash from the execute stage's baseline. */
    private static void assertStageRecords(final List<ResultRecord> records, final String stage, final Set<String> variants) {
        final List<ResultRecord> staged = records.stream().filter(record -> record.stage().equals(stage)).toList();
        assertEquals(variants, new TreeSet<>(staged.stream().map(record -> record.workload() + " " + record.variant()).toList()));
        for (final ResultRecord record : staged) {
            final ResultRecord sequential = records.stream().filter(other -> other.mode().equals("sequential")
                && other.workload().equals(record.workload()) && other.variant().equals(record.variant())).findFirst().orElseThrow();
            assertEquals("parallel", record.mode());
            assertEquals(sequential.tps(), record.seqTps(), "seq_tps is the execute stage's sequential median: " + record);
            if (stage.equals("pipeline")) {
                assertEquals(sequential.stateHash(), record.stateHash(), "the pipeline starts from the workload's genesis: " + record);
            } else {
                assertFalse(sequential.stateHash().equals(record.stateHash()), "the node's genesis adds its faucet: " + record);
            }
        }
    }

    /** results.md names the verifier, measures each verifier and lists the stages' targets. */
    private static void assertStageReport(final String markdown) {
        assertTrue(markdown.contains("## Ed25519 signature verification"), markdown);
        assertTrue(markdown.matches("(?s).*\\| bouncycastle \\| [0-9,]+ \\|.*"), "BouncyCastle is always measured");
        assertTrue(markdown.contains("| pipeline stage W2 transfers >= 15,000 TPS"), markdown);
        assertTrue(markdown.contains("| e2e stage W2 transfers >= 0.8x the pipeline stage"), markdown);
        assertTrue(markdown.contains("| report Ed25519 verifications/s per core"), markdown);
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
    private static void assertInvariantsOk(final Path markdown, final int expectedRows) throws Exception {
        final String text = Files.readString(markdown);
        final List<String> rows = new ArrayList<>();
        for (final String line : text.split("\n")) {
            if (line.startsWith("| W")) {
                rows.add(line);
            }
        }
        final List<String> resultRows = rows.stream().filter(row -> row.split("\\|").length >= 16).toList();
        assertEquals(expectedRows, resultRows.size(), text);
        resultRows.forEach(row -> assertTrue(row.endsWith("| ok | ok |"), row));
        assertFalse(text.contains("MISMATCH") || text.contains("FAILED"), text);
    }

    private static long pngCount(final Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> file.toString().endsWith(".png")).filter(file -> file.toFile().length() > 0).count();
        }
    }
}
