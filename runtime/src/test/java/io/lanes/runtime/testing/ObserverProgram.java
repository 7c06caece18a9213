package io.lanes.runtime.testing;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramError;

import java.nio.ByteOrder;

/**
 * A test program whose result depends on what it reads: it writes, into the data of its first
 * (writable, owned) account, the lamports of every other (read-only) account it is given and
 * their sum. A reader that saw a half-written or out-of-order state would record different
 * numbers, so parallel and sequential runs would end with different state hashes.
 * Data byte 0 = 1 makes it fail on purpose after writing.
 */
public final class ObserverProgram implements Program {
    public static final Pubkey ID = Pubkey.wrap(io.lanes.sdk.Hash.sha256("lanes-test-observer".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toBytes());
    public static final int RECORD_BYTES = 8 * 9;

    @Override
    public void process(final InvokeContext context) {
        final AccountView record = context.account(0);
        if (record.dataLength() < RECORD_BYTES) {
            throw ProgramError.of(InstructionError.Kind.AccountDataTooSmall);
        }
        long sum = 0;
        for (int i = 1; i < context.accountCount() && i < 8; i++) {
            final long lamports = context.account(i).lamports();
            record.data().putLong(8 * i, lamports, ByteOrder.LITTLE_ENDIAN);
            sum += lamports;
        }
        record.data().putLong(0, sum, ByteOrder.LITTLE_ENDIAN);
        if (context.instructionData().capacity() > 0 && context.instructionData().getByte(0) == 1) {
            throw ProgramError.custom(7);
        }
    }
}
