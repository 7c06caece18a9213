package io.lanes.locks;

import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * Read/write locks of accounts, held by workers, over dense account ids {@code 0..capacity()-1}.
 *
 * <p>Per account the table keeps the writer (at most one worker, with a count: a worker may hold
 * several write locks on one account, one per queued transaction) and the readers (a 64-bit mask
 * over workers, with a count per (account, worker)). One worker may hold read and write locks on the
 * same account at once: its transactions run one after another, so they never race.
 *
 * <p>Two workers conflict on an account when one writes it and the other reads or writes it.
 * {@link #lock} refuses (with {@link IllegalStateException}) to create such a conflict and
 * {@link #unlock} refuses to release a lock that is not held; a refused call changes nothing.
 *
 * <p>Not thread-safe: owned by one thread (the scheduler). No allocation after warm-up, except
 * when {@link #ensureCapacity} grows the arrays or the read-count map grows.
 */
public final class AccountLockTable {
    /** Most workers a table can tell apart: one bit each in a {@code long}. */
    public static final int MAX_WORKERS = 64;

    private static final int MIN_CAPACITY = 16;
    private static final int WRITER_SLOT = 0;
    private static final int READERS_SLOT = 1;
    private static final int SLOTS_PER_ACCOUNT = 2;

    /** Per account, two words: the writer's bit (0 when none) and the readers' mask. */
    private long[] workerMasks;
    /** Per account, how many write locks the writer holds. */
    private int[] writeCounts;
    /**
     * Read locks beyond the first, keyed by {@code account << 6 | worker}. The first read lock of a
     * worker is its bit in the readers' mask, so a worker with one read lock costs no map entry.
     */
    private final Long2LongHashMap extraReadCounts = new Long2LongHashMap(64, 0.5f, 0L);
    private int capacity;
    private int lockedAccountCount;

    /** Creates a table for account ids {@code 0..initialAccounts-1}; it grows on demand. */
    public AccountLockTable(int initialAccounts) {
        if (initialAccounts < 0) {
            throw new IllegalArgumentException("initialAccounts must be >= 0: " + initialAccounts);
        }
        capacity = Math.max(MIN_CAPACITY, initialAccounts);
        workerMasks = new long[capacity * SLOTS_PER_ACCOUNT];
        writeCounts = new int[capacity];
    }

    /** Number of account ids the table holds: valid ids are {@code 0..capacity()-1}. */
    public int capacity() {
        return capacity;
    }

    /** Grows the table (at least doubling) so that ids {@code 0..accounts-1} are valid. */
    public void ensureCapacity(int accounts) {
        if (accounts <= capacity) {
            return;
        }
        int newCapacity = (int) Math.min(Integer.MAX_VALUE / SLOTS_PER_ACCOUNT, Math.max(accounts, 2L * capacity));
        if (newCapacity < accounts) {
            throw new IllegalArgumentException("too many accounts: " + accounts);
        }
        workerMasks = Arrays.copyOf(workerMasks, newCapacity * SLOTS_PER_ACCOUNT);
        writeCounts = Arrays.copyOf(writeCounts, newCapacity);
        capacity = newCapacity;
    }

    /**
     * Workers whose held locks conflict with a transaction that writes {@code writeIds[0..writeCount)}
     * and reads {@code readIds[0..readCount)}: a bit per worker that writes an account in either set
     * or reads an account in the write set.
     */
    public long conflictingWorkers(int[] writeIds, int writeCount, int[] readIds, int readCount) {
        long conflicts = 0;
        long[] masks = workerMasks;
        for (int i = 0; i < writeCount; i++) {
            int slot = writeIds[i] * SLOTS_PER_ACCOUNT;
            conflicts |= masks[slot + WRITER_SLOT] | masks[slot + READERS_SLOT];
        }
        for (int i = 0; i < readCount; i++) {
            conflicts |= masks[readIds[i] * SLOTS_PER_ACCOUNT + WRITER_SLOT];
        }
        return conflicts;
    }

    /**
     * Takes the locks of one transaction for {@code worker}: a write lock on each of
     * {@code writeIds[0..writeCount)} and a read lock on each of {@code readIds[0..readCount)}.
     *
     * @throws IllegalStateException if another worker holds a conflicting lock (nothing is locked)
     * @throws IllegalArgumentException if the worker or an id is out of range (nothing is locked)
     */
    public void lock(int worker, int[] writeIds, int writeCount, int[] readIds, int readCount) {
        long workerBit = workerBit(worker);
        checkIds(writeIds, writeCount);
        checkIds(readIds, readCount);
        for (int i = 0; i < writeCount; i++) {
            if (!tryLockWrite(writeIds[i], workerBit)) {
                unlockWrites(writeIds, i, workerBit);
                throw new IllegalStateException("worker " + worker + " cannot write-lock account "
                        + writeIds[i] + ": " + describe(writeIds[i]));
            }
        }
        for (int i = 0; i < readCount; i++) {
            if (!tryLockRead(readIds[i], worker, workerBit)) {
                unlockReads(readIds, i, worker, workerBit);
                unlockWrites(writeIds, writeCount, workerBit);
                throw new IllegalStateException("worker " + worker + " cannot read-lock account "
                        + readIds[i] + ": " + describe(readIds[i]));
            }
        }
    }

    /**
     * Releases the locks that {@link #lock} took with the same arguments.
     *
     * @throws IllegalStateException if {@code worker} does not hold one of them (nothing is released)
     * @throws IllegalArgumentException if the worker or an id is out of range (nothing is released)
     */
    public void unlock(int worker, int[] writeIds, int writeCount, int[] readIds, int readCount) {
        long workerBit = workerBit(worker);
        checkIds(writeIds, writeCount);
        checkIds(readIds, readCount);
        for (int i = 0; i < writeCount; i++) {
            if (!tryUnlockWrite(writeIds[i], workerBit)) {
                relockWrites(writeIds, i, workerBit);
                throw new IllegalStateException("worker " + worker + " holds no write lock on account "
                        + writeIds[i] + ": " + describe(writeIds[i]));
            }
        }
        for (int i = 0; i < readCount; i++) {
            if (!tryUnlockRead(readIds[i], worker, workerBit)) {
                relockReads(readIds, i, worker, workerBit);
                relockWrites(writeIds, writeCount, workerBit);
                throw new IllegalStateException("worker " + worker + " holds no read lock on account "
                        + readIds[i] + ": " + describe(readIds[i]));
            }
        }
    }

    /** True when no lock is held on any account. */
    public boolean isUnlocked() {
        assert lockedAccountCount != 0 || extraReadCounts.isEmpty() : "read counts left without locks";
        return lockedAccountCount == 0;
    }

    /** Number of accounts on which at least one lock is held. */
    public int lockedAccountCount() {
        return lockedAccountCount;
    }

    /** The worker holding write locks on {@code account}, or -1 when none does. */
    public int writer(int account) {
        long writerBit = workerMasks[account * SLOTS_PER_ACCOUNT + WRITER_SLOT];
        return writerBit == 0 ? -1 : Long.numberOfTrailingZeros(writerBit);
    }

    /** How many write locks the writer of {@code account} holds (0 when none). */
    public int writeCount(int account) {
        return writeCounts[account];
    }

    /** Bit per worker holding at least one read lock on {@code account}. */
    public long readerMask(int account) {
        return workerMasks[account * SLOTS_PER_ACCOUNT + READERS_SLOT];
    }

    /** How many read locks {@code worker} holds on {@code account}. */
    public int readCount(int account, int worker) {
        if ((readerMask(account) & workerBit(worker)) == 0) {
            return 0;
        }
        return 1 + (int) extraReadCounts.get(readKey(account, worker));
    }

    private boolean tryLockWrite(int account, long workerBit) {
        int slot = account * SLOTS_PER_ACCOUNT;
        long writerBit = workerMasks[slot + WRITER_SLOT];
        long readerMask = workerMasks[slot + READERS_SLOT];
        if (((writerBit | readerMask) & ~workerBit) != 0) {
            return false;
        }
        if ((writerBit | readerMask) == 0) {
            lockedAccountCount++;
        }
        workerMasks[slot + WRITER_SLOT] = workerBit;
        writeCounts[account]++;
        assert invariantHolds(account);
        return true;
    }

    private boolean tryUnlockWrite(int account, long workerBit) {
        int slot = account * SLOTS_PER_ACCOUNT;
        if (workerMasks[slot + WRITER_SLOT] != workerBit) {
            return false;
        }
        if (--writeCounts[account] == 0) {
            workerMasks[slot + WRITER_SLOT] = 0;
            countIfReleased(slot);
        }
        assert invariantHolds(account);
        return true;
    }

    private boolean tryLockRead(int account, int worker, long workerBit) {
        int slot = account * SLOTS_PER_ACCOUNT;
        long writerBit = workerMasks[slot + WRITER_SLOT];
        long readerMask = workerMasks[slot + READERS_SLOT];
        if ((writerBit & ~workerBit) != 0) {
            return false;
        }
        if ((readerMask & workerBit) == 0) {
            if ((writerBit | readerMask) == 0) {
                lockedAccountCount++;
            }
            workerMasks[slot + READERS_SLOT] = readerMask | workerBit;
        } else {
            long key = readKey(account, worker);
            extraReadCounts.put(key, extraReadCounts.get(key) + 1);
        }
        assert invariantHolds(account);
        return true;
    }

    private boolean tryUnlockRead(int account, int worker, long workerBit) {
        int slot = account * SLOTS_PER_ACCOUNT;
        long readerMask = workerMasks[slot + READERS_SLOT];
        if ((readerMask & workerBit) == 0) {
            return false;
        }
        long key = readKey(account, worker);
        long extraReads = extraReadCounts.get(key);
        if (extraReads == 0) {
            workerMasks[slot + READERS_SLOT] = readerMask & ~workerBit;
            countIfReleased(slot);
        } else if (extraReads == 1) {
            extraReadCounts.remove(key);
        } else {
            extraReadCounts.put(key, extraReads - 1);
        }
        assert invariantHolds(account);
        return true;
    }

    private void countIfReleased(int slot) {
        if ((workerMasks[slot + WRITER_SLOT] | workerMasks[slot + READERS_SLOT]) == 0) {
            lockedAccountCount--;
        }
    }

    private void unlockWrites(int[] writeIds, int count, long workerBit) {
        for (int i = count - 1; i >= 0; i--) {
            boolean released = tryUnlockWrite(writeIds[i], workerBit);
            assert released : "rollback of a write lock failed";
        }
    }

    private void unlockReads(int[] readIds, int count, int worker, long workerBit) {
        for (int i = count - 1; i >= 0; i--) {
            boolean released = tryUnlockRead(readIds[i], worker, workerBit);
            assert released : "rollback of a read lock failed";
        }
    }

    private void relockWrites(int[] writeIds, int count, long workerBit) {
        for (int i = count - 1; i >= 0; i--) {
            boolean locked = tryLockWrite(writeIds[i], workerBit);
            assert locked : "rollback of a write unlock failed";
        }
    }

    private void relockReads(int[] readIds, int count, int worker, long workerBit) {
        for (int i = count - 1; i >= 0; i--) {
            boolean locked = tryLockRead(readIds[i], worker, workerBit);
            assert locked : "rollback of a read unlock failed";
        }
    }

    private void checkIds(int[] ids, int count) {
        if (count < 0 || count > ids.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + ids.length);
        }
        for (int i = 0; i < count; i++) {
            if (ids[i] < 0 || ids[i] >= capacity) {
                throw new IllegalArgumentException("account id " + ids[i] + " outside 0.." + (capacity - 1));
            }
        }
    }

    private boolean invariantHolds(int account) {
        int slot = account * SLOTS_PER_ACCOUNT;
        long writerBit = workerMasks[slot + WRITER_SLOT];
        long readerMask = workerMasks[slot + READERS_SLOT];
        boolean oneWriterAtMost = Long.bitCount(writerBit) <= 1;
        boolean countMatchesWriter = (writerBit == 0) == (writeCounts[account] == 0);
        boolean readersAreTheWriter = writerBit == 0 || (readerMask & ~writerBit) == 0;
        return oneWriterAtMost && countMatchesWriter && readersAreTheWriter;
    }

    private String describe(int account) {
        return "writer=" + writer(account) + " writeCount=" + writeCount(account)
                + " readers=0x" + Long.toHexString(readerMask(account));
    }

    private static long readKey(int account, int worker) {
        return ((long) account << 6) | worker;
    }

    private static long workerBit(int worker) {
        if (worker < 0 || worker >= MAX_WORKERS) {
            throw new IllegalArgumentException("worker " + worker + " outside 0.." + (MAX_WORKERS - 1));
        }
        return 1L << worker;
    }
}
