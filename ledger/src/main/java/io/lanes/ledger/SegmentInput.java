package io.lanes.ledger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads one segment's records in order up to the file's size when it was opened. A record that
 * does not read back whole and with its CRC is reported, not thrown. Single-threaded.
 */
final class SegmentInput implements AutoCloseable {
    private static final int READ_AHEAD_BYTES = 1 << 18;

    /** What one attempt to read a record found. */
    enum Outcome { RECORD, END, TRUNCATED, BAD }

    private final Path path;
    private final FileChannel channel;
    private final InputStream input;
    private final long sizeBytes;
    private final byte[] header = new byte[LedgerFormat.RECORD_HEADER_BYTES];
    private long position;
    private long recordOffset;
    private byte[] payload;
    private String failure;

    SegmentInput(final Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.sizeBytes = channel.size();
        this.input = new BufferedInputStream(Channels.newInputStream(channel), READ_AHEAD_BYTES);
    }

    Path path() {
        return path;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    /** Offset just after the last record read whole. */
    long position() {
        return position;
    }

    /** Offset of the record the last {@link #next()} looked at. */
    long recordOffset() {
        return recordOffset;
    }

    /** The payload of the last {@link Outcome#RECORD}. */
    byte[] payload() {
        return payload;
    }

    /** Why the last read was {@link Outcome#TRUNCATED} or {@link Outcome#BAD}. */
    String failure() {
        return failure;
    }

    /** Reads the next record; on anything but RECORD the position stays at the record's start. */
    Outcome next() throws IOException {
        recordOffset = position;
        final long remaining = sizeBytes - position;
        if (remaining == 0) {
            failure = "the file ends here";
            return Outcome.END;
        }
        if (remaining < LedgerFormat.RECORD_HEADER_BYTES) {
            return fail(Outcome.TRUNCATED, "the file ends " + remaining + " bytes into a record header");
        }
        readFully(header);
        final long payloadBytes = LedgerFormat.getIntLittleEndian(header, 0) & 0xFFFFFFFFL;
        if (payloadBytes == 0 || payloadBytes > LedgerFormat.MAX_PAYLOAD_BYTES) {
            return fail(Outcome.BAD, "impossible record length " + payloadBytes);
        }
        if (payloadBytes > remaining - LedgerFormat.RECORD_HEADER_BYTES) {
            return fail(Outcome.TRUNCATED, "a record of " + payloadBytes + " bytes but only "
                + (remaining - LedgerFormat.RECORD_HEADER_BYTES) + " follow");
        }
        final byte[] bytes = new byte[(int) payloadBytes];
        readFully(bytes);
        final int storedCrc = LedgerFormat.getIntLittleEndian(header, 4);
        final int actualCrc = LedgerFormat.crc32c(bytes, 0, bytes.length);
        if (storedCrc != actualCrc) {
            return fail(Outcome.BAD, String.format("CRC32C mismatch: stored %08x, payload has %08x", storedCrc, actualCrc));
        }
        payload = bytes;
        position += LedgerFormat.RECORD_HEADER_BYTES + payloadBytes;
        return Outcome.RECORD;
    }

    /**
     * True if a whole record with a valid CRC and a known type starts anywhere after
     * {@code fromOffset}: then the bad bytes at {@code fromOffset} are not just a torn tail.
     */
    boolean validRecordAfter(final long fromOffset) throws IOException {
        final long scanBytes = Math.min(sizeBytes - fromOffset - 1, Integer.MAX_VALUE);
        if (scanBytes <= LedgerFormat.RECORD_HEADER_BYTES) {
            return false;
        }
        final MappedByteBuffer tail = channel.map(FileChannel.MapMode.READ_ONLY, fromOffset + 1, scanBytes);
        tail.order(ByteOrder.LITTLE_ENDIAN);
        final CRC32C crc = new CRC32C();
        for (int start = 0; start + LedgerFormat.RECORD_HEADER_BYTES < scanBytes; start++) {
            if (isValidRecordAt(tail, start, crc)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValidRecordAt(final MappedByteBuffer tail, final int start, final CRC32C crc) {
        final long payloadBytes = tail.getInt(start) & 0xFFFFFFFFL;
        final int payloadStart = start + LedgerFormat.RECORD_HEADER_BYTES;
        if (payloadBytes == 0 || payloadBytes > tail.limit() - payloadStart) {
            return false;
        }
        final byte type = tail.get(payloadStart);
        if (type != LedgerFormat.TYPE_BLOCK && type != LedgerFormat.TYPE_SEGMENT_HEADER) {
            return false;
        }
        crc.reset();
        crc.update(tail.slice(payloadStart, (int) payloadBytes));
        return (int) crc.getValue() == tail.getInt(start + 4);
    }

    private Outcome fail(final Outcome outcome, final String reason) {
        failure = reason;
        return outcome;
    }

    private void readFully(final byte[] destination) throws IOException {
        final int read = input.readNBytes(destination, 0, destination.length);
        if (read != destination.length) {
            throw new IOException(path + " shrank while being read (expected " + destination.length + " bytes, got " + read + ")");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
