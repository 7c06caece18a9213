package io.lanes.runtime.cli;

import io.lanes.sdk.Keypair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lanes keygen --outfile FILE}: a new keypair in the Solana CLI format. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = "Writes a new Ed25519 keypair (Solana CLI format: JSON array of 64 bytes) and prints its public key.")
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--outfile", required = true, description = "Where to write the keypair.")
    Path outfile;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(outfile) && !force) {
            System.err.println("lanes keygen: " + outfile + " exists; use --force to overwrite");
            return 1;
        }
        final Keypair keypair = Keypair.generate();
        keypair.writeFile(outfile);
        System.out.println(keypair.publicKey());
        return 0;
    }
}
