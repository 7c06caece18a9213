package io.lanes.examples.counter;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * A counter: an account owned by this program holding {@code count: u64} then
 * {@code authority: Pubkey} (40 bytes). Instructions (first data byte):
 * <ul>
 *   <li>{@code 0 Initialize}: accounts [counter (writable, owned by this program, 40 zero bytes),
 *       authority (signer)]; sets the authority, count 0;</li>
 *   <li>{@code 1 Increment}: accounts [counter (writable), authority (signer)]; adds
 *       the u64 that follows the tag (1 if absent).</li>
 * </ul>
 * Errors: {@code Custom(0)} wrong authority, {@code Custom(1)} overflow.
 */
public final class CounterProgram implements Program {
    public static final int ACCOUNT_BYTES = 40;
    public static final int WRONG_AUTHORITY = 0;
    public static final int OVERFLOW = 1;
    private static final int COUNT_OFFSET = 0;
    private static final int AUTHORITY_OFFSET = 8;

    @Override
    public void process(final InvokeContext context) {
        final DirectBuffer data = context.instructionData();
        if (data.capacity() < 1) {
            throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
        final AccountView counter = context.account(0);
        final AccountView authority = context.signer(1);
        if (!counter.isOwnedBy(context.programId()) || counter.dataLength() != ACCOUNT_BYTES) {
            throw ProgramError.of(InstructionError.Kind.InvalidAccountData);
        }
        switch (data.getByte(0)) {
            case 0 -> initialize(context, counter, authority);
            case 1 -> increment(context, counter, authority, data.capacity() >= 9 ? data.getLong(1, ByteOrder.LITTLE_ENDIAN) : 1);
            default -> throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
    }

    private static void initialize(final InvokeContext context, final AccountView counter, final AccountView authority) {
        final MutableDirectBuffer state = counter.data();
        for (int i = 0; i < ACCOUNT_BYTES; i++) {
            if (state.getByte(i) != 0) {
                throw ProgramError.of(InstructionError.Kind.AccountAlreadyInitialized);
            }
        }
        authority.key().copyTo(state, AUTHORITY_OFFSET);
        context.log("counter initialized");
    }

    private static void increment(final InvokeContext context, final AccountView counter, final AccountView authority, final long amount) {
        final MutableDirectBuffer state = counter.data();
        if (!authority.key().equalsBytesAt(state, AUTHORITY_OFFSET)) {
            throw ProgramError.custom(WRONG_AUTHORITY);
        }
        final long count = state.getLong(COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final long next = count + amount;
        if (Long.compareUnsigned(next, count) < 0) {
            throw ProgramError.custom(OVERFLOW);
        }
        state.putLong(COUNT_OFFSET, next, ByteOrder.LITTLE_ENDIAN);
        context.log("count " + Long.toUnsignedString(next));
    }

    /** The count stored in a counter account's data. */
    public static long count(final byte[] accountData) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (accountData[COUNT_OFFSET + i] & 0xFF);
        }
        return value;
    }

    /** The authority stored in a counter account's data. */
    public static Pubkey authority(final byte[] accountData) {
        return Pubkey.read(accountData, AUTHORITY_OFFSET);
    }
}
