package dev.pcorders.benchmarks;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.order.CloseableOrderGateway;
import dev.pcorders.adapter.http.order.PartnerCenterOrderGateways;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.persistence.ledger.CsvLedgerSource;
import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.service.ReconcileOrdersService;
import dev.pcorders.application.order.service.SyncOrdersService;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 5's scale clause: a reconciliation of a large ledger against a large cache in a small heap. Not
 * a JMH benchmark and not a test: {@code benchmarks/reconcile-heap.sh} runs it in three steps, each in
 * its own JVM, so the reconcile step's heap holds nothing but the reconciliation.
 *
 * <ul>
 *   <li>{@code prepare <dir> <orders>}: syncs one sandbox customer of {@code orders} orders x 5 line
 *       items (seed 8, prices, system purchases) into {@code <dir>/cache.db}, as the CLI's sync would.</li>
 *   <li>{@code ledger <dir> <rows>}: writes {@code <dir>/ledger-<rows>.csv}, a partner ledger generated
 *       from the cached orders themselves, and beside it the report it must produce. Each (order, offer)
 *       is billed in several rows whose quantities add up (as monthly runs of an ERP would), spread over
 *       the file in passes; one key in a thousand is spoiled per discrepancy kind. With fewer rows than
 *       keys, only the first keys are billed and the rest are MISSING_IN_LEDGER.</li>
 *   <li>{@code reconcile <dir> <rows> <result.properties>}: reconciles that ledger against the cache
 *       through {@link ReconcileOrdersService}, {@link CsvLedgerSource} and {@link CacheStore}
 *       (what {@code pc-orders reconcile} wires), and writes time, heap and whether the report is the
 *       one expected. Exits 1 if it is not, or if the heap ran out.</li>
 *   <li>{@code speed <dir> <rows> [rounds]}: issue 22's comparison of the reconcile with the I/O it cannot
 *       avoid, all in one JVM; see {@link ReconcileSpeedProbe}.</li>
 *   <li>{@code summary <result.properties> <gc.log>}: one row of the table the script prints
 *       ({@code header} prints its heading).</li>
 * </ul>
 */
public final class ReconcileHeapProbe {

    /** One key in this many is spoiled for each kind; a ghost row is added as often. */
    private static final int SPOIL_EVERY = 1000;

    private ReconcileHeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && "header".equals(args[0])) {
            System.out.println(SUMMARY_HEADER);
            return;
        }
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ReconcileHeapProbe prepare <dir> <orders> | ledger <dir> <rows>"
                    + " | reconcile <dir> <rows> <result.properties> | speed <dir> <rows> [rounds] | summary <result.properties> <gc.log> | header");
        }
        Path directory = Path.of(args[1]);
        switch (args[0]) {
            case "summary" -> System.out.println(summary(Path.of(args[1]), Path.of(args[2])));
            case "prepare" -> prepare(directory, Integer.parseInt(args[2]));
            case "ledger" -> writeLedger(directory, Long.parseLong(args[2]));
            case "reconcile" -> {
                if (!reconcile(directory, Long.parseLong(args[2]), Path.of(args[3]))) {
                    System.exit(1);
                }
            }
            case "speed" -> {
                if (!ReconcileSpeedProbe.run(directory, Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 3)) {
                    System.exit(1);
                }
            }
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    static Path cacheFile(Path directory) {
        return directory.resolve("cache.db");
    }

    static Path ledgerFile(Path directory, long rows) {
        return directory.resolve("ledger-" + rows + ".csv");
    }

    static Path expectedFile(Path directory, long rows) {
        return directory.resolve("ledger-" + rows + ".expected.properties");
    }

    private static void prepare(Path directory, int orders) throws IOException {
        Files.createDirectories(directory);
        OrderFixtures.deleteStoreFiles(cacheFile(directory));
        try (SandboxServer sandbox = Sandbox.start(OrderFixtures.settings(orders));
             CloseableOrderGateway gateway = PartnerCenterOrderGateways.open(
                     PartnerCenterClientSettings.defaults().withBaseUrl(sandbox.baseUrl()),
                     new StaticAccessTokenProvider("reconcile-probe-token"));
             CacheStore store = CacheStore.open(cacheFile(directory), SqliteStoreSettings.defaults())) {
            SyncOrdersCommand command = SyncOrdersCommand.of(CustomerId.parse(sandbox.customerIds().get(0)))
                    .withPrices().withSystemPurchases();
            CustomerSyncResult result = new SyncOrdersService(gateway, store.orderSnapshots(), store.runLog(), Clock.systemUTC())
                    .syncOrders(command).customers().get(0);
            if (!(result instanceof CustomerSyncResult.Succeeded succeeded)) {
                throw new IllegalStateException("the sync failed: " + result);
            }
            System.out.println("cached " + succeeded.orders() + " orders, " + succeeded.lineItems() + " line items");
        }
    }

    /** What the ledger says of one (order, offer), and how it was spoiled. */
    private record Key(String customer, String reference, String offer, long quantity, Optional<Amount> unitPrice,
                       Optional<String> currency, boolean cancelled, Optional<DiscrepancyKind> spoiled) {
    }

    private static void writeLedger(Path directory, long rows) throws IOException {
        List<Key> keys = new ArrayList<>();
        LongAdder cachedLineItems = new LongAdder();
        try (CacheStore store = CacheStore.open(cacheFile(directory), SqliteStoreSettings.defaults())) {
            store.orders().forEachOrder(OrderCriteria.ALL, cached -> {
                cachedLineItems.add(cached.order().lineItems().size());
                addKeys(cached.order(), keys);
            });
        }
        long lineItems = cachedLineItems.sum();
        // Rows go to the billed keys in turn; a key's quantity is split over its rows.
        List<Key> billed = keys.stream()
                .filter(key -> key.spoiled().map(kind -> kind != DiscrepancyKind.MISSING_IN_LEDGER).orElse(!key.cancelled()))
                .toList();
        long perKey = rows / billed.size();
        long extra = rows % billed.size();
        Map<DiscrepancyKind, Long> expected = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            expected.put(kind, 0L);
        }
        long matched = 0;
        long written = 0;
        Path file = ledgerFile(directory, rows);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("customer_id", "order_id", "offer_id", "quantity", "unit_price", "currency");
            long maxRows = perKey + (extra > 0 ? 1 : 0);
            for (int pass = 0; pass < maxRows; pass++) {
                int index = 0;
                for (Key key : billed) {
                    long keyRows = perKey + (index++ < extra ? 1 : 0);
                    if (pass < keyRows) {
                        writeRow(csv, key, pass, keyRows);
                        written++;
                    }
                }
            }
            int index = 0;
            for (Key key : billed) {
                long keyRows = perKey + (index++ < extra ? 1 : 0);
                if (keyRows > 0) {
                    matched++;
                    key.spoiled().ifPresent(kind -> expected.merge(kind, 1L, Long::sum));
                    if (index % SPOIL_EVERY == 0) {
                        // A row for an order the cache has never seen: one MISSING_IN_PARTNER_CENTER each.
                        csv.writeRecord(key.customer(), "ghost-" + index, key.offer(), "1", "", "");
                        written++;
                        expected.merge(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, 1L, Long::sum);
                    }
                } else if (!key.cancelled()) {
                    expected.merge(DiscrepancyKind.MISSING_IN_LEDGER, 1L, Long::sum);
                }
            }
        }
        keys.stream().filter(key -> key.spoiled().equals(Optional.of(DiscrepancyKind.MISSING_IN_LEDGER)))
                .forEach(key -> expected.merge(DiscrepancyKind.MISSING_IN_LEDGER, 1L, Long::sum));
        Properties properties = new Properties();
        properties.setProperty("cached.line.items", Long.toString(lineItems));
        properties.setProperty("keys", Long.toString(keys.size()));
        properties.setProperty("ledger.rows", Long.toString(written));
        properties.setProperty("ledger.bytes", Long.toString(Files.size(file)));
        properties.setProperty("matched", Long.toString(matched));
        expected.forEach((kind, count) -> properties.setProperty("expected." + kind.name(), Long.toString(count)));
        try (OutputStream out = Files.newOutputStream(expectedFile(directory, rows))) {
            properties.store(out, "what reconciling " + file.getFileName() + " against cache.db must report");
        }
        System.out.println("wrote " + written + " rows for " + keys.size() + " keys of " + lineItems + " line items to " + file);
    }

    /** One key per (order, offer), as the reconciliation sums them; every fourth order billed under its alternate id. */
    private static void addKeys(Order order, List<Key> keys) {
        Map<String, List<OrderLineItem>> byOffer = new LinkedHashMap<>();
        for (OrderLineItem item : order.lineItems()) {
            byOffer.computeIfAbsent(item.offerId().matchKey(), k -> new ArrayList<>()).add(item);
        }
        String reference = order.alternateId().filter(id -> keys.size() % 4 == 0).orElse(order.id().value());
        for (List<OrderLineItem> items : byOffer.values()) {
            long quantity = items.stream().mapToLong(OrderLineItem::quantity).sum();
            boolean priced = items.stream().allMatch(item -> item.pricing().flatMap(Pricing::effectiveUnitPrice).isPresent());
            Optional<Amount> price = items.get(0).pricing().flatMap(Pricing::effectiveUnitPrice).filter(p -> priced);
            Optional<String> currency = order.currencyCode().map(Object::toString);
            int position = keys.size() + 1;
            Optional<DiscrepancyKind> spoiled = Optional.empty();
            if (order.isCancelled()) {
                spoiled = position % (SPOIL_EVERY / 10) == 0 ? Optional.of(DiscrepancyKind.BILLED_BUT_CANCELLED) : Optional.empty();
            } else if (position % SPOIL_EVERY == 1) {
                spoiled = Optional.of(DiscrepancyKind.MISSING_IN_LEDGER);
            } else if (position % SPOIL_EVERY == 2) {
                spoiled = Optional.of(DiscrepancyKind.QUANTITY_MISMATCH);
            } else if (position % SPOIL_EVERY == 3 && price.isPresent()) {
                spoiled = Optional.of(DiscrepancyKind.PRICE_MISMATCH);
            } else if (position % SPOIL_EVERY == 4 && currency.isPresent()) {
                spoiled = Optional.of(DiscrepancyKind.CURRENCY_MISMATCH);
            }
            keys.add(new Key(order.referenceCustomerId().toString(), reference, items.get(0).offerId().value(), quantity,
                    price, currency, order.isCancelled(), spoiled));
        }
    }

    /** Row {@code part} of {@code parts} of a key: its share of the quantity, spoiled where the key is. */
    private static void writeRow(CsvWriter csv, Key key, int part, long parts) {
        long quantity = key.quantity() / parts + (part < key.quantity() % parts ? 1 : 0);
        DiscrepancyKind spoiled = key.spoiled().orElse(null);
        if (spoiled == DiscrepancyKind.QUANTITY_MISMATCH && part == 0) {
            quantity++;
        }
        String price = key.unitPrice().map(p -> spoiled == DiscrepancyKind.PRICE_MISMATCH
                ? p.value().multiply(new BigDecimal("1.1")).add(BigDecimal.ONE).toPlainString()
                : p.toString()).orElse("");
        String currency = key.currency().map(c -> spoiled == DiscrepancyKind.CURRENCY_MISMATCH
                ? ("USD".equals(c) ? "EUR" : "USD") : c).orElse("");
        csv.writeRecord(key.customer(), key.reference(), key.offer(), Long.toString(quantity), price, currency);
    }

    private static boolean reconcile(Path directory, long rows, Path resultFile) throws IOException {
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(expectedFile(directory, rows))) {
            expected.load(in);
        }
        Properties result = new Properties();
        result.putAll(expected);
        result.setProperty("max.heap.bytes", Long.toString(Runtime.getRuntime().maxMemory()));
        result.setProperty("gc", HeapFigures.collectorNames());
        long started = System.nanoTime();
        boolean asExpected = false;
        try (CacheStore store = CacheStore.open(cacheFile(directory), SqliteStoreSettings.defaults())) {
            long reconcileStarted = System.nanoTime();
            ReconciliationReport report = new ReconcileOrdersService(store.orders(), store.runLog(), new CsvLedgerSource())
                    .reconcileOrders(ReconcileOrdersCommand.of(ledgerFile(directory, rows)));
            result.setProperty("reconcile.seconds", seconds(reconcileStarted));
            result.setProperty("completed", "true");
            result.setProperty("reported.matched", Long.toString(report.matched()));
            asExpected = report.matched() == Long.parseLong(expected.getProperty("matched"));
            for (Map.Entry<DiscrepancyKind, Long> count : report.countsByKind().entrySet()) {
                result.setProperty("reported." + count.getKey().name(), Long.toString(count.getValue()));
                asExpected &= count.getValue() == Long.parseLong(expected.getProperty("expected." + count.getKey().name()));
            }
            result.setProperty("reported.discrepancies", Integer.toString(report.discrepancies().size()));
        } catch (RuntimeException | OutOfMemoryError e) {
            result.setProperty("completed", "false");
            result.setProperty("failure", e.toString());
        } finally {
            result.setProperty("seconds", seconds(started));
            result.setProperty("as.expected", Boolean.toString(asExpected));
            result.setProperty("heap.pool.peaks.sum.bytes", Long.toString(HeapFigures.poolPeaksSumBytes()));
            try (OutputStream out = Files.newOutputStream(resultFile)) {
                result.store(out, "pc-orders reconcile heap probe");
            }
        }
        return asExpected;
    }

    static final String SUMMARY_HEADER = "| ledger rows | cached line items | -Xmx | completed, report as expected | reconcile s"
            + " | JVM s | peak heap before GC (MiB) | peak live after GC (MiB) | pool peaks sum (MiB) | GCs |\n"
            + "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|";

    private static String summary(Path resultFile, Path gcLogFile) throws IOException {
        Properties result = new Properties();
        try (InputStream in = Files.newInputStream(resultFile)) {
            result.load(in);
        }
        HeapFigures.GcLog gc = HeapFigures.GcLog.read(gcLogFile);
        long mib = 1024 * 1024;
        String outcome = !"true".equals(result.getProperty("completed")) ? "no: " + result.getProperty("failure")
                : "true".equals(result.getProperty("as.expected")) ? "yes" : "completed, but NOT the expected report";
        return String.join(" | ", "| " + result.getProperty("ledger.rows"), result.getProperty("cached.line.items"),
                Long.parseLong(result.getProperty("max.heap.bytes")) / mib + "m", outcome,
                result.getProperty("reconcile.seconds", "-"), result.getProperty("seconds"),
                Integer.toString(gc.maxBeforeMib()), Integer.toString(gc.maxAfterMib()),
                Long.toString(Long.parseLong(result.getProperty("heap.pool.peaks.sum.bytes")) / mib),
                gc.collections() + " |");
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
