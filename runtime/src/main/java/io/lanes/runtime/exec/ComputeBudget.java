package io.lanes.runtime.exec;

import io.lanes.programs.computebudget.ComputeBudgetProgram;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.CompiledInstruction;
import io.lanes.sdk.wire.Message;

import java.math.BigInteger;

/**
 * A transaction's compute budget and fee, read from its ComputeBudget instructions as Solana
 * does: 200,000 units per other instruction by default, at most 1,400,000; the price is in
 * micro-lamports per unit, and the priority fee is {@code ceil(price * limit / 1,000,000)}.
 * Reusable: {@link #read} overwrites every field.
 */
public final class ComputeBudget {
    public static final long DEFAULT_UNITS_PER_INSTRUCTION = 200_000;
    public static final long MAX_UNITS = 1_400_000;
    public static final long LAMPORTS_PER_SIGNATURE = 5_000;
    private static final long MICRO_LAMPORTS_PER_LAMPORT = 1_000_000;

    private long unitLimit;
    private long unitPrice;
    private long fee;

    /**
     * Reads the budget of the message.
     *
     * @return null, or the error that rejects the transaction (a malformed or repeated budget instruction)
     */
    public TransactionError read(final Message message) {
        boolean limitSet = false;
        boolean priceSet = false;
        long limit = 0;
        long price = 0;
        int otherInstructions = 0;
        for (int i = 0; i < message.instructionCount(); i++) {
            final CompiledInstruction instruction = message.instruction(i);
            if (!message.accountKey(instruction.programIdIndex()).equals(ComputeBudgetProgram.ID)) {
                otherInstructions++;
                continue;
            }
            final byte[] data = instruction.data();
            final int tag = data.length == 0 ? -1 : data[0] & 0xFF;
            if (tag == ComputeBudgetProgram.SET_COMPUTE_UNIT_LIMIT && data.length == 5 && !limitSet) {
                limit = readU32(data);
                limitSet = true;
            } else if (tag == ComputeBudgetProgram.SET_COMPUTE_UNIT_PRICE && data.length == 9 && !priceSet) {
                price = readU64(data);
                priceSet = true;
            } else if ((tag == ComputeBudgetProgram.REQUEST_HEAP_FRAME
                || tag == ComputeBudgetProgram.SET_LOADED_ACCOUNTS_DATA_SIZE_LIMIT) && data.length == 5) {
                continue;
            } else if (tag == ComputeBudgetProgram.SET_COMPUTE_UNIT_LIMIT || tag == ComputeBudgetProgram.SET_COMPUTE_UNIT_PRICE) {
                return (limitSet && tag == ComputeBudgetProgram.SET_COMPUTE_UNIT_LIMIT)
                    || (priceSet && tag == ComputeBudgetProgram.SET_COMPUTE_UNIT_PRICE)
                    ? TransactionError.of(TransactionError.Kind.DuplicateInstruction)
                    : TransactionError.instruction(i, InstructionError.of(InstructionError.Kind.InvalidInstructionData));
            } else {
                return TransactionError.instruction(i, InstructionError.of(InstructionError.Kind.InvalidInstructionData));
            }
        }
        unitLimit = Math.min(limitSet ? limit : DEFAULT_UNITS_PER_INSTRUCTION * otherInstructions, MAX_UNITS);
        unitPrice = price;
        fee = LAMPORTS_PER_SIGNATURE * message.header().numRequiredSignatures() + priorityFee(unitPrice, unitLimit);
        return null;
    }

    /** {@code ceil(price * units / 1,000,000)}, price read as unsigned; saturates at Long.MAX_VALUE. */
    static long priorityFee(final long microLamportsPerUnit, final long units) {
        if (microLamportsPerUnit == 0 || units == 0) {
            return 0;
        }
        if (microLamportsPerUnit > 0 && Math.multiplyHigh(microLamportsPerUnit, units) == 0) {
            final long product = microLamportsPerUnit * units;
            if (product > 0 && product <= Long.MAX_VALUE - MICRO_LAMPORTS_PER_LAMPORT) {
                return (product + MICRO_LAMPORTS_PER_LAMPORT - 1) / MICRO_LAMPORTS_PER_LAMPORT;
            }
        }
        final BigInteger price = new BigInteger(Long.toUnsignedString(microLamportsPerUnit));
        final BigInteger fee = price.multiply(BigInteger.valueOf(units))
            .add(BigInteger.valueOf(MICRO_LAMPORTS_PER_LAMPORT - 1))
            .divide(BigInteger.valueOf(MICRO_LAMPORTS_PER_LAMPORT));
        return fee.bitLength() > 63 ? Long.MAX_VALUE : fee.longValue();
    }

    private static long readU32(final byte[] data) {
        return (data[1] & 0xFFL) | (data[2] & 0xFFL) << 8 | (data[3] & 0xFFL) << 16 | (data[4] & 0xFFL) << 24;
    }

    private static long readU64(final byte[] data) {
        long value = 0;
        for (int i = 8; i >= 1; i--) {
            value = (value << 8) | (data[i] & 0xFF);
        }
        return value;
    }

    public long unitLimit() {
        return unitLimit;
    }

    /** Micro-lamports per compute unit: the transaction's priority. */
    public long unitPrice() {
        return unitPrice;
    }

    /** Base fee (5,000 per signature) plus priority fee, in lamports. */
    public long fee() {
        return fee;
    }
}
