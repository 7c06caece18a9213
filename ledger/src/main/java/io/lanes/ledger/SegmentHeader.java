package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The first record of every segment: which chain it belongs to and where the chain stands at the
 * segment's start (the anchor), so a segment can be read and verified without the ones before it
 * and the ones before it can be deleted.
 *
 * @param segmentIndex    the number in the file name
 * @param genesisSlot     the slot the chain starts at (the first block's parent)
 * @param genesisHash     the hash the first entry chains from; identifies the chain
 * @param anchorSlot      the last block's slot before this segment (genesis slot if none)
 * @param anchorEntryHash the entry hash the chain stands at before this segment (genesis hash if none)
 */
record SegmentHeader(long segmentIndex, long genesisSlot, Hash genesisHash, long anchorSlot, Hash anchorEntryHash) {
    static final int MAGIC = 0x474C4E4C; // "LNLG" in little-endian byte order
    static final short FORMAT_VERSION = 1;
    static final int PAYLOAD_BYTES = 1 + 4 + 2 + 8 + 8 + Hash.LENGTH + 8 + Hash.LENGTH;

    byte[] encodeRecord() {
        final byte[] record = new byte[LedgerFormat.RECORD_HEADER_BYTES + PAYLOAD_BYTES];
        final ByteBuffer buffer = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(LedgerFormat.RECORD_HEADER_BYTES);
        buffer.put(LedgerFormat.TYPE_SEGMENT_HEADER).putInt(MAGIC).putShort(FORMAT_VERSION);
        buffer.putLong(segmentIndex).putLong(genesisSlot);
        genesisHash.copyTo(record, buffer.position());
        buffer.position(buffer.position() + Hash.LENGTH).putLong(anchorSlot);
        anchorEntryHash.copyTo(record, buffer.position());
        assert buffer.position() + Hash.LENGTH == record.length;
        return LedgerFormat.seal(record);
    }

    /** Decodes a segment header payload (type byte included). */
    static SegmentHeader decode(final byte[] payload) {
        if (payload.length != PAYLOAD_BYTES || payload[0] != LedgerFormat.TYPE_SEGMENT_HEADER) {
            throw new LedgerFormatException("not a segment header record (type " + payload[0] + ", "
                + payload.length + " bytes)");
        }
        try {
            final ByteBuffer buffer = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(1);
            if (buffer.getInt() != MAGIC) {
                throw new LedgerFormatException("segment header magic mismatch: not a Lanes ledger segment");
            }
            final short version = buffer.getShort();
            if (version != FORMAT_VERSION) {
                throw new LedgerFormatException("segment format version " + version + ", this code reads " + FORMAT_VERSION);
            }
            final long segmentIndex = buffer.getLong();
            final long genesisSlot = buffer.getLong();
            final Hash genesisHash = Hash.read(payload, buffer.position());
            buffer.position(buffer.position() + Hash.LENGTH);
            final long anchorSlot = buffer.getLong();
            final Hash anchorEntryHash = Hash.read(payload, buffer.position());
            return new SegmentHeader(segmentIndex, genesisSlot, genesisHash, anchorSlot, anchorEntryHash);
        } catch (final BufferUnderflowException truncated) {
            throw new LedgerFormatException("segment header truncated");
        }
    }
}
