package dev.pcorders.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Turns one JMH JSON result file (and the heap probe's output) into the table of figures and ratios
 * run.sh prints and docs/PERFORMANCE.md keeps. Figures are computed from the time per op: the
 * median over the measurement iterations, and JMH's 99.9% confidence half-width as the error.
 *
 * <p>Arguments: {@code <jmh-result.json> [<heap-probe.properties> <gc.log>]}.
 */
public final class ResultsTable {

    /** One benchmark's result: the median time per op and JMH's error, in seconds. */
    record Timing(String name, double medianSeconds, double meanSeconds, double errorSeconds, int iterations,
                  Map<String, String> params) {
        double relativeError() {
            return Double.isNaN(errorSeconds) ? Double.NaN : errorSeconds / meanSeconds;
        }
    }

    /** A throughput figure derived from a timing: {@code units} per second. */
    record Figure(String label, String unit, double value, double relativeError, Timing timing) {
    }

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length % 2 == 0) {
            throw new IllegalArgumentException(
                    "usage: ResultsTable <jmh-result.json>|--heap-only [<heap-probe.properties> <gc.log>]...");
        }
        if (args[0].equals("--heap-only")) {
            printHeaps(System.out, args);
            return;
        }
        Map<String, Timing> timings = read(Path.of(args[0]));
        PrintStream out = System.out;
        List<String[]> rows = new ArrayList<>();

        Optional<Timing> gateway = find(timings, "DecodeBenchmark.gatewayDecoder");
        if (gateway.isPresent()) {
            long target = Long.parseLong(gateway.get().params().get("targetBytes"));
            int orders = OrderFixtures.ordersForBodyOf(target);
            double megabytes = OrderFixtures.collectionLength(orders) / 1e6;
            String size = String.format(Locale.ROOT, "%.2f MB, %d orders", megabytes, orders);
            Figure decoder = figure("decode: gateway decoder (" + size + ")", "MB/s", megabytes, gateway.get());
            rows.add(row(decoder));
            Optional<Figure> databind = find(timings, "DecodeBenchmark.jacksonDatabind")
                    .map(t -> figure("decode: (a) Jackson databind, String to POJOs", "MB/s", megabytes, t));
            Optional<Figure> streaming = find(timings, "DecodeBenchmark.jacksonStreaming")
                    .map(t -> figure("decode: (b) Jackson streaming, tokens only", "MB/s", megabytes, t));
            databind.ifPresent(f -> rows.add(row(f)));
            streaming.ifPresent(f -> rows.add(row(f)));
            databind.ifPresent(f -> rows.add(ratio("decode: gateway / (a) databind", decoder, f, 1.0)));
            streaming.ifPresent(f -> rows.add(ratio("decode: gateway / (b) streaming", decoder, f, Double.NaN)));
        }

        Optional<Timing> repository = find(timings, "StoreBenchmark.repository");
        Optional<Figure> storeOrders = Optional.empty();
        if (repository.isPresent()) {
            int orders = Integer.parseInt(repository.get().params().get("orders"));
            Path scratch = OrderFixtures.temporaryDirectory("pc-orders-table");
            RowCounts counts;
            try {
                counts = RowCounts.of(OrderFixtures.decodedPages(orders, scratch));
            } finally {
                OrderFixtures.deleteRecursively(scratch);
            }
            String what = String.format(Locale.ROOT, "%d orders, %d line items, %d rows", counts.orders(),
                    counts.lineItems(), counts.total());
            Figure repo = figure("store: repository (" + what + ")", "rows/s", counts.total(), repository.get());
            rows.add(row(repo));
            storeOrders = Optional.of(figure("store: repository", "orders/s", counts.orders(), repository.get()));
            Optional<Figure> raw = find(timings, "StoreBenchmark.rawJdbc")
                    .map(t -> figure("store: raw JDBC batches, same rows", "rows/s", counts.total(), t));
            raw.ifPresent(f -> rows.add(row(f)));
            raw.ifPresent(f -> rows.add(ratio("store: repository / raw JDBC", repo, f, 0.8)));
            Optional<Figure> pgRepo = find(timings, "PostgresStoreBenchmark.repository")
                    .map(t -> figure("store (PostgreSQL): repository", "rows/s", counts.total(), t));
            Optional<Figure> pgRaw = find(timings, "PostgresStoreBenchmark.rawJdbc")
                    .map(t -> figure("store (PostgreSQL): raw JDBC batches, same rows", "rows/s", counts.total(), t));
            pgRepo.ifPresent(f -> rows.add(row(f)));
            pgRaw.ifPresent(f -> rows.add(row(f)));
            pgRepo.ifPresent(r -> pgRaw.ifPresent(f -> rows.add(ratio("store (PostgreSQL): repository / raw JDBC", r, f, 0.8))));
        }

        Optional<Timing> sync = find(timings, "SyncBenchmark.sandboxGatewayRepository");
        if (sync.isPresent()) {
            int orders = Integer.parseInt(sync.get().params().get("orders"));
            Figure syncFigure = figure("sync: sandbox -> gateway -> repository (" + orders + " orders)", "orders/s", orders,
                    sync.get());
            rows.add(row(syncFigure));
            storeOrders.ifPresent(f -> rows.add(row(f)));
            storeOrders.ifPresent(f -> rows.add(ratio("sync / store (repository)", syncFigure, f, 0.6)));
        }

        out.println("| measurement | unit | median | error (99.9% CI) | iterations | target | met |");
        out.println("|---|---|---:|---:|---:|---:|---|");
        for (String[] row : rows) {
            out.println("| " + String.join(" | ", row) + " |");
        }
        printHeaps(out, args);
    }

    /** One table per heap probe: the pairs of files after the first argument. */
    private static void printHeaps(PrintStream out, String[] args) throws IOException {
        for (int i = 1; i + 1 < args.length; i += 2) {
            out.println();
            printHeap(out, Path.of(args[i]), Path.of(args[i + 1]));
        }
    }

    private static void printHeap(PrintStream out, Path properties, Path gcLog) throws IOException {
        Properties probe = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            probe.load(in);
        }
        HeapFigures.GcLog gc = HeapFigures.GcLog.read(gcLog);
        long mib = 1024 * 1024;
        out.println("| memory: sync of " + probe.getProperty("line.items.stored", "?") + " line items ("
                + probe.getProperty("orders.stored", "?") + " orders, " + probe.getProperty("pages", "?") + " pages) | value |");
        out.println("|---|---:|");
        out.println("| served as | " + probe.getProperty("served.as", "responses of 1000 orders") + ", sandbox in "
                + probe.getProperty("sandbox", "this JVM") + " |");
        out.println("| completed in -Xmx" + Long.parseLong(probe.getProperty("max.heap.bytes")) / mib + "m (target: yes) | "
                + ("true".equals(probe.getProperty("completed")) ? "yes" : "NO: " + probe.getProperty("failure")) + " |");
        out.println("| wall time | " + probe.getProperty("seconds") + " s |");
        out.println("| garbage collector | " + probe.getProperty("gc") + " |");
        out.println("| peak heap occupancy, GC log (largest heap before a collection) | " + gc.maxBeforeMib() + " MiB |");
        out.println("| peak live heap, GC log (largest heap after a collection) | " + gc.maxAfterMib() + " MiB |");
        out.println("| sum of the heap pools' peaks (an upper bound) | "
                + Long.parseLong(probe.getProperty("heap.pool.peaks.sum.bytes")) / mib + " MiB |");
        out.println("| collections logged | " + gc.collections() + " |");
    }

    private static Figure figure(String label, String unit, double units, Timing timing) {
        return new Figure(label, unit, units / timing.medianSeconds(), timing.relativeError(), timing);
    }

    private static String[] row(Figure figure) {
        return new String[] {figure.label(), figure.unit(), format(figure.value()),
                Double.isNaN(figure.relativeError()) ? "n/a" : "± " + format(figure.value() * figure.relativeError()), Integer.toString(figure.timing().iterations()), "", ""};
    }

    /** A ratio row; a NaN target means the ratio is reported only (issue 22 withdrew the streaming target). */
    private static String[] ratio(String label, Figure measured, Figure baseline, double target) {
        double value = measured.value() / baseline.value();
        double relative = Math.sqrt(square(measured.relativeError()) + square(baseline.relativeError()));
        return new String[] {"**" + label + "**", "ratio", String.format(Locale.ROOT, "**%.2fx**", value),
                Double.isNaN(relative) ? "n/a" : String.format(Locale.ROOT, "± %.2f", value * relative), "",
                Double.isNaN(target) ? "reported" : String.format(Locale.ROOT, ">= %.2fx", target),
                Double.isNaN(target) ? "" : value >= target ? "yes" : "**no**"};
    }

    private static double square(double value) {
        return value * value;
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The benchmark {@code Class.method}: a whole class name, so StoreBenchmark's is not PostgresStoreBenchmark's. */
    static Optional<Timing> find(Map<String, Timing> timings, String classAndMethod) {
        return timings.entrySet().stream().filter(e -> e.getKey().endsWith("." + classAndMethod)).map(Map.Entry::getValue)
                .findFirst();
    }

    static Map<String, Timing> read(Path json) throws IOException {
        Map<String, Timing> timings = new HashMap<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            JsonNode metric = result.get("primaryMetric");
            double toSeconds = secondsPer(metric.get("scoreUnit").asText());
            List<Double> raw = new ArrayList<>();
            for (JsonNode fork : metric.get("rawData")) {
                for (JsonNode value : fork) {
                    raw.add(value.asDouble() * toSeconds);
                }
            }
            double[] sorted = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            double error = metric.get("scoreError").asDouble(Double.NaN) * toSeconds;
            Map<String, String> params = new HashMap<>();
            if (result.has("params")) {
                result.get("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
            }
            timings.put(result.get("benchmark").asText(), new Timing(result.get("benchmark").asText(), median,
                    Arrays.stream(sorted).average().orElse(Double.NaN), error, sorted.length, params));
        }
        return timings;
    }

    private static double secondsPer(String unit) {
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("expected a time per op, got " + unit);
        };
    }
}
