package dev.pcorders.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The decode benchmarks' operations timed by the thread's CPU time instead of the wall clock: when
 * other builds share the two cores, JMH's wall-clock figures scatter (errors larger than the figures),
 * while the CPU time a decode takes barely moves. A cross-check of DecodeBenchmark's ratios, not a
 * replacement: JMH remains the measurement of record.
 *
 * <p>{@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.pcorders.benchmarks.DecodeCpuTime [ops]}
 * runs each operation {@code ops} times (default 40) to warm up, then {@code ops} times measured, and
 * prints the median, the quartiles and MB/s of the median, twice over.
 */
public final class DecodeCpuTime {

    private DecodeCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        DecodeBenchmark decode = new DecodeBenchmark();
        decode.targetBytes = 10_485_760;
        decode.writeCollection();
        DecodeBreakdownBenchmark breakdown = new DecodeBreakdownBenchmark();
        breakdown.targetBytes = decode.targetBytes;
        breakdown.writeCollection();
        try {
            Map<String, Callable<Object>> operations = new LinkedHashMap<>();
            operations.put("gatewayDecoder", decode::gatewayDecoder);
            operations.put("jacksonDatabind", decode::jacksonDatabind);
            operations.put("jacksonStreaming", decode::jacksonStreaming);
            operations.put("serdeWireRecords", breakdown::serdeWireRecords);
            operations.put("jacksonWireRecords", breakdown::jacksonWireRecords);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double megabytes = decode.bodyLength() / 1e6;
            for (int round = 1; round <= 2; round++) {
                for (Map.Entry<String, Callable<Object>> operation : operations.entrySet()) {
                    for (int i = 0; i < ops; i++) {
                        operation.getValue().call();
                    }
                    long[] nanos = new long[ops];
                    for (int i = 0; i < ops; i++) {
                        long start = threads.getCurrentThreadCpuTime();
                        operation.getValue().call();
                        nanos[i] = threads.getCurrentThreadCpuTime() - start;
                    }
                    Arrays.sort(nanos);
                    double median = nanos[ops / 2] / 1e6;
                    System.out.printf(Locale.ROOT, "round %d  %-19s CPU ms/op median %6.2f  (quartiles %6.2f %6.2f)  %5.0f MB/s%n",
                            round, operation.getKey(), median, nanos[ops / 4] / 1e6, nanos[3 * ops / 4] / 1e6,
                            megabytes / (median / 1e3));
                }
            }
        } finally {
            decode.deleteCollection();
            breakdown.deleteCollection();
        }
    }
}
