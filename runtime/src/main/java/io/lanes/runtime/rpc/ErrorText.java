package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.lanes.sdk.program.TransactionError;

import java.util.EnumMap;
import java.util.Map;

/**
 * Solana's display texts of transaction errors (what follows "Transaction simulation failed: ")
 * and their JSON form.
 */
final class ErrorText {
    private static final Map<TransactionError.Kind, String> TEXTS = new EnumMap<>(TransactionError.Kind.class);

    static {
        put(TransactionError.Kind.AccountInUse, "Account in use");
        put(TransactionError.Kind.AccountLoadedTwice, "Account loaded twice");
        put(TransactionError.Kind.AccountNotFound, "Attempt to debit an account but found no record of a prior credit.");
        put(TransactionError.Kind.ProgramAccountNotFound, "Attempt to load a program that does not exist");
        put(TransactionError.Kind.InsufficientFundsForFee, "Insufficient funds for fee");
        put(TransactionError.Kind.InvalidAccountForFee, "This account may not be used to pay transaction fees");
        put(TransactionError.Kind.AlreadyProcessed, "This transaction has already been processed");
        put(TransactionError.Kind.BlockhashNotFound, "Blockhash not found");
        put(TransactionError.Kind.CallChainTooDeep, "Loader call chain is too deep");
        put(TransactionError.Kind.MissingSignatureForFee, "Transaction requires a fee but has no signature present");
        put(TransactionError.Kind.InvalidAccountIndex, "Transaction contains an invalid account reference");
        put(TransactionError.Kind.SignatureFailure, "Transaction did not pass signature verification");
        put(TransactionError.Kind.InvalidProgramForExecution, "This program may not be used for executing instructions");
        put(TransactionError.Kind.SanitizeFailure, "Transaction failed to sanitize accounts offsets correctly");
        put(TransactionError.Kind.UnsupportedVersion, "Transaction version is unsupported");
        put(TransactionError.Kind.InvalidWritableAccount, "Transaction loads a writable account that cannot be written");
        put(TransactionError.Kind.TooManyAccountLocks, "Transaction locked too many accounts");
        put(TransactionError.Kind.AddressLookupTableNotFound, "Transaction loads an address table account that doesn't exist");
        put(TransactionError.Kind.UnbalancedTransaction, "Sum of account balances before and after transaction do not match");
        put(TransactionError.Kind.ProgramCacheHitMaxLimit, "Program cache hit max limit");
    }

    private ErrorText() {
    }

    private static void put(final TransactionError.Kind kind, final String text) {
        TEXTS.put(kind, text);
    }

    /** Solana's Display form, e.g. "Error processing Instruction 0: custom program error: 0x1". */
    static String display(final TransactionError error) {
        switch (error.kind()) {
            case InstructionError:
                return "Error processing Instruction " + error.index() + ": " + error.instructionError().message();
            case InsufficientFundsForRent:
                return "Transaction results in an account (" + error.index() + ") with insufficient funds for rent";
            case DuplicateInstruction:
                return "Transaction contains a duplicate instruction (" + Math.max(error.index(), 0) + ") that is not allowed";
            default:
                return TEXTS.getOrDefault(error.kind(), error.kind().name());
        }
    }

    /** The error's JSON ({@code "BlockhashNotFound"}, {@code {"InstructionError":[0,{"Custom":1}]}}), or null. */
    static JsonNode json(final TransactionError error) {
        return error == null ? NullNode.getInstance() : Json.parse(error.toJson());
    }

    /** {@code {"Ok":null}} or {@code {"Err":<error>}}: the status member of Solana's metas. */
    static JsonNode status(final TransactionError error) {
        final var status = Json.object();
        if (error == null) {
            status.putNull("Ok");
        } else {
            status.set("Err", json(error));
        }
        return status;
    }
}
