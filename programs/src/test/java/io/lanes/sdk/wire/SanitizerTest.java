package io.lanes.sdk.wire;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.TransactionError.Kind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.lanes.sdk.wire.MessageBuilderTest.BLOCKHASH;
import static io.lanes.sdk.wire.MessageBuilderTest.COSIGNER;
import static io.lanes.sdk.wire.MessageBuilderTest.PAYER;
import static io.lanes.sdk.wire.MessageBuilderTest.PROGRAM;
import static io.lanes.sdk.wire.MessageBuilderTest.instruction;
import static io.lanes.sdk.wire.MessageBuilderTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per Solana sanitize rule: a transaction breaking only that rule fails with its error. */
class SanitizerTest {
    private static final Pubkey RECIPIENT = key('r');

    @Test
    void aWellFormedSignedTransactionPasses() {
        final Transaction transaction = TransactionCodec.decode(TransactionCodec.sign(transfer(), PAYER).wire());
        assertEquals(SanitizeResult.OK, Sanitizer.sanitize(transaction));
        assertTrue(Sanitizer.sanitize(transaction).isOk());
        assertTrue(Sanitizer.verifySignatures(transaction));
    }

    @Test
    void signatureCountMustEqualRequiredSignatures() {
        final Message message = transfer();
        final Signature good = PAYER.sign(message.serialized());
        assertFails(Kind.SanitizeFailure, "2 signatures but the header requires 1", decoded(message, good, good));
        assertFails(Kind.SanitizeFailure, "0 signatures but the header requires 1", decoded(message));
        assertFalse(Sanitizer.verifySignatures(decoded(message, good, good)));
        assertFalse(Sanitizer.verifySignatures(decoded(message)));
    }

    @Test
    void someoneMustPayTheFee() {
        final Message noSigners = message(new MessageHeader(0, 0, 1), keys(PAYER.publicKey(), PROGRAM), ix(1, 0));
        assertFails(Kind.SanitizeFailure, "no required signatures: nobody pays the fee", decoded(noSigners));
    }

    @Test
    void theFeePayerMustBeWritable() {
        final Message readonlyPayer = message(new MessageHeader(1, 1, 1), keys(PAYER.publicKey(), PROGRAM), ix(1, 0));
        assertFails(Kind.SanitizeFailure, "the fee payer must be writable", signedDecoded(readonlyPayer, PAYER));
    }

    @Test
    void signersAndReadonlyNonSignersMustNotOverlap() {
        final Message overlapping = message(new MessageHeader(1, 0, 2), keys(PAYER.publicKey(), PROGRAM), ix(1, 0));
        assertFails(Kind.SanitizeFailure, "only 2 account keys", signedDecoded(overlapping, PAYER));
    }

    @Test
    void programIdIndexMustBeInRange() {
        final Message message = message(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), PROGRAM), ix(2, 0));
        assertFails(Kind.SanitizeFailure, "program id index 2 of instruction 0 is out of range", signedDecoded(message, PAYER));
    }

    @Test
    void accountIndexesMustBeInRange() {
        final Message message = message(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), PROGRAM), ix(1, 0, 1, 2));
        assertFails(Kind.SanitizeFailure, "account index 2 at position 2 of instruction 0 is out of range",
            signedDecoded(message, PAYER));
    }

    @Test
    void theFeePayerIsNeverAProgram() {
        final Message message = message(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), PROGRAM), ix(1, 0), ix(0, 1));
        assertFails(Kind.SanitizeFailure, "program id of instruction 1 is account 0, the fee payer",
            signedDecoded(message, PAYER));
    }

    @Test
    void noKeyTwice() {
        final Message message =
            message(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), RECIPIENT, RECIPIENT, PROGRAM), ix(3, 0, 1, 2));
        assertFails(Kind.AccountLoadedTwice, "appears twice (again at index 2)", signedDecoded(message, PAYER));
    }

    @Test
    void wireLengthAtMost1232() {
        final Message message = transfer();
        final Signature[] signatures = {PAYER.sign(message.serialized())};
        assertFails(Kind.SanitizeFailure, "transaction is 1233 bytes, the most is 1232",
            new Transaction(signatures, message, new byte[Transaction.MAX_WIRE_LENGTH + 1]));
        final Message big = MessageBuilder.compileLegacy(PAYER.publicKey(), BLOCKHASH,
            List.of(new io.lanes.sdk.program.Instruction(PROGRAM, List.of(), new byte[1200])));
        assertFails(Kind.SanitizeFailure, "transaction too large: 1370 bytes",
            new Transaction(new Signature[] {PAYER.sign(big.serialized())}, big, null));
    }

    @Test
    void addressLookupTablesAreNotSupported() {
        final AddressTableLookup lookup = new AddressTableLookup(key('t'), new byte[] {0}, new byte[] {1});
        final Message message = v0(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), PROGRAM),
            new AddressTableLookup[] {lookup}, ix(1, 0, 2, 3));
        assertFails(Kind.AddressLookupTableNotFound, "address lookup tables not supported",
            signedDecoded(message, PAYER));
    }

    @Test
    void v0LookupRulesComeFirst() {
        final AddressTableLookup empty = new AddressTableLookup(key('t'), new byte[0], new byte[0]);
        final Message emptyLookup = v0(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), PROGRAM),
            new AddressTableLookup[] {empty}, ix(1, 0));
        assertFails(Kind.SanitizeFailure, "address table lookup 0 loads no account", signedDecoded(emptyLookup, PAYER));

        final AddressTableLookup two = new AddressTableLookup(key('t'), new byte[] {0}, new byte[] {1});
        final Message lookedUpProgram = v0(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), PROGRAM),
            new AddressTableLookup[] {two}, ix(2, 0));
        assertFails(Kind.SanitizeFailure, "program id index 2 of instruction 0 is out of range: 2 static account keys",
            signedDecoded(lookedUpProgram, PAYER));
        final Message pastLookups = v0(new MessageHeader(1, 0, 1), keys(PAYER.publicKey(), PROGRAM),
            new AddressTableLookup[] {two}, ix(1, 4));
        assertFails(Kind.SanitizeFailure, "account index 4 at position 0 of instruction 0 is out of range: 4 account keys",
            signedDecoded(pastLookups, PAYER));
    }

    @Test
    void aV0MessageWithoutLookupsPasses() {
        final Message message = MessageBuilder.v0(PAYER.publicKey(), BLOCKHASH)
            .add(instruction(PROGRAM, AccountMeta.writable(RECIPIENT, false))).build();
        assertEquals(SanitizeResult.OK, Sanitizer.sanitize(signedDecoded(message, PAYER)));
    }

    @Test
    void aWritableProgramIdIsDemotedToReadOnly() {
        final Message message = MessageBuilder.legacy(PAYER.publicKey(), BLOCKHASH)
            .add(instruction(PROGRAM, AccountMeta.writable(PROGRAM, false), AccountMeta.writable(RECIPIENT, false)))
            .build();
        final Message decoded = signedDecoded(message, PAYER, COSIGNER).message();
        final int program = decoded.accountKeys().indexOf(PROGRAM);
        final int recipient = decoded.accountKeys().indexOf(RECIPIENT);
        assertTrue(Message.isWritableByPosition(decoded.header(), decoded.accountKeyCount(), program), "header says writable");
        assertFalse(decoded.isWritable(program), "called as a program, so demoted");
        assertTrue(decoded.isWritable(recipient));
        assertEquals(SanitizeResult.OK, Sanitizer.sanitize(signedDecoded(message, PAYER)));
    }

    @Test
    void resultsCarrySolanasErrors() {
        final Transaction unsigned = decoded(transfer());
        final SanitizeResult result = Sanitizer.sanitize(unsigned);
        assertFalse(result.isOk());
        assertEquals("\"SanitizeFailure\"", result.error().toJson());
        assertTrue(result.error().isRejection());
        assertTrue(result.toString().startsWith("SanitizeFailure: "), result.toString());
    }

    private static void assertFails(final Kind kind, final String reasonPart, final Transaction transaction) {
        final SanitizeResult result = Sanitizer.sanitize(transaction);
        assertEquals(kind, result.kind(), result::toString);
        assertTrue(result.reason().contains(reasonPart), () -> "reason: " + result.reason());
    }

    private static Message transfer() {
        return MessageBuilder.legacy(PAYER.publicKey(), BLOCKHASH)
            .add(instruction(PROGRAM, AccountMeta.writable(PAYER.publicKey(), true), AccountMeta.writable(RECIPIENT, false)))
            .build();
    }

    /** Through the wire and back, so each case is also what a decoder would hand the sanitizer. */
    private static Transaction decoded(final Message message, final Signature... signatures) {
        final byte[] wire = TransactionCodec.encode(new Transaction(signatures, message, null));
        return TransactionCodec.decode(wire);
    }

    /** Signed by the key pairs among {@code signers} whose keys are required signers; the rest are ignored. */
    private static Transaction signedDecoded(final Message message, final Keypair... signers) {
        final byte[] bytes = TransactionCodec.encodeMessage(message);
        final int required = Math.min(message.header().numRequiredSignatures(), message.accountKeyCount());
        final Signature[] signatures = new Signature[required];
        for (int i = 0; i < required; i++) {
            final Pubkey key = message.accountKey(i);
            signatures[i] = Arrays.stream(signers).filter(signer -> signer.publicKey().equals(key)).findFirst()
                .map(signer -> signer.sign(bytes)).orElse(Signature.ZERO);
        }
        return decoded(message, signatures);
    }

    private static Pubkey[] keys(final Pubkey... keys) {
        return keys;
    }

    private static CompiledInstruction ix(final int programIdIndex, final int... accounts) {
        final byte[] indexes = new byte[accounts.length];
        for (int i = 0; i < accounts.length; i++) {
            indexes[i] = (byte) accounts[i];
        }
        return new CompiledInstruction(programIdIndex, indexes, new byte[] {2});
    }

    private static Message message(final MessageHeader header, final Pubkey[] keys, final CompiledInstruction... instructions) {
        return new Message(MessageVersion.LEGACY, header, keys, BLOCKHASH, instructions, new AddressTableLookup[0], null);
    }

    private static Message v0(final MessageHeader header, final Pubkey[] keys, final AddressTableLookup[] lookups,
                              final CompiledInstruction... instructions) {
        return new Message(MessageVersion.V0, header, keys, Hash.wrap(BLOCKHASH.toBytes()), instructions, lookups, null);
    }
}
