package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The store of record on disk: Chronicle Map files in one directory.
 *
 * <ul>
 *   <li>{@code accounts.cm3}: key (32 bytes) to value {@code lamports u64, rentEpoch u64,
 *       owner[32], executable u8, dataLength u32} (53 bytes, little-endian) followed by the data
 *       when it is at most {@link #INLINE_DATA_MAX_BYTES};</li>
 *   <li>{@code accounts-data.cm3}: data of larger accounts in parts of {@link #PART_BYTES}, keyed by
 *       account key plus part number (u32 little-endian), because a Chronicle Map entry cannot
 *       hold 10 MiB;</li>
 *   <li>{@code accounts.journal}: the {@link FlushJournal} while a flush is in progress;</li>
 *   <li>{@code accounts.open}: exists, locked, while a process has the files open; found
 *       unlocked at open, it means the last process died, and the maps are opened with Chronicle
 *       Map's recovery. A second opener (another process, or the same one) is refused.</li>
 * </ul>
 * Accounts with zero lamports are absent. One opener at a time; the flushing thread owns it.
 */
final class ChronicleAccountFile implements AutoCloseable {
    static final int INLINE_DATA_MAX_BYTES = 16 * 1024;
    static final int PART_BYTES = 16 * 1024;
    static final int VALUE_HEADER_BYTES = 8 + 8 + Pubkey.LENGTH + 1 + 4;
    private static final int LAMPORTS_AT = 0;
    private static final int RENT_EPOCH_AT = 8;
    private static final int OWNER_AT = 16;
    private static final int EXECUTABLE_AT = 48;
    private static final int DATA_LENGTH_AT = 49;
    private static final int PART_KEY_BYTES = Pubkey.LENGTH + Integer.BYTES;
    private static final int MIN_AVERAGE_VALUE_BYTES = 64;
    private static final int MIN_DATA_PARTS = 256;
    /** Large data is hard to predict and its map is small to begin with: let it grow 100 times. */
    private static final double MIN_DATA_PARTS_BLOAT_FACTOR = 100.0;

    private final Path directory;
    private final ChronicleMap<byte[], byte[]> accounts;
    private final ChronicleMap<byte[], byte[]> dataParts;
    private final FlushJournal journal;
    private final Path openMarker;
    private final FileChannel openMarkerChannel;
    private final FileLock openLock;
    private final Scratch key = new Scratch(PART_KEY_BYTES);
    private final Scratch value = new Scratch(VALUE_HEADER_BYTES + Math.max(INLINE_DATA_MAX_BYTES, PART_BYTES));
    private final ExpandableDirectByteBuffer largeData = new ExpandableDirectByteBuffer(PART_BYTES);
    private final AccountRecord loaded = new AccountRecord();

    /** A direct buffer seen both as an Agrona buffer (to write) and a Chronicle store (to pass). */
    private static final class Scratch {
        final UnsafeBuffer view;
        final BytesStore<?, ByteBuffer> store;

        Scratch(final int capacityBytes) {
            final ByteBuffer bytes = ByteBuffer.allocateDirect(capacityBytes);
            view = new UnsafeBuffer(bytes);
            store = BytesStore.wrap(bytes);
        }
    }

    private ChronicleAccountFile(final Path directory, final AccountStoreConfig config) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        openMarker = directory.resolve("accounts.open");
        final boolean recover = Files.exists(openMarker);
        openMarkerChannel = FileChannel.open(openMarker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            openLock = lock(openMarkerChannel, directory);
            accounts = openMap(accountsBuilder(config), directory.resolve("accounts.cm3"), recover);
            dataParts = openMap(dataPartsBuilder(config), directory.resolve("accounts-data.cm3"), recover);
        } catch (final IOException | RuntimeException e) {
            openMarkerChannel.close();
            throw e;
        }
        journal = new FlushJournal(directory.resolve("accounts.journal"));
    }

    private static FileLock lock(final FileChannel channel, final Path directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (final OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the account store in " + directory + " is already open");
        }
        return lock;
    }

    /** Opens (creating if needed) the files in the directory and finishes an interrupted flush. */
    static ChronicleAccountFile open(final Path directory, final AccountStoreConfig config) {
        try {
            final ChronicleAccountFile file = new ChronicleAccountFile(directory, config);
            file.finishInterruptedFlush();
            return file;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open the account store in " + directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    long accountCount() {
        return accounts.longSize();
    }

    long dataPartCount() {
        return dataParts.longSize();
    }

    /** Logical length of the map files; they are sparse, so disk use can be smaller. */
    long fileBytes() {
        return accounts.file().length() + dataParts.file().length();
    }

    /** Hands every stored account to the consumer; the record and its data buffer are reused. */
    void forEachAccount(final Consumer<AccountRecord> consumer) {
        accounts.forEachEntry(entry -> consumer.accept(read(entry)));
    }

    void beginFlush() throws IOException {
        journal.begin();
    }

    void journal(final AccountRecord record) throws IOException {
        journal.append(record);
    }

    /** Makes the journaled flush durable, then applies it to the maps via {@code apply}. */
    void commitFlush() throws IOException {
        journal.commit();
    }

    void endFlush() throws IOException {
        journal.delete();
    }

    /** Writes one account to the maps (or removes it); idempotent. */
    void apply(final AccountRecord record) {
        final int oldParts = partCount(record.previousDataLength);
        if (!record.exists()) {
            remove(accounts, accountKey(record));
            removeParts(record, 0, oldParts);
            return;
        }
        put(accounts, accountKey(record), encodeValue(record));
        final int newParts = partCount(record.dataLength);
        for (int part = 0; part < newParts; part++) {
            final int offset = part * PART_BYTES;
            final int length = Math.min(PART_BYTES, record.dataLength - offset);
            value.view.putBytes(0, record.data, record.dataOffset + offset, length);
            put(dataParts, partKey(record, part), length);
        }
        removeParts(record, newParts, oldParts);
    }

    @Override
    public void close() {
        try {
            journal.close();
            accounts.close();
            dataParts.close();
            Files.deleteIfExists(openMarker);
            openLock.release();
            openMarkerChannel.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int partCount(final int dataLength) {
        return dataLength <= INLINE_DATA_MAX_BYTES ? 0 : (dataLength + PART_BYTES - 1) / PART_BYTES;
    }

    private void finishInterruptedFlush() throws IOException {
        FlushJournal.replay(journal.path(), this::apply);
        journal.delete();
    }

    private AccountRecord read(final MapEntry<byte[], byte[]> entry) {
        final Data<byte[]> keyData = entry.key();
        final Data<byte[]> valueData = entry.value();
        if (keyData.size() != Pubkey.LENGTH || valueData.size() < VALUE_HEADER_BYTES || valueData.size() > value.view.capacity()) {
            throw new IllegalStateException("not an account entry: key " + keyData.size() + " bytes, value " + valueData.size());
        }
        copyOut(keyData, key.view);
        loaded.key.putBytes(0, key.view, 0, Pubkey.LENGTH);
        copyOut(valueData, value.view);
        final UnsafeBuffer bytes = value.view;
        loaded.lamports = bytes.getLong(LAMPORTS_AT, ByteOrder.LITTLE_ENDIAN);
        loaded.rentEpoch = bytes.getLong(RENT_EPOCH_AT, ByteOrder.LITTLE_ENDIAN);
        loaded.owner.putBytes(0, bytes, OWNER_AT, Pubkey.LENGTH);
        loaded.executable = bytes.getByte(EXECUTABLE_AT) != 0;
        loaded.dataLength = bytes.getInt(DATA_LENGTH_AT, ByteOrder.LITTLE_ENDIAN);
        loaded.previousDataLength = loaded.dataLength;
        final boolean inline = partCount(loaded.dataLength) == 0;
        if (loaded.dataLength < 0 || loaded.dataLength > SizeClasses.MAX_DATA_BYTES
            || valueData.size() != VALUE_HEADER_BYTES + (inline ? loaded.dataLength : 0)) {
            throw new IllegalStateException("corrupt account entry: data length " + loaded.dataLength);
        }
        if (inline) {
            loaded.data = bytes;
            loaded.dataOffset = VALUE_HEADER_BYTES;
        } else {
            readParts(loaded);
            loaded.data = largeData;
            loaded.dataOffset = 0;
        }
        return loaded;
    }

    private void readParts(final AccountRecord record) {
        largeData.checkLimit(record.dataLength);
        assert largeData.byteArray() == null : "parts are copied by address";
        for (int part = 0; part < partCount(record.dataLength); part++) {
            final int offset = part * PART_BYTES;
            try (ExternalMapQueryContext<byte[], byte[], ?> query = dataParts.queryContext(key.store, 0, partKey(record, part))) {
                final MapEntry<byte[], byte[]> entry = query.entry();
                if (entry == null) {
                    throw new IllegalStateException("account " + Pubkey.read(record.key, 0) + " lacks data part " + part);
                }
                final Data<byte[]> partData = entry.value();
                if (partData.size() != Math.min(PART_BYTES, record.dataLength - offset)) {
                    throw new IllegalStateException("data part " + part + " has " + partData.size() + " bytes");
                }
                partData.bytes().nativeRead(partData.offset(), largeData.addressOffset() + offset, partData.size());
            }
        }
    }

    /** Copies the entry bytes to the start of a direct buffer (by address: it must be off-heap). */
    private static void copyOut(final Data<byte[]> data, final UnsafeBuffer direct) {
        assert direct.byteArray() == null && data.size() <= direct.capacity();
        data.bytes().nativeRead(data.offset(), direct.addressOffset(), data.size());
    }

    private int encodeValue(final AccountRecord record) {
        final UnsafeBuffer bytes = value.view;
        bytes.putLong(LAMPORTS_AT, record.lamports, ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(RENT_EPOCH_AT, record.rentEpoch, ByteOrder.LITTLE_ENDIAN);
        bytes.putBytes(OWNER_AT, record.owner, 0, Pubkey.LENGTH);
        bytes.putByte(EXECUTABLE_AT, (byte) (record.executable ? 1 : 0));
        bytes.putInt(DATA_LENGTH_AT, record.dataLength, ByteOrder.LITTLE_ENDIAN);
        if (partCount(record.dataLength) > 0) {
            return VALUE_HEADER_BYTES;
        }
        if (record.dataLength > 0) {
            bytes.putBytes(VALUE_HEADER_BYTES, record.data, record.dataOffset, record.dataLength);
        }
        return VALUE_HEADER_BYTES + record.dataLength;
    }

    private int accountKey(final AccountRecord record) {
        key.view.putBytes(0, record.key, 0, Pubkey.LENGTH);
        return Pubkey.LENGTH;
    }

    private int partKey(final AccountRecord record, final int part) {
        key.view.putBytes(0, record.key, 0, Pubkey.LENGTH);
        key.view.putInt(Pubkey.LENGTH, part, ByteOrder.LITTLE_ENDIAN);
        return PART_KEY_BYTES;
    }

    private void removeParts(final AccountRecord record, final int fromPart, final int toPart) {
        for (int part = fromPart; part < toPart; part++) {
            remove(dataParts, partKey(record, part));
        }
    }

    /** Puts the scratch value's first {@code valueLength} bytes under the scratch key. */
    private void put(final ChronicleMap<byte[], byte[]> map, final int keyLength, final int valueLength) {
        try (ExternalMapQueryContext<byte[], byte[], ?> query = map.queryContext(key.store, 0, keyLength)) {
            query.updateLock().lock();
            final Data<byte[]> newValue = query.wrapValueBytesAsData(value.store, 0, valueLength);
            final MapEntry<byte[], byte[]> entry = query.entry();
            if (entry != null) {
                query.replaceValue(entry, newValue);
            } else {
                query.insert(query.absentEntry(), newValue);
            }
        }
    }

    private void remove(final ChronicleMap<byte[], byte[]> map, final int keyLength) {
        try (ExternalMapQueryContext<byte[], byte[], ?> query = map.queryContext(key.store, 0, keyLength)) {
            query.updateLock().lock();
            final MapEntry<byte[], byte[]> entry = query.entry();
            if (entry != null) {
                query.remove(entry);
            }
        }
    }

    private static ChronicleMapBuilder<byte[], byte[]> accountsBuilder(final AccountStoreConfig config) {
        final int averageValueBytes = VALUE_HEADER_BYTES + Math.min(config.averageDataBytes(), INLINE_DATA_MAX_BYTES);
        return ChronicleMapBuilder.of(byte[].class, byte[].class)
            .name("lanes-accounts")
            // The runtime's own shutdown hook flushes and then closes the store; Chronicle's hook
            // would close the maps under that flush.
            .skipCloseOnExitHook(true)
            .constantKeySizeBySample(new byte[Pubkey.LENGTH])
            .averageValueSize(Math.max(MIN_AVERAGE_VALUE_BYTES, averageValueBytes))
            .entries(config.expectedAccounts())
            .maxBloatFactor(config.maxBloatFactor());
    }

    private static ChronicleMapBuilder<byte[], byte[]> dataPartsBuilder(final AccountStoreConfig config) {
        return ChronicleMapBuilder.of(byte[].class, byte[].class)
            .name("lanes-account-data")
            .skipCloseOnExitHook(true)
            .constantKeySizeBySample(new byte[PART_KEY_BYTES])
            .averageValueSize(PART_BYTES)
            .entries(Math.max(MIN_DATA_PARTS, config.expectedLargeDataBytes() / PART_BYTES))
            .maxBloatFactor(Math.max(config.maxBloatFactor(), MIN_DATA_PARTS_BLOAT_FACTOR));
    }

    private static ChronicleMap<byte[], byte[]> openMap(
        final ChronicleMapBuilder<byte[], byte[]> builder, final Path path, final boolean recover) throws IOException {
        final File file = path.toFile();
        return recover && file.exists() ? builder.recoverPersistedTo(file, false) : builder.createPersistedTo(file);
    }
}
