package io.lanes.bench.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.lanes.bench.run.ModeSummary;

/**
 * One object of {@code results.json}, exactly as {@code interfaces.md} specifies: one per
 * (workload, variant, mode, workers). For the sequential baseline, workers is 1, speedup 1 and
 * the seq_ fields repeat its own values. {@code speedup} is the median of the per-repetition
 * ratios (parallel and sequential run side by side), so it may differ slightly from tps / seq_tps,
 * which are medians taken separately. For the pipeline and e2e stages, {@code seq_tps} is the
 * execute stage's sequential median (so speedups compare across stages), and {@code seq_state_hash}
 * the sequential executor's state on the run's genesis (e2e: the workload's plus the node's faucet).
 */
@JsonPropertyOrder({"workload", "variant", "mode", "stage", "workers", "txs", "tps", "seq_tps", "speedup",
    "p50_us", "p99_us", "state_hash", "seq_state_hash", "jvm", "cores"})
public record ResultRecord(
    @JsonProperty("workload") String workload,
    @JsonProperty("variant") String variant,
    @JsonProperty("mode") String mode,
    @JsonProperty("stage") String stage,
    @JsonProperty("workers") int workers,
    @JsonProperty("txs") int txs,
    @JsonProperty("tps") double tps,
    @JsonProperty("seq_tps") double seqTps,
    @JsonProperty("speedup") double speedup,
    @JsonProperty("p50_us") double p50Us,
    @JsonProperty("p99_us") double p99Us,
    @JsonProperty("state_hash") String stateHash,
    @JsonProperty("seq_state_hash") String seqStateHash,
    @JsonProperty("jvm") String jvm,
    @JsonProperty("cores") int cores) {

    public static ResultRecord of(final String workload, final String variant, final ModeSummary summary,
        final String jvm, final int cores) {
        final boolean sequential = summary.mode().isSequential();
        return new ResultRecord(workload, variant, summary.mode().name(), summary.mode().stage().id(), summary.mode().workers(),
            summary.txCount(), round(summary.medianTps(), 1), round(summary.medianSequentialTps(), 1),
            sequential ? 1.0 : round(summary.medianSpeedup(), 3),
            round(summary.p50Micros(), 3), round(summary.p99Micros(), 3),
            summary.stateHash().toBase58(), summary.sequentialStateHash().toBase58(), jvm, cores);
    }

    static double round(final double value, final int decimals) {
        final double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
