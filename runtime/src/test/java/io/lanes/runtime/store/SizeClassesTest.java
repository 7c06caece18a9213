package io.lanes.runtime.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeClassesTest {
    @Test
    void eachClassIsTheSmallestThatFits() {
        for (int sizeClass = 1; sizeClass < SizeClasses.CLASS_COUNT; sizeClass++) {
            final int capacity = SizeClasses.capacityBytes(sizeClass);
            final int previous = SizeClasses.capacityBytes(sizeClass - 1);
            assertTrue(capacity > previous, "capacities grow at class " + sizeClass);
            assertEquals(0, capacity % 16, "16-byte aligned");
            assertEquals(sizeClass, SizeClasses.classOf(capacity));
            assertEquals(sizeClass, SizeClasses.classOf(previous + 1));
        }
    }

    @Test
    void zeroHasNoCapacityAndTheLastClassIsTenMebibytes() {
        assertEquals(0, SizeClasses.classOf(0));
        assertEquals(0, SizeClasses.capacityBytes(0));
        assertEquals(SizeClasses.MAX_DATA_BYTES, SizeClasses.capacityBytes(SizeClasses.CLASS_COUNT - 1));
        assertEquals(192, SizeClasses.capacityBytes(SizeClasses.classOf(165)));
    }

    @Test
    void slackIsAtMostAQuarterAbove128Bytes() {
        for (int length = 129; length <= SizeClasses.MAX_DATA_BYTES; length += 1 + length / 97) {
            final int capacity = SizeClasses.capacityBytes(SizeClasses.classOf(length));
            assertTrue(capacity >= length && capacity <= length * 1.25, length + " -> " + capacity);
        }
    }
}
