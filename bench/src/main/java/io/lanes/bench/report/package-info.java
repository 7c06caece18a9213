/**
 * The outputs: {@code results.json} in the schema of {@code interfaces.md}
 * ({@link io.lanes.bench.report.ResultRecord}), {@code results.md}
 * ({@link io.lanes.bench.report.MarkdownReport}, with the machine, the targets and the
 * side-by-side closing measurements), PNG charts ({@link io.lanes.bench.report.Charts}, XChart,
 * headless) and the progress bar on stderr. Runs after the measurements, on the main thread.
 */
package io.lanes.bench.report;
