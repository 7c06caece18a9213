package io.lanes.runtime.exec;

import io.lanes.runtime.store.AccountBuffer;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.Rent;

/**
 * Solana's rules for what a program may do to an account during one call, checked by comparing
 * the account before and after. The runtime checks these; it never trusts a program to.
 *
 * <ul>
 *   <li>only the owner may change the owner, and only of a writable, non-executable account
 *       whose data is all zero ({@code ModifiedProgramId});</li>
 *   <li>a read-only account's lamports and data never change ({@code ReadonlyLamportChange},
 *       {@code ReadonlyDataModified});</li>
 *   <li>only the owner may debit lamports ({@code ExternalAccountLamportSpend}), change the data
 *       ({@code ExternalAccountDataModified}) or its size ({@code AccountDataSizeChanged});</li>
 *   <li>executable accounts never change ({@code ExecutableLamportChange},
 *       {@code ExecutableDataModified}, {@code ExecutableModified});</li>
 *   <li>the rent epoch never changes ({@code RentEpochModified});</li>
 *   <li>data grows by at most 10 KiB per call ({@code InvalidRealloc}).</li>
 * </ul>
 * The caller also checks that the call's lamports sum is unchanged, and the executor checks rent
 * at the end of the transaction ({@link #rentStateAllowed}).
 */
final class AccountRules {
    private AccountRules() {
    }

    /** @return null if the change from {@code before} to {@code after} by {@code program} is allowed */
    static InstructionError verify(
        final Pubkey program, final AccountBuffer before, final AccountBuffer after, final boolean writable) {
        final boolean ownedByProgram = before.owner().equals(program);
        if (!before.owner().equals(after.owner())
            && (!writable || before.executable() || !ownedByProgram || !isZeroed(after))) {
            return error(InstructionError.Kind.ModifiedProgramId);
        }
        if (before.lamports() != after.lamports()) {
            if (!writable) {
                return error(InstructionError.Kind.ReadonlyLamportChange);
            }
            if (before.executable()) {
                return error(InstructionError.Kind.ExecutableLamportChange);
            }
            if (after.lamports() < before.lamports() && !ownedByProgram) {
                return error(InstructionError.Kind.ExternalAccountLamportSpend);
            }
        }
        final boolean sizeChanged = before.dataLength() != after.dataLength();
        if (sizeChanged && !(writable && ownedByProgram)) {
            return error(InstructionError.Kind.AccountDataSizeChanged);
        }
        if (!before.sameData(after)) {
            if (!writable) {
                return error(InstructionError.Kind.ReadonlyDataModified);
            }
            if (!ownedByProgram) {
                return error(InstructionError.Kind.ExternalAccountDataModified);
            }
            if (before.executable()) {
                return error(InstructionError.Kind.ExecutableDataModified);
            }
        }
        if (before.executable() != after.executable()) {
            return error(InstructionError.Kind.ExecutableModified);
        }
        if (before.rentEpoch() != after.rentEpoch()) {
            return error(InstructionError.Kind.RentEpochModified);
        }
        if (after.dataLength() - before.dataLength() > AccountView.MAX_DATA_GROWTH_PER_INSTRUCTION) {
            return error(InstructionError.Kind.InvalidRealloc);
        }
        return null;
    }

    /**
     * Solana's rent-state transition rule for a writable account over a whole transaction: it
     * must end empty (0 lamports) or rent exempt, unless it was already below the exemption
     * before, keeps its size and does not gain lamports.
     */
    static boolean rentStateAllowed(
        final long lamportsBefore, final int dataLengthBefore, final long lamportsAfter, final int dataLengthAfter) {
        if (lamportsAfter == 0 || Rent.isExempt(lamportsAfter, dataLengthAfter)) {
            return true;
        }
        final boolean wasRentPaying = lamportsBefore > 0 && !Rent.isExempt(lamportsBefore, dataLengthBefore);
        return wasRentPaying && dataLengthBefore == dataLengthAfter && lamportsAfter <= lamportsBefore;
    }

    private static boolean isZeroed(final AccountBuffer account) {
        final int length = account.dataLength();
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (account.data().getLong(i) != 0) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (account.data().getByte(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static InstructionError error(final InstructionError.Kind kind) {
        return InstructionError.of(kind);
    }
}
