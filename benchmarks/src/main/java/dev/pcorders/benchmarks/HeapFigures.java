package dev.pcorders.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the heap probes report about memory: from this JVM's own pools, and from a {@code -Xlog:gc} file. */
final class HeapFigures {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * Peaks read from a {@code -Xlog:gc} log.
     *
     * @param collections the collections logged
     * @param maxBeforeMib the largest heap occupancy before a collection: the peak the heap reached
     * @param maxAfterMib  the largest occupancy after a collection: the peak of what was still live
     */
    record GcLog(int collections, int maxBeforeMib, int maxAfterMib) {

        static GcLog read(Path file) throws IOException {
            int collections = 0;
            int maxBefore = 0;
            int maxAfter = 0;
            for (String line : Files.readAllLines(file)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    collections++;
                    maxBefore = Math.max(maxBefore, Integer.parseInt(m.group(1)));
                    maxAfter = Math.max(maxAfter, Integer.parseInt(m.group(2)));
                }
            }
            return new GcLog(collections, maxBefore, maxAfter);
        }
    }

    private HeapFigures() {
    }

    /** Each heap pool's own peak, summed; an upper bound of the heap's peak, as pools peak at different times. */
    static long poolPeaksSumBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static String collectorNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    }
}
