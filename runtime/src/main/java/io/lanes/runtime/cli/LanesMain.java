package io.lanes.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scripts/lanes}: the standalone runtime process and its tools.
 */
@Command(name = "lanes", mixinStandardHelpOptions = true, version = "lanes 0.1.0",
    description = "Lanes: a Sealevel-style parallel transaction runtime.",
    subcommands = {RunCommand.class, PrintStateHashCommand.class, KeygenCommand.class, VerifyLedgerCommand.class})
public final class LanesMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One line per log record: time, level, logger, message. */
    private static final String LOG_FORMAT = "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n";

    public static void main(final String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        }
        System.exit(execute(args));
    }

    /** Runs the command line; {@code run} is the default subcommand, so plain flags start the runtime. */
    public static int execute(final String[] args) {
        final CommandLine commandLine = new CommandLine(new LanesMain());
        final String[] effective = needsDefaultSubcommand(commandLine, args) ? prepend("run", args) : args;
        return commandLine.execute(effective);
    }

    private static boolean needsDefaultSubcommand(final CommandLine commandLine, final String[] args) {
        if (args.length == 0) {
            return true;
        }
        final String first = args[0];
        if (commandLine.getSubcommands().containsKey(first)) {
            return false;
        }
        return !(first.equals("--help") || first.equals("-h") || first.equals("--version") || first.equals("-V"));
    }

    private static String[] prepend(final String first, final String[] rest) {
        final String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
