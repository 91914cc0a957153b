package dev.pcorders.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.pcorders.adapter.persistence.ledger.CsvLedgerSource;
import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.service.ReconcileOrdersService;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issue 22 target 1: the whole reconcile against the I/O it cannot avoid, timed in the same JVM on the same files.
 * The I/O baseline is FastCSV parsing the ledger into rows (every field touched) plus one raw JDBC query reading the
 * cached line items with the columns reconciling needs (customer, order id, alternate id, currency, status, creation
 * date, offer, quantity, the three unit prices), nothing matched. The reconcile is what {@code pc-orders reconcile
 * --ledger FILE} runs ({@link CacheStore}, {@link CsvLedgerSource}, {@link ReconcileOrdersService}, no customer
 * named), its report written as CSV to a writer that discards it. Each round times the three in turn, so load on a
 * shared machine falls on all of them alike; the first round also warms the JIT for the later ones.
 * Prints one Markdown row per round, then one of the medians and one of the fastest of each; exits 1 if a report is
 * not the one planted.
 */
final class ReconcileSpeedProbe {

    static final double TARGET = 0.5;

    private record Round(double fastCsv, double jdbc, double reconcile) {
        double baseline() {
            return fastCsv + jdbc;
        }

        /** Throughput of the reconcile as a share of the baseline's: the same work per second. */
        double ratio() {
            return baseline() / reconcile;
        }
    }

    private ReconcileSpeedProbe() {
    }

    static boolean run(Path directory, long rows, int rounds) throws IOException {
        Path ledger = ReconcileHeapProbe.ledgerFile(directory, rows);
        Path cache = ReconcileHeapProbe.cacheFile(directory);
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(ReconcileHeapProbe.expectedFile(directory, rows))) {
            expected.load(in);
        }
        System.out.println("ledger " + ledger + " (" + Files.size(ledger) + " bytes), cache " + cache
                + ", -Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m, " + rounds + " rounds");
        System.out.println("| round | FastCSV parse s | JDBC read s | I/O baseline s | reconcile s | ratio (baseline / reconcile)"
                + " | target | report as expected |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
        List<Round> done = new ArrayList<>();
        boolean allExpected = true;
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long records = parseWithFastCsv(ledger);
            double fastCsv = secondsSince(started);
            started = System.nanoTime();
            long lineItems = readLineItems(cache);
            double jdbc = secondsSince(started);
            started = System.nanoTime();
            ReconciliationReport report = reconcile(cache, ledger);
            double reconcile = secondsSince(started);
            boolean asExpected = asExpected(report, expected)
                    && records == Long.parseLong(expected.getProperty("ledger.rows")) + 1
                    && lineItems == Long.parseLong(expected.getProperty("cached.line.items"));
            allExpected &= asExpected;
            Round timed = new Round(fastCsv, jdbc, reconcile);
            done.add(timed);
            System.out.println(row(Integer.toString(round), timed, asExpected ? "yes" : "NO"));
        }
        Round median = new Round(median(done, Round::fastCsv), median(done, Round::jdbc), median(done, Round::reconcile));
        System.out.println(row("median", median, allExpected ? "yes" : "NO"));
        // On a shared machine the fastest run of each is the one least disturbed by others.
        Round best = new Round(best(done, Round::fastCsv), best(done, Round::jdbc), best(done, Round::reconcile));
        System.out.println(row("best", best, allExpected ? "yes" : "NO"));
        return allExpected;
    }

    private static String row(String round, Round timed, String asExpected) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2fx | %.1fx %s | %s |", round, timed.fastCsv(),
                timed.jdbc(), timed.baseline(), timed.reconcile(), timed.ratio(), TARGET,
                timed.ratio() >= TARGET ? "met" : "missed", asExpected);
    }

    /** Every record of the file, header included, every field's length summed so none goes unread. */
    private static long parseWithFastCsv(Path ledger) throws IOException {
        long records = 0;
        long characters = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(ledger)) {
            for (CsvRecord record : csv) {
                records++;
                for (int i = 0; i < record.getFieldCount(); i++) {
                    characters += record.getField(i).length();
                }
            }
        }
        if (characters == 0) {
            throw new IllegalStateException("nothing parsed from " + ledger);
        }
        return records;
    }

    private static final String LINE_ITEMS = "SELECT o.customer_id, o.order_id, o.alternate_id, o.currency_code, o.status,"
            + " o.creation_date, li.offer_id, li.quantity, li.price, li.discounted_price, li.list_price"
            + " FROM stored_order o JOIN line_item li ON li.order_row_id = o.row_id WHERE o.removed_by_run IS NULL";

    /** The cached line items of every current order, each column read, nothing kept. */
    private static long readLineItems(Path cache) {
        long lineItems = 0;
        long characters = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cache);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(LINE_ITEMS)) {
            while (rows.next()) {
                lineItems++;
                for (int column = 1; column <= 11; column++) {
                    if (column == 8) {
                        characters += rows.getLong(column);
                    } else {
                        String value = rows.getString(column);
                        characters += value == null ? 0 : value.length();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + cache + ": " + e.getMessage(), e);
        }
        if (characters == 0) {
            throw new IllegalStateException("nothing read from " + cache);
        }
        return lineItems;
    }

    private static ReconciliationReport reconcile(Path cache, Path ledger) throws IOException {
        ReconciliationReport report;
        try (CacheStore store = CacheStore.open(cache, SqliteStoreSettings.defaults())) {
            report = new ReconcileOrdersService(store.orders(), store.runLog(), new CsvLedgerSource())
                    .reconcileOrders(ReconcileOrdersCommand.of(ledger));
        }
        try (Writer discarded = Writer.nullWriter(); CsvWriter csv = CsvWriter.builder().build(discarded)) {
            for (Discrepancy d : report.discrepancies()) {
                csv.writeRecord(d.kind().name(), d.customer().toString(), d.orderReference(),
                        d.orderId().map(Object::toString).orElse(""), d.alternateId().orElse(""), d.offerId().value(),
                        d.ledgerLines().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        Long.toString(d.ledgerRows()), d.expected().orElse(""), d.actual().orElse(""), d.message());
            }
        }
        return report;
    }

    private static boolean asExpected(ReconciliationReport report, Properties expected) {
        boolean asExpected = report.matched() == Long.parseLong(expected.getProperty("matched"));
        for (Map.Entry<DiscrepancyKind, Long> count : report.countsByKind().entrySet()) {
            asExpected &= count.getValue() == Long.parseLong(expected.getProperty("expected." + count.getKey().name()));
        }
        return asExpected;
    }

    private static double median(List<Round> rounds, Function<Round, Double> figure) {
        List<Double> sorted = rounds.stream().map(figure).sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double best(List<Round> rounds, Function<Round, Double> figure) {
        return rounds.stream().map(figure).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
