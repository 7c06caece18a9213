package io.lanes.runtime.store;

import org.agrona.BufferUtil;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Off-heap memory for account data, in {@link SizeClasses size classes} with a free list per class.
 *
 * <p>A location is a long: block id in the high 32 bits, byte offset in the block in the low 32
 * bits. Location 0 means "no data" (block 0 is never used). Small classes (up to
 * {@link #MAX_PAGED_CAPACITY_BYTES}) are carved from shared pages of {@link #PAGE_BYTES}; larger
 * classes get a block of their own, freed as soon as it is released.
 *
 * <h2>Threading</h2>
 * {@link #reallocate} may be called from several threads at once (each for its own account), so it
 * takes the arena's lock. Reading and writing the bytes at a location needs no lock: a location
 * belongs to one account slot, and the slot's owner (the lock table) decides who touches it. A
 * block reference is written before the location is handed out, and handing a slot to another
 * thread publishes it.
 */
final class DataArena implements AutoCloseable {
    static final long NO_DATA = 0L;
    static final int PAGE_BYTES = 4 * 1024 * 1024;
    static final int MAX_PAGED_CAPACITY_BYTES = 64 * 1024;
    private static final int MAX_BLOCKS = 1 << 18;

    private final UnsafeBuffer[] blocks = new UnsafeBuffer[MAX_BLOCKS];
    private final LongArrayList[] freeLocationsByClass = new LongArrayList[SizeClasses.CLASS_COUNT];
    private final IntArrayList freeBlockIds = new IntArrayList();
    private int nextBlockId = 1;
    private int pageBlockId;
    private int pageUsedBytes = PAGE_BYTES;
    private long reservedBytes;

    DataArena() {
        for (int sizeClass = 1; sizeClass < SizeClasses.CLASS_COUNT; sizeClass++) {
            freeLocationsByClass[sizeClass] = new LongArrayList();
        }
    }

    private static final UnsafeBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    /**
     * The block that holds the location (an empty buffer for {@link #NO_DATA}); valid while the
     * location is allocated.
     */
    UnsafeBuffer block(final long location) {
        return location == NO_DATA ? EMPTY : blocks[(int) (location >>> 32)];
    }

    static int offset(final long location) {
        return (int) location;
    }

    /**
     * Releases the old location (if any) and returns one of the new class (NO_DATA for class 0).
     * The contents of the new location are unspecified.
     */
    synchronized long reallocate(final long oldLocation, final int oldClass, final int newClass) {
        release(oldLocation, oldClass);
        return allocate(newClass);
    }

    /** Bytes of direct memory held for data: pages and large blocks, used or free. */
    synchronized long reservedBytes() {
        return reservedBytes;
    }

    @Override
    public synchronized void close() {
        for (int blockId = 1; blockId < nextBlockId; blockId++) {
            if (blocks[blockId] != null) {
                BufferUtil.free(blocks[blockId]);
                blocks[blockId] = null;
            }
        }
        reservedBytes = 0;
    }

    private long allocate(final int sizeClass) {
        if (sizeClass == 0) {
            return NO_DATA;
        }
        final int capacityBytes = SizeClasses.capacityBytes(sizeClass);
        if (capacityBytes > MAX_PAGED_CAPACITY_BYTES) {
            return location(newBlock(capacityBytes), 0);
        }
        final LongArrayList free = freeLocationsByClass[sizeClass];
        if (!free.isEmpty()) {
            return free.popLong();
        }
        return carve(capacityBytes);
    }

    private void release(final long location, final int sizeClass) {
        if (location == NO_DATA) {
            assert sizeClass == 0 : sizeClass;
            return;
        }
        assert sizeClass > 0;
        if (SizeClasses.capacityBytes(sizeClass) > MAX_PAGED_CAPACITY_BYTES) {
            freeBlock((int) (location >>> 32));
        } else {
            freeLocationsByClass[sizeClass].pushLong(location);
        }
    }

    private long carve(final int capacityBytes) {
        if (pageUsedBytes + capacityBytes > PAGE_BYTES) {
            pageBlockId = newBlock(PAGE_BYTES);
            pageUsedBytes = 0;
        }
        final long location = location(pageBlockId, pageUsedBytes);
        pageUsedBytes += capacityBytes;
        return location;
    }

    private int newBlock(final int capacityBytes) {
        final int blockId = freeBlockIds.isEmpty() ? nextBlockId++ : freeBlockIds.popInt();
        if (blockId >= MAX_BLOCKS) {
            throw new IllegalStateException("data arena is out of block ids: " + MAX_BLOCKS);
        }
        assert blocks[blockId] == null;
        blocks[blockId] = new UnsafeBuffer(ByteBuffer.allocateDirect(capacityBytes));
        reservedBytes += capacityBytes;
        return blockId;
    }

    private void freeBlock(final int blockId) {
        final UnsafeBuffer block = blocks[blockId];
        reservedBytes -= block.capacity();
        blocks[blockId] = null;
        BufferUtil.free(block);
        freeBlockIds.pushInt(blockId);
    }

    private static long location(final int blockId, final int offsetBytes) {
        return ((long) blockId << 32) | offsetBytes;
    }
}
