package io.lanes.examples.counter;

import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.RegisteredProgram;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.harness.TestBank;
import io.lanes.runtime.node.ExternalPrograms;
import io.lanes.sdk.Keypair;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/** The packaged jar (target/counter.jar + counter-keypair.json), loaded as scripts/lanes --program loads it. */
class CounterJarIT {
    @Test
    void thePackagedJarLoadsUnderItsKeypairsIdAndRuns() throws Exception {
        final Path jar = Path.of("target", "counter.jar");
        final RegisteredProgram loaded = ExternalPrograms.load(jar);
        assertEquals(Keypair.readFile(Path.of("deploy", "counter-keypair.json")).publicKey(), loaded.id());
        assertNotSame(CounterProgram.class, loaded.program().getClass(), "loaded by the jar's own class loader");

        try (TestBank bank = TestBank.create(ProgramRegistry.withBuiltins().register(loaded))) {
            final Keypair payer = bank.newFundedKeypair(5_000_000_000L);
            final Keypair counter = Keypair.generate();
            assertEquals(TransactionStatus.SUCCEEDED, CounterProgramTest.createCounter(bank, loaded.id(), payer, counter).status());
            final ExecutionResult result = bank.send(payer, CounterProgramTest.increment(loaded.id(), counter.publicKey(), payer.publicKey(), 7));
            assertEquals(TransactionStatus.SUCCEEDED, result.status(), String.join("\n", result.logLines()));
            assertEquals(7, CounterProgram.count(bank.data(counter.publicKey())));
        }
    }
}
