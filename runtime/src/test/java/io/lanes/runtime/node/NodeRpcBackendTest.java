package io.lanes.runtime.node;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.rpc.AccountSnapshot;
import io.lanes.runtime.rpc.BlockRecord;
import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.runtime.rpc.SimulationResult;
import io.lanes.runtime.rpc.TransactionRecord;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's RPC backend over a real node (threads, persisted store, slot clock). */
class NodeRpcBackendTest {
    private static final long SOL = 1_000_000_000L;

    @TempDir
    Path dataDir;
    private LanesNode node;
    private RpcBackend backend;

    @BeforeEach
    void start() throws Exception {
        node = LanesNode.start(new NodeConfig(dataDir, 0, 0, 2, dataDir.resolve("faucet.json"), 50, List.of(), 20), ExecutionListener.NONE);
        backend = node.backend();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private TransactionRecord awaitRecord(final Signature signature, final String level) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            final TransactionRecord record = backend.transaction(signature);
            if (record != null && rank(record.confirmation()) >= rank(level)) {
                return record;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(signature + " did not reach " + level);
    }

    private static int rank(final String level) {
        return List.of("processed", "confirmed", "finalized").indexOf(level);
    }

    @Test
    void anAirdropExecutesIsConfirmedAndShowsInTheAccount() throws Exception {
        final Keypair wallet = Keypair.generate();
        final Signature signature = backend.requestAirdrop(wallet.publicKey(), 3 * SOL);
        final TransactionRecord record = awaitRecord(signature, "finalized");
        assertNull(record.error());
        assertEquals(5_000, record.fee());
        assertEquals(0, record.preBalances()[1]);
        assertEquals(3 * SOL, record.postBalances()[1]);
        final List<AccountSnapshot> accounts = backend.accounts(List.of(wallet.publicKey(), Keypair.generate().publicKey()))
            .get(10, TimeUnit.SECONDS);
        assertEquals(3 * SOL, accounts.get(0).lamports());
        assertEquals(Pubkey.SYSTEM_PROGRAM, accounts.get(0).owner());
        assertNull(accounts.get(1), "an unknown account is null");
        final BlockRecord block = backend.block(record.slot());
        assertNotNull(block);
        assertTrue(block.signatures().contains(signature));
    }

    @Test
    void simulationShowsTheOutcomeWithoutChangingState() throws Exception {
        final Keypair wallet = Keypair.generate();
        awaitRecord(backend.requestAirdrop(wallet.publicKey(), 2 * SOL), "processed");
        final Pubkey recipient = Keypair.generate().publicKey();
        final Transaction tooMuch = TransactionCodec.sign(MessageBuilder.compileLegacy(wallet.publicKey(), backend.latestBlockhash(),
            List.of(SystemInstruction.transfer(wallet.publicKey(), recipient, 5 * SOL))), wallet);
        final SimulationResult failed = backend.simulate(tooMuch, List.of(recipient)).get(10, TimeUnit.SECONDS);
        assertEquals(TransactionError.Kind.InstructionError, failed.error().kind());
        assertTrue(failed.logMessages().get(failed.logMessages().size() - 1).contains("failed"), failed.logMessages().toString());

        final Transaction fine = TransactionCodec.sign(MessageBuilder.compileLegacy(wallet.publicKey(), backend.latestBlockhash(),
            List.of(SystemInstruction.transfer(wallet.publicKey(), recipient, SOL))), wallet);
        final SimulationResult succeeded = backend.simulate(fine, List.of(recipient)).get(10, TimeUnit.SECONDS);
        assertNull(succeeded.error());
        assertEquals(SOL, succeeded.accounts().get(0).lamports(), "the account as the transaction would leave it");
        assertNull(backend.accounts(List.of(recipient)).get(10, TimeUnit.SECONDS).get(0), "nothing was committed");

        assertNull(backend.submit(fine));
        awaitRecord(fine.signature(0), "processed");
        assertEquals(TransactionError.Kind.AlreadyProcessed, backend.submit(fine).error().kind());
        assertEquals(SOL, backend.accounts(List.of(recipient)).get(10, TimeUnit.SECONDS).get(0).lamports());
    }

    @Test
    void programAccountsListsEveryAccountOfTheOwner() throws Exception {
        final Keypair wallet = Keypair.generate();
        awaitRecord(backend.requestAirdrop(wallet.publicKey(), SOL), "processed");
        final List<AccountSnapshot> systemAccounts = backend.programAccounts(Pubkey.SYSTEM_PROGRAM).get(10, TimeUnit.SECONDS);
        assertTrue(systemAccounts.stream().anyMatch(account -> account.key().equals(wallet.publicKey())));
        assertTrue(systemAccounts.stream().anyMatch(account -> account.key().equals(node.faucet().publicKey())));
    }

    @Test
    void slotsAdvanceAndOldBlockhashesStayValidFor150Slots() throws Exception {
        final long firstSlot = backend.slot();
        final var firstHash = backend.latestBlockhash();
        Thread.sleep(300);
        assertTrue(backend.slot() > firstSlot);
        assertTrue(backend.isBlockhashValid(firstHash));
        assertTrue(backend.blockHeight() > 0);
    }
}
