package io.lanes.programs.token;

import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

/**
 * SPL Token's {@code validate_owner}: the authority account must be the expected key, and either
 * sign, or be a token-program-owned multisig whose {@code m} of {@code n} signers sign among the
 * instruction's remaining accounts. Allocates nothing.
 */
final class Authority {
    private Authority() {
    }

    /**
     * @param expected       buffer holding the expected authority key
     * @param expectedOffset where the key lies in {@code expected}
     * @param authority      the account that claims the authority
     * @param firstSigner    index of the first multisig signer account in the instruction
     */
    static void validate(
        final InvokeContext context, final DirectBuffer expected, final int expectedOffset,
        final AccountView authority, final int firstSigner) {
        if (!authority.key().equalsBytesAt(expected, expectedOffset)) {
            throw TokenError.OwnerMismatch.exception();
        }
        if (authority.isOwnedBy(TokenProgram.ID) && authority.dataLength() == MultisigLayout.LENGTH) {
            validateMultisig(context, TokenState.multisig(authority), firstSigner);
        } else if (!authority.isSigner()) {
            throw missingSignature();
        }
    }

    /** Counts distinct multisig positions matched by signing accounts; an unsigned match fails. */
    private static void validateMultisig(final InvokeContext context, final DirectBuffer multisig, final int firstSigner) {
        final int signerCount = Math.min(MultisigLayout.signerCount(multisig), MultisigLayout.MAX_SIGNERS);
        int matchedPositions = 0;
        int matchedCount = 0;
        for (int index = firstSigner; index < context.accountCount(); index++) {
            final AccountView signer = context.account(index);
            for (int position = 0; position < signerCount; position++) {
                final int bit = 1 << position;
                if ((matchedPositions & bit) == 0
                    && signer.key().equalsBytesAt(multisig, MultisigLayout.signerOffset(position))) {
                    if (!signer.isSigner()) {
                        throw missingSignature();
                    }
                    matchedPositions |= bit;
                    matchedCount++;
                }
            }
        }
        if (matchedCount < MultisigLayout.requiredSigners(multisig)) {
            throw missingSignature();
        }
    }

    private static ProgramError missingSignature() {
        return ProgramError.of(InstructionError.Kind.MissingRequiredSignature);
    }
}
