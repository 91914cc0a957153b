package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.ClientContext;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.LineItemTransactionType;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.order.PurchaseCommitment;
import dev.pcorders.domain.order.RenewsTo;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.OpenEnum;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Random orders through {@link JooqOrderRepository} on a real SQLite file must come back equal, and
 * equal in what {@link Order#equals} does not see: the scale of every amount ({@code 1.0}, {@code 1.00}
 * and {@code 1E+3} are different texts) and the order of provisioning context keys.
 *
 * <p>jqwik does not support JUnit's {@code @TempDir}, so the property makes and removes its own
 * temporary folder; one store serves all tries, each try syncing into the scope of a customer of its own.
 */
class OrderRoundTripPropertyTest {

    private Path folder;
    private CacheStore store;
    private long customerCounter;

    @BeforeProperty
    void openStore() throws IOException {
        folder = Files.createTempDirectory("pc-orders-round-trip");
        store = CacheStore.open(folder.resolve("orders.db"), SqliteStoreSettings.defaults());
    }

    @AfterProperty
    void closeStore() throws IOException {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(OrderRoundTripPropertyTest::delete);
            }
        }
    }

    @Property(tries = 200)
    void ordersReadBackExactlyAsStored(@ForAll("orders") List<Order> generated, @ForAll @IntRange(min = 1, max = 4) int perPage) {
        JooqOrderRepository repository = store.cache();
        CustomerId customer = new CustomerId(new UUID(0x5eed, ++customerCounter));
        List<Order> orders = generated.stream().map(order -> order.toBuilder().referenceCustomerId(customer).build()).toList();
        OrderScope scope = OrderScope.allOrdersOf(customer);
        long lineItems = orders.stream().mapToLong(order -> order.lineItems().size()).sum();

        SnapshotSummary first = sync(repository, scope, pages(orders, perPage).iterator());

        assertThat(first.items()).isEqualTo(orders.size());
        assertThat(first.nestedItems()).isEqualTo(lineItems);
        assertThat(first.added()).isEqualTo(orders.size());
        List<Order> read = StoreFiles.ordersOf(repository.findOrders(OrderCriteria.ALL.withCustomer(customer), 0, 1_000));
        assertThat(read).containsExactlyInAnyOrderElementsOf(orders);
        Map<OrderId, Order> readById = new LinkedHashMap<>();
        read.forEach(order -> readById.put(order.id(), order));
        for (Order sent : orders) {
            Order back = readById.get(sent.id());
            assertThat(exactly(back)).as("amount scales and key order of %s", sent.id()).isEqualTo(exactly(sent));
            assertThat(back.creationDateAsSent()).isEqualTo(sent.creationDateAsSent());
            // Earlier tries' customers may hold orders with the same id: ids are unique per customer only.
            assertThat(StoreFiles.ordersOf(repository.findOrdersById(sent.id()))).as("by id")
                    .filteredOn(byId -> byId.referenceCustomerId().equals(customer)).singleElement()
                    .satisfies(byId -> assertThat(exactly(byId)).isEqualTo(exactly(sent)));
        }
        // Text order of the stored instants must be time order, whatever offset each order was sent with.
        assertThat(read).isSortedAccordingTo(Comparator.comparing(Order::creationDate).thenComparing(Order::id));
        assertThat(repository.countOrders(OrderCriteria.ALL.withCustomer(customer))).isEqualTo(orders.size());

        // The writer diffs against orders it reads back: a lossy read would show up here as a change.
        SnapshotSummary again = sync(repository, scope, pages(orders, perPage).iterator());
        assertThat(again).isEqualTo(new SnapshotSummary(first.pages(), orders.size(), lineItems, 0, 0, 0));
    }

    /**
     * What equality leaves out: every amount as unscaled value and scale, in a fixed walk of the order,
     * and the whole order as text (record toString keeps map iteration order and list order).
     */
    private static String exactly(Order order) {
        List<String> amounts = new ArrayList<>();
        order.totalPrice().ifPresent(amount -> amounts.add(exact(amount)));
        for (OrderLineItem item : order.lineItems()) {
            amounts.add("#" + item.lineItemNumber());
            item.pricing().ifPresent(pricing -> Stream.of(pricing.listPrice(), pricing.discountedPrice(), pricing.extendedPrice(),
                    pricing.price(), pricing.proratedPrice()).forEach(amount -> amounts.add(amount.map(OrderRoundTripPropertyTest::exact)
                    .orElse("-"))));
            item.purchaseCommitment().flatMap(PurchaseCommitment::amount).ifPresent(amount -> amounts.add("c" + exact(amount)));
        }
        return amounts + " " + order;
    }

    private static String exact(Amount amount) {
        return amount.value().unscaledValue() + "e" + amount.value().scale();
    }

    private static List<Page<Order>> pages(List<Order> orders, int perPage) {
        List<Page<Order>> pages = new ArrayList<>();
        for (int from = 0; from < orders.size(); from += perPage) {
            pages.add(new Page<>(pages.size() + 1, orders.subList(from, Math.min(orders.size(), from + perPage)), OptionalInt.empty()));
        }
        return pages;
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<List<Order>> orders() {
        return order().list().ofMaxSize(6).uniqueElements(Order::id);
    }

    private static Arbitrary<Order> order() {
        return Builders.withBuilder(() -> Order.builder(OrderId.of("placeholder"), new CustomerId(new UUID(0, 0)), Instant.EPOCH))
                .use(orderIds()).in((builder, id) -> builder.id(OrderId.of(id)))
                .use(creationDates()).in(Order.Builder::creationDate)
                .use(text().optional(0.7)).in((builder, value) -> builder.alternateId(value.orElse(null)))
                .use(coded(BillingCycle.class, "Annual", "ONE-TIME", "one_time", "Triennial", "quadrennial", "fortnightly", "")
                        .optional(0.8)).in((builder, value) -> builder.billingCycle(value.orElse(null)))
                .use(currencies().optional(0.8)).in((builder, value) -> builder.currencyCode(value.orElse(null)))
                .use(text().optional(0.6)).in((builder, value) -> builder.currencySymbol(value.orElse(null)))
                .use(coded(OrderStatus.class, "Completed", "CANCELLED", "po-upload-complete", "awaitingSignature", "unknown")
                        .optional(0.8)).in((builder, value) -> builder.status(value.orElse(null)))
                .use(amounts().optional(0.7)).in((builder, value) -> builder.totalPrice(value.orElse(null)))
                .use(coded(OrderTransactionType.class, "userPurchase", "SYSTEM_BILLING", "ResellerPurchase")
                        .optional(0.7)).in((builder, value) -> builder.transactionType(value.orElse(null)))
                .use(clients().optional(0.5)).in((builder, value) -> builder.client(value.orElse(null)))
                .use(lineItem().list().ofMaxSize(4).uniqueElements(OrderLineItem::lineItemNumber)).in(Order.Builder::lineItems)
                .use(Combinators.combine(links(), links(), links()).as(OrderLinks::new)).in(Order.Builder::links)
                .use(Combinators.combine(text().optional(0.6), text().optional(0.6)).as(ResourceAttributes::new))
                .in(Order.Builder::attributes)
                .build(Order.Builder::build);
    }

    private static Arbitrary<OrderLineItem> lineItem() {
        Arbitrary<Integer> numbers = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> quantities = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(numbers, offerIds(), quantities).as(Tuple::of)
                .flatMap(start -> Builders.withBuilder(() -> OrderLineItem.builder(start.get1(), start.get2(), start.get3()))
                        .use(text().optional(0.7)).in((builder, value) -> builder.subscriptionId(value.orElse(null)))
                        .use(text().optional(0.4)).in((builder, value) -> builder.parentSubscriptionId(value.orElse(null)))
                        .use(Arbitraries.of("P1M", "P1Y", "P3Y", "").optional(0.7)).in((builder, value) -> builder.termDuration(value.orElse(null)))
                        .use(coded(LineItemTransactionType.class, "New", "add_quantity", "REMOVE-QUANTITY", "transfer")
                                .optional(0.7)).in((builder, value) -> builder.transactionType(value.orElse(null)))
                        .use(text().optional(0.7)).in((builder, value) -> builder.friendlyName(value.orElse(null)))
                        .use(text().optional(0.5)).in((builder, value) -> builder.partnerIdOnRecord(value.orElse(null)))
                        .use(provisioningContexts()).in(OrderLineItem.Builder::provisioningContext)
                        .use(Combinators.combine(amounts().optional(0.7), amounts().optional(0.7), amounts().optional(0.7),
                                amounts().optional(0.7), amounts().optional(0.7)).as(Pricing::new).optional(0.6))
                        .in((builder, value) -> builder.pricing(value.orElse(null)))
                        .use(Combinators.combine(amounts().optional(0.7), currencies().optional(0.7), text().optional(0.7))
                                .as(PurchaseCommitment::new).optional(0.4))
                        .in((builder, value) -> builder.purchaseCommitment(value.orElse(null)))
                        .use(Arbitraries.of("P1M", "P1Y", "").optional(0.6).map(RenewsTo::new).optional(0.4))
                        .in((builder, value) -> builder.renewsTo(value.orElse(null)))
                        .use(text().optional(0.3)).in((builder, value) -> builder.promotionId(value.orElse(null)))
                        .use(Arbitraries.of(Boolean.TRUE, Boolean.FALSE).optional(0.6))
                        .in((builder, value) -> builder.attestationAccepted(value.orElse(null)))
                        .use(Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay())
                                .map(LocalDate::ofEpochDay).optional(0.4))
                        .in((builder, value) -> builder.customTermEndDate(value.orElse(null)))
                        .use(Combinators.combine(links(), links(), links(), links(), links(), links()).as(LineItemLinks::new))
                        .in(OrderLineItem.Builder::links)
                        .build(OrderLineItem.Builder::build));
    }

    /** Scales from -6 to 12, so 1E+3, 1.0 and 1.00 all occur, with some fixed awkward texts besides. */
    private static Arbitrary<Amount> amounts() {
        Arbitrary<Amount> random = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-6, 12))
                .as((unscaled, scale) -> new Amount(new BigDecimal(BigInteger.valueOf(unscaled), scale)));
        Arbitrary<Amount> awkward = Arbitraries.of("1", "1.0", "1.00", "1E+3", "1000", "0", "0.00", "0E-10", "0E+2", "-0.50",
                "100000.00", "0.123456", "12345678901234567890.123456789").map(Amount::parse);
        return Arbitraries.frequencyOf(Tuple.of(2, random), Tuple.of(1, awkward));
    }

    /** A known constant as this build writes it, the same constant spelled otherwise, or a value this build does not know. */
    private static <E extends Enum<E> & OpenEnum> Arbitrary<Coded<E>> coded(Class<E> type, String... spellings) {
        return Arbitraries.oneOf(
                Arbitraries.of(type.getEnumConstants()).map(Coded::of),
                Arbitraries.of(spellings).map(raw -> Coded.parse(type, raw)),
                text().map(raw -> Coded.parse(type, raw)));
    }

    /** The instant and the offset it was written with, normalised by the domain's builder as any adapter's input is. */
    private static Arbitrary<OffsetDateTime> creationDates() {
        Arbitrary<Instant> instants = Combinators.combine(
                        Arbitraries.longs().between(Instant.parse("0001-01-02T00:00:00Z").getEpochSecond(),
                                Instant.parse("9999-12-30T00:00:00Z").getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
        Arbitrary<Instant> recent = Arbitraries.longs().between(Instant.parse("2015-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2030-01-01T00:00:00Z").toEpochMilli()).map(Instant::ofEpochMilli);
        Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(
                Arbitraries.integers().between(-18 * 4, 18 * 4).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900)),
                Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds),
                Arbitraries.just(ZoneOffset.UTC));
        return Combinators.combine(Arbitraries.oneOf(instants, recent), offsets).as(OffsetDateTime::ofInstant);
    }

    private static Arbitrary<String> orderIds() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((high, low) -> new UUID(high, low).toString()),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withChars("aZ09-_ äß€中").ofMinLength(1).ofMaxLength(12).filter(id -> !id.isBlank()));
    }

    private static Arbitrary<OfferId> offerIds() {
        return Arbitraries.of("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF", "cfq7ttc0lh18:0001:cfq7ttc0k5bf", "DZH318Z0BQ4B:000Z:DZH318Z0DSPL",
                        "031C9E47-4802-4248-838E-778FB1D2CC05", "031c9e47-4802-4248-838e-778fb1d2cc05", "MS-AZR-0145P",
                        "a:b", "a:b:c:d", "x::y", " padded ")
                .map(OfferId::parse);
    }

    private static Arbitrary<CurrencyCode> currencies() {
        return Arbitraries.oneOf(Arbitraries.of("USD", "EUR", "JPY", "BHD"),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(3)).map(CurrencyCode::of);
    }

    private static Arbitrary<ClientContext> clients() {
        return Combinators.combine(text().optional(0.6), text().optional(0.6), text().optional(0.6)).as(ClientContext::new);
    }

    private static Arbitrary<Map<String, String>> provisioningContexts() {
        // A list of pairs, not a generated map: the keys' order is part of what must survive.
        return Combinators.combine(text(), text()).as(Map::entry).list().ofMaxSize(4).uniqueElements(Map.Entry::getKey)
                .map(entries -> {
                    Map<String, String> context = new LinkedHashMap<>();
                    entries.forEach(entry -> context.put(entry.getKey(), entry.getValue()));
                    return context;
                });
    }

    private static Arbitrary<Optional<Link>> links() {
        Arbitrary<List<Link.Header>> headers = Combinators.combine(text(), text()).as(Link.Header::new).list().ofMaxSize(3);
        return Combinators.combine(text(), Arbitraries.of("GET", "POST", "PATCH", ""), headers, text().optional(0.3))
                .as(Link::new).optional(0.4);
    }

    /** Empty and blank strings, SQL-ish text, non-ASCII and non-BMP characters, and plain random text. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "  padded  ", "null", "NULL", "'", "\"", "' OR '1'='1", "%", "_", "\\", "a\tb\nc",
                        "Ünïcödé", "€", "日本語", "😀", "x\u00a0y", "0", "1E+3", "nul\u0000inside"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u00a0', '\u07ff').ofMaxLength(10));
    }
}
