package io.lanes.runtime.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real runtime process for end-to-end tests: {@code java ... LanesMain} with the test's class
 * path and the project's JVM flags, on free ports. Collects its output lines.
 */
public final class LanesProcess implements AutoCloseable {
    private final Process process;
    private final Thread reader;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> allLines = java.util.Collections.synchronizedList(new ArrayList<>());
    public final int rpcPort;
    public final int ingestPort;
    public final Path dataDir;

    private LanesProcess(final Path dataDir, final int rpcPort, final int ingestPort, final List<String> extraArgs) throws IOException {
        this.dataDir = dataDir;
        this.rpcPort = rpcPort;
        this.ingestPort = ingestPort;
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(classPath());
        command.add("io.lanes.runtime.cli.LanesMain");
        command.addAll(List.of("--data-dir", dataDir.toString(), "--rpc-port", Integer.toString(rpcPort),
            "--ingest-port", Integer.toString(ingestPort), "--slot-ms", "100", "--workers", "1"));
        command.addAll(extraArgs);
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.reader = new Thread(() -> pump(process.getInputStream()), "lanes-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the runtime on free ports and waits for its ready line. */
    public static LanesProcess start(final Path dataDir, final String... extraArgs) throws Exception {
        final int rpcPort = freePortPair();
        final LanesProcess lanes = new LanesProcess(dataDir, rpcPort, freePort(), Arrays.asList(extraArgs));
        lanes.awaitLine("lanes ready", 120);
        return lanes;
    }

    private void pump(final InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                allLines.add(line);
            }
        } catch (final IOException ignored) {
            // the process ended
        }
    }

    /** Waits for a line starting with the prefix; returns it. */
    public String awaitLine(final String prefix, final int timeoutSeconds) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            final String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && !reader.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "'; output so far:\n" + String.join("\n", output()));
    }

    public List<String> output() {
        synchronized (allLines) {
            return new ArrayList<>(allLines);
        }
    }

    /**
     * Sends SIGTERM and waits for the exit code. (Through the process handle: Process.destroy()
     * would also close our end of its output pipe, losing what it prints while it stops.)
     */
    public int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runtime did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + rpcPort;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static List<String> jvmFlags() throws IOException {
        try (InputStream flags = LanesProcess.class.getResourceAsStream("/lanes-jvm.options")) {
            if (flags == null) {
                throw new IllegalStateException("lanes-jvm.options is not on the class path (build the runtime module)");
            }
            return Arrays.asList(new String(flags.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+"));
        }
    }

    static String classPath() {
        final String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A free port whose successor is free too (RPC port and PubSub port = RPC + 1). */
    static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            final int port = freePort();
            if (port < 65_535) {
                try (ServerSocket next = new ServerSocket(port + 1)) {
                    return port;
                } catch (final IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free pair of ports");
    }
}
