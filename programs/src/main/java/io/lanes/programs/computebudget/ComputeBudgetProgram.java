package io.lanes.programs.computebudget;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The ComputeBudget program ({@code ComputeBudget111111111111111111111111111111}). Its
 * instructions are read before execution, when the runtime sizes the transaction's budget and
 * fee (see the runtime's compute budget parser); executing them does nothing.
 * Borsh encoding: a u8 tag, then little-endian fields.
 */
public final class ComputeBudgetProgram implements Program {
    public static final Pubkey ID = Pubkey.fromBase58("ComputeBudget111111111111111111111111111111");
    public static final int REQUEST_HEAP_FRAME = 1;
    public static final int SET_COMPUTE_UNIT_LIMIT = 2;
    public static final int SET_COMPUTE_UNIT_PRICE = 3;
    public static final int SET_LOADED_ACCOUNTS_DATA_SIZE_LIMIT = 4;

    @Override
    public void process(final InvokeContext context) {
        // Already applied at admission.
    }

    public static Instruction setComputeUnitLimit(final int units) {
        final ByteBuffer data = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN);
        data.put((byte) SET_COMPUTE_UNIT_LIMIT).putInt(units);
        return new Instruction(ID, List.<AccountMeta>of(), data.array());
    }

    /** @param microLamportsPerUnit the priority price, in micro-lamports per compute unit */
    public static Instruction setComputeUnitPrice(final long microLamportsPerUnit) {
        final ByteBuffer data = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
        data.put((byte) SET_COMPUTE_UNIT_PRICE).putLong(microLamportsPerUnit);
        return new Instruction(ID, List.<AccountMeta>of(), data.array());
    }
}
