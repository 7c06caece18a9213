package io.lanes.locks;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** After warm-up, adding, scheduling and completing transactions allocates (almost) nothing. */
class AllocationTest {
    private static final long WARM_UP_TXS = 100_000;
    private static final long MEASURED_TXS = 100_000;
    /** Slack for the measurement itself; one allocated id array alone would be 32 bytes per tx. */
    private static final long MAX_ALLOCATED_BYTES = 4_096;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void packerSteadyStateAllocatesNothing() {
        for (PackerDriver.Workload workload : PackerDriver.Workload.values()) {
            BatchPacker packer = new BatchPacker(PackerConfig.defaults(4));
            PackerDriver driver = new PackerDriver(packer, workload, 2048, 1 << 16);
            driver.run(WARM_UP_TXS);
            long allocatedBytes = allocatedDuring(() -> driver.run(MEASURED_TXS));
            assertTrue(allocatedBytes < MAX_ALLOCATED_BYTES,
                    workload + ": " + allocatedBytes + " bytes allocated for " + MEASURED_TXS + " txs");
        }
    }

    @Test
    void lockTableSteadyStateAllocatesNothing() {
        AccountLockTable table = new AccountLockTable(1024);
        int[] writeIds = {1, 2, 3, 4, 5, 6};
        int[] readIds = {0, 7, 8, 9};
        Runnable loop = () -> {
            for (int i = 0; i < 100_000; i++) {
                int worker = i & 63;
                table.lock(worker, readIds, 0, readIds, readIds.length);
                table.lock(worker, readIds, 0, readIds, readIds.length);
                table.unlock(worker, readIds, 0, readIds, readIds.length);
                table.unlock(worker, readIds, 0, readIds, readIds.length);
                writeIds[0] = 10 + (i & 511);
                table.lock(worker, writeIds, writeIds.length, readIds, readIds.length);
                table.unlock(worker, writeIds, writeIds.length, readIds, readIds.length);
            }
        };
        loop.run();
        long allocatedBytes = allocatedDuring(loop);
        assertTrue(allocatedBytes < MAX_ALLOCATED_BYTES, allocatedBytes + " bytes allocated");
        assertTrue(table.isUnlocked());
    }

    private static long allocatedDuring(Runnable action) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        action.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
