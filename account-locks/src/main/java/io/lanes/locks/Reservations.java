package io.lanes.locks;

import java.util.Arrays;

/**
 * Accounts reserved during one scheduling pass by transactions that were visited but not
 * scheduled. A later transaction of the same pass that would conflict with a reservation must
 * wait too, so conflicting transactions always run in priority order.
 *
 * <p>Marks are pass stamps, not flags: starting a pass bumps the stamp, which clears every mark at
 * once without touching the arrays (they are wiped only when the stamp wraps around).
 */
final class Reservations {
    private static final int MIN_CAPACITY = 16;

    private int[] writeStamps;
    private int[] readStamps;
    private int passStamp;

    Reservations(int initialAccounts) {
        int capacity = Math.max(MIN_CAPACITY, initialAccounts);
        writeStamps = new int[capacity];
        readStamps = new int[capacity];
    }

    void ensureCapacity(int accounts) {
        if (accounts > writeStamps.length) {
            int newCapacity = Math.max(accounts, 2 * writeStamps.length);
            writeStamps = Arrays.copyOf(writeStamps, newCapacity);
            readStamps = Arrays.copyOf(readStamps, newCapacity);
        }
    }

    /** Drops every reservation. */
    void beginPass() {
        if (passStamp == Integer.MAX_VALUE) {
            Arrays.fill(writeStamps, 0);
            Arrays.fill(readStamps, 0);
            passStamp = 0;
        }
        passStamp++;
    }

    /** True when writing {@code writeIds} or reading {@code readIds} conflicts with a reservation. */
    boolean conflicts(int[] writeIds, int writeCount, int[] readIds, int readCount) {
        int stamp = passStamp;
        for (int i = 0; i < writeCount; i++) {
            int account = writeIds[i];
            if (writeStamps[account] == stamp || readStamps[account] == stamp) {
                return true;
            }
        }
        for (int i = 0; i < readCount; i++) {
            if (writeStamps[readIds[i]] == stamp) {
                return true;
            }
        }
        return false;
    }

    /** Reserves the accounts of a transaction that waits, for the rest of the pass. */
    void reserve(int[] writeIds, int writeCount, int[] readIds, int readCount) {
        int stamp = passStamp;
        for (int i = 0; i < writeCount; i++) {
            writeStamps[writeIds[i]] = stamp;
        }
        for (int i = 0; i < readCount; i++) {
            readStamps[readIds[i]] = stamp;
        }
    }
}
