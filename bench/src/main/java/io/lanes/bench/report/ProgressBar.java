package io.lanes.bench.report;

import io.lanes.bench.run.RunProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr: redrawn in place on a terminal; on a pipe or log file, one line per
 * new workload variant instead. Lines for stdout go through {@link #println} so they do not
 * break the bar.
 */
public final class ProgressBar implements RunProgress {
    private static final int WIDTH = 30;

    private final PrintStream bar;
    private final PrintStream out;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private final int totalSteps;
    private int doneSteps;
    private String lastVariant = "";

    public ProgressBar(final int totalSteps, final PrintStream bar, final PrintStream out, final boolean interactive) {
        this.totalSteps = Math.max(1, totalSteps);
        this.bar = bar;
        this.out = out;
        this.interactive = interactive;
    }

    /** A bar on System.err, redrawn in place when a console is attached. */
    public static ProgressBar onStderr(final int totalSteps) {
        return new ProgressBar(totalSteps, System.err, System.out, System.console() != null);
    }

    @Override
    public synchronized void step(final String label) {
        final int percent = 100 * doneSteps / totalSteps;
        doneSteps++;
        if (interactive) {
            bar.print("\r" + render(percent, label) + "\u001b[K");
            bar.flush();
        } else if (!variantOf(label).equals(lastVariant)) {
            bar.println(render(percent, label));
        }
        lastVariant = variantOf(label);
    }

    /** Prints a line on stdout without leaving a half-drawn bar behind. */
    public synchronized void println(final String line) {
        clear();
        out.println(line);
        out.flush();
    }

    /** Clears the bar when everything is done. */
    public synchronized void finish() {
        clear();
        bar.println(render(100, "done"));
    }

    private void clear() {
        if (interactive) {
            bar.print("\r\u001b[K");
            bar.flush();
        }
    }

    private String render(final int percent, final String label) {
        final int filled = WIDTH * percent / 100;
        final long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
        return String.format(Locale.ROOT, "[%s%s] %3d%% %d:%02d %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
            percent, seconds / 60, seconds % 60, label);
    }

    /** "W1 accounts=2" of "W1 accounts=2 parallel w=2 rep 1/5". */
    private static String variantOf(final String label) {
        final String[] words = label.split(" ");
        return words.length >= 2 ? words[0] + " " + words[1] : label;
    }
}
