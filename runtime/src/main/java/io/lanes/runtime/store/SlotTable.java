package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import org.agrona.BufferUtil;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Per-slot account headers in off-heap chunks of {@link #SLOTS_PER_CHUNK} slots, plus the cached
 * key object of each slot on heap. A new slot's header is all zeros: no lamports, owner id 0
 * (System), no data.
 *
 * <pre>
 * offset size field
 *      0    8 lamports
 *      8    8 rent epoch
 *     16    8 data location in the arena ({@link DataArena#NO_DATA} if none)
 *     24    4 data length in bytes
 *     28    4 owner id ({@link OwnerTable})
 *     32    1 executable (0 or 1)
 *     33    1 data size class
 *     34    1 dirty: changed since the last flush
 *     36    4 data length in the store of record (persisted stores only)
 *     40   32 key
 * </pre>
 * The fields that load and save touch come first (bytes 0 to 34), so they share one cache line
 * more often than not; the key, needed only by lookups, hashing and flushes, comes last.
 *
 * <p>The owner is an id into the owner table rather than 32 bytes here: loading then hands out
 * the interned owner key with one array read, and owner filters compare ints.
 *
 * <p>Besides the flush's dirty byte in the header, each slot has a "hash-dirty" byte: changed since
 * the last state hash. Those bytes live in a dense map per chunk (one byte per slot, 16 KiB per
 * chunk) rather than in the header, so that the state hash finds the few changed slots among a
 * million by scanning 1 MiB eight bytes at a time instead of 72 MB of headers.
 *
 * <h2>Threading</h2>
 * Slots are added by the single index writer. Header fields of a slot are read and written by
 * whichever thread owns the slot at the time; chunk references are written before the slot
 * count that covers them is published (volatile), and never change until close.
 */
final class SlotTable implements AutoCloseable {
    static final int HEADER_BYTES = 72;
    static final int LAMPORTS_OFFSET = 0;
    static final int RENT_EPOCH_OFFSET = 8;
    static final int DATA_LOCATION_OFFSET = 16;
    static final int DATA_LENGTH_OFFSET = 24;
    static final int OWNER_ID_OFFSET = 28;
    static final int EXECUTABLE_OFFSET = 32;
    static final int SIZE_CLASS_OFFSET = 33;
    static final int DIRTY_OFFSET = 34;
    static final int PERSISTED_LENGTH_OFFSET = 36;
    static final int KEY_OFFSET = 40;

    static final int CHUNK_SHIFT = 14;
    static final int SLOTS_PER_CHUNK = 1 << CHUNK_SHIFT;
    private static final int SLOT_MASK = SLOTS_PER_CHUNK - 1;
    private static final int MAX_CHUNKS = (Integer.MAX_VALUE >>> CHUNK_SHIFT) + 1;
    /** Reads eight bytes of a hash-dirty map as one long (only zero or non-zero matters). */
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final UnsafeBuffer[] chunks = new UnsafeBuffer[MAX_CHUNKS];
    private final Pubkey[][] keysByChunk = new Pubkey[MAX_CHUNKS][];
    /** 1 where some slot of the chunk may be dirty; written by savers, cleared by flush. */
    private final byte[] dirtyChunks = new byte[MAX_CHUNKS];
    /** Per chunk, one byte per slot: 1 if the slot changed since the last state hash. */
    private final byte[][] hashDirtyByChunk = new byte[MAX_CHUNKS][];
    /** 1 where some slot of the chunk may be hash-dirty; written by savers, cleared by the hash. */
    private final byte[] hashDirtyChunks = new byte[MAX_CHUNKS];
    private volatile int slotCount;

    int slotCount() {
        return slotCount;
    }

    static int chunkCountFor(final int slotCount) {
        return (slotCount + SLOT_MASK) >>> CHUNK_SHIFT;
    }

    /** Adds a slot for the key and returns its id. Single writer. */
    int add(final Pubkey key) {
        final int slot = slotCount;
        if (slot == Integer.MAX_VALUE) {
            throw new IllegalStateException("slot ids exhausted");
        }
        final int chunkIndex = slot >>> CHUNK_SHIFT;
        if (chunks[chunkIndex] == null) {
            chunks[chunkIndex] = new UnsafeBuffer(ByteBuffer.allocateDirect(SLOTS_PER_CHUNK * HEADER_BYTES));
            keysByChunk[chunkIndex] = new Pubkey[SLOTS_PER_CHUNK];
            hashDirtyByChunk[chunkIndex] = new byte[SLOTS_PER_CHUNK];
        }
        keysByChunk[chunkIndex][slot & SLOT_MASK] = key;
        key.copyTo(chunks[chunkIndex], headerOffset(slot) + KEY_OFFSET);
        slotCount = slot + 1;
        return slot;
    }

    Pubkey key(final int slot) {
        checkSlot(slot);
        return keysByChunk[slot >>> CHUNK_SHIFT][slot & SLOT_MASK];
    }

    /** The chunk that holds the slot's header; use with {@link #headerOffset}. */
    UnsafeBuffer chunk(final int slot) {
        checkSlot(slot);
        return chunks[slot >>> CHUNK_SHIFT];
    }

    static int headerOffset(final int slot) {
        return (slot & SLOT_MASK) * HEADER_BYTES;
    }

    long lamports(final int slot) {
        return chunk(slot).getLong(headerOffset(slot) + LAMPORTS_OFFSET);
    }

    int ownerId(final int slot) {
        return chunk(slot).getInt(headerOffset(slot) + OWNER_ID_OFFSET);
    }

    int dataLength(final int slot) {
        return chunk(slot).getInt(headerOffset(slot) + DATA_LENGTH_OFFSET);
    }

    /**
     * Marks the slot (whose header is at {@code header} in {@code chunk}) changed. The chunk flag
     * is written only when clear, so workers saving in the same chunk do not bounce its cache line.
     */
    void markDirty(final UnsafeBuffer chunk, final int header, final int slot) {
        assert chunk == chunk(slot) && header == headerOffset(slot);
        chunk.putByte(header + DIRTY_OFFSET, (byte) 1);
        final int chunkIndex = slot >>> CHUNK_SHIFT;
        if (dirtyChunks[chunkIndex] == 0) {
            dirtyChunks[chunkIndex] = 1;
        }
    }

    /** True (and clears the chunk's flag) if some slot of the chunk may be dirty. */
    boolean takeChunkDirty(final int chunkIndex) {
        final boolean dirty = dirtyChunks[chunkIndex] != 0;
        dirtyChunks[chunkIndex] = 0;
        return dirty;
    }

    /** True (and clears the slot's flag) if the slot changed since the last take. */
    boolean takeDirty(final int slot) {
        final UnsafeBuffer chunk = chunk(slot);
        final int offset = headerOffset(slot) + DIRTY_OFFSET;
        final boolean dirty = chunk.getByte(offset) != 0;
        chunk.putByte(offset, (byte) 0);
        return dirty;
    }

    /**
     * Marks the slot changed since the last state hash: one byte store (skipped when already set)
     * plus the chunk's flag when clear. Workers saving distinct slots may call it at once: they
     * write distinct array elements, and the chunk flag only ever goes from 0 to 1 while they run.
     */
    void markHashDirty(final int slot) {
        assert slot >= 0 && slot < slotCount;
        final int chunkIndex = slot >>> CHUNK_SHIFT;
        final byte[] hashDirty = hashDirtyByChunk[chunkIndex];
        final int index = slot & SLOT_MASK;
        if (hashDirty[index] == 0) {
            hashDirty[index] = 1;
        }
        if (hashDirtyChunks[chunkIndex] == 0) {
            hashDirtyChunks[chunkIndex] = 1;
        }
    }

    /**
     * Appends every hash-dirty slot to {@code into} in slot order and clears their marks. Run only
     * while no slot is being saved.
     */
    void takeHashDirtySlots(final IntArrayList into) {
        final int chunkCount = chunkCountFor(slotCount);
        for (int chunkIndex = 0; chunkIndex < chunkCount; chunkIndex++) {
            if (hashDirtyChunks[chunkIndex] != 0) {
                hashDirtyChunks[chunkIndex] = 0;
                takeHashDirtySlots(chunkIndex, into);
            }
        }
    }

    /** Scans one chunk's hash-dirty map a word (eight slots) at a time. */
    private void takeHashDirtySlots(final int chunkIndex, final IntArrayList into) {
        final byte[] hashDirty = hashDirtyByChunk[chunkIndex];
        final int firstSlot = chunkIndex << CHUNK_SHIFT;
        for (int index = 0; index < SLOTS_PER_CHUNK; index += Long.BYTES) {
            if ((long) WORD.get(hashDirty, index) == 0) {
                continue;
            }
            for (int i = index; i < index + Long.BYTES; i++) {
                if (hashDirty[i] != 0) {
                    hashDirty[i] = 0;
                    into.addInt(firstSlot + i);
                }
            }
        }
    }

    @Override
    public void close() {
        for (int chunkIndex = 0; chunkIndex < MAX_CHUNKS && chunks[chunkIndex] != null; chunkIndex++) {
            BufferUtil.free(chunks[chunkIndex]);
            chunks[chunkIndex] = null;
            keysByChunk[chunkIndex] = null;
            hashDirtyByChunk[chunkIndex] = null;
        }
    }

    private void checkSlot(final int slot) {
        if (slot < 0 || slot >= slotCount) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + slotCount);
        }
    }
}
