package dev.pcorders.sandbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The sandbox's data set, usable without a server: its customers, each customer's orders and subscriptions
 * collections as Partner Center would send them, the planted subscription cases, and an invoice reconciliation export
 * or a partner ledger of the same orders. Orders are
 * generated on demand from the seed, never held: a data set of a million orders costs a few bytes until
 * written. Thread-safe (immutable).
 */
public final class SandboxData {

    private final SandboxSettings settings;
    /** The {@code filterKey} of customers-list continuation tokens; orders tokens never have a negative customer. */
    static final String CUSTOMERS_TOKEN_KEY = "customers";
    private static final int CUSTOMERS_TOKEN_INDEX = -1;

    private final OrderGenerator generator;
    private volatile SubscriptionGenerator subscriptions;

    private SandboxData(SandboxSettings settings) {
        this.settings = settings;
        this.generator = new OrderGenerator(settings.seed(), settings.customers(), settings.ordersPerCustomer(),
                settings.lineItemsPerOrder());
    }

    /** The data set of {@code settings} (seed, customers, orders per customer, line items per order). */
    public static SandboxData generate(SandboxSettings settings) {
        return new SandboxData(settings);
    }

    public long seed() {
        return settings.seed();
    }

    public List<SandboxCustomer> customers() {
        return generator.customers();
    }

    /** The customer with this tenant id, in any case. */
    public Optional<SandboxCustomer> customer(String customerId) {
        String wanted = customerId.strip().toLowerCase(Locale.ROOT);
        return generator.customers().stream().filter(customer -> customer.id().equals(wanted)).findFirst();
    }

    /**
     * Writes the customer's orders collection, unpaged, exactly as {@code GET /v1/customers/{id}/orders}
     * with {@code query} answers without paging (same bytes). Streams: memory does not grow with the
     * number of orders. Does not close {@code out}.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if the sandbox has no such customer
     */
    public long writeOrders(String customerId, OrdersQuery query, OutputStream out) throws IOException {
        SandboxCustomer customer = customer(customerId)
                .orElseThrow(() -> new IllegalArgumentException("the sandbox has no customer " + customerId));
        OrderPage page = page(customer.index(), query, 0, 0);
        return body(customer, page).writeTo(out);
    }

    /** {@link #writeOrders(String, OrdersQuery, OutputStream)} into a file, replacing it. */
    public long writeOrders(String customerId, OrdersQuery query, Path file) throws IOException {
        return intoFile(file, out -> writeOrders(customerId, query, out));
    }

    /**
     * Writes a Partner Center invoice reconciliation export (CSV, UTF-8, CRLF, RFC 4180 quoting) billing
     * every line item of every non-cancelled order of every customer, with {@code plan.perKind()}
     * discrepancies of each kind planted. A reconciler that has cached these orders with prices
     * ({@code include_price=true}) and the same {@code include_system_purchases} finds exactly
     * {@link ReconciliationExport#planted()}. Does not close {@code out}.
     */
    public ReconciliationExport writeReconciliationCsv(OutputStream out, ReconciliationPlan plan) throws IOException {
        return new LedgerCsv(generator, settings.ordersPerCustomer(), plan, subscriptionGenerator(),
                lines -> new InvoiceRows(lines, generator.seed())).write(out);
    }

    /** {@link #writeReconciliationCsv(OutputStream, ReconciliationPlan)} into a file, replacing it. */
    public ReconciliationExport writeReconciliationCsv(Path file, ReconciliationPlan plan) throws IOException {
        return intoFile(file, out -> writeReconciliationCsv(out, plan));
    }

    /**
     * Writes the partner's own ledger as pc-orders reads it (CSV, UTF-8, CRLF, RFC 4180 quoting; columns
     * {@code customer_id,order_id,offer_id,quantity,unit_price,currency,subscription_id}): one row per line item of
     * every non-cancelled order of every customer, the same orders, quantities, prices and planted discrepancies as
     * {@link #writeReconciliationCsv(OutputStream, ReconciliationPlan)} where this format can hold them. It bills
     * purchases only, so it has no cancellation or cycle-charge rows.
     * <p>
     * With {@link ReconciliationPlan#subscriptionCases() subscription cases} every row names its line's subscription, so
     * a reconciler that has also cached the subscriptions checks seats: the not-billed subscription has no row, the
     * suspended one is billed, the drifted one is billed at the ordered quantity, and it finds exactly
     * {@link ReconciliationExport#plantedSubscriptions()}. Order-level discrepancies are then planted only on lines
     * without a subscription (a missing row, another quantity or a billed cancellation would be a subscription
     * discrepancy too), and the rows of orders Partner Center does not have name no subscription. Without subscription
     * cases the subscription_id column is left empty, since the subscriptions endpoint serves the suspended and the
     * drifted subscription either way. Subscriptions of system purchases are billed only with
     * {@link ReconciliationPlan#includeSystemPurchases()}. Does not close {@code out}.
     */
    public ReconciliationExport writePartnerLedgerCsv(OutputStream out, ReconciliationPlan plan) throws IOException {
        return new LedgerCsv(generator, settings.ordersPerCustomer(), plan, subscriptionGenerator(),
                lines -> new PartnerLedgerRows(lines, plan.subscriptionCases())).write(out);
    }

    /** {@link #writePartnerLedgerCsv(OutputStream, ReconciliationPlan)} into a file, replacing it. */
    public ReconciliationExport writePartnerLedgerCsv(Path file, ReconciliationPlan plan) throws IOException {
        return intoFile(file, out -> writePartnerLedgerCsv(out, plan));
    }

    /** Writes through a buffer into {@code file}, replacing it. */
    private static <T> T intoFile(Path file, StreamWrite<T> write) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            return write.to(out);
        }
    }

    @FunctionalInterface
    private interface StreamWrite<T> {
        T to(OutputStream out) throws IOException;
    }

    /**
     * The planted subscription cases: which subscriptions the subscriptions endpoint serves as not billed, suspended
     * but billed, and with drifted seats. See {@link PlantedSubscriptions} for when the export honours them.
     */
    public PlantedSubscriptions plantedSubscriptions() {
        return subscriptionGenerator().planted();
    }

    /**
     * Writes the customer's subscriptions collection exactly as {@code GET /v1/customers/{id}/subscriptions} answers
     * (same bytes). Streams. Does not close {@code out}.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if the sandbox has no such customer
     */
    public long writeSubscriptions(String customerId, OutputStream out) throws IOException {
        SandboxCustomer customer = customer(customerId)
                .orElseThrow(() -> new IllegalArgumentException("the sandbox has no customer " + customerId));
        return subscriptionsBody(customer, Optional.empty()).writeTo(out);
    }

    SubscriptionGenerator subscriptionGenerator() {
        SubscriptionGenerator made = subscriptions;
        if (made == null) {
            synchronized (this) {
                made = subscriptions;
                if (made == null) {
                    made = new SubscriptionGenerator(generator, settings.ordersPerCustomer());
                    subscriptions = made;
                }
            }
        }
        return made;
    }

    SubscriptionsBody subscriptionsBody(SandboxCustomer customer, Optional<String> orderId) {
        return new SubscriptionsBody(generator, subscriptionGenerator(), customer, orderId);
    }

    /** Where a customers-list continuation token points, or empty if it is not one of this sandbox's. */
    OptionalInt customersTokenIndex(String token) {
        OptionalInt index = ContinuationTokens.decode(settings.seed(), token, CUSTOMERS_TOKEN_INDEX,
                CUSTOMERS_TOKEN_KEY);
        return index.isPresent() && index.getAsInt() <= generator.customers().size() ? index : OptionalInt.empty();
    }

    /** One page of {@code GET /v1/customers?size=N}: customers {@code from} to {@code from + size}, in index order. */
    byte[] customersPage(int from, int size) {
        List<SandboxCustomer> all = generator.customers();
        int to = (int) Math.min(all.size(), (long) from + size);
        return Responses.json(json -> {
            json.writeStartObject();
            json.writeNumberField("totalCount", Math.max(0, to - from));
            json.writeArrayFieldStart("items");
            for (int i = from; i < to; i++) {
                WireWriter.writeCustomer(json, all.get(i));
            }
            json.writeEndArray();
            json.writeObjectFieldStart("links");
            String self = "/customers?size=" + size;
            WireWriter.writeLink(json, "self", self, "GET", List.of());
            if (to < all.size()) {
                String token = ContinuationTokens.encode(settings.seed(), CUSTOMERS_TOKEN_INDEX, to, CUSTOMERS_TOKEN_KEY);
                WireWriter.writeLink(json, "next", self + "&seekOperation=Next", "GET",
                        List.of(new WireWriter.Header(OrdersController.CONTINUATION_TOKEN, token)));
            }
            json.writeEndObject();
            json.writeObjectFieldStart("attributes");
            json.writeStringField("objectType", "Collection");
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    OrderGenerator generator() {
        return generator;
    }

    /**
     * The orders of one response, starting at order {@code fromIndex}: all the rest when {@code pageSize}
     * is 0, else up to {@code pageSize} of them. Only traits are drawn here, not whole orders.
     */
    OrderPage page(int customerIndex, OrdersQuery query, int fromIndex, int pageSize) {
        int total = settings.ordersPerCustomer();
        int count = 0;
        int index = Math.min(fromIndex, total);
        while (index < total && (pageSize == 0 || count < pageSize)) {
            if (generator.traits(customerIndex, index).matches(query)) {
                count++;
            }
            index++;
        }
        int next = index;
        while (next < total && !generator.traits(customerIndex, next).matches(query)) {
            next++;
        }
        return new OrderPage(customerIndex, query, fromIndex, index, count,
                next < total ? OptionalInt.of(next) : OptionalInt.empty());
    }

    CollectionBody body(SandboxCustomer customer, OrderPage page) {
        String path = "/customers/" + customer.id() + "/orders";
        String parameters = parameters(page.query());
        Optional<CollectionBody.NextLink> next = Optional.empty();
        if (page.nextIndex().isPresent()) {
            String token = ContinuationTokens.encode(settings.seed(), customer.index(), page.nextIndex().getAsInt(),
                    page.query().filterKey());
            String uri = path + "?" + (parameters.isEmpty() ? "" : parameters + "&") + "seekOperation=Next";
            next = Optional.of(new CollectionBody.NextLink(uri,
                    List.of(new WireWriter.Header(OrdersController.CONTINUATION_TOKEN, token))));
        }
        // The published samples' self link is the bare path, whatever the query was.
        return new CollectionBody(generator, page, path, next);
    }

    /** The query parameters that select these orders, in a fixed order, as a client would send them. */
    static String parameters(OrdersQuery query) {
        StringBuilder text = new StringBuilder();
        query.indirectResellerId().ifPresent(id -> append(text, "indirect_reseller_id",
                URLEncoder.encode(id, StandardCharsets.UTF_8)));
        if (query.billingCycleCode().isPresent()) {
            append(text, "billingType", Integer.toString(query.billingCycleCode().getAsInt()));
        }
        if (query.includePrice()) {
            append(text, "include_price", "true");
        }
        if (query.includeSystemPurchases()) {
            append(text, "include_system_purchases", "true");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (text.length() > 0) {
            text.append('&');
        }
        text.append(name).append('=').append(value);
    }
}
