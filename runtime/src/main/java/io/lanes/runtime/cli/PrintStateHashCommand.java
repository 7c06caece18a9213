package io.lanes.runtime.cli;

import io.lanes.runtime.node.LanesNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lanes print-state-hash --data-dir DIR}: the state hash of a stopped node's accounts. */
@Command(name = "print-state-hash", mixinStandardHelpOptions = true,
    description = "Prints the state hash (base58) of the accounts in a data dir.")
final class PrintStateHashCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "./lanes-data", description = "The data dir (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
        return print(dataDir);
    }

    static int print(final Path dataDir) {
        final Path accounts = dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY);
        if (!Files.isDirectory(accounts)) {
            System.err.println("lanes: no accounts in " + dataDir + " (start the runtime on it first)");
            return 1;
        }
        System.out.println(LanesNode.stateHashOf(dataDir));
        return 0;
    }
}
