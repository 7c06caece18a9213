package io.lanes.runtime.testing;

import io.lanes.runtime.cli.LanesMain;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code lanes} command run in this JVM with its standard output captured.
 *
 * @param exitCode what {@link LanesMain#execute} returned
 * @param output   everything the command printed to standard output
 */
public record CommandRun(int exitCode, String output) {
    /** Runs {@code lanes args...}; standard output is restored afterwards. */
    public static CommandRun of(final String... args) {
        final PrintStream original = System.out;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            final int exitCode = LanesMain.execute(args);
            return new CommandRun(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
