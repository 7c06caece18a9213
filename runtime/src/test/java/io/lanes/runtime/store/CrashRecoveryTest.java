package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM opens a store, saves and flushes accounts, saves more without flushing, and halts
 * without closing (no shutdown hooks, files left open, as after kill -9). Reopening must recover
 * the files and give exactly the flushed accounts.
 */
class CrashRecoveryTest {
    private static final int FLUSHED = 500;
    private static final int UNFLUSHED = 100;
    private static final int HALT_STATUS = 77;

    @TempDir
    Path directory;

    @Test
    void aStoreHaltedWithoutCloseReopensWithItsFlushedAccounts() throws Exception {
        final Process child = new ProcessBuilder(childCommand(directory)).redirectErrorStream(true).start();
        final String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finished");
        assertEquals(HALT_STATUS, child.exitValue(), output);
        assertTrue(Files.exists(directory.resolve("accounts.open")), "the child left its open marker");

        final Map<Pubkey, AccountBuffer> flushed = flushedAccounts();
        try (OffHeapAccountStore reopened = OffHeapAccountStore.open(directory, AccountStoreConfig.forAccounts(1_000))) {
            PersistedAccountStoreTest.assertStoreHolds(reopened, flushed);
            assertEquals(ReferenceStateHash.of(flushed), reopened.stateHash());
            assertEquals(Hash.fromBase58(output.lines().filter(line -> line.startsWith("hash ")).findFirst()
                .orElseThrow().substring(5)), reopened.stateHash(), "the hash the child had at its flush");
        }
    }

    /** The child: save, flush, print the hash, save more, halt. */
    public static void main(final String[] args) {
        final OffHeapAccountStore store = OffHeapAccountStore.open(Path.of(args[0]), AccountStoreConfig.forAccounts(1_000));
        final SplittableRandom random = new SplittableRandom(91);
        PersistedAccountStoreTest.saveAll(store, PersistedAccountStoreTest.sampleAccounts(random, FLUSHED));
        store.flush();
        System.out.println("hash " + store.stateHash());
        PersistedAccountStoreTest.saveAll(store, PersistedAccountStoreTest.sampleAccounts(random, UNFLUSHED));
        final int first = store.find(store.key(0));
        store.saveLamports(first, 0);
        System.out.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }

    private static Map<Pubkey, AccountBuffer> flushedAccounts() {
        return PersistedAccountStoreTest.sampleAccounts(new SplittableRandom(91), FLUSHED);
    }

    private static List<String> childCommand(final Path directory) {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("surefire.test.class.path", ""));
        command.add(CrashRecoveryTest.class.getName());
        command.add(directory.toString());
        return command;
    }
}
