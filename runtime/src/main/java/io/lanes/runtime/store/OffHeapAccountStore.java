package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

import static io.lanes.runtime.store.SlotTable.DATA_LENGTH_OFFSET;
import static io.lanes.runtime.store.SlotTable.DATA_LOCATION_OFFSET;
import static io.lanes.runtime.store.SlotTable.EXECUTABLE_OFFSET;
import static io.lanes.runtime.store.SlotTable.KEY_OFFSET;
import static io.lanes.runtime.store.SlotTable.LAMPORTS_OFFSET;
import static io.lanes.runtime.store.SlotTable.OWNER_ID_OFFSET;
import static io.lanes.runtime.store.SlotTable.PERSISTED_LENGTH_OFFSET;
import static io.lanes.runtime.store.SlotTable.RENT_EPOCH_OFFSET;
import static io.lanes.runtime.store.SlotTable.SIZE_CLASS_OFFSET;
import static io.lanes.runtime.store.SlotTable.headerOffset;

/**
 * The account store: accounts in off-heap slots (headers in {@link SlotTable}, data in a
 * {@link DataArena}), keys resolved to dense slot ids by a {@link KeyIndex}, owners interned by an
 * {@link OwnerTable}. Optionally backed by Chronicle Map files as the store of record
 * ({@link #open}); otherwise memory only ({@link #inMemory}).
 *
 * <h2>Persistence</h2>
 * {@link #open} loads every stored account into the slots. {@link #save} marks the slot dirty;
 * {@link #flush} writes the dirty slots to the files atomically (through a {@link FlushJournal})
 * and removes accounts whose lamports dropped to zero. {@link #close} does not flush: what was
 * saved after the last flush is lost on close, exactly as after a crash, and the ledger replays
 * those transactions. Durability is against a process crash; the map files are memory-mapped and
 * not forced to the device, so after a power loss the ledger must rebuild from a snapshot.
 *
 * <h2>State hash</h2>
 * {@link #stateHash} is incremental: every change to a slot (save, lamport-only save, delete,
 * restore at open) marks it hash-dirty in the {@link SlotTable}, and the state hash re-digests only
 * the marked slots, replacing their contributions in a {@link StateHashCache}. The first state
 * hash after open digests every account. {@link #fullScanStateHash} computes the same value from
 * scratch.
 *
 * <h2>Threading</h2>
 * As {@link AccountStore}: one thread resolves keys; workers load and save disjoint slots
 * concurrently (data reallocation takes the arena's lock). {@link #flush}, {@link #stateHash},
 * the iterations and {@link #close} run while no save is in flight.
 *
 * <p>{@link #load}, {@link #save} and {@link #saveLamports} allocate nothing after warm-up.
 */
public final class OffHeapAccountStore implements AccountStore {
    private static final int DEFAULT_EXPECTED_ACCOUNTS = 1024;

    private final SlotTable slots = new SlotTable();
    private final KeyIndex index;
    private final OwnerTable owners = new OwnerTable();
    private final DataArena arena = new DataArena();
    /** A LongAdder: workers creating accounts at once would contend on one counter. */
    private final LongAdder accountCount = new LongAdder();
    private final ChronicleAccountFile file;
    private final StateHashCache hashCache = new StateHashCache();
    private final StateHasher incrementalHasher = new StateHasher();
    private final IntArrayList hashDirtySlots = new IntArrayList();
    private final AccountRecord flushRecord = new AccountRecord();
    /** Held by a flush and by a snapshot write: both use the files (and their scratch buffers). */
    private final Object persistLock = new Object();
    private final IntArrayList flushedSlots = new IntArrayList();
    private boolean closed;

    private OffHeapAccountStore(final int expectedAccounts, final ChronicleAccountFile file) {
        this.index = new KeyIndex(slots, expectedAccounts);
        this.file = file;
    }

    /** A store in memory only, sized for a small number of accounts (it grows). */
    public static OffHeapAccountStore inMemory() {
        return inMemory(DEFAULT_EXPECTED_ACCOUNTS);
    }

    /** A store in memory only, with its key index sized for the expected number of accounts. */
    public static OffHeapAccountStore inMemory(final int expectedAccounts) {
        return new OffHeapAccountStore(expectedAccounts, null);
    }

    /**
     * Opens (or creates) the store persisted in the directory ({@code accounts.cm3} and friends,
     * see {@link ChronicleAccountFile}), finishing a flush that a crash interrupted, and loads every
     * account into memory.
     */
    public static OffHeapAccountStore open(final Path directory, final AccountStoreConfig config) {
        final ChronicleAccountFile file = ChronicleAccountFile.open(directory, config);
        final int expected = (int) Math.min(Integer.MAX_VALUE, Math.max(file.accountCount(), config.expectedAccounts()));
        final OffHeapAccountStore store = new OffHeapAccountStore(expected, file);
        try {
            file.forEachAccount(store::restore);
        } catch (final RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public int resolve(final Pubkey key) {
        Objects.requireNonNull(key, "key");
        final int found = index.find(key);
        if (found >= 0) {
            return found;
        }
        final int slot = slots.add(key);
        index.insert(key, slot);
        return slot;
    }

    @Override
    public int find(final Pubkey key) {
        return index.find(key);
    }

    @Override
    public Pubkey key(final int slot) {
        return slots.key(slot);
    }

    @Override
    public int slotCount() {
        return slots.slotCount();
    }

    @Override
    public long lamports(final int slot) {
        return slots.lamports(slot);
    }

    @Override
    public Pubkey owner(final int slot) {
        return owners.owner(slots.ownerId(slot));
    }

    @Override
    public int dataLength(final int slot) {
        return slots.dataLength(slot);
    }

    @Override
    public void load(final int slot, final AccountBuffer into) {
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        final long lamports = chunk.getLong(header + LAMPORTS_OFFSET);
        if (lamports == 0) {
            into.clear();
            return;
        }
        into.lamports(lamports);
        into.rentEpoch(chunk.getLong(header + RENT_EPOCH_OFFSET));
        into.owner(owners.owner(chunk.getInt(header + OWNER_ID_OFFSET)));
        into.executable(chunk.getByte(header + EXECUTABLE_OFFSET) != 0);
        final long location = chunk.getLong(header + DATA_LOCATION_OFFSET);
        into.putData(arena.block(location), DataArena.offset(location), chunk.getInt(header + DATA_LENGTH_OFFSET));
    }

    @Override
    public void save(final int slot, final AccountBuffer from) {
        final long lamports = from.lamports();
        if (lamports == 0) {
            delete(slot);
            return;
        }
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        final boolean created = chunk.getLong(header + LAMPORTS_OFFSET) == 0;
        writeData(chunk, header, from.data(), 0, from.dataLength());
        final int ownerId = ownerId(chunk.getInt(header + OWNER_ID_OFFSET), from.owner());
        writeFields(chunk, header, lamports, from.rentEpoch(), ownerId, from.executable());
        markChanged(chunk, header, slot);
        if (created) {
            accountCount.increment();
        }
    }

    @Override
    public void saveLamports(final int slot, final long lamports) {
        if (lamports == 0) {
            delete(slot);
            return;
        }
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        final boolean created = chunk.getLong(header + LAMPORTS_OFFSET) == 0;
        assert !created || isCleared(chunk, header) : "a slot without lamports holds nothing else";
        chunk.putLong(header + LAMPORTS_OFFSET, lamports);
        markChanged(chunk, header, slot);
        if (created) {
            accountCount.increment();
        }
    }

    @Override
    public long accountCount() {
        return accountCount.sum();
    }

    /**
     * The state hash as defined by {@link StateHasher}: SHA-256 over the lane-wise sum (four u64
     * lanes, mod 2^64) of SHA-256(key, lamports u64 LE, owner, executable u8, data length u64 LE,
     * data) of every account with non-zero lamports. Incremental: re-digests only the slots changed
     * since the previous call, so it costs about one SHA-256 per changed slot plus a scan of one
     * byte per slot.
     */
    @Override
    public Hash stateHash() {
        hashDirtySlots.clear();
        slots.takeHashDirtySlots(hashDirtySlots);
        for (int i = 0; i < hashDirtySlots.size(); i++) {
            rehash(hashDirtySlots.getInt(i));
        }
        return hashCache.stateHash();
    }

    /**
     * The state hash computed from scratch over every account, ignoring (and leaving alone) the
     * incremental state: the reference {@link #stateHash} must always equal. Costs a scan of all
     * accounts.
     */
    Hash fullScanStateHash() {
        final StateHasher hasher = new StateHasher();
        forEachAccount(slot -> {
            digest(hasher, slot);
            hasher.addDigest();
        });
        return hasher.finish();
    }

    @Override
    public void forEachAccount(final IntConsumer action) {
        final int slotCount = slots.slotCount();
        for (int slot = 0; slot < slotCount; slot++) {
            if (slots.lamports(slot) != 0) {
                action.accept(slot);
            }
        }
    }

    @Override
    public void forEachAccountOwnedBy(final Pubkey owner, final IntConsumer action) {
        final int ownerId = owners.find(owner);
        if (ownerId < 0) {
            return;
        }
        forEachAccount(slot -> {
            if (slots.ownerId(slot) == ownerId) {
                action.accept(slot);
            }
        });
    }

    /** Bytes of direct memory held for account data (excluding slot headers). */
    public long dataArenaBytes() {
        return arena.reservedBytes();
    }

    /** Logical size of the persisted files (sparse; 0 for a store in memory). */
    public long fileBytes() {
        return file == null ? 0 : file.fileBytes();
    }

    /** The files behind a persisted store, or null; for tests. */
    ChronicleAccountFile file() {
        return file;
    }

    @Override
    public void flush() {
        if (file == null) {
            return;
        }
        synchronized (persistLock) {
            flushDirtySlots();
        }
    }

    /**
     * Writes the accounts as they were at the last {@link #flush} (read from the files, not from
     * memory) to a snapshot file; see {@link AccountSnapshots}. Execution may go on meanwhile: only
     * a flush waits for it.
     *
     * @return the number of accounts written
     */
    public long writeSnapshot(final Path target) throws IOException {
        if (file == null) {
            throw new IllegalStateException("an in-memory store has no flushed state to snapshot");
        }
        synchronized (persistLock) {
            return AccountSnapshots.write(file, target);
        }
    }

    private void flushDirtySlots() {
        takeDirtySlots();
        if (flushedSlots.isEmpty()) {
            return;
        }
        try {
            file.beginFlush();
            for (int i = 0; i < flushedSlots.size(); i++) {
                fillRecord(flushedSlots.getInt(i), flushRecord);
                file.journal(flushRecord);
            }
            file.commitFlush();
            applyFlushedSlots();
            file.endFlush();
        } catch (final IOException e) {
            remarkFlushedSlotsDirty();
            throw new UncheckedIOException("flush of the account store failed", e);
        } catch (final RuntimeException e) {
            remarkFlushedSlotsDirty();
            throw e;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            file.close();
        }
        slots.close();
        arena.close();
        hashCache.close();
    }

    private void delete(final int slot) {
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        if (chunk.getLong(header + LAMPORTS_OFFSET) == 0) {
            return;
        }
        writeData(chunk, header, chunk, 0, 0);
        writeFields(chunk, header, 0, 0, 0, false);
        assert isCleared(chunk, header);
        markChanged(chunk, header, slot);
        accountCount.decrement();
    }

    private static void writeFields(
        final UnsafeBuffer chunk, final int header, final long lamports, final long rentEpoch, final int ownerId,
        final boolean executable) {
        chunk.putLong(header + LAMPORTS_OFFSET, lamports);
        chunk.putLong(header + RENT_EPOCH_OFFSET, rentEpoch);
        chunk.putInt(header + OWNER_ID_OFFSET, ownerId);
        chunk.putByte(header + EXECUTABLE_OFFSET, (byte) (executable ? 1 : 0));
    }

    /** Sets the slot's data, moving it to another size class when the length needs one. */
    private void writeData(
        final UnsafeBuffer chunk, final int header, final DirectBuffer source, final int sourceOffset, final int length) {
        if (length > SizeClasses.MAX_DATA_BYTES) {
            throw new IllegalArgumentException("account data of " + length + " bytes exceeds " + SizeClasses.MAX_DATA_BYTES);
        }
        final int oldClass = chunk.getByte(header + SIZE_CLASS_OFFSET) & 0xFF;
        final int newClass = SizeClasses.classOf(length);
        long location = chunk.getLong(header + DATA_LOCATION_OFFSET);
        if (oldClass != newClass) {
            location = arena.reallocate(location, oldClass, newClass);
            chunk.putLong(header + DATA_LOCATION_OFFSET, location);
            chunk.putByte(header + SIZE_CLASS_OFFSET, (byte) newClass);
        }
        if (length > 0) {
            arena.block(location).putBytes(DataArena.offset(location), source, sourceOffset, length);
        }
        chunk.putInt(header + DATA_LENGTH_OFFSET, length);
    }

    /** Marks a changed slot hash-dirty and, for a persisted store, dirty for the next flush. */
    private void markChanged(final UnsafeBuffer chunk, final int header, final int slot) {
        slots.markHashDirty(slot);
        if (file != null) {
            slots.markDirty(chunk, header, slot);
        }
    }

    private int ownerId(final int currentId, final Pubkey owner) {
        return owner == owners.owner(currentId) ? currentId : owners.idOf(owner);
    }

    private static boolean isCleared(final UnsafeBuffer chunk, final int header) {
        return chunk.getLong(header + RENT_EPOCH_OFFSET) == 0
            && chunk.getLong(header + DATA_LOCATION_OFFSET) == DataArena.NO_DATA
            && chunk.getInt(header + DATA_LENGTH_OFFSET) == 0
            && chunk.getInt(header + OWNER_ID_OFFSET) == 0
            && chunk.getByte(header + EXECUTABLE_OFFSET) == 0
            && chunk.getByte(header + SIZE_CLASS_OFFSET) == 0;
    }

    /** Replaces the slot's contribution to the state hash with its current account's digest, if any. */
    private void rehash(final int slot) {
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        if (chunk.getLong(header + LAMPORTS_OFFSET) == 0) {
            assert isCleared(chunk, header) : "a slot without lamports holds nothing else";
            hashCache.clear(slot);
            return;
        }
        digest(incrementalHasher, slot);
        hashCache.update(slot, incrementalHasher);
    }

    /** Digests the existing account in the slot with the hasher (see {@link StateHasher#digest}). */
    private void digest(final StateHasher hasher, final int slot) {
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        final long location = chunk.getLong(header + DATA_LOCATION_OFFSET);
        hasher.digest(chunk, header + KEY_OFFSET, chunk.getLong(header + LAMPORTS_OFFSET),
            owners.owner(chunk.getInt(header + OWNER_ID_OFFSET)), chunk.getByte(header + EXECUTABLE_OFFSET) != 0,
            arena.block(location), DataArena.offset(location), chunk.getInt(header + DATA_LENGTH_OFFSET));
    }

    /** Copies the slot into the record: what the store of record should now hold for its key. */
    private void fillRecord(final int slot, final AccountRecord record) {
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        record.key.putBytes(0, chunk, header + KEY_OFFSET, Pubkey.LENGTH);
        record.lamports = chunk.getLong(header + LAMPORTS_OFFSET);
        record.rentEpoch = chunk.getLong(header + RENT_EPOCH_OFFSET);
        owners.owner(chunk.getInt(header + OWNER_ID_OFFSET)).copyTo(record.owner, 0);
        record.executable = chunk.getByte(header + EXECUTABLE_OFFSET) != 0;
        record.dataLength = chunk.getInt(header + DATA_LENGTH_OFFSET);
        final long location = chunk.getLong(header + DATA_LOCATION_OFFSET);
        record.data = arena.block(location);
        record.dataOffset = DataArena.offset(location);
        record.previousDataLength = chunk.getInt(header + PERSISTED_LENGTH_OFFSET);
    }

    /** Collects the dirty slots into {@link #flushedSlots} and clears their flags. */
    private void takeDirtySlots() {
        flushedSlots.clear();
        final int slotCount = slots.slotCount();
        final int chunkCount = SlotTable.chunkCountFor(slotCount);
        for (int chunkIndex = 0; chunkIndex < chunkCount; chunkIndex++) {
            if (!slots.takeChunkDirty(chunkIndex)) {
                continue;
            }
            final int end = Math.min(slotCount, (chunkIndex + 1) * SlotTable.SLOTS_PER_CHUNK);
            for (int slot = chunkIndex * SlotTable.SLOTS_PER_CHUNK; slot < end; slot++) {
                if (slots.takeDirty(slot)) {
                    flushedSlots.addInt(slot);
                }
            }
        }
    }

    /** After a failed flush: the next flush writes these slots again (its journal replaces this one's). */
    private void remarkFlushedSlotsDirty() {
        for (int i = 0; i < flushedSlots.size(); i++) {
            final int slot = flushedSlots.getInt(i);
            slots.markDirty(slots.chunk(slot), headerOffset(slot), slot);
        }
    }

    private void applyFlushedSlots() {
        for (int i = 0; i < flushedSlots.size(); i++) {
            final int slot = flushedSlots.getInt(i);
            fillRecord(slot, flushRecord);
            file.apply(flushRecord);
            slots.chunk(slot).putInt(headerOffset(slot) + PERSISTED_LENGTH_OFFSET, flushRecord.dataLength);
        }
    }

    /** Puts one account read from the store of record into a new slot (at open). */
    void restore(final AccountRecord record) {
        assert record.exists() : "the store of record holds no zero-lamport accounts";
        final int slot = resolve(Pubkey.read(record.key, 0));
        final UnsafeBuffer chunk = slots.chunk(slot);
        final int header = headerOffset(slot);
        assert chunk.getLong(header + LAMPORTS_OFFSET) == 0 : "each key is stored once";
        writeData(chunk, header, record.data, record.dataOffset, record.dataLength);
        writeFields(chunk, header, record.lamports, record.rentEpoch, restoredOwnerId(record.owner), record.executable);
        chunk.putInt(header + PERSISTED_LENGTH_OFFSET, record.dataLength);
        slots.markHashDirty(slot);
        accountCount.increment();
    }

    private int restoredOwnerId(final DirectBuffer owner) {
        final int known = owners.find(owner, 0);
        return known >= 0 ? known : owners.idOf(Pubkey.read(owner, 0));
    }
}
