package dev.pcorders.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one table of docs/PERFORMANCE.md: every figure with its baseline, the ratio, the target and whether it was met,
 * computed from what one {@code benchmarks/run.sh} run left in its results directory. A figure whose probe did not run
 * (skipped by an environment variable, or not part of run.sh at all) gets a "not run" row naming what runs it, so a run
 * can be compared with the document line by line.
 *
 * <p>Files read from the results directory, each optional: {@code jmh-result.json} (JMH, {@code -rf json});
 * {@code heap-probe.properties} and {@code gc-heap-probe.log} (the paged sync heap probe),
 * {@code heap-probe-one-response.properties} and {@code gc-heap-probe-one-response.log} (the one-response probe);
 * {@code reconcile/result-<rows>-<heap>m.properties} and {@code reconcile/gc-<rows>-<heap>m.log} (reconcile-heap.sh);
 * {@code reconcile-speed.log} (the output of {@code ReconcileHeapProbe speed}); {@code partner-scale.log} (the output
 * of {@code PartnerScaleSyncRun}).
 *
 * <p>Arguments: {@code <results directory>}.
 */
public final class Scorecard {

    /** One line of the table. */
    record Row(String figure, String baseline, String value, String ratio, String target, String verdict) {
        String markdown() {
            return "| " + String.join(" | ", figure, baseline, value, ratio, target, verdict) + " |";
        }

        static Row notRun(String figure, String target, String howToRun) {
            return new Row(figure, "", "not run: " + howToRun, "", target, "not run");
        }
    }

    static final String HEADER = "| figure | baseline (same run) | value | ratio | target | met/missed |\n"
            + "|---|---|---|---:|---|---|";

    static final String DECODE_DATABIND = "decode: gateway decoder vs (a) Jackson databind, String to POJOs";
    static final String DECODE_STREAMING = "decode: gateway decoder vs (b) Jackson streaming, tokens only";
    static final String STORE = "store (SQLite): repository vs raw JDBC batches of the same rows";
    static final String STORE_POSTGRES = "store (PostgreSQL): repository vs raw JDBC batches";
    static final String SYNC = "sync: sandbox -> gateway -> repository vs store (repository)";
    static final String SYNC_HEAP_PAGED = "sync heap: 1M line items, 200 responses of 1,000 orders, -Xmx256m";
    static final String SYNC_HEAP_ONE = "sync heap: 1M line items in ONE response, -Xmx256m";
    static final String RECONCILE_SPEED = "reconcile speed: 1M-row ledger vs 200k cached line items";
    static final String RECONCILE_HEAP = "reconcile heap: 1M-row ledger vs 200k cached line items";
    static final String PARTNER_LIMIT = "partner scale: told the limit (1,200/min), 1,000 customers";
    static final String PARTNER_TWICE = "partner scale: told twice the limit, 1,000 customers";
    static final String PARTNER_WINDOWS = "partner scale: told twice the limit, 3,600 customers (3 windows)";
    static final String PARTNER_SEQUENTIAL = "partner scale: sequential, 100 customers";
    static final String XLSX = "xlsx export: 1M line items, smallest heap";

    private static final String JMH_RUN = "`benchmarks/run.sh` without a JMH filter";

    private Scorecard() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Scorecard <results directory>");
        }
        print(System.out, rows(Path.of(args[0])));
    }

    static void print(PrintStream out, List<Row> rows) {
        out.println(HEADER);
        rows.forEach(row -> out.println(row.markdown()));
    }

    /** Every row, in the document's order, from the files a run left in {@code results}. */
    static List<Row> rows(Path results) throws IOException {
        Path json = results.resolve("jmh-result.json");
        Map<String, ResultsTable.Timing> timings = Files.isRegularFile(json) ? ResultsTable.read(json) : Map.of();
        List<Row> rows = new ArrayList<>(decode(timings));
        rows.addAll(storeAndSync(timings));
        rows.add(syncHeap(SYNC_HEAP_PAGED, results, "heap-probe"));
        rows.add(syncHeap(SYNC_HEAP_ONE, results, "heap-probe-one-response"));
        rows.add(reconcileSpeed(results.resolve("reconcile-speed.log")));
        rows.add(reconcileHeap(results.resolve("reconcile")));
        rows.addAll(partnerScale(results.resolve("partner-scale.log")));
        rows.add(Row.notRun(XLSX, "reported (the heap must not grow with the rows)",
                "`BUILD=no HEAPS=\"64 48 32\" benchmarks/xlsx-heap.sh`, not part of run.sh (many minutes)"));
        return rows;
    }

    private static List<Row> decode(Map<String, ResultsTable.Timing> timings) {
        Optional<ResultsTable.Timing> gateway = find(timings, "DecodeBenchmark.gatewayDecoder");
        Optional<ResultsTable.Timing> databind = find(timings, "DecodeBenchmark.jacksonDatabind");
        Optional<ResultsTable.Timing> streaming = find(timings, "DecodeBenchmark.jacksonStreaming");
        List<Row> rows = new ArrayList<>();
        if (gateway.isPresent()) {
            double megabytes = OrderFixtures.collectionLength(
                    OrderFixtures.ordersForBodyOf(Long.parseLong(gateway.get().params().get("targetBytes")))) / 1e6;
            Function<ResultsTable.Timing, String> mbPerSecond = t -> throughput(megabytes, t, "MB/s");
            rows.add(databind.map(b -> throughputRow(DECODE_DATABIND + String.format(Locale.ROOT, " (%.2f MB)", megabytes),
                            gateway.get(), b, mbPerSecond, 1.0))
                    .orElse(Row.notRun(DECODE_DATABIND, ">= 1.00x", JMH_RUN)));
            rows.add(streaming.map(b -> throughputRow(DECODE_STREAMING, gateway.get(), b, mbPerSecond, Double.NaN))
                    .orElse(Row.notRun(DECODE_STREAMING, "reported (0.6x withdrawn)", JMH_RUN)));
        } else {
            rows.add(Row.notRun(DECODE_DATABIND, ">= 1.00x", JMH_RUN));
            rows.add(Row.notRun(DECODE_STREAMING, "reported (0.6x withdrawn)", JMH_RUN));
        }
        // The breakdown: each part of the decode as a share of the whole decoder's time, in the same benchmark class.
        Optional<ResultsTable.Timing> whole = find(timings, "DecodeBreakdownBenchmark.gatewayDecoder");
        String[][] parts = {
            {"serdeWireRecords", "decode breakdown: micronaut-serde into the wire records only"},
            {"jacksonWireRecords", "decode breakdown: the same wire records off Jackson's parser (prototype)"},
            {"jacksonStreaming", "decode breakdown: tokens only"}};
        for (String[] part : parts) {
            Optional<ResultsTable.Timing> timing = find(timings, "DecodeBreakdownBenchmark." + part[0]);
            if (whole.isPresent() && timing.isPresent()) {
                double share = timing.get().medianSeconds() / whole.get().medianSeconds();
                double error = share * Math.hypot(relative(timing.get()), relative(whole.get()));
                rows.add(new Row(part[1] + " (time as a share of the whole decoder's)",
                        "whole gateway decoder " + milliseconds(whole.get()), milliseconds(timing.get()),
                        ratio(share, error), "reported", "reported"));
            } else {
                rows.add(Row.notRun(part[1], "reported", JMH_RUN));
            }
        }
        return rows;
    }

    private static List<Row> storeAndSync(Map<String, ResultsTable.Timing> timings) {
        Optional<ResultsTable.Timing> repository = find(timings, "StoreBenchmark.repository");
        Optional<ResultsTable.Timing> raw = find(timings, "StoreBenchmark.rawJdbc");
        Optional<ResultsTable.Timing> sync = find(timings, "SyncBenchmark.sandboxGatewayRepository");
        List<Row> rows = new ArrayList<>();
        Map<Integer, RowCounts> counts = new HashMap<>();
        rows.add(storeRow(STORE, repository, raw, counts));
        rows.add(storeRow(STORE_POSTGRES, find(timings, "PostgresStoreBenchmark.repository"),
                find(timings, "PostgresStoreBenchmark.rawJdbc"), counts));
        if (sync.isPresent() && repository.isPresent()) {
            int syncOrders = Integer.parseInt(sync.get().params().get("orders"));
            int storeOrders = Integer.parseInt(repository.get().params().get("orders"));
            // Both in orders/s: the sync's orders per op against the store's.
            double value = syncOrders / sync.get().medianSeconds();
            double baseline = storeOrders / repository.get().medianSeconds();
            double ratio = value / baseline;
            rows.add(new Row(SYNC + String.format(Locale.ROOT, " (%,d orders)", syncOrders),
                    withError(baseline, relative(repository.get()), "orders/s"),
                    withError(value, relative(sync.get()), "orders/s"),
                    ratio(ratio, ratio * Math.hypot(relative(sync.get()), relative(repository.get()))),
                    ">= 0.60x", ratio >= 0.6 ? "met" : "**missed**"));
        } else {
            rows.add(Row.notRun(SYNC, ">= 0.60x", JMH_RUN));
        }
        return rows;
    }

    /** One store's row: the repository against raw JDBC batches of the same rows, in rows/s (counted from the fixtures). */
    private static Row storeRow(String figure, Optional<ResultsTable.Timing> repository, Optional<ResultsTable.Timing> raw,
                                Map<Integer, RowCounts> counts) {
        if (repository.isEmpty() || raw.isEmpty()) {
            return Row.notRun(figure, ">= 0.80x", JMH_RUN);
        }
        int orders = Integer.parseInt(repository.get().params().get("orders"));
        RowCounts rowCounts = counts.computeIfAbsent(orders, n -> {
            Path scratch = OrderFixtures.temporaryDirectory("pc-orders-scorecard");
            try {
                return RowCounts.of(OrderFixtures.decodedPages(n, scratch));
            } finally {
                OrderFixtures.deleteRecursively(scratch);
            }
        });
        return throughputRow(figure + String.format(Locale.ROOT, " (%,d orders, %,d rows)", orders, rowCounts.total()),
                repository.get(), raw.get(), t -> throughput(rowCounts.total(), t, "rows/s"), 0.8);
    }

    private static Row syncHeap(String figure, Path results, String name) throws IOException {
        Path properties = results.resolve(name + ".properties");
        Path gcLog = results.resolve("gc-" + name + ".log");
        String target = "completes in -Xmx256m";
        if (!Files.isRegularFile(properties) || !Files.isRegularFile(gcLog)) {
            return Row.notRun(figure, target, "`benchmarks/run.sh` with HEAP_PROBE_ORDERS unset (or `benchmarks/sync-heap.sh`)");
        }
        Properties probe = load(properties);
        HeapFigures.GcLog gc = HeapFigures.GcLog.read(gcLog);
        long limitMib = Long.parseLong(probe.getProperty("max.heap.bytes")) / (1024 * 1024);
        boolean completed = "true".equals(probe.getProperty("completed"));
        String value = completed
                ? String.format(Locale.ROOT, "completed, %s line items in %s s; peak %d MiB before GC, %d MiB after; %,d GCs",
                        grouped(probe.getProperty("line.items.stored")), probe.getProperty("seconds"), gc.maxBeforeMib(),
                        gc.maxAfterMib(), gc.collections())
                : "FAILED: " + probe.getProperty("failure");
        return new Row(figure, "the heap limit, " + limitMib + " MiB", value,
                ratio(gc.maxBeforeMib() / (double) limitMib, Double.NaN) + " (peak / limit)", target,
                completed ? "met" : "**missed**");
    }

    private static Row reconcileSpeed(Path log) throws IOException {
        String target = ">= 0.50x";
        if (!Files.isRegularFile(log)) {
            return Row.notRun(RECONCILE_SPEED, target, "`benchmarks/run.sh` with RECONCILE_PROBE_ROWS and RECONCILE_SPEED_ROUNDS"
                    + " unset (or `ReconcileHeapProbe speed`)");
        }
        List<String> lines = Files.readAllLines(log);
        List<Double> ratios = new ArrayList<>();
        String[] median = null;
        for (String line : lines) {
            String[] cells = cells(line);
            if (cells.length >= 8 && cells[0].matches("\\d+")) {
                ratios.add(Double.parseDouble(cells[3]) / Double.parseDouble(cells[4]));
            } else if (cells.length >= 8 && cells[0].equals("median")) {
                median = cells;
            }
        }
        if (median == null || ratios.isEmpty()) {
            return new Row(RECONCILE_SPEED, "", "FAILED: no median in " + log.getFileName(), "", target, "**missed**");
        }
        // The figure is the median of the rounds' own ratios: each round times the baseline and the reconcile one after
        // the other, so a burst of load on the shared machine falls on both. The ratio of the separate medians can pair
        // a loaded baseline with a quiet reconcile; it is shown beside it.
        double ratio = median(ratios);
        double ofMedians = Double.parseDouble(median[3]) / Double.parseDouble(median[4]);
        boolean asExpected = "yes".equals(median[7]);
        String heap = lines.stream().map(l -> l.replaceAll(".*(-Xmx\\d+m).*", "$1")).filter(l -> l.startsWith("-Xmx"))
                .findFirst().orElse("");
        return new Row(RECONCILE_SPEED + " (" + heap + ", " + ratios.size() + " rounds)",
                String.format(Locale.ROOT, "FastCSV parse %s s + raw JDBC read %s s (medians)", median[1], median[2]),
                String.format(Locale.ROOT, "reconcile %s s (median)%s", median[4], asExpected ? ", report as expected"
                        : ", report NOT as expected"),
                String.format(Locale.ROOT, "**%.2fx** (median of the rounds' baseline s / reconcile s; of the medians %.2fx)",
                        ratio, ofMedians), target,
                ratio >= 0.5 && asExpected ? "met" : "**missed**");
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static Row reconcileHeap(Path directory) throws IOException {
        String target = "completes in -Xmx128m, report as expected";
        Optional<Path> result = Optional.empty();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                result = files.filter(f -> f.getFileName().toString().matches("result-1000000-\\d+m\\.properties"))
                        .sorted().findFirst();
            }
        }
        if (result.isEmpty()) {
            return Row.notRun(RECONCILE_HEAP, target, "`benchmarks/run.sh` with RECONCILE_PROBE_ROWS unset (or"
                    + " `benchmarks/reconcile-heap.sh`)");
        }
        Properties probe = load(result.get());
        String name = result.get().getFileName().toString();
        Path gcLog = directory.resolve("gc-" + name.substring("result-".length(), name.length() - ".properties".length()) + ".log");
        HeapFigures.GcLog gc = Files.isRegularFile(gcLog) ? HeapFigures.GcLog.read(gcLog) : new HeapFigures.GcLog(0, 0, 0);
        long limitMib = Long.parseLong(probe.getProperty("max.heap.bytes")) / (1024 * 1024);
        boolean completed = "true".equals(probe.getProperty("completed"));
        boolean asExpected = "true".equals(probe.getProperty("as.expected"));
        String value = !completed ? "FAILED: " + probe.getProperty("failure")
                : String.format(Locale.ROOT, "%s, reconcile %s s; peak %d MiB before GC, %d MiB after; %,d GCs",
                        asExpected ? "completed, report as expected" : "completed, report NOT as expected",
                        probe.getProperty("reconcile.seconds"), gc.maxBeforeMib(), gc.maxAfterMib(), gc.collections());
        return new Row(RECONCILE_HEAP + " (" + grouped(probe.getProperty("ledger.rows")) + " rows)",
                "the heap limit, " + limitMib + " MiB", value,
                ratio(gc.maxBeforeMib() / (double) limitMib, Double.NaN) + " (peak / limit)",
                "completes in -Xmx" + limitMib + "m, report as expected", completed && asExpected ? "met" : "**missed**");
    }

    private static List<Row> partnerScale(Path log) throws IOException {
        String howToRun = "`PARTNER_SCALE=1 benchmarks/run.sh` (about 6 minutes more)";
        String limitTarget = "<= 1.15x and <= 2% 429s";
        String windowsTarget = "<= 1.30x";
        if (!Files.isRegularFile(log)) {
            return List.of(Row.notRun(PARTNER_LIMIT, limitTarget, howToRun),
                    Row.notRun(PARTNER_TWICE, "reported (never reaches the limit)", howToRun),
                    Row.notRun(PARTNER_WINDOWS, windowsTarget, howToRun),
                    Row.notRun(PARTNER_SEQUENTIAL, "reported", howToRun));
        }
        List<String[]> runs = Files.readAllLines(log).stream().map(Scorecard::cells)
                .filter(c -> c.length >= 10 && (c[0].startsWith("told") || c[0].startsWith("sequential"))).toList();
        Optional<String[]> limit = runs.stream().filter(c -> c[0].startsWith("told the limit")).findFirst();
        Optional<String[]> twice = runs.stream().filter(c -> c[0].startsWith("told twice") && !c[0].contains("windows"))
                .findFirst();
        Optional<String[]> windows = runs.stream().filter(c -> c[0].startsWith("told twice") && c[0].contains("windows"))
                .findFirst();
        Optional<String[]> sequential = runs.stream().filter(c -> c[0].startsWith("sequential")).findFirst();
        List<Row> rows = new ArrayList<>();
        rows.add(limit.map(c -> {
            double ratio = number(c[5]);
            double throttledShare = number(c[6]) / number(c[2]);
            return partnerRow(PARTNER_LIMIT, c, limitTarget, ratio <= 1.15 && throttledShare <= 0.02);
        }).orElse(failed(PARTNER_LIMIT, limitTarget, log)));
        rows.add(twice.map(c -> partnerRow(PARTNER_TWICE, c, "reported (never reaches the limit)", null))
                .orElse(failed(PARTNER_TWICE, "reported", log)));
        rows.add(windows.map(c -> partnerRow(PARTNER_WINDOWS, c, windowsTarget, number(c[5]) <= 1.3))
                .orElse(failed(PARTNER_WINDOWS, windowsTarget, log)));
        rows.add(sequential.map(c -> partnerRow(PARTNER_SEQUENTIAL, c, "reported", null))
                .orElse(failed(PARTNER_SEQUENTIAL, "reported", log)));
        return rows;
    }

    private static Row partnerRow(String figure, String[] cells, String target, Boolean met) {
        // The run's own name and customer count, in case it was run with other arguments than the document's.
        return new Row("partner scale: " + cells[0] + ", " + cells[1] + " customers", "rate-limit bound " + cells[4], String.format(Locale.ROOT, "%s wall, %s requests, %s 429s",
                cells[3], cells[2], cells[6]), cells[5] + " (wall / bound)", target,
                met == null ? "reported" : met ? "met" : "**missed**");
    }

    private static Row failed(String figure, String target, Path log) {
        return new Row(figure, "", "FAILED: no row in " + log.getFileName(), "", target, "**missed**");
    }

    private static Row throughputRow(String figure, ResultsTable.Timing measured, ResultsTable.Timing baseline,
                                     Function<ResultsTable.Timing, String> describe, double target) {
        // Same work per op on both sides: the throughput ratio is the inverse ratio of the times.
        double ratio = baseline.medianSeconds() / measured.medianSeconds();
        double error = ratio * Math.hypot(relative(measured), relative(baseline));
        boolean reported = Double.isNaN(target);
        return new Row(figure, describe.apply(baseline), describe.apply(measured), ratio(ratio, error),
                reported ? "reported (0.6x withdrawn)" : String.format(Locale.ROOT, ">= %.2fx", target),
                reported ? "reported" : ratio >= target ? "met" : "**missed**");
    }

    private static String throughput(double units, ResultsTable.Timing timing, String unit) {
        return withError(units / timing.medianSeconds(), relative(timing), unit);
    }

    private static String withError(double value, double relativeError, String unit) {
        return Double.isNaN(relativeError) ? format(value) + " " + unit
                : format(value) + " ± " + format(value * relativeError) + " " + unit;
    }

    private static String milliseconds(ResultsTable.Timing timing) {
        return String.format(Locale.ROOT, "%.1f ms/op", timing.medianSeconds() * 1e3);
    }

    private static String ratio(double value, double error) {
        return Double.isNaN(error) ? String.format(Locale.ROOT, "**%.2fx**", value)
                : String.format(Locale.ROOT, "**%.2fx** ± %.2f", value, error);
    }

    /** JMH's 99.9% half-width as a share of the mean; 0 when JMH gave none (a single iteration). */
    private static double relative(ResultsTable.Timing timing) {
        double relative = timing.relativeError();
        return Double.isNaN(relative) ? 0 : relative;
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String grouped(String number) {
        return number == null ? "?" : String.format(Locale.ROOT, "%,d", Long.parseLong(number));
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replaceAll("[^0-9.]", ""));
    }

    /** The cells of one Markdown table line, trimmed; none for any other line. */
    static String[] cells(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("|") || !trimmed.endsWith("|") || trimmed.length() < 2) {
            return new String[0];
        }
        String[] cells = trimmed.substring(1, trimmed.length() - 1).split("\\|", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static Optional<ResultsTable.Timing> find(Map<String, ResultsTable.Timing> timings, String classAndMethod) {
        return ResultsTable.find(timings, classAndMethod);
    }
}
