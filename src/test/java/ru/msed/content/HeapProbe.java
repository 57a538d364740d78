package ru.msed.content;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Live heap (after a full collection) at chosen moments, e.g. half-way through a transfer: what a
 * transfer keeps in memory shows there, while garbage that young collections would free does not.
 */
public final class HeapProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long baseline;
    private volatile long maxGrowth;

    public HeapProbe() {
        this.baseline = live();
    }

    public static long live() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Measures now; keeps the largest growth over the baseline. */
    public void sample() {
        maxGrowth = Math.max(maxGrowth, live() - baseline);
    }

    public long maxGrowthMiB() {
        return maxGrowth / (1024 * 1024);
    }
}
