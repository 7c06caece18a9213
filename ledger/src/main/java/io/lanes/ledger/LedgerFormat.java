package io.lanes.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * File layout and record framing (see the README for the byte-level format). Package-private:
 * only the ledger's own readers and writers touch the files.
 */
final class LedgerFormat {
    /** The ledger's folder inside the data directory. */
    static final String LEDGER_DIRECTORY = "ledger";
    static final String SEGMENT_PREFIX = "segment-";
    static final String SEGMENT_SUFFIX = ".log";
    /** u32 payload length, u32 CRC32C of the payload. */
    static final int RECORD_HEADER_BYTES = 8;
    /** Largest payload a record may have; a length above it is corruption. */
    static final int MAX_PAYLOAD_BYTES = 128 << 20;
    static final byte TYPE_SEGMENT_HEADER = 1;
    static final byte TYPE_BLOCK = 2;

    private LedgerFormat() {
    }

    static Path ledgerDirectory(final Path dataDir) {
        return dataDir.resolve(LEDGER_DIRECTORY);
    }

    static Path segmentPath(final Path ledgerDir, final long segmentIndex) {
        assert segmentIndex >= 0;
        return ledgerDir.resolve(String.format(Locale.ROOT, SEGMENT_PREFIX + "%016d" + SEGMENT_SUFFIX, segmentIndex));
    }

    /** The index in a segment file name, or -1 if the name is not exactly a segment's. */
    static long segmentIndexOf(final Path file) {
        final String name = file.getFileName().toString();
        final int digits = name.length() - SEGMENT_PREFIX.length() - SEGMENT_SUFFIX.length();
        if (digits != 16 || !name.startsWith(SEGMENT_PREFIX) || !name.endsWith(SEGMENT_SUFFIX)) {
            return -1;
        }
        final String number = name.substring(SEGMENT_PREFIX.length(), SEGMENT_PREFIX.length() + digits);
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(number);
    }

    /** Segment indexes present in the ledger folder, ascending; empty if the folder is missing. */
    static long[] listSegments(final Path ledgerDir) throws IOException {
        if (!Files.isDirectory(ledgerDir)) {
            return new long[0];
        }
        final List<Long> indexes = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ledgerDir)) {
            for (final Path file : files) {
                final long index = segmentIndexOf(file);
                if (index >= 0 && Files.isRegularFile(file)) {
                    indexes.add(index);
                }
            }
        }
        return indexes.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static int crc32c(final byte[] bytes, final int offset, final int length) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Makes the payload at {@code record[8..]} a framed record: writes its length and CRC in front. */
    static byte[] seal(final byte[] record) {
        final int payloadBytes = record.length - RECORD_HEADER_BYTES;
        assert payloadBytes > 0 && payloadBytes <= MAX_PAYLOAD_BYTES;
        putIntLittleEndian(record, 0, payloadBytes);
        putIntLittleEndian(record, 4, crc32c(record, RECORD_HEADER_BYTES, payloadBytes));
        return record;
    }

    static void putIntLittleEndian(final byte[] bytes, final int offset, final int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }

    static int getIntLittleEndian(final byte[] bytes, final int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
            | (bytes[offset + 3] & 0xFF) << 24;
    }

    /** Makes a created, renamed or deleted file's directory entry durable (Linux: fsync of the folder). */
    static void forceDirectory(final Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (final IOException notSupported) {
            // Some platforms (Windows) cannot open a folder; there the rename or create is all we get.
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
                return;
            }
            throw notSupported;
        }
    }
}
