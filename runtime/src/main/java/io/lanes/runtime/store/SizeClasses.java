package io.lanes.runtime.store;

/**
 * Size classes of the data arena. Class 0 holds no bytes (an account without data). Classes 1 to 8
 * step by 16 bytes up to 128; above that each power-of-two range is split in four equal steps
 * (160, 192, 224, 256, 320, ...), so at most a quarter of a data allocation is slack. The last
 * class is exactly {@link #MAX_DATA_BYTES} (10 MiB = 1.25 * 2^23).
 */
final class SizeClasses {
    /** Largest account data Solana allows, and the largest this store holds. */
    static final int MAX_DATA_BYTES = 10 * 1024 * 1024;

    private static final int LINEAR_STEP_BYTES = 16;
    private static final int LINEAR_CLASSES = 8;
    private static final int LINEAR_MAX_BYTES = LINEAR_STEP_BYTES * LINEAR_CLASSES;
    private static final int LINEAR_MAX_SHIFT = 7;
    private static final int STEPS_PER_DOUBLING = 4;

    static final int CLASS_COUNT = classOf(MAX_DATA_BYTES) + 1;
    private static final int[] CAPACITY_BYTES = capacities();

    private SizeClasses() {
    }

    /** The smallest class whose capacity holds the length. */
    static int classOf(final int lengthBytes) {
        assert lengthBytes >= 0 && lengthBytes <= MAX_DATA_BYTES : lengthBytes;
        if (lengthBytes <= LINEAR_MAX_BYTES) {
            return (lengthBytes + LINEAR_STEP_BYTES - 1) / LINEAR_STEP_BYTES;
        }
        final int shift = 63 - Long.numberOfLeadingZeros(lengthBytes - 1L);
        final int stepBytes = 1 << (shift - 2);
        final int step = (lengthBytes - (1 << shift) + stepBytes - 1) / stepBytes;
        return LINEAR_CLASSES + (shift - LINEAR_MAX_SHIFT) * STEPS_PER_DOUBLING + step;
    }

    static int capacityBytes(final int sizeClass) {
        return CAPACITY_BYTES[sizeClass];
    }

    private static int[] capacities() {
        final int[] capacities = new int[CLASS_COUNT];
        for (int sizeClass = 1; sizeClass < CLASS_COUNT; sizeClass++) {
            capacities[sizeClass] = capacityOf(sizeClass);
        }
        return capacities;
    }

    private static int capacityOf(final int sizeClass) {
        if (sizeClass <= LINEAR_CLASSES) {
            return sizeClass * LINEAR_STEP_BYTES;
        }
        final int shift = LINEAR_MAX_SHIFT + (sizeClass - LINEAR_CLASSES - 1) / STEPS_PER_DOUBLING;
        final int step = (sizeClass - LINEAR_CLASSES - 1) % STEPS_PER_DOUBLING + 1;
        return (1 << shift) + step * (1 << (shift - 2));
    }
}
