package io.lanes.programs.token;

import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transfer, TransferChecked and MintTo allocate nothing once warm: they work on account data in place. */
class HotPathAllocationTest {
    private static final int WARM_UP_CALLS = 20_000;
    private static final int MEASURED_CALLS = 50_000;
    /** What reading the counter may cost; 50,000 calls allocating even 1 byte each exceed it. */
    private static final long MAX_ALLOCATED_BYTES = 1_024;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final TokenProgram program = new TokenProgram();
    private final Pubkey mint = Keypair.generate().publicKey();
    private final Pubkey owner = Keypair.generate().publicKey();

    @Test
    void transferAllocatesNothing() {
        final FakeInvokeContext context = new FakeInvokeContext(TokenProgram.ID);
        final FakeInvokeContext.FakeAccount source = context.add(Keypair.generate().publicKey(), false, true, TokenProgram.ID,
            TokenAccountLayout.encode(mint, owner, 10_000_000L, TokenAccountLayout.STATE_INITIALIZED));
        context.add(Keypair.generate().publicKey(), false, true, TokenProgram.ID,
            TokenAccountLayout.encode(mint, owner, 0, TokenAccountLayout.STATE_INITIALIZED));
        context.add(owner, true, false, Pubkey.SYSTEM_PROGRAM, new byte[0]);
        context.instruction(TokenInstruction.transfer(mint, mint, owner, 1).data());
        assertAllocationFree(context);
        assertEquals(10_000_000L - WARM_UP_CALLS - MEASURED_CALLS, TokenAccountLayout.amount(source.data()));
    }

    @Test
    void transferCheckedAllocatesNothing() {
        final FakeInvokeContext context = new FakeInvokeContext(TokenProgram.ID);
        context.add(Keypair.generate().publicKey(), false, true, TokenProgram.ID,
            TokenAccountLayout.encode(mint, owner, 10_000_000L, TokenAccountLayout.STATE_INITIALIZED));
        context.add(mint, false, false, TokenProgram.ID, MintLayout.encode(owner, 10_000_000L, 6, true, null));
        context.add(Keypair.generate().publicKey(), false, true, TokenProgram.ID,
            TokenAccountLayout.encode(mint, owner, 0, TokenAccountLayout.STATE_INITIALIZED));
        context.add(owner, true, false, Pubkey.SYSTEM_PROGRAM, new byte[0]);
        context.instruction(TokenInstruction.transferChecked(mint, mint, mint, owner, 1, 6).data());
        assertAllocationFree(context);
    }

    @Test
    void mintToAllocatesNothing() {
        final FakeInvokeContext context = new FakeInvokeContext(TokenProgram.ID);
        final FakeInvokeContext.FakeAccount mintAccount = context.add(mint, false, true, TokenProgram.ID,
            MintLayout.encode(owner, 0, 6, true, null));
        context.add(Keypair.generate().publicKey(), false, true, TokenProgram.ID,
            TokenAccountLayout.encode(mint, owner, 0, TokenAccountLayout.STATE_INITIALIZED));
        context.add(owner, true, false, Pubkey.SYSTEM_PROGRAM, new byte[0]);
        context.instruction(TokenInstruction.mintTo(mint, mint, owner, 1).data());
        assertAllocationFree(context);
        assertEquals(WARM_UP_CALLS + MEASURED_CALLS, MintLayout.supply(mintAccount.data()));
    }

    private void assertAllocationFree(final FakeInvokeContext context) {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            program.process(context);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_CALLS; i++) {
            program.process(context);
        }
        final long allocatedBytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocatedBytes <= MAX_ALLOCATED_BYTES, "allocated " + allocatedBytes + " bytes");
        assertEquals(WARM_UP_CALLS + MEASURED_CALLS, context.logCount(), "one 'Instruction: ...' line per call");
    }
}
