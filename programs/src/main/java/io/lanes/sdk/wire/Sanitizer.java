package io.lanes.sdk.wire;

import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.TransactionError.Kind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Solana's structural checks on a decoded transaction, before any account is loaded, in the order
 * a validator applies them. Failures are values ({@link SanitizeResult}), never exceptions:
 * <ol>
 *   <li>wire length at most 1232 ({@code SanitizeFailure}; Solana drops such a packet before it
 *       is a transaction, so it has no error of its own);</li>
 *   <li>the message rules of Solana's {@code Message::sanitize} / {@code v0::Message::sanitize}
 *       ({@code SanitizeFailure}): at least one signer (someone pays the fee),
 *       {@code numReadonlySignedAccounts < numRequiredSignatures} (the fee payer is writable),
 *       {@code numRequiredSignatures + numReadonlyUnsignedAccounts <= key count}, every program id
 *       index and account index in range, no program id at index 0 (the fee payer); for v0 every
 *       lookup loads at least one account, at most 256 keys in all, and program ids only among
 *       the static keys;</li>
 *   <li>{@code VersionedTransaction::sanitize_signatures} ({@code SanitizeFailure}): exactly
 *       {@code numRequiredSignatures} signatures;</li>
 *   <li>address table lookups: Lanes has no lookup-table accounts, so every non-empty lookup is
 *       answered as Solana answers a lookup of a table account that does not exist:
 *       {@code AddressLookupTableNotFound} (not {@code UnsupportedVersion}: v0 messages without
 *       lookups are supported);</li>
 *   <li>no key twice ({@code AccountLoadedTwice}, Solana's {@code validate_account_locks}).</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class Sanitizer {
    /** Most keys a v0 message may address, static and looked up together: indexes are one byte. */
    public static final int MAX_ACCOUNT_KEYS = 256;

    private Sanitizer() {
    }

    /** The first rule the transaction breaks, or {@link SanitizeResult#OK}. */
    public static SanitizeResult sanitize(final Transaction transaction) {
        final SanitizeResult length = checkWireLength(transaction);
        if (!length.isOk()) {
            return length;
        }
        final Message message = transaction.message();
        SanitizeResult result = sanitizeMessage(message);
        if (result.isOk()) {
            result = checkSignatureCount(transaction.signatureCount(), message);
        }
        if (result.isOk()) {
            result = checkNoLookups(message);
        }
        if (result.isOk()) {
            result = checkNoDuplicateKeys(message);
        }
        return result;
    }

    /** Solana's message rules alone (step 2 above). */
    public static SanitizeResult sanitizeMessage(final Message message) {
        final SanitizeResult header = checkHeader(message);
        if (!header.isOk()) {
            return header;
        }
        final SanitizeResult lookups = checkLookupSizes(message);
        if (!lookups.isOk()) {
            return lookups;
        }
        return checkInstructionIndexes(message);
    }

    /**
     * True if the transaction has exactly {@code numRequiredSignatures} signatures, no more than
     * its keys, and every signature {@code i} is valid for the message bytes under account key
     * {@code i}. Never throws.
     */
    public static boolean verifySignatures(final Transaction transaction) {
        final Message message = transaction.message();
        final int count = transaction.signatureCount();
        if (count != message.header().numRequiredSignatures() || count > message.accountKeyCount()) {
            return false;
        }
        final byte[] bytes = message.serialized() != null ? message.serialized() : encodedOrNull(message);
        if (bytes == null) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!Keypair.verify(message.accountKey(i), bytes, 0, bytes.length, transaction.signature(i))) {
                return false;
            }
        }
        return true;
    }

    private static SanitizeResult checkWireLength(final Transaction transaction) {
        if (transaction.wire() == null) {
            try {
                TransactionCodec.encode(transaction);
            } catch (final WireFormatException unencodable) {
                return sanitizeFailure(unencodable.getMessage());
            }
            return SanitizeResult.OK;
        }
        final int wireLength = transaction.wire().length;
        if (wireLength > Transaction.MAX_WIRE_LENGTH) {
            return sanitizeFailure("transaction is " + wireLength + " bytes, the most is " + Transaction.MAX_WIRE_LENGTH);
        }
        return SanitizeResult.OK;
    }

    private static SanitizeResult checkHeader(final Message message) {
        final MessageHeader header = message.header();
        final int keyCount = message.accountKeyCount();
        if (header.numRequiredSignatures() + header.numReadonlyUnsignedAccounts() > keyCount) {
            return sanitizeFailure("header describes " + header.numRequiredSignatures() + " signers and "
                + header.numReadonlyUnsignedAccounts() + " read-only non-signers but there are only "
                + keyCount + " account keys");
        }
        if (header.numRequiredSignatures() == 0) {
            return sanitizeFailure("no required signatures: nobody pays the fee");
        }
        if (header.numReadonlySignedAccounts() >= header.numRequiredSignatures()) {
            return sanitizeFailure("all " + header.numRequiredSignatures() + " signers are read-only "
                + "(numReadonlySignedAccounts " + header.numReadonlySignedAccounts() + "): the fee payer must be writable");
        }
        return SanitizeResult.OK;
    }

    private static SanitizeResult checkLookupSizes(final Message message) {
        int lookedUp = 0;
        final List<AddressTableLookup> lookups = message.addressTableLookups();
        for (int i = 0; i < lookups.size(); i++) {
            final int indexes = lookups.get(i).writableIndexes().length + lookups.get(i).readonlyIndexes().length;
            if (indexes == 0) {
                return sanitizeFailure("address table lookup " + i + " loads no account");
            }
            lookedUp += indexes;
        }
        if (message.accountKeyCount() + lookedUp > MAX_ACCOUNT_KEYS) {
            return sanitizeFailure(message.accountKeyCount() + " static and " + lookedUp
                + " looked-up account keys exceed " + MAX_ACCOUNT_KEYS);
        }
        return SanitizeResult.OK;
    }

    private static SanitizeResult checkInstructionIndexes(final Message message) {
        final int staticKeys = message.accountKeyCount();
        final int allKeys = staticKeys + lookedUpKeyCount(message);
        for (int i = 0; i < message.instructionCount(); i++) {
            final CompiledInstruction instruction = message.instruction(i);
            if (instruction.programIdIndex() >= staticKeys) {
                return sanitizeFailure("program id index " + instruction.programIdIndex() + " of instruction " + i
                    + " is out of range: " + staticKeys + " static account keys");
            }
            if (instruction.programIdIndex() == 0) {
                return sanitizeFailure("program id of instruction " + i + " is account 0, the fee payer");
            }
            for (int position = 0; position < instruction.accountCount(); position++) {
                if (instruction.accountIndex(position) >= allKeys) {
                    return sanitizeFailure("account index " + instruction.accountIndex(position) + " at position "
                        + position + " of instruction " + i + " is out of range: " + allKeys + " account keys");
                }
            }
        }
        return SanitizeResult.OK;
    }

    private static SanitizeResult checkSignatureCount(final int signatures, final Message message) {
        final int required = message.header().numRequiredSignatures();
        if (signatures != required) {
            return sanitizeFailure(signatures + " signatures but the header requires " + required);
        }
        return SanitizeResult.OK;
    }

    private static SanitizeResult checkNoLookups(final Message message) {
        if (message.addressTableLookups().isEmpty()) {
            return SanitizeResult.OK;
        }
        return SanitizeResult.failure(Kind.AddressLookupTableNotFound,
            "address lookup tables not supported: the message uses table "
                + message.addressTableLookups().get(0).tableKey());
    }

    private static SanitizeResult checkNoDuplicateKeys(final Message message) {
        final Set<Pubkey> seen = new HashSet<>();
        for (int i = 0; i < message.accountKeyCount(); i++) {
            if (!seen.add(message.accountKey(i))) {
                return SanitizeResult.failure(Kind.AccountLoadedTwice,
                    "account key " + message.accountKey(i) + " appears twice (again at index " + i + ")");
            }
        }
        return SanitizeResult.OK;
    }

    private static int lookedUpKeyCount(final Message message) {
        int count = 0;
        for (final AddressTableLookup lookup : message.addressTableLookups()) {
            count += lookup.writableIndexes().length + lookup.readonlyIndexes().length;
        }
        return count;
    }

    private static byte[] encodedOrNull(final Message message) {
        try {
            return TransactionCodec.encodeMessage(message);
        } catch (final WireFormatException unencodable) {
            return null;
        }
    }

    private static SanitizeResult sanitizeFailure(final String reason) {
        return SanitizeResult.failure(Kind.SanitizeFailure, reason);
    }
}
