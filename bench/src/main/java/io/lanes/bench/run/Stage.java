package io.lanes.bench.run;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a run covers, as {@code results.json} spells it in {@code "stage"}:
 * <ul>
 *   <li>{@link #EXECUTE}: pre-verified transactions into scheduler, workers and commit, accounts in memory;</li>
 *   <li>{@link #PIPELINE}: wire transactions decoded and sanitized, signatures verified by the sigverify stage,
 *       executed by the parallel runtime, blocks sealed every slot into a durable (fsync'd) ledger; done when
 *       the last transaction is confirmed ({@link PipelineRunner});</li>
 *   <li>{@link #E2E}: a whole node in this JVM, transactions sent over its binary ingest port ({@link E2eRunner}).</li>
 * </ul>
 */
public enum Stage {
    EXECUTE, PIPELINE, E2E;

    /** The name in results.json and on the command line: "execute", "pipeline", "e2e". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses names such as ["execute", "e2e"]; throws IllegalArgumentException for an unknown one. */
    public static Set<Stage> parse(final List<String> names) {
        final Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (final String name : names) {
            stages.add(byId(name.trim()));
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("--stages needs at least one of execute, pipeline, e2e");
        }
        return stages;
    }

    private static Stage byId(final String id) {
        for (final Stage stage : values()) {
            if (stage.id().equalsIgnoreCase(id)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + id + "'; stages: execute, pipeline, e2e");
    }
}
