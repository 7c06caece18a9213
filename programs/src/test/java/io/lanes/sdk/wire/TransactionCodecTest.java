package io.lanes.sdk.wire;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.lanes.sdk.wire.MessageBuilderTest.BLOCKHASH;
import static io.lanes.sdk.wire.MessageBuilderTest.PAYER;
import static io.lanes.sdk.wire.MessageBuilderTest.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way a wire transaction can be malformed is rejected with a message saying how. */
class TransactionCodecTest {
    private static final byte[] TRANSFER = Vectors.named("system-transfer").wire();
    private static final byte[] V0_TRANSFER = Vectors.named("v0-transfer").wire();
    /** In system-transfer: 1 signature byte + 64, then header (3), then the key count. */
    private static final int KEY_COUNT_AT = 1 + Signature.LENGTH + 3;

    @Test
    void rejectsMoreThan1232Bytes() {
        assertRejected("transaction too large: 1233 bytes, the most is 1232", new byte[1233]);
        assertRejected("message too large", () -> TransactionCodec.decodeMessage(new byte[1233]));
    }

    @Test
    void rejectsTrailingBytes() {
        assertRejected("1 trailing bytes after the transaction", Arrays.copyOf(TRANSFER, TRANSFER.length + 1));
        final byte[] message = Vectors.named("system-transfer").message();
        assertRejected("2 trailing bytes after the message",
            () -> TransactionCodec.decodeMessage(Arrays.copyOf(message, message.length + 2)));
    }

    @Test
    void rejectsEveryTruncation() {
        for (int length = 0; length < TRANSFER.length; length++) {
            final WireFormatException error =
                assertThrows(WireFormatException.class, decoding(Arrays.copyOf(TRANSFER, length)));
            assertTrue(error.getMessage().contains("truncated") || error.getMessage().contains("declared"),
                error.getMessage());
        }
        for (int length = 0; length < V0_TRANSFER.length; length++) {
            assertThrows(WireFormatException.class, decoding(Arrays.copyOf(V0_TRANSFER, length)));
        }
    }

    @Test
    void rejectsBadCompactU16() {
        final byte[] nonCanonical = insert(TRANSFER, KEY_COUNT_AT, (byte) 0x83);
        nonCanonical[KEY_COUNT_AT + 1] = 0x00; // 0x83 0x00: a two-byte spelling of 3
        assertRejected("bad length of account keys: compact-u16 not canonical: a byte after the first is zero at byte 68",
            nonCanonical);
        assertRejected("bad length of signatures: compact-u16 not canonical", new byte[] {(byte) 0x80, 0x00});
        assertRejected("bad length of signatures: compact-u16 too long", new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80});
        assertRejected("bad length of signatures: compact-u16 overflow", new byte[] {(byte) 0x80, (byte) 0x80, 0x04});
        assertRejected("bad length of signatures: compact-u16 truncated", new byte[] {(byte) 0x81});
    }

    @Test
    void boundsDeclaredCountsByTheRemainingBytes() {
        final byte[] huge = {(byte) 0xff, (byte) 0xff, 0x03};
        assertRejected("declared 65535 signatures at byte 0 need at least 4194240 bytes but only 0 remain", huge);
        final byte[] manyKeys = TRANSFER.clone();
        manyKeys[KEY_COUNT_AT] = 0x7f;
        assertRejected("declared 127 account keys at byte 68 need at least 4064 bytes", manyKeys);
    }

    @Test
    void rejectsUnsupportedVersions() {
        final byte[] message = Vectors.named("v0-transfer").message().clone();
        message[0] = (byte) 0x81;
        assertRejected("unsupported message version 1 at byte 0", () -> TransactionCodec.decodeMessage(message));
        message[0] = (byte) 0xff;
        assertRejected("unsupported message version 127", () -> TransactionCodec.decodeMessage(message));
        final byte[] wire = V0_TRANSFER.clone();
        wire[1 + Signature.LENGTH] = (byte) 0x82;
        assertRejected("unsupported message version 2 at byte 65", wire);
    }

    @Test
    void rejectsNullsAndBadRanges() {
        assertRejected("no transaction bytes (null)", () -> TransactionCodec.decode(null));
        assertRejected("no message bytes (null)", () -> TransactionCodec.decodeMessage(null));
        assertRejected("outside the", () -> TransactionCodec.decode(TRANSFER, -1, 10));
        assertRejected("outside the", () -> TransactionCodec.decode(TRANSFER, 10, TRANSFER.length));
        assertRejected("outside the", () -> TransactionCodec.decode(TRANSFER, 0, -1));
        assertRejected("outside the", () -> TransactionCodec.decode(TRANSFER, Integer.MAX_VALUE, 2));
    }

    @Test
    void decodesARangeOfALargerBuffer() {
        final byte[] buffer = new byte[TRANSFER.length + 20];
        Arrays.fill(buffer, (byte) 0xee);
        System.arraycopy(TRANSFER, 0, buffer, 7, TRANSFER.length);
        final Transaction transaction = TransactionCodec.decode(buffer, 7, TRANSFER.length);
        assertArrayEquals(TRANSFER, transaction.wire());
        assertArrayEquals(TRANSFER, TransactionCodec.encode(transaction));
        assertTrue(Sanitizer.verifySignatures(transaction));
    }

    @Test
    void decodesAndReencodesAddressTableLookups() {
        final AddressTableLookup first = new AddressTableLookup(key('t'), new byte[] {3, 1}, new byte[] {9});
        final AddressTableLookup second = new AddressTableLookup(key('u'), new byte[0], new byte[] {0, (byte) 255});
        final Message message = new Message(MessageVersion.V0, new MessageHeader(1, 0, 1),
            new Pubkey[] {PAYER.publicKey(), key('p')}, BLOCKHASH,
            new CompiledInstruction[] {new CompiledInstruction(1, new byte[] {0, 2, 5}, new byte[] {1, 2})},
            new AddressTableLookup[] {first, second}, null);
        final byte[] wire = TransactionCodec.encode(new Transaction(new Signature[] {Signature.ZERO}, message, null));
        final Message decoded = TransactionCodec.decode(wire).message();
        assertEquals(2, decoded.addressTableLookups().size());
        assertLookup(first, decoded.addressTableLookups().get(0));
        assertLookup(second, decoded.addressTableLookups().get(1));
        assertEquals(List.of(first, second), decoded.addressTableLookups(), "lookups compare by content");
        assertArrayEquals(wire, TransactionCodec.encode(TransactionCodec.decode(wire)));
        // The lookups take 73 bytes after their count: 37 for the first, 36 for the second.
        assertRejected("declared 2 address table lookups", Arrays.copyOf(wire, wire.length - 6));
        assertRejected("truncated: lookup table key needs 32 bytes", Arrays.copyOf(wire, wire.length - 5));
        assertRejected("declared 2 read-only lookup indexes", Arrays.copyOf(wire, wire.length - 1));
    }

    @Test
    void encodeRejectsValuesTheFormatCannotHold() {
        final Message bigHeader = new Message(MessageVersion.V0, new MessageHeader(256, 0, 0),
            new Pubkey[] {PAYER.publicKey()}, BLOCKHASH, new CompiledInstruction[0], new AddressTableLookup[0], null);
        assertRejected("numRequiredSignatures must be 0..255", () -> TransactionCodec.encodeMessage(bigHeader));
        final Message legacyWithLookups = new Message(MessageVersion.LEGACY, new MessageHeader(1, 0, 0),
            new Pubkey[] {PAYER.publicKey()}, BLOCKHASH, new CompiledInstruction[0],
            new AddressTableLookup[] {new AddressTableLookup(key('t'), new byte[] {1}, new byte[0])}, null);
        assertRejected("a legacy message cannot carry address table lookups",
            () -> TransactionCodec.encodeMessage(legacyWithLookups));
        final Message manySigners = new Message(MessageVersion.LEGACY, new MessageHeader(128, 0, 0),
            new Pubkey[] {PAYER.publicKey()}, BLOCKHASH, new CompiledInstruction[0], new AddressTableLookup[0], null);
        assertRejected("a legacy message may require at most 127 signatures, not 128",
            () -> TransactionCodec.encodeMessage(manySigners));
        final Message bigProgramIndex = new Message(MessageVersion.LEGACY, new MessageHeader(1, 0, 0),
            new Pubkey[] {PAYER.publicKey()}, BLOCKHASH,
            new CompiledInstruction[] {new CompiledInstruction(300, new byte[0], new byte[0])}, new AddressTableLookup[0], null);
        assertRejected("program id index must be 0..255", () -> TransactionCodec.encodeMessage(bigProgramIndex));
    }

    private static void assertLookup(final AddressTableLookup expected, final AddressTableLookup actual) {
        assertEquals(expected.tableKey(), actual.tableKey());
        assertArrayEquals(expected.writableIndexes(), actual.writableIndexes());
        assertArrayEquals(expected.readonlyIndexes(), actual.readonlyIndexes());
    }

    private static void assertRejected(final String messagePart, final byte[] wire) {
        assertRejected(messagePart, decoding(wire));
    }

    private static void assertRejected(final String messagePart, final org.junit.jupiter.api.function.Executable action) {
        final WireFormatException error = assertThrows(WireFormatException.class, action);
        assertTrue(error.getMessage().contains(messagePart), () -> "message: " + error.getMessage());
    }

    private static org.junit.jupiter.api.function.Executable decoding(final byte[] wire) {
        return () -> TransactionCodec.decode(wire);
    }

    private static byte[] insert(final byte[] bytes, final int at, final byte... inserted) {
        final byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }
}
