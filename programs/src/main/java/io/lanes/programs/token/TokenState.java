package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * SPL Token's {@code unpack} rules over account views: the data buffer of a well-formed state, or
 * the error SPL Token returns ({@code InvalidAccountData} for a wrong length or malformed bytes,
 * {@code UninitializedAccount} for an uninitialized state). Allocates nothing on success.
 */
final class TokenState {
    private TokenState() {
    }

    /** {@code Account::unpack}: an initialized token account. */
    static MutableDirectBuffer account(final AccountView view) {
        final MutableDirectBuffer data = view.data();
        return initialized(data, TokenAccountLayout.check(data, view.dataLength()));
    }

    /** {@code Account::unpack_unchecked}: a well-formed token account, initialized or not. */
    static MutableDirectBuffer accountUnchecked(final AccountView view) {
        final MutableDirectBuffer data = view.data();
        return wellFormed(data, TokenAccountLayout.check(data, view.dataLength()));
    }

    /** {@code Mint::unpack}: an initialized mint. */
    static MutableDirectBuffer mint(final AccountView view) {
        final MutableDirectBuffer data = view.data();
        return initialized(data, MintLayout.check(data, view.dataLength()));
    }

    /** {@code Mint::unpack_unchecked}. */
    static MutableDirectBuffer mintUnchecked(final AccountView view) {
        final MutableDirectBuffer data = view.data();
        return wellFormed(data, MintLayout.check(data, view.dataLength()));
    }

    /** {@code Multisig::unpack}. */
    static MutableDirectBuffer multisig(final AccountView view) {
        final MutableDirectBuffer data = view.data();
        return initialized(data, MultisigLayout.check(data, view.dataLength()));
    }

    /** {@code Multisig::unpack_unchecked}. */
    static MutableDirectBuffer multisigUnchecked(final AccountView view) {
        final MutableDirectBuffer data = view.data();
        return wellFormed(data, MultisigLayout.check(data, view.dataLength()));
    }

    /** {@code check_account_owner}: {@code IncorrectProgramId} unless the token program owns it. */
    static void requireOwnedByTokenProgram(final AccountView view) {
        if (!view.isOwnedBy(TokenProgram.ID)) {
            throw ProgramError.of(InstructionError.Kind.IncorrectProgramId);
        }
    }

    /** SPL Token's {@code is_owned_by_system_program_or_incinerator} on the account's owner field. */
    static boolean ownedBySystemOrIncinerator(final MutableDirectBuffer account) {
        return TokenAccountLayout.hasOwner(account, Pubkey.SYSTEM_PROGRAM)
            || TokenAccountLayout.hasOwner(account, TokenProgram.INCINERATOR);
    }

    /** True if the 32-byte keys at the two places are equal (compared as four longs, no copy). */
    static boolean sameKey(final DirectBuffer left, final int leftOffset, final DirectBuffer right, final int rightOffset) {
        for (int i = 0; i < Pubkey.LENGTH; i += 8) {
            if (left.getLong(leftOffset + i) != right.getLong(rightOffset + i)) {
                return false;
            }
        }
        return true;
    }

    /** Unsigned {@code checked_add}; {@code Custom(Overflow)} past 2^64 - 1. */
    static long checkedAdd(final long left, final long right) {
        final long sum = left + right;
        if (Long.compareUnsigned(sum, left) < 0) {
            throw TokenError.Overflow.exception();
        }
        return sum;
    }

    /** Unsigned {@code checked_sub}; {@code Custom(Overflow)} below zero. */
    static long checkedSub(final long left, final long right) {
        if (Long.compareUnsigned(left, right) < 0) {
            throw TokenError.Overflow.exception();
        }
        return left - right;
    }

    /** Unsigned {@code left < right}. */
    static boolean lessThan(final long left, final long right) {
        return Long.compareUnsigned(left, right) < 0;
    }

    private static MutableDirectBuffer initialized(final MutableDirectBuffer data, final int status) {
        if (status == LayoutChecks.UNINITIALIZED) {
            throw ProgramError.of(InstructionError.Kind.UninitializedAccount);
        }
        return wellFormed(data, status);
    }

    private static MutableDirectBuffer wellFormed(final MutableDirectBuffer data, final int status) {
        if (status == LayoutChecks.MALFORMED) {
            throw ProgramError.of(InstructionError.Kind.InvalidAccountData);
        }
        return data;
    }
}
