package io.lanes.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where the numbers were measured: CPU, cores, memory, OS, JVM, date, load.
 *
 * @param cpuModel      from /proc/cpuinfo, or "unknown"
 * @param cores         processors the JVM sees
 * @param memoryGib     total memory from /proc/meminfo, 0 if unknown
 * @param os            name, version, architecture
 * @param jvmVersion    e.g. "17.0.15", as results.json wants it
 * @param jvmName       vendor and VM name
 * @param maxHeapMib    -Xmx
 * @param date          start of the run, ISO-8601
 * @param loadAtStart   the one-minute load average when the run started (-1 if unknown)
 */
public record MachineInfo(
    String cpuModel, int cores, double memoryGib, String os, String jvmVersion, String jvmName,
    long maxHeapMib, String date, double loadAtStart) {

    public static MachineInfo detect() {
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryGib(),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
            System.getProperty("java.version"),
            System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
            Runtime.getRuntime().maxMemory() >> 20,
            ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
            loadAverage());
    }

    /** The one-minute load average now. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String readCpuModel() {
        return procLines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static double readMemoryGib() {
        return procLines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:"))
            .map(line -> line.replaceAll("[^0-9]", "")).mapToDouble(kib -> Long.parseLong(kib) / (1024.0 * 1024.0))
            .findFirst().orElse(0);
    }

    private static List<String> procLines(final String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (final IOException | RuntimeException unavailable) {
            return List.of();
        }
    }
}
