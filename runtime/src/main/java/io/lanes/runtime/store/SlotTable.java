package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

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

    private final UnsafeBuffer[] chunks = new UnsafeBuffer[MAX_CHUNKS];
    private final Pubkey[][] keysByChunk = new Pubkey[MAX_CHUNKS][];
    /** 1 where some slot of the chunk may be dirty; written by savers, cleared by flush. */
    private final byte[] dirtyChunks = new byte[MAX_CHUNKS];
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

    @Override
    public void close() {
        for (int chunkIndex = 0; chunkIndex < MAX_CHUNKS && chunks[chunkIndex] != null; chunkIndex++) {
            BufferUtil.free(chunks[chunkIndex]);
            chunks[chunkIndex] = null;
            keysByChunk[chunkIndex] = null;
        }
    }

    private void checkSlot(final int slot) {
        if (slot < 0 || slot >= slotCount) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + slotCount);
        }
    }
}
