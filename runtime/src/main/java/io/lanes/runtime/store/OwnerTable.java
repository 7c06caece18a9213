package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Interns account owners (program ids: few distinct values) as dense int ids, so a slot header
 * stores 4 bytes and loading hands out the same {@link Pubkey} object every time without
 * allocating. Id 0 is the System program, so a zeroed header means "owned by System".
 *
 * <h2>Threading</h2>
 * {@link #owner(int)} and the lookup half of {@link #idOf(Pubkey)} are lock-free and may run on
 * any thread; adding a new owner takes the table's lock. An id handed out by {@link #idOf} is
 * valid on every thread that later sees it through a happens-before edge (the slot hand-off):
 * the by-id array element is written before the index entry is released, and index entries are
 * read with acquire semantics.
 */
final class OwnerTable {
    private static final VarHandle ENTRIES = MethodHandles.arrayElementVarHandle(Entry[].class);
    private static final int INITIAL_CAPACITY = 64;

    /** An interned owner; final fields, so a racy reader sees it whole. */
    private static final class Entry {
        final Pubkey owner;
        final int id;

        Entry(final Pubkey owner, final int id) {
            this.owner = owner;
            this.id = id;
        }
    }

    private volatile Pubkey[] ownersById = new Pubkey[INITIAL_CAPACITY];
    private volatile Entry[] index = new Entry[INITIAL_CAPACITY * 2];
    private int count;

    OwnerTable() {
        final int systemId = idOf(Pubkey.SYSTEM_PROGRAM);
        assert systemId == 0;
    }

    Pubkey owner(final int id) {
        return ownersById[id];
    }

    /** Number of distinct owners seen. */
    synchronized int size() {
        return count;
    }

    /** The owner's id, interning it if new. Allocation-free when the owner is known. */
    int idOf(final Pubkey owner) {
        final Entry found = find(index, owner);
        return found != null ? found.id : insert(owner);
    }

    /** The owner's id, or -1 if it is not interned. */
    int find(final Pubkey owner) {
        final Entry found = find(index, owner);
        return found != null ? found.id : -1;
    }

    /** The id of the owner whose 32 bytes are at the offset, or -1 if it is not interned. */
    int find(final DirectBuffer buffer, final int offset) {
        final Entry[] entries = index;
        final int mask = entries.length - 1;
        for (int i = hash(buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN)) & mask; ; i = (i + 1) & mask) {
            final Entry entry = (Entry) ENTRIES.getAcquire(entries, i);
            if (entry == null) {
                return -1;
            }
            if (entry.owner.equalsBytesAt(buffer, offset)) {
                return entry.id;
            }
        }
    }

    private static Entry find(final Entry[] entries, final Pubkey owner) {
        final int mask = entries.length - 1;
        for (int i = hash(owner.prefix()) & mask; ; i = (i + 1) & mask) {
            final Entry entry = (Entry) ENTRIES.getAcquire(entries, i);
            if (entry == null || entry.owner == owner || entry.owner.equals(owner)) {
                return entry;
            }
        }
    }

    private synchronized int insert(final Pubkey owner) {
        final Entry existing = find(index, owner);
        if (existing != null) {
            return existing.id;
        }
        final int id = count;
        appendById(owner, id);
        Entry[] entries = index;
        if ((count + 1) * 2 > entries.length) {
            entries = rehash(entries, entries.length * 2);
        }
        place(entries, new Entry(owner, id));
        index = entries;
        count = id + 1;
        return id;
    }

    private void appendById(final Pubkey owner, final int id) {
        Pubkey[] byId = ownersById;
        if (id == byId.length) {
            byId = Arrays.copyOf(byId, byId.length * 2);
        }
        byId[id] = owner;
        ownersById = byId;
    }

    private static Entry[] rehash(final Entry[] entries, final int capacity) {
        final Entry[] bigger = new Entry[capacity];
        for (final Entry entry : entries) {
            if (entry != null) {
                place(bigger, entry);
            }
        }
        return bigger;
    }

    private static void place(final Entry[] entries, final Entry entry) {
        final int mask = entries.length - 1;
        int i = hash(entry.owner.prefix()) & mask;
        while (entries[i] != null) {
            i = (i + 1) & mask;
        }
        ENTRIES.setRelease(entries, i, entry);
    }

    private static int hash(final long prefix) {
        final long mixed = prefix * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32);
    }
}
