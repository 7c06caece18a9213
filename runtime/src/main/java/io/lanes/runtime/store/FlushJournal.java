package io.lanes.runtime.store;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A redo journal that makes a flush atomic: every record of the flush is written and fsynced here
 * before the Chronicle Map files are touched, and the journal is deleted once they are updated. If
 * the process dies while the maps are being updated, the next open finds a complete journal and
 * applies it again (applying a record twice gives the same result). A journal without a valid
 * trailer is from a flush that never reached the maps, and is ignored.
 *
 * <pre>
 * file    = magic u64 "LANESJ01", record*, trailer
 * record  = key[32] lamports u64 rentEpoch u64 owner[32] executable u8 dataLength u32
 *           previousDataLength u32 data[dataLength]
 * trailer = end magic u64, record count u64, CRC32C u64 of all bytes before the trailer
 * </pre>
 * All integers little-endian. Not thread-safe: the flushing thread owns it.
 */
final class FlushJournal implements AutoCloseable {
    private static final long MAGIC = 0x3130_4A53_454E_414CL; // "LANESJ01" little-endian
    private static final long END_MAGIC = 0x444E_4A53_454E_414CL; // "LANESJND" little-endian
    private static final int MAGIC_BYTES = Long.BYTES;
    private static final int TRAILER_BYTES = 3 * Long.BYTES;
    static final int RECORD_HEADER_BYTES = 32 + 8 + 8 + 32 + 1 + 4 + 4;
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path path;
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer view = new UnsafeBuffer(bytes);
    private final CRC32C crc = new CRC32C();
    private FileChannel channel;
    private int position;
    private long recordCount;

    FlushJournal(final Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    void begin() throws IOException {
        assert channel == null : "a flush is already in progress";
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        crc.reset();
        position = 0;
        recordCount = 0;
        putLong(MAGIC);
    }

    void append(final AccountRecord record) throws IOException {
        putBytes(record.key, 0, record.key.capacity());
        putLong(record.lamports);
        putLong(record.rentEpoch);
        putBytes(record.owner, 0, record.owner.capacity());
        putByte(record.executable ? 1 : 0);
        putInt(record.dataLength);
        putInt(record.previousDataLength);
        putBytes(record.data, record.dataOffset, record.dataLength);
        recordCount++;
    }

    /** Writes the trailer and forces the journal to disk: from here on the flush will happen. */
    void commit() throws IOException {
        drain();
        final long checksum = crc.getValue();
        putLong(END_MAGIC);
        putLong(recordCount);
        putLong(checksum);
        writeBuffer();
        channel.force(true);
        channel.close();
        channel = null;
    }

    /** Deletes the journal once its records are in the maps. */
    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /**
     * Reads a committed journal and hands each record to the consumer (the record and its data
     * buffer are reused). Returns the number of records, or -1 if there is no complete journal.
     */
    static long replay(final Path path, final Consumer<AccountRecord> consumer) throws IOException {
        if (!Files.exists(path)) {
            return -1;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            final long bodyBytes = channel.size() - TRAILER_BYTES;
            if (bodyBytes < MAGIC_BYTES) {
                return -1;
            }
            final ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, trailer, bodyBytes);
            final long records = trailer.getLong(Long.BYTES);
            if (trailer.getLong(0) != END_MAGIC || trailer.getLong(2 * Long.BYTES) != checksum(channel, bodyBytes)) {
                return -1;
            }
            if (!recordsFillBody(channel, bodyBytes, records)) {
                return -1;
            }
            final Reader reader = new Reader(channel);
            if (reader.getLong() != MAGIC) {
                return -1;
            }
            final AccountRecord record = new AccountRecord();
            for (long i = 0; i < records; i++) {
                reader.read(record);
                consumer.accept(record);
            }
            return records;
        }
    }

    /**
     * The trailer's record count is outside the checksum: walk the record headers and check that
     * exactly that many records fill the body, before any record is handed out.
     */
    private static boolean recordsFillBody(final FileChannel channel, final long bodyBytes, final long records) throws IOException {
        if (records < 0) {
            return false;
        }
        final Reader reader = new Reader(channel);
        reader.getLong();
        for (long i = 0; i < records; i++) {
            if (reader.consumed() + RECORD_HEADER_BYTES > bodyBytes) {
                return false;
            }
            final int dataLength = reader.skipRecord();
            if (dataLength < 0 || reader.consumed() > bodyBytes) {
                return false;
            }
        }
        return reader.consumed() == bodyBytes;
    }

    private static long checksum(final FileChannel channel, final long bodyBytes) throws IOException {
        final CRC32C checksum = new CRC32C();
        final ByteBuffer chunk = ByteBuffer.allocateDirect(BUFFER_BYTES);
        for (long at = 0; at < bodyBytes; ) {
            chunk.clear().limit((int) Math.min(BUFFER_BYTES, bodyBytes - at));
            readFully(channel, chunk, at);
            at += chunk.remaining();
            checksum.update(chunk);
        }
        return checksum.getValue();
    }

    /** Fills the buffer from the file position and flips it for reading. */
    private static void readFully(final FileChannel channel, final ByteBuffer into, final long at) throws IOException {
        long position = at;
        while (into.hasRemaining()) {
            final int read = channel.read(into, position);
            if (read < 0) {
                throw new IOException("journal ends early at " + position);
            }
            position += read;
        }
        into.flip();
    }

    private void putLong(final long value) throws IOException {
        ensure(Long.BYTES);
        view.putLong(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Long.BYTES;
    }

    private void putInt(final int value) throws IOException {
        ensure(Integer.BYTES);
        view.putInt(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Integer.BYTES;
    }

    private void putByte(final int value) throws IOException {
        ensure(1);
        view.putByte(position, (byte) value);
        position += 1;
    }

    private void putBytes(final DirectBuffer source, final int offset, final int length) throws IOException {
        for (int done = 0; done < length; ) {
            ensure(1);
            final int chunk = Math.min(length - done, BUFFER_BYTES - position);
            view.putBytes(position, source, offset + done, chunk);
            position += chunk;
            done += chunk;
        }
    }

    private void ensure(final int length) throws IOException {
        if (position + length > BUFFER_BYTES) {
            drain();
        }
    }

    /** Adds the buffered bytes to the checksum and writes them. */
    private void drain() throws IOException {
        bytes.limit(position).position(0);
        crc.update(bytes);
        writeBuffer();
    }

    private void writeBuffer() throws IOException {
        bytes.limit(position).position(0);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        bytes.clear();
        position = 0;
    }

    /** Sequential little-endian reads over the journal body. */
    private static final class Reader {
        private final FileChannel channel;
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private final ExpandableDirectByteBuffer data = new ExpandableDirectByteBuffer(4096);

        Reader(final FileChannel channel) throws IOException {
            this.channel = channel;
            channel.position(0);
            bytes.limit(0);
        }

        void read(final AccountRecord record) throws IOException {
            ensure(RECORD_HEADER_BYTES);
            getBytes(record.key);
            record.lamports = bytes.getLong();
            record.rentEpoch = bytes.getLong();
            getBytes(record.owner);
            record.executable = bytes.get() != 0;
            record.dataLength = bytes.getInt();
            record.previousDataLength = bytes.getInt();
            readData(record.dataLength);
            record.data = data;
            record.dataOffset = 0;
        }

        long getLong() throws IOException {
            ensure(Long.BYTES);
            return bytes.getLong();
        }

        /** Bytes of the file consumed so far. */
        long consumed() throws IOException {
            return channel.position() - bytes.remaining();
        }

        /** Reads a record's header and skips its data; answers its data length (negative if corrupt). */
        int skipRecord() throws IOException {
            ensure(RECORD_HEADER_BYTES);
            bytes.position(bytes.position() + RECORD_HEADER_BYTES - 2 * Integer.BYTES);
            final int dataLength = bytes.getInt();
            bytes.getInt();
            for (long left = Math.max(0, dataLength); left > 0; ) {
                if (!bytes.hasRemaining()) {
                    bytes.clear();
                    if (channel.read(bytes) < 0) {
                        return -1;
                    }
                    bytes.flip();
                }
                final int skipped = (int) Math.min(left, bytes.remaining());
                bytes.position(bytes.position() + skipped);
                left -= skipped;
            }
            return dataLength;
        }

        private void getBytes(final UnsafeBuffer into) {
            final int length = into.capacity();
            into.putBytes(0, bytes, bytes.position(), length);
            bytes.position(bytes.position() + length);
        }

        private void readData(final int length) throws IOException {
            data.checkLimit(Math.max(length, 1));
            for (int done = 0; done < length; ) {
                ensure(1);
                final int chunk = Math.min(length - done, bytes.remaining());
                data.putBytes(done, bytes, bytes.position(), chunk);
                bytes.position(bytes.position() + chunk);
                done += chunk;
            }
        }

        private void ensure(final int length) throws IOException {
            if (bytes.remaining() >= length) {
                return;
            }
            bytes.compact();
            while (bytes.position() < length) {
                if (channel.read(bytes) < 0) {
                    throw new IOException("journal ends inside a record");
                }
            }
            bytes.flip();
        }
    }
}
