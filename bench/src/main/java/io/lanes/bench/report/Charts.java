package io.lanes.bench.report;

import io.lanes.bench.run.Mode;
import io.lanes.bench.run.ModeSummary;
import io.lanes.bench.run.Stage;
import io.lanes.bench.run.VariantResult;
import io.lanes.bench.workload.RandomTransfers;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The PNG charts: TPS versus W1's account count (log x) per mode, and latency percentiles and
 * speedups per workload variant. Runs headless.
 */
public final class Charts {
    static final String TPS_VS_ACCOUNTS = "tps-vs-accounts.png";
    static final String LATENCY_P50 = "latency-p50.png";
    static final String LATENCY_P99 = "latency-p99.png";
    static final String SPEEDUP = "speedup.png";
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    /** Log axes need positive values; a missing latency is drawn at this floor. */
    private static final double LOG_FLOOR = 0.01;

    private Charts() {
    }

    /** Writes the charts that the results allow; returns the file names written. */
    public static List<String> write(final Path directory, final List<VariantResult> results) throws IOException {
        System.setProperty("java.awt.headless", "true");
        final List<String> written = new ArrayList<>();
        final List<VariantResult> w1 = results.stream().filter(result -> result.workload() instanceof RandomTransfers).toList();
        if (!w1.isEmpty()) {
            save(tpsVersusAccounts(w1), directory, TPS_VS_ACCOUNTS, written);
        }
        save(perVariant("Latency p50 (parallel: submit to commit; sequential: execution)", "p50 (us)",
            results, ModeSummary::p50Micros, true, false), directory, LATENCY_P50, written);
        save(perVariant("Latency p99 (parallel: submit to commit; sequential: execution)", "p99 (us)",
            results, ModeSummary::p99Micros, true, false), directory, LATENCY_P99, written);
        save(perVariant("Speedup over the sequential executor (median of paired ratios)", "speedup (x)",
            results, ModeSummary::medianSpeedup, false, true), directory, SPEEDUP, written);
        return written;
    }

    private static void save(final Object chart, final Path directory, final String name, final List<String> written)
        throws IOException {
        final String path = directory.resolve(name).toString();
        if (chart instanceof XYChart xy) {
            BitmapEncoder.saveBitmap(xy, path, BitmapEncoder.BitmapFormat.PNG);
        } else {
            BitmapEncoder.saveBitmap((CategoryChart) chart, path, BitmapEncoder.BitmapFormat.PNG);
        }
        written.add(name);
    }

    private static XYChart tpsVersusAccounts(final List<VariantResult> w1) {
        final XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
            .title("W1 System transfers: TPS vs accounts (execute stage)").xAxisTitle("accounts (log)").yAxisTitle("TPS").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        for (final Mode mode : modes(w1)) {
            if (mode.stage() != Stage.EXECUTE) {
                continue;
            }
            final List<Double> accounts = new ArrayList<>();
            final List<Double> tps = new ArrayList<>();
            for (final VariantResult result : w1) {
                summary(result, mode).ifPresent(summary -> {
                    accounts.add((double) ((RandomTransfers) result.workload()).accounts());
                    tps.add(summary.medianTps());
                });
            }
            chart.addSeries(mode.label(), accounts, tps).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static CategoryChart perVariant(
        final String title, final String yTitle, final List<VariantResult> results,
        final ToDoubleFunction<ModeSummary> value, final boolean logarithmic, final boolean parallelOnly) {
        final CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
            .title(title).xAxisTitle("workload variant").yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (logarithmic) {
            chart.getStyler().setYAxisMin(LOG_FLOOR);
        }
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        final List<String> labels = results.stream().map(result -> result.workload().label()).toList();
        for (final Mode mode : modes(results)) {
            if (parallelOnly && mode.isSequential()) {
                continue;
            }
            final List<Double> values = new ArrayList<>();
            for (final VariantResult result : results) {
                values.add(summary(result, mode).map(value::applyAsDouble).map(v -> logarithmic ? Math.max(v, LOG_FLOOR) : v)
                    .orElse(logarithmic ? LOG_FLOOR : 0.0));
            }
            chart.addSeries(mode.label(), labels, values);
        }
        return chart;
    }

    private static Set<Mode> modes(final List<VariantResult> results) {
        final Set<Mode> modes = new LinkedHashSet<>();
        results.forEach(result -> result.summaries().stream().filter(summary -> !summary.mode().isShared())
            .forEach(summary -> modes.add(summary.mode())));
        return modes;
    }

    private static java.util.Optional<ModeSummary> summary(final VariantResult result, final Mode mode) {
        return result.summaries().stream().filter(summary -> summary.mode().equals(mode)).findFirst();
    }
}
