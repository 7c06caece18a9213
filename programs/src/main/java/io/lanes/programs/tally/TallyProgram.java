package io.lanes.programs.tally;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A counter account: 8 bytes, an unsigned little-endian u64, owned by this program (create it
 * with the System program's CreateAccount, space {@link #COUNTER_BYTES}, owner {@link #ID}; it
 * starts at 0).
 *
 * <p>One instruction, {@code Add} (tag 0, then the amount as u64), with one account, the counter:
 * <ul>
 *   <li>writable: the counter is increased now ({@code ArithmeticOverflow} past 2^64 - 1);</li>
 *   <li>read-only: the amount is added commutatively when the block ends (see
 *       {@link InvokeContext#addCommutative} for the limits).</li>
 * </ul>
 * Stateless.
 */
public final class TallyProgram implements Program {
    public static final Pubkey ID = Pubkey.wrap(Hash.sha256("lanes-tally".getBytes(StandardCharsets.US_ASCII)).toBytes());
    /** Units the runtime charges per call (register with this). */
    public static final long BASE_COMPUTE_UNITS = 300;
    public static final int COUNTER_BYTES = 8;
    static final int ADD = 0;

    /** Adds {@code amount} to the counter: directly if {@code commutative} is false (the counter is passed writable). */
    public static Instruction add(final Pubkey counter, final long amount, final boolean commutative) {
        final byte[] data = ByteBuffer.allocate(1 + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).put((byte) ADD).putLong(amount).array();
        return new Instruction(ID, List.of(commutative ? AccountMeta.readOnly(counter, false) : AccountMeta.writable(counter, false)), data);
    }

    /** The counter's value in account data. */
    public static long counter(final byte[] data) {
        return ByteBuffer.wrap(data, 0, COUNTER_BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    public void process(final InvokeContext context) {
        final DirectBuffer data = context.instructionData();
        if (data.capacity() != 1 + Long.BYTES || data.getByte(0) != ADD) {
            throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
        final long amount = data.getLong(1, ByteOrder.LITTLE_ENDIAN);
        final AccountView counter = context.account(0);
        if (!counter.isWritable()) {
            context.addCommutative(0, amount);
            return;
        }
        if (!counter.isOwnedBy(ID)) {
            throw ProgramError.of(InstructionError.Kind.IncorrectProgramId);
        }
        if (counter.dataLength() < COUNTER_BYTES) {
            throw ProgramError.of(InstructionError.Kind.AccountDataTooSmall);
        }
        final long value = counter.data().getLong(0, ByteOrder.LITTLE_ENDIAN);
        if (Long.compareUnsigned(value + amount, value) < 0) {
            throw ProgramError.of(InstructionError.Kind.ArithmeticOverflow);
        }
        counter.data().putLong(0, value + amount, ByteOrder.LITTLE_ENDIAN);
    }
}
