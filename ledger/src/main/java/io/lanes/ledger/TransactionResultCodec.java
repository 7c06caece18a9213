package io.lanes.ledger;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.TransactionError;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The compact binary form of a {@link TransactionResult}, as block records store it:
 *
 * <pre>
 *   u8      status: 0 = SUCCEEDED, else 1 + the transaction error's code (table below)
 *   varint  fee in lamports (unsigned LEB128, 1..10 bytes)
 *   varint  compute units
 *   then for InstructionError:        varint instruction index, u8 instruction error code,
 *                                     and for Custom: u32 little-endian custom code
 *        for InsufficientFundsForRent: varint account index
 * </pre>
 *
 * A successful transfer (fee 5000, 150 units) takes 5 bytes. The codes are frozen tables of
 * Solana's names, not enum ordinals, so reordering the SDK's enums cannot change the meaning of a
 * stored byte; a kind added to an SDK enum without a code here makes {@link #encode} fail and the
 * codec test fail.
 */
public final class TransactionResultCodec {
    /** Transaction error codes 0..: appending is allowed, never reordering. */
    private static final List<String> TRANSACTION_ERROR_CODES = List.of(
        "AccountInUse", "AccountLoadedTwice", "AccountNotFound", "ProgramAccountNotFound",
        "InsufficientFundsForFee", "InvalidAccountForFee", "AlreadyProcessed", "BlockhashNotFound",
        "InstructionError", "CallChainTooDeep", "MissingSignatureForFee", "InvalidAccountIndex",
        "SignatureFailure", "InvalidProgramForExecution", "SanitizeFailure", "UnsupportedVersion",
        "InvalidWritableAccount", "TooManyAccountLocks", "AddressLookupTableNotFound",
        "InsufficientFundsForRent", "DuplicateInstruction", "UnbalancedTransaction",
        "ProgramCacheHitMaxLimit");

    /** Instruction error codes 0..: Solana's declaration order; appending only. */
    private static final List<String> INSTRUCTION_ERROR_CODES = List.of(
        "GenericError", "InvalidArgument", "InvalidInstructionData", "InvalidAccountData",
        "AccountDataTooSmall", "InsufficientFunds", "IncorrectProgramId", "MissingRequiredSignature",
        "AccountAlreadyInitialized", "UninitializedAccount", "UnbalancedInstruction", "ModifiedProgramId",
        "ExternalAccountLamportSpend", "ExternalAccountDataModified", "ReadonlyLamportChange",
        "ReadonlyDataModified", "DuplicateAccountIndex", "ExecutableModified", "RentEpochModified",
        "NotEnoughAccountKeys", "AccountDataSizeChanged", "AccountNotExecutable", "AccountBorrowFailed",
        "AccountBorrowOutstanding", "DuplicateAccountOutOfSync", "Custom", "InvalidError",
        "ExecutableDataModified", "ExecutableLamportChange", "ExecutableAccountNotRentExempt",
        "UnsupportedProgramId", "CallDepth", "MissingAccount", "ReentrancyNotAllowed",
        "MaxSeedLengthExceeded", "InvalidSeeds", "InvalidRealloc", "ComputationalBudgetExceeded",
        "PrivilegeEscalation", "ProgramEnvironmentSetupFailure", "ProgramFailedToComplete",
        "ProgramFailedToCompile", "Immutable", "IncorrectAuthority", "BorshIoError", "AccountNotRentExempt",
        "InvalidAccountOwner", "ArithmeticOverflow", "UnsupportedSysvar", "IllegalOwner",
        "MaxAccountsDataAllocationsExceeded", "MaxAccountsExceeded", "MaxInstructionTraceLengthExceeded",
        "BuiltinProgramsMustConsumeComputeUnits");

    private static final int SUCCEEDED = 0;
    private static final int MAX_VARINT_BYTES = 10;
    private static final int MAX_U8 = 0xFF;

    private static final int[] TRANSACTION_CODE_OF = codesOf(TransactionError.Kind.values(), TRANSACTION_ERROR_CODES);
    private static final TransactionError.Kind[] TRANSACTION_KIND_OF = kindsOf(TransactionError.Kind.class, TRANSACTION_ERROR_CODES);
    private static final int[] INSTRUCTION_CODE_OF = codesOf(InstructionError.Kind.values(), INSTRUCTION_ERROR_CODES);
    private static final InstructionError.Kind[] INSTRUCTION_KIND_OF = kindsOf(InstructionError.Kind.class, INSTRUCTION_ERROR_CODES);

    private TransactionResultCodec() {
    }

    /** The stored code of a transaction error kind, or -1 if it has none yet. */
    public static int transactionErrorCode(final TransactionError.Kind kind) {
        return TRANSACTION_CODE_OF[kind.ordinal()];
    }

    /** The stored code of an instruction error kind, or -1 if it has none yet. */
    public static int instructionErrorCode(final InstructionError.Kind kind) {
        return INSTRUCTION_CODE_OF[kind.ordinal()];
    }

    /** Bytes {@link #encode(TransactionResult, ByteBuffer)} writes for this result. */
    public static int encodedLength(final TransactionResult result) {
        int length = 1 + varLongLength(result.feeLamports()) + varLongLength(result.computeUnits());
        final TransactionError error = result.error();
        if (error != null && error.kind() == TransactionError.Kind.InstructionError) {
            length += varLongLength(error.index()) + 1 + (error.instructionError().isCustom() ? Integer.BYTES : 0);
        } else if (error != null && error.kind() == TransactionError.Kind.InsufficientFundsForRent) {
            length += varLongLength(error.index());
        }
        return length;
    }

    /** Writes the result at the buffer's position (the buffer must be little-endian). */
    public static void encode(final TransactionResult result, final ByteBuffer buffer) {
        assert buffer.order() == ByteOrder.LITTLE_ENDIAN;
        final TransactionError error = result.error();
        buffer.put((byte) (error == null ? SUCCEEDED : 1 + codeOf(error.kind())));
        putVarLong(buffer, result.feeLamports());
        putVarLong(buffer, result.computeUnits());
        if (error == null) {
            return;
        }
        if (error.kind() == TransactionError.Kind.InstructionError) {
            putVarLong(buffer, error.index());
            final InstructionError instructionError = error.instructionError();
            buffer.put((byte) codeOf(instructionError.kind()));
            if (instructionError.isCustom()) {
                buffer.putInt(instructionError.customCode());
            }
        } else if (error.kind() == TransactionError.Kind.InsufficientFundsForRent) {
            putVarLong(buffer, error.index());
        }
    }

    public static byte[] encode(final TransactionResult result) {
        final ByteBuffer buffer = ByteBuffer.allocate(encodedLength(result)).order(ByteOrder.LITTLE_ENDIAN);
        encode(result, buffer);
        assert !buffer.hasRemaining();
        return buffer.array();
    }

    /**
     * Reads one result at the buffer's position (little-endian buffer).
     *
     * @throws LedgerFormatException if the bytes are truncated or hold an unknown code
     */
    public static TransactionResult decode(final ByteBuffer buffer) {
        assert buffer.order() == ByteOrder.LITTLE_ENDIAN;
        try {
            final int status = buffer.get() & MAX_U8;
            final long feeLamports = getVarLong(buffer);
            final long computeUnits = getVarLong(buffer);
            if (feeLamports < 0 || computeUnits < 0) {
                throw new LedgerFormatException("result fee or compute units above 2^63-1");
            }
            if (status == SUCCEEDED) {
                return TransactionResult.succeeded(feeLamports, computeUnits);
            }
            return TransactionResult.failed(decodeError(status - 1, buffer), feeLamports, computeUnits);
        } catch (final BufferUnderflowException truncated) {
            throw new LedgerFormatException("result truncated");
        }
    }

    /** Decodes exactly one result from the whole array. */
    public static TransactionResult decode(final byte[] bytes) {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final TransactionResult result = decode(buffer);
        if (buffer.hasRemaining()) {
            throw new LedgerFormatException(buffer.remaining() + " bytes after the result");
        }
        return result;
    }

    private static TransactionError decodeError(final int code, final ByteBuffer buffer) {
        if (code >= TRANSACTION_KIND_OF.length || TRANSACTION_KIND_OF[code] == null) {
            throw new LedgerFormatException("unknown transaction error code " + code);
        }
        final TransactionError.Kind kind = TRANSACTION_KIND_OF[code];
        switch (kind) {
            case InstructionError:
                final int instructionIndex = getIndex(buffer);
                return TransactionError.instruction(instructionIndex, decodeInstructionError(buffer));
            case InsufficientFundsForRent:
                return TransactionError.insufficientFundsForRent(getIndex(buffer));
            default:
                return TransactionError.of(kind);
        }
    }

    private static InstructionError decodeInstructionError(final ByteBuffer buffer) {
        final int code = buffer.get() & MAX_U8;
        if (code >= INSTRUCTION_KIND_OF.length || INSTRUCTION_KIND_OF[code] == null) {
            throw new LedgerFormatException("unknown instruction error code " + code);
        }
        final InstructionError.Kind kind = INSTRUCTION_KIND_OF[code];
        return kind == InstructionError.Kind.Custom ? InstructionError.custom(buffer.getInt()) : InstructionError.of(kind);
    }

    private static int getIndex(final ByteBuffer buffer) {
        final long index = getVarLong(buffer);
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw new LedgerFormatException("error index out of range: " + index);
        }
        return (int) index;
    }

    private static int codeOf(final TransactionError.Kind kind) {
        final int code = TRANSACTION_CODE_OF[kind.ordinal()];
        if (code < 0) {
            throw new IllegalArgumentException("transaction error " + kind + " has no ledger code: add it to the table");
        }
        return code;
    }

    private static int codeOf(final InstructionError.Kind kind) {
        final int code = INSTRUCTION_CODE_OF[kind.ordinal()];
        if (code < 0) {
            throw new IllegalArgumentException("instruction error " + kind + " has no ledger code: add it to the table");
        }
        return code;
    }

    /** Unsigned LEB128 of a non-negative value. */
    static void putVarLong(final ByteBuffer buffer, final long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint of a negative value: " + value);
        }
        long remaining = value;
        while (remaining >= 0x80) {
            buffer.put((byte) ((remaining & 0x7F) | 0x80));
            remaining >>>= 7;
        }
        buffer.put((byte) remaining);
    }

    static int varLongLength(final long value) {
        int length = 1;
        for (long remaining = value >>> 7; remaining != 0; remaining >>>= 7) {
            length++;
        }
        return length;
    }

    /** Reads an unsigned LEB128 value; rejects encodings longer than 10 bytes and non-canonical ones. */
    static long getVarLong(final ByteBuffer buffer) {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            final int element = buffer.get() & MAX_U8;
            if (i == MAX_VARINT_BYTES - 1 && element > 1) {
                throw new LedgerFormatException("varint above 2^64-1");
            }
            value |= (long) (element & 0x7F) << (7 * i);
            if ((element & 0x80) == 0) {
                if (element == 0 && i > 0) {
                    throw new LedgerFormatException("non-canonical varint");
                }
                return value;
            }
        }
        throw new LedgerFormatException("varint longer than " + MAX_VARINT_BYTES + " bytes");
    }

    private static <E extends Enum<E>> int[] codesOf(final E[] kinds, final List<String> table) {
        final int[] codes = new int[kinds.length];
        for (final E kind : kinds) {
            codes[kind.ordinal()] = table.indexOf(kind.name());
        }
        assert table.size() <= MAX_U8;
        return codes;
    }

    private static <E extends Enum<E>> E[] kindsOf(final Class<E> type, final List<String> table) {
        final E[] kinds = Arrays.copyOf(type.getEnumConstants(), table.size());
        for (int code = 0; code < table.size(); code++) {
            kinds[code] = find(type, table.get(code));
        }
        return kinds;
    }

    /** The enum value of that name, or null if the SDK no longer has it (its code then decodes as unknown). */
    private static <E extends Enum<E>> E find(final Class<E> type, final String name) {
        for (final E kind : type.getEnumConstants()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
