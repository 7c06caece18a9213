package io.lanes.ledger;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.TransactionError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionResultCodecTest {
    private static final long[] FEES = {0, 1, 127, 128, 5000, 1L << 35, Long.MAX_VALUE};
    private static final int[] CUSTOM_CODES = {0, 1, 63, 64, 0x1770, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};

    /** Every transaction error kind, InstructionError with every instruction error kind and several Custom codes. */
    static List<TransactionError> everyError() {
        final List<TransactionError> errors = new ArrayList<>();
        for (final TransactionError.Kind kind : TransactionError.Kind.values()) {
            if (kind == TransactionError.Kind.InstructionError) {
                for (final InstructionError.Kind instructionKind : InstructionError.Kind.values()) {
                    if (instructionKind == InstructionError.Kind.Custom) {
                        for (final int code : CUSTOM_CODES) {
                            errors.add(TransactionError.instruction(3, InstructionError.custom(code)));
                        }
                    } else {
                        errors.add(TransactionError.instruction(0, InstructionError.of(instructionKind)));
                        errors.add(TransactionError.instruction(255, InstructionError.of(instructionKind)));
                    }
                }
            } else if (kind == TransactionError.Kind.InsufficientFundsForRent) {
                errors.add(TransactionError.insufficientFundsForRent(0));
                errors.add(TransactionError.insufficientFundsForRent(200));
            } else {
                errors.add(TransactionError.of(kind));
            }
        }
        return errors;
    }

    @Test
    void everyErrorKindRoundTripsWithEveryFeeSize() {
        int checked = 0;
        for (final TransactionError error : everyError()) {
            for (final long fee : FEES) {
                final TransactionResult result = TransactionResult.failed(error, fee, fee / 3);
                final byte[] bytes = TransactionResultCodec.encode(result);
                assertEquals(TransactionResultCodec.encodedLength(result), bytes.length);
                final TransactionResult decoded = TransactionResultCodec.decode(bytes);
                assertEquals(result, decoded, () -> error.toString());
                assertEquals(error.toJson(), decoded.error().toJson());
                checked++;
            }
        }
        assertTrue(checked > 100 * FEES.length, "checked " + checked);
        for (final long fee : FEES) {
            final TransactionResult success = TransactionResult.succeeded(fee, Long.MAX_VALUE - fee);
            assertEquals(success, TransactionResultCodec.decode(TransactionResultCodec.encode(success)));
        }
    }

    @Test
    void everySdkKindHasAFrozenCode() {
        for (final TransactionError.Kind kind : TransactionError.Kind.values()) {
            assertTrue(TransactionResultCodec.transactionErrorCode(kind) >= 0, kind + " needs a ledger code");
        }
        for (final InstructionError.Kind kind : InstructionError.Kind.values()) {
            assertTrue(TransactionResultCodec.instructionErrorCode(kind) >= 0, kind + " needs a ledger code");
        }
        assertEquals(8, TransactionResultCodec.transactionErrorCode(TransactionError.Kind.InstructionError));
        assertEquals(25, TransactionResultCodec.instructionErrorCode(InstructionError.Kind.Custom));
    }

    /** The stored codes, pinned here on purpose: changing one would change what old records mean. */
    @Test
    void codesAreFrozen() {
        final String transactionCodes = "AccountInUse AccountLoadedTwice AccountNotFound ProgramAccountNotFound "
            + "InsufficientFundsForFee InvalidAccountForFee AlreadyProcessed BlockhashNotFound InstructionError "
            + "CallChainTooDeep MissingSignatureForFee InvalidAccountIndex SignatureFailure InvalidProgramForExecution "
            + "SanitizeFailure UnsupportedVersion InvalidWritableAccount TooManyAccountLocks AddressLookupTableNotFound "
            + "InsufficientFundsForRent DuplicateInstruction UnbalancedTransaction ProgramCacheHitMaxLimit";
        final String[] names = transactionCodes.split(" ");
        for (int code = 0; code < names.length; code++) {
            assertEquals(code, TransactionResultCodec.transactionErrorCode(TransactionError.Kind.valueOf(names[code])), names[code]);
        }
        final String[] instructionNames = ("GenericError InvalidArgument InvalidInstructionData InvalidAccountData "
            + "AccountDataTooSmall InsufficientFunds IncorrectProgramId MissingRequiredSignature AccountAlreadyInitialized "
            + "UninitializedAccount UnbalancedInstruction ModifiedProgramId ExternalAccountLamportSpend "
            + "ExternalAccountDataModified ReadonlyLamportChange ReadonlyDataModified DuplicateAccountIndex "
            + "ExecutableModified RentEpochModified NotEnoughAccountKeys AccountDataSizeChanged AccountNotExecutable "
            + "AccountBorrowFailed AccountBorrowOutstanding DuplicateAccountOutOfSync Custom InvalidError "
            + "ExecutableDataModified ExecutableLamportChange ExecutableAccountNotRentExempt UnsupportedProgramId "
            + "CallDepth MissingAccount ReentrancyNotAllowed MaxSeedLengthExceeded InvalidSeeds InvalidRealloc "
            + "ComputationalBudgetExceeded PrivilegeEscalation ProgramEnvironmentSetupFailure ProgramFailedToComplete "
            + "ProgramFailedToCompile Immutable IncorrectAuthority BorshIoError AccountNotRentExempt InvalidAccountOwner "
            + "ArithmeticOverflow UnsupportedSysvar IllegalOwner MaxAccountsDataAllocationsExceeded MaxAccountsExceeded "
            + "MaxInstructionTraceLengthExceeded BuiltinProgramsMustConsumeComputeUnits").split(" ");
        for (int code = 0; code < instructionNames.length; code++) {
            assertEquals(code, TransactionResultCodec.instructionErrorCode(InstructionError.Kind.valueOf(instructionNames[code])),
                instructionNames[code]);
        }
    }

    /** Golden bytes (5000 = LEB128 88 27, 150 = 96 01, 200 = c8 01): the stored format must not change silently. */
    @Test
    void knownEncodings() {
        final HexFormat hex = HexFormat.of();
        assertEquals("0088279601", hex.formatHex(TransactionResultCodec.encode(TransactionResult.succeeded(5000, 150))));
        assertEquals("08882700", hex.formatHex(TransactionResultCodec.encode(
            TransactionResult.failed(TransactionError.of(TransactionError.Kind.BlockhashNotFound), 5000, 0))));
        assertEquals("098827c801021901000000", hex.formatHex(TransactionResultCodec.encode(
            TransactionResult.failed(TransactionError.instruction(2, InstructionError.custom(1)), 5000, 200))));
        assertEquals("098827c8010205", hex.formatHex(TransactionResultCodec.encode(
            TransactionResult.failed(TransactionError.instruction(2, InstructionError.of(InstructionError.Kind.InsufficientFunds)), 5000, 200))));
        assertEquals("14000107", hex.formatHex(TransactionResultCodec.encode(
            TransactionResult.failed(TransactionError.insufficientFundsForRent(7), 0, 1))));
    }

    @Test
    void malformedBytesFailWithFormatException() {
        final byte[] valid = TransactionResultCodec.encode(
            TransactionResult.failed(TransactionError.instruction(2, InstructionError.custom(77)), 5000, 200));
        for (int length = 0; length < valid.length; length++) {
            final byte[] truncated = java.util.Arrays.copyOf(valid, length);
            assertThrows(LedgerFormatException.class, () -> TransactionResultCodec.decode(truncated), "length " + length);
        }
        final byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 1);
        assertThrows(LedgerFormatException.class, () -> TransactionResultCodec.decode(trailing));
        assertThrows(LedgerFormatException.class, () -> TransactionResultCodec.decode(new byte[] {(byte) 200, 0, 0}));
        assertThrows(LedgerFormatException.class, () -> TransactionResultCodec.decode(new byte[] {9, 0, 0, 0, (byte) 250}));
        assertThrows(LedgerFormatException.class, () -> TransactionResultCodec.decode(new byte[] {0, (byte) 0x80, 0, 0}));
        final byte[] tooLong = {0, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1, 0};
        assertThrows(LedgerFormatException.class, () -> TransactionResultCodec.decode(tooLong));
    }

    @Property(tries = 500)
    void randomResultsRoundTrip(@ForAll final long seed,
                                @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long fee) {
        final Random random = new Random(seed);
        final TransactionResult result = random.nextBoolean()
            ? TransactionResult.succeeded(fee, random.nextInt(1_400_001))
            : TransactionResult.failed(TestChain.randomError(random), fee, random.nextInt(1_400_001));
        final byte[] bytes = TransactionResultCodec.encode(result);
        assertEquals(result, TransactionResultCodec.decode(bytes));
        assertArrayEquals(bytes, TransactionResultCodec.encode(TransactionResultCodec.decode(bytes)));
    }
}
