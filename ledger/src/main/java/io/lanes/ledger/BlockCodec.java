package io.lanes.ledger;

import io.lanes.sdk.Hash;
import io.lanes.sdk.wire.Transaction;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Block record payloads, little-endian:
 *
 * <pre>
 *   u8 type = 2
 *   u64 slot, u64 parentSlot, i64 blockTimeSeconds, [32] blockhash, [32] stateHash
 *   u32 entryCount, then per entry: [32] hash, u32 transactionCount,
 *                                    then per transaction: u16 wireLength (1..1232), wire bytes
 *   then one {@link TransactionResultCodec} result per transaction, in execution order
 * </pre>
 *
 * The payload ends exactly after the last result. Decoding rejects anything else with
 * {@link LedgerFormatException} and never allocates more than the payload's size.
 */
final class BlockCodec {
    private static final int FIXED_BYTES = 1 + 8 + 8 + 8 + Hash.LENGTH + Hash.LENGTH + 4;
    private static final int ENTRY_FIXED_BYTES = Hash.LENGTH + 4;
    private static final int WIRE_LENGTH_BYTES = 2;

    private BlockCodec() {
    }

    /** Payload bytes of the block's record. */
    static long payloadBytes(final Block block) {
        long bytes = FIXED_BYTES;
        for (final Entry entry : block.entries()) {
            bytes += ENTRY_FIXED_BYTES;
            for (final byte[] wire : entry.transactionWires()) {
                bytes += WIRE_LENGTH_BYTES + wire.length;
            }
        }
        for (final TransactionResult result : block.results()) {
            bytes += TransactionResultCodec.encodedLength(result);
        }
        return bytes;
    }

    /**
     * The whole framed record (length, CRC, payload).
     *
     * @throws IllegalArgumentException if a transaction is empty or over 1232 bytes, or the
     *     record would be larger than {@link LedgerFormat#MAX_PAYLOAD_BYTES}
     */
    static byte[] encodeRecord(final Block block) {
        final long payloadBytes = payloadBytes(block);
        if (payloadBytes > LedgerFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("slot " + block.slot() + " encodes to " + payloadBytes
                + " bytes, more than a record's " + LedgerFormat.MAX_PAYLOAD_BYTES);
        }
        final byte[] record = new byte[LedgerFormat.RECORD_HEADER_BYTES + (int) payloadBytes];
        final ByteBuffer buffer = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(LedgerFormat.RECORD_HEADER_BYTES);
        buffer.put(LedgerFormat.TYPE_BLOCK).putLong(block.slot()).putLong(block.parentSlot()).putLong(block.blockTimeSeconds());
        putHash(buffer, block.blockhash());
        putHash(buffer, block.stateHash());
        buffer.putInt(block.entries().size());
        for (final Entry entry : block.entries()) {
            putEntry(buffer, block.slot(), entry);
        }
        for (final TransactionResult result : block.results()) {
            TransactionResultCodec.encode(result, buffer);
        }
        assert !buffer.hasRemaining() : buffer.remaining() + " bytes left in slot " + block.slot();
        return LedgerFormat.seal(record);
    }

    private static void putEntry(final ByteBuffer buffer, final long slot, final Entry entry) {
        putHash(buffer, entry.hash());
        buffer.putInt(entry.transactionCount());
        for (final byte[] wire : entry.transactionWires()) {
            if (wire.length == 0 || wire.length > Transaction.MAX_WIRE_LENGTH) {
                throw new IllegalArgumentException("slot " + slot + " has a transaction of " + wire.length
                    + " bytes; a wire transaction is 1.." + Transaction.MAX_WIRE_LENGTH);
            }
            buffer.putShort((short) wire.length).put(wire);
        }
    }

    private static void putHash(final ByteBuffer buffer, final Hash hash) {
        hash.copyTo(buffer.array(), buffer.position());
        buffer.position(buffer.position() + Hash.LENGTH);
    }

    /** Decodes a block payload (type byte included). */
    static Block decode(final byte[] payload) {
        if (payload.length < FIXED_BYTES || payload[0] != LedgerFormat.TYPE_BLOCK) {
            throw new LedgerFormatException("not a block record (type " + (payload.length == 0 ? "none" : payload[0]) + ")");
        }
        try {
            final ByteBuffer buffer = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(1);
            final long slot = buffer.getLong();
            final long parentSlot = buffer.getLong();
            final long blockTimeSeconds = buffer.getLong();
            final Hash blockhash = getHash(buffer);
            final Hash stateHash = getHash(buffer);
            final List<Entry> entries = getEntries(buffer);
            final List<TransactionResult> results = getResults(buffer, entries);
            if (buffer.hasRemaining()) {
                throw new LedgerFormatException(buffer.remaining() + " bytes after the last result of slot " + slot);
            }
            if (parentSlot < 0 || slot <= parentSlot) {
                throw new LedgerFormatException("slot " + slot + " is not above its parent slot " + parentSlot);
            }
            return new Block(slot, parentSlot, blockhash, blockTimeSeconds, entries, stateHash, results);
        } catch (final BufferUnderflowException truncated) {
            throw new LedgerFormatException("block record truncated");
        }
    }

    private static List<Entry> getEntries(final ByteBuffer buffer) {
        final int entryCount = getCount(buffer, ENTRY_FIXED_BYTES, "entries");
        final List<Entry> entries = new ArrayList<>(entryCount);
        for (int i = 0; i < entryCount; i++) {
            final Hash hash = getHash(buffer);
            final int transactionCount = getCount(buffer, WIRE_LENGTH_BYTES + 1, "transactions");
            final List<byte[]> wires = new ArrayList<>(transactionCount);
            for (int t = 0; t < transactionCount; t++) {
                wires.add(getWire(buffer));
            }
            entries.add(new Entry(hash, wires));
        }
        return entries;
    }

    private static byte[] getWire(final ByteBuffer buffer) {
        final int length = buffer.getShort() & 0xFFFF;
        if (length == 0 || length > Transaction.MAX_WIRE_LENGTH || length > buffer.remaining()) {
            throw new LedgerFormatException("transaction length " + length + " out of range");
        }
        final byte[] wire = new byte[length];
        buffer.get(wire);
        return wire;
    }

    private static List<TransactionResult> getResults(final ByteBuffer buffer, final List<Entry> entries) {
        int transactionCount = 0;
        for (final Entry entry : entries) {
            transactionCount += entry.transactionCount();
        }
        final List<TransactionResult> results = new ArrayList<>(transactionCount);
        for (int i = 0; i < transactionCount; i++) {
            results.add(TransactionResultCodec.decode(buffer));
        }
        return results;
    }

    /** A u32 count, checked against the bytes left so a corrupt count cannot make us allocate. */
    private static int getCount(final ByteBuffer buffer, final int minBytesEach, final String what) {
        final long count = buffer.getInt() & 0xFFFFFFFFL;
        if (count * minBytesEach > buffer.remaining()) {
            throw new LedgerFormatException(count + " " + what + " cannot fit in the " + buffer.remaining() + " bytes left");
        }
        return (int) count;
    }

    private static Hash getHash(final ByteBuffer buffer) {
        if (buffer.remaining() < Hash.LENGTH) {
            throw new BufferUnderflowException();
        }
        final Hash hash = Hash.read(buffer.array(), buffer.position());
        buffer.position(buffer.position() + Hash.LENGTH);
        return hash;
    }
}
