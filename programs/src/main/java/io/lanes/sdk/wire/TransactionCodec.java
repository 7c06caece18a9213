package io.lanes.sdk.wire;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

import java.util.Arrays;
import java.util.List;

/**
 * Solana's wire format for transactions and messages, legacy and version 0, byte for byte.
 *
 * <p>A transaction is a compact-u16 signature count, the 64-byte signatures, then the message. A
 * message is an optional version byte ({@code 0x80} for v0), the three header bytes, the account
 * keys, the recent blockhash, the instructions and, for v0, the address table lookups. Every
 * count is a compact-u16 ({@link io.lanes.sdk.CompactU16}).
 *
 * <p>Decoding is strict, as Solana's is: input longer than {@link Transaction#MAX_WIRE_LENGTH},
 * truncated input, trailing bytes, non-canonical compact-u16 values and message versions other
 * than legacy and 0 are rejected with a {@link WireFormatException}, the only exception the
 * decoder throws. Because the encoding is canonical, {@code encode(decode(x))} equals {@code x}
 * for every {@code x} that decodes. Decoding checks the format only; {@link Sanitizer} checks
 * that the content makes sense (indexes in range, signature count, and so on).
 *
 * <p>Stateless and thread-safe.
 */
public final class TransactionCodec {
    /** The high bit of a message's first byte marks a versioned message. */
    public static final int MESSAGE_VERSION_PREFIX = 0x80;

    /** Version 127 ({@code 0xff}) starts Solana's off-chain messages, which are never transactions. */
    private static final int OFF_CHAIN_MESSAGE_VERSION = 127;
    /** The smallest instruction: a program index, an empty account list, empty data. */
    private static final int MINIMUM_INSTRUCTION_LENGTH = 3;
    /** The smallest lookup: a table key and two empty index lists. */
    private static final int MINIMUM_LOOKUP_LENGTH = Pubkey.LENGTH + 2;

    private TransactionCodec() {
    }

    /** Decodes a whole array as one wire transaction. */
    public static Transaction decode(final byte[] wire) {
        if (wire == null) {
            throw new WireFormatException("no transaction bytes (null)");
        }
        return decode(wire, 0, wire.length);
    }

    /**
     * Decodes {@code buffer[offset, offset + length)} as one wire transaction; the transaction
     * keeps a copy of those bytes.
     *
     * @throws WireFormatException if the bytes are not exactly one well-formed transaction
     */
    public static Transaction decode(final byte[] buffer, final int offset, final int length) {
        checkRange(buffer, offset, length, "transaction");
        if (length > Transaction.MAX_WIRE_LENGTH) {
            throw tooLarge(length);
        }
        final WireReader reader = new WireReader(buffer, offset, offset + length);
        final Signature[] signatures = readSignatures(reader);
        final Message message = readMessage(reader);
        reader.requireEnd("transaction");
        return new Transaction(signatures, message, Arrays.copyOfRange(buffer, offset, offset + length));
    }

    /** Decodes a whole array as one message (what {@code getFeeForMessage} carries). */
    public static Message decodeMessage(final byte[] message) {
        if (message == null) {
            throw new WireFormatException("no message bytes (null)");
        }
        return decodeMessage(message, 0, message.length);
    }

    /**
     * Decodes {@code buffer[offset, offset + length)} as one message, at most
     * {@link Transaction#MAX_WIRE_LENGTH} bytes.
     *
     * @throws WireFormatException if the bytes are not exactly one well-formed message
     */
    public static Message decodeMessage(final byte[] buffer, final int offset, final int length) {
        checkRange(buffer, offset, length, "message");
        if (length > Transaction.MAX_WIRE_LENGTH) {
            throw new WireFormatException("message too large: " + length + " bytes, the most is "
                + Transaction.MAX_WIRE_LENGTH);
        }
        final WireReader reader = new WireReader(buffer, offset, offset + length);
        final Message message = readMessage(reader);
        reader.requireEnd("message");
        return message;
    }

    /**
     * Encodes a transaction from its fields (signatures and message fields, not its cached bytes).
     *
     * @throws WireFormatException if a value does not fit the format or the result is larger
     *     than {@link Transaction#MAX_WIRE_LENGTH}
     */
    public static byte[] encode(final Transaction transaction) {
        return encode(transaction.signatures(), encodeMessage(transaction.message()));
    }

    /**
     * Encodes a message from its fields (not its cached bytes).
     *
     * @throws WireFormatException if a value does not fit the format (a header value above 255,
     *     a list longer than 65535, lookups on a legacy message or 128 or more signers on it)
     */
    public static byte[] encodeMessage(final Message message) {
        final WireWriter writer = new WireWriter(messageLength(message));
        writeMessage(writer, message);
        return writer.finish();
    }

    /**
     * Signs a message: each signer signs the encoded message and its signature goes to the
     * position of its key among the message's required signers. The signers may come in any order.
     *
     * @throws IllegalArgumentException if a signer's key is not a required signer of the message,
     *     or a required signer has no key pair among {@code signers}
     * @throws WireFormatException if the message cannot be encoded or the transaction is too large
     */
    public static Transaction sign(final Message message, final Keypair... signers) {
        final byte[] messageBytes = encodeMessage(message);
        final Signature[] signatures = signatures(message, messageBytes, signers);
        final Message signed = withSerialized(message, messageBytes);
        final byte[] wire = encode(List.of(signatures), messageBytes);
        return new Transaction(signatures, signed, wire);
    }

    private static Signature[] signatures(final Message message, final byte[] messageBytes, final Keypair[] signers) {
        final int required = message.header().numRequiredSignatures();
        if (required > message.accountKeyCount()) {
            throw new IllegalArgumentException("the header requires " + required + " signatures but the message has "
                + message.accountKeyCount() + " account keys");
        }
        final Signature[] signatures = new Signature[required];
        for (final Keypair signer : signers) {
            placeSignature(message, messageBytes, signer, signatures);
        }
        for (int i = 0; i < required; i++) {
            if (signatures[i] == null) {
                throw new IllegalArgumentException("missing signer for required signature " + i + " (key "
                    + message.accountKey(i) + ")");
            }
        }
        return signatures;
    }

    private static void placeSignature(
        final Message message, final byte[] messageBytes, final Keypair signer, final Signature[] signatures) {
        boolean placed = false;
        for (int i = 0; i < signatures.length; i++) {
            if (message.accountKey(i).equals(signer.publicKey())) {
                signatures[i] = signer.sign(messageBytes);
                placed = true;
            }
        }
        if (!placed) {
            throw new IllegalArgumentException("unknown signer " + signer.publicKey()
                + ": not one of the message's " + signatures.length + " required signers");
        }
    }

    private static Message withSerialized(final Message message, final byte[] messageBytes) {
        if (Arrays.equals(message.serialized(), messageBytes)) {
            return message;
        }
        if (message.serialized() != null) {
            throw new IllegalArgumentException("the message's serialized bytes disagree with its fields");
        }
        return new Message(message.version(), message.header(), message.accountKeys().toArray(new Pubkey[0]),
            message.recentBlockhash(), message.instructions().toArray(new CompiledInstruction[0]),
            message.addressTableLookups().toArray(new AddressTableLookup[0]), messageBytes);
    }

    private static byte[] encode(final List<Signature> signatures, final byte[] messageBytes) {
        final int length = WireWriter.compactLength(signatures.size(), "signatures")
            + signatures.size() * Signature.LENGTH + messageBytes.length;
        if (length > Transaction.MAX_WIRE_LENGTH) {
            throw tooLarge(length);
        }
        final WireWriter writer = new WireWriter(length);
        writer.compactU16(signatures.size(), "signatures");
        for (final Signature signature : signatures) {
            writer.fixed(signature);
        }
        writer.bytes(messageBytes);
        return writer.finish();
    }

    private static Signature[] readSignatures(final WireReader reader) {
        final int count = reader.readCount("signatures", Signature.LENGTH);
        final Signature[] signatures = new Signature[count];
        for (int i = 0; i < count; i++) {
            signatures[i] = reader.readSignature("signature " + i);
        }
        return signatures;
    }

    private static Message readMessage(final WireReader reader) {
        final int start = reader.position();
        final MessageVersion version = readVersion(reader);
        final MessageHeader header = new MessageHeader(
            reader.readUnsignedByte("header"), reader.readUnsignedByte("header"), reader.readUnsignedByte("header"));
        final Pubkey[] accountKeys = readAccountKeys(reader);
        final Hash recentBlockhash = reader.readHash("recent blockhash");
        final CompiledInstruction[] instructions = readInstructions(reader);
        final AddressTableLookup[] lookups =
            version == MessageVersion.V0 ? readLookups(reader) : new AddressTableLookup[0];
        return new Message(version, header, accountKeys, recentBlockhash, instructions, lookups,
            reader.copySince(start));
    }

    private static MessageVersion readVersion(final WireReader reader) {
        final int first = reader.peekUnsignedByte("message");
        if ((first & MESSAGE_VERSION_PREFIX) == 0) {
            return MessageVersion.LEGACY;
        }
        final int version = first & ~MESSAGE_VERSION_PREFIX;
        if (version == OFF_CHAIN_MESSAGE_VERSION) {
            throw reader.failure("unsupported message version 127 (0xff starts an off-chain message, not a transaction)");
        }
        if (version != 0) {
            throw reader.failure("unsupported message version " + version);
        }
        reader.readUnsignedByte("version");
        return MessageVersion.V0;
    }

    private static Pubkey[] readAccountKeys(final WireReader reader) {
        final int count = reader.readCount("account keys", Pubkey.LENGTH);
        final Pubkey[] keys = new Pubkey[count];
        for (int i = 0; i < count; i++) {
            keys[i] = reader.readPubkey("account key " + i);
        }
        return keys;
    }

    private static CompiledInstruction[] readInstructions(final WireReader reader) {
        final int count = reader.readCount("instructions", MINIMUM_INSTRUCTION_LENGTH);
        final CompiledInstruction[] instructions = new CompiledInstruction[count];
        for (int i = 0; i < count; i++) {
            final int programIdIndex = reader.readUnsignedByte("program id index");
            final byte[] accounts = reader.readByteVector("instruction account indexes");
            final byte[] data = reader.readByteVector("instruction data bytes");
            instructions[i] = new CompiledInstruction(programIdIndex, accounts, data);
        }
        return instructions;
    }

    private static AddressTableLookup[] readLookups(final WireReader reader) {
        final int count = reader.readCount("address table lookups", MINIMUM_LOOKUP_LENGTH);
        final AddressTableLookup[] lookups = new AddressTableLookup[count];
        for (int i = 0; i < count; i++) {
            final Pubkey table = reader.readPubkey("lookup table key");
            final byte[] writable = reader.readByteVector("writable lookup indexes");
            final byte[] readonly = reader.readByteVector("read-only lookup indexes");
            lookups[i] = new AddressTableLookup(table, writable, readonly);
        }
        return lookups;
    }

    private static int messageLength(final Message message) {
        final boolean versioned = message.version() == MessageVersion.V0;
        int length = (versioned ? 1 : 0) + 3;
        length += WireWriter.compactLength(message.accountKeyCount(), "account keys")
            + message.accountKeyCount() * Pubkey.LENGTH;
        length += Hash.LENGTH;
        length += WireWriter.compactLength(message.instructionCount(), "instructions");
        for (final CompiledInstruction instruction : message.instructions()) {
            length += 1 + vectorLength(instruction.accountIndexes(), "instruction account indexes")
                + vectorLength(instruction.data(), "instruction data bytes");
        }
        if (versioned) {
            length += WireWriter.compactLength(message.addressTableLookups().size(), "address table lookups");
            for (final AddressTableLookup lookup : message.addressTableLookups()) {
                length += Pubkey.LENGTH + vectorLength(lookup.writableIndexes(), "writable lookup indexes")
                    + vectorLength(lookup.readonlyIndexes(), "read-only lookup indexes");
            }
        } else {
            checkLegacyHeader(message);
        }
        return length;
    }

    /** A legacy message's first byte is numRequiredSignatures; 0x80 and above would read as a version. */
    private static void checkLegacyHeader(final Message message) {
        if (!message.addressTableLookups().isEmpty()) {
            throw new WireFormatException("a legacy message cannot carry address table lookups");
        }
        if (message.header().numRequiredSignatures() >= MESSAGE_VERSION_PREFIX) {
            throw new WireFormatException("a legacy message may require at most 127 signatures, not "
                + message.header().numRequiredSignatures() + ": its first byte would read as a version prefix");
        }
    }

    private static int vectorLength(final byte[] vector, final String what) {
        return WireWriter.compactLength(vector.length, what) + vector.length;
    }

    private static void writeMessage(final WireWriter writer, final Message message) {
        if (message.version() == MessageVersion.V0) {
            writer.unsignedByte(MESSAGE_VERSION_PREFIX, "version");
        }
        final MessageHeader header = message.header();
        writer.unsignedByte(header.numRequiredSignatures(), "numRequiredSignatures");
        writer.unsignedByte(header.numReadonlySignedAccounts(), "numReadonlySignedAccounts");
        writer.unsignedByte(header.numReadonlyUnsignedAccounts(), "numReadonlyUnsignedAccounts");
        writer.compactU16(message.accountKeyCount(), "account keys");
        for (final Pubkey key : message.accountKeys()) {
            writer.fixed(key);
        }
        writer.fixed(message.recentBlockhash());
        writeInstructions(writer, message.instructions());
        if (message.version() == MessageVersion.V0) {
            writeLookups(writer, message.addressTableLookups());
        }
    }

    private static void writeInstructions(final WireWriter writer, final List<CompiledInstruction> instructions) {
        writer.compactU16(instructions.size(), "instructions");
        for (final CompiledInstruction instruction : instructions) {
            writer.unsignedByte(instruction.programIdIndex(), "program id index");
            writer.byteVector(instruction.accountIndexes(), "instruction account indexes");
            writer.byteVector(instruction.data(), "instruction data bytes");
        }
    }

    private static void writeLookups(final WireWriter writer, final List<AddressTableLookup> lookups) {
        writer.compactU16(lookups.size(), "address table lookups");
        for (final AddressTableLookup lookup : lookups) {
            writer.fixed(lookup.tableKey());
            writer.byteVector(lookup.writableIndexes(), "writable lookup indexes");
            writer.byteVector(lookup.readonlyIndexes(), "read-only lookup indexes");
        }
    }

    private static void checkRange(final byte[] buffer, final int offset, final int length, final String what) {
        if (buffer == null) {
            throw new WireFormatException("no " + what + " bytes (null)");
        }
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new WireFormatException("range [" + offset + ", +" + length + ") is outside the "
                + buffer.length + "-byte buffer");
        }
    }

    private static WireFormatException tooLarge(final int length) {
        return new WireFormatException("transaction too large: " + length + " bytes, the most is "
            + Transaction.MAX_WIRE_LENGTH);
    }
}
