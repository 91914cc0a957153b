package dev.pcorders.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.nio.charset.StandardCharsets;

/**
 * Makes the sandbox's customers and orders. Every order is a pure function of (seed, customer, order
 * index), so nothing is kept in memory: a customer with a million orders costs nothing until served.
 */
final class OrderGenerator {

    private record Market(String country, String currency, String symbol, BigDecimal usdRate) {
    }

    private static final List<Market> MARKETS = List.of(
            new Market("US", "USD", "$", new BigDecimal("1")),
            new Market("DE", "EUR", "€", new BigDecimal("0.9237")),
            new Market("GB", "GBP", "£", new BigDecimal("0.7911")),
            new Market("JP", "JPY", "¥", new BigDecimal("151.37")),
            new Market("DK", "DKK", "kr", new BigDecimal("6.8912")));

    private static final List<String> COMPANY_NAMES = List.of(
            "Contoso, Ltd.", "Fabrikam Inc", "Northwind Traders", "Adventure Works Cycles", "Tailspin Toys",
            "Wide World Importers", "Litware, Inc.", "Proseware \"North\" GmbH", "Woodgrove Bank", "Alpine Ski House");

    private static final Instant FIRST_ORDER = Instant.parse("2023-01-02T00:00:00Z");
    private static final long SPAN_SECONDS = 730L * 24 * 3600;
    private static final DateTimeFormatter SEVEN_DIGITS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSXXX");
    private static final DateTimeFormatter THREE_DIGITS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final ZoneOffset PACIFIC = ZoneOffset.ofHours(-7);

    private final long seed;
    private final int ordersPerCustomer;
    private final int lineItemsPerOrder;
    private final List<SandboxCustomer> customers;

    OrderGenerator(long seed, int customerCount, int ordersPerCustomer, int lineItemsPerOrder) {
        this.seed = seed;
        this.ordersPerCustomer = ordersPerCustomer;
        this.lineItemsPerOrder = lineItemsPerOrder;
        List<String> resellerPool = new ArrayList<>();
        SplittableRandom partner = Seeds.random(seed, Seeds.PARTNER, 0, 0);
        for (int i = 0; i < 4; i++) {
            resellerPool.add(Seeds.digits(partner, 7));
        }
        List<SandboxCustomer> made = new ArrayList<>(customerCount);
        for (int c = 0; c < customerCount; c++) {
            SplittableRandom random = Seeds.random(seed, Seeds.CUSTOMER, c, 0);
            String id = Seeds.guid(random);
            String name = COMPANY_NAMES.get(random.nextInt(COMPANY_NAMES.size()))
                    + (c < COMPANY_NAMES.size() ? "" : " " + (c + 1));
            Market market = MARKETS.get(c % MARKETS.size());
            String domain = name.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT) + (c + 1) + ".onmicrosoft.com";
            int first = random.nextInt(resellerPool.size());
            List<String> resellers = List.of(resellerPool.get(first), resellerPool.get((first + 1) % resellerPool.size()));
            made.add(new SandboxCustomer(c, id, name, domain, market.country(), market.currency(), ordersPerCustomer,
                    resellers));
        }
        this.customers = List.copyOf(made);
    }

    List<SandboxCustomer> customers() {
        return customers;
    }

    long seed() {
        return seed;
    }

    OrderTraits traits(int customerIndex, int orderIndex) {
        return OrderTraits.draw(Seeds.random(seed, Seeds.ORDER, customerIndex, orderIndex), orderIndex,
                customers.get(customerIndex));
    }

    GeneratedOrder order(int customerIndex, int orderIndex) {
        SandboxCustomer customer = customers.get(customerIndex);
        SplittableRandom random = Seeds.random(seed, Seeds.ORDER, customerIndex, orderIndex);
        OrderTraits traits = OrderTraits.draw(random, orderIndex, customer);
        Market market = MARKETS.get(customerIndex % MARKETS.size());

        String id = traits.legacy() ? Seeds.guid(random) : Seeds.orderId(random);
        String alternate = Seeds.hex(random, 12);
        Optional<String> alternateId = traits.legacy() ? Optional.empty() : Optional.of(alternate);

        long step = Math.max(1, SPAN_SECONDS / Math.max(1, ordersPerCustomer));
        Instant created = FIRST_ORDER.plusSeconds(orderIndex * step + random.nextLong(step))
                .plusNanos(random.nextInt(10_000_000) * 100L);
        boolean pacific = random.nextInt(10) == 0;
        String creationDate = pacific ? THREE_DIGITS.format(created.atOffset(PACIFIC))
                : SEVEN_DIGITS.format(created.atOffset(ZoneOffset.UTC));
        LocalDate creationDay = LocalDate.ofInstant(created, ZoneOffset.UTC);

        String cycleText = traits.cycle() == BillingCycleCode.ANNUAL && random.nextInt(10) == 0
                ? "Annual" : traits.cycle().wireName();
        Optional<GeneratedOrder.Client> client = random.nextInt(10) < 4
                ? Optional.of(new GeneratedOrder.Client(customer.country(), "UniversalStore-PartnerCenter",
                        random.nextBoolean() ? "Partner Center API" : "Partner Center Web"))
                : Optional.empty();
        boolean patchable = random.nextInt(10) < 3;
        Optional<String> etag = random.nextBoolean()
                ? Optional.of(Base64.getEncoder().encodeToString(("{\"id\":\"" + id + "\",\"version\":"
                        + (1 + random.nextInt(3)) + "}").getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();

        int items = lineItemsPerOrder > 0 ? lineItemsPerOrder : 1 + random.nextInt(3);
        int[] offers = distinctOffers(random, items);
        List<GeneratedOrder.LineItem> lineItems = new ArrayList<>(items);
        for (int n = 0; n < items; n++) {
            lineItems.add(traits.legacy()
                    ? legacyLineItem(random, n, traits, market)
                    : lineItem(random, n, OfferCatalog.get(offers[n]), traits, market, customer, created));
        }
        return new GeneratedOrder(customerIndex, orderIndex, id, alternateId, customer.id(), traits.cycle(), cycleText,
                market.currency(), market.symbol(), creationDate, creationDay, traits.status(), traits.transactionType(),
                client, lineItems, patchable, etag, traits.resellerId());
    }

    private static int[] distinctOffers(SplittableRandom random, int count) {
        int[] all = new int[OfferCatalog.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int pick = i + random.nextInt(all.length - i);
            int swap = all[i];
            all[i] = all[pick];
            all[pick] = swap;
        }
        return all;
    }

    private GeneratedOrder.LineItem lineItem(SplittableRandom random, int number, OfferCatalog.Offer offer,
                                             OrderTraits traits, Market market, SandboxCustomer customer,
                                             Instant created) {
        OfferCatalog.Kind kind = offer.kind();
        Optional<String> term = termDuration(random, traits.cycle(), kind);
        String type = lineTransactionType(random, traits);
        int quantity = kind == OfferCatalog.Kind.SAVINGS_PLAN ? 1 : 1 + random.nextInt(random.nextInt(10) < 7 ? 25 : 500);
        Optional<String> subscriptionId = kind == OfferCatalog.Kind.SOFTWARE ? Optional.empty()
                : Optional.of(Seeds.guid(random));
        Optional<String> parent = kind == OfferCatalog.Kind.SEAT && random.nextInt(20) == 0
                ? Optional.of(Seeds.guid(random)) : Optional.empty();
        Map<String, String> context = new LinkedHashMap<>();
        if (kind == OfferCatalog.Kind.RESERVATION || kind == OfferCatalog.Kind.SAVINGS_PLAN) {
            context.put("subscriptionId", Seeds.guid(random));
            context.put("scope", "shared");
            context.put("duration", "P3Y".equals(term.orElse("")) ? "3Years" : "1Year");
        } else if (kind == OfferCatalog.Kind.SEAT && random.nextInt(10) == 0) {
            context.put("domain", customer.domain());
        }
        GeneratedOrder.Prices prices = prices(random, offer, traits.cycle(), market, quantity, type);
        Optional<GeneratedOrder.Commitment> commitment = kind == OfferCatalog.Kind.SAVINGS_PLAN
                ? Optional.of(new GeneratedOrder.Commitment(
                        BigDecimal.valueOf(50 + random.nextInt(2000), 3), market.currency(), "Hourly"))
                : Optional.empty();
        Optional<String> renewsTo = kind == OfferCatalog.Kind.SEAT && random.nextInt(10) < 3
                ? Optional.of(term.filter(t -> !t.isEmpty()).orElse("P1Y")) : Optional.empty();
        Optional<String> promotion = random.nextInt(10) == 0
                ? Optional.of(Seeds.upperAlphanumeric(random, 12) + ":" + "000" + (1 + random.nextInt(9)) + ":"
                        + Seeds.upperAlphanumeric(random, 12))
                : Optional.empty();
        Optional<Boolean> attestation = "P3Y".equals(term.orElse("")) || kind == OfferCatalog.Kind.SOFTWARE
                ? Optional.of(Boolean.TRUE) : random.nextInt(10) == 0 ? Optional.of(Boolean.FALSE) : Optional.empty();
        Optional<String> customEnd = kind == OfferCatalog.Kind.SEAT && random.nextInt(20) == 0
                ? Optional.of(LocalDate.ofInstant(created, ZoneOffset.UTC).plusYears(1).withDayOfMonth(1).minusDays(1)
                        + "T00:00:00Z")
                : Optional.empty();
        boolean activation = kind == OfferCatalog.Kind.SEAT && random.nextInt(10) == 0;
        return new GeneratedOrder.LineItem(number, Optional.of(offer), offer.offerId(), subscriptionId, parent, term,
                type, offer.skuName(), quantity, traits.resellerId(), context, prices, commitment, renewsTo, promotion,
                attestation, customEnd, activation);
    }

    private GeneratedOrder.LineItem legacyLineItem(SplittableRandom random, int number, OrderTraits traits,
                                                   Market market) {
        String offerId = Seeds.guid(random).toUpperCase(Locale.ROOT);
        int quantity = 1 + random.nextInt(25);
        BigDecimal unit = new BigDecimal("8.00").multiply(market.usdRate()).setScale(4, RoundingMode.HALF_EVEN);
        GeneratedOrder.Prices prices = new GeneratedOrder.Prices(unit, unit,
                unit.multiply(BigDecimal.valueOf(quantity)), unit, unit);
        return new GeneratedOrder.LineItem(number, Optional.empty(), offerId,
                Optional.of(Seeds.guid(random).toUpperCase(Locale.ROOT)), Optional.empty(), Optional.empty(),
                "New", "Legacy offer purchase", quantity, traits.resellerId(), Map.of(), prices, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private static Optional<String> termDuration(SplittableRandom random, BillingCycleCode cycle,
                                                 OfferCatalog.Kind kind) {
        int draw = random.nextInt(20);
        if (draw == 0) {
            return Optional.empty();
        }
        if (kind == OfferCatalog.Kind.SOFTWARE) {
            return Optional.of(draw < 10 ? "" : "P3Y");
        }
        switch (cycle) {
            case MONTHLY:
                return Optional.of(draw < 10 ? "P1M" : "P1Y");
            case TRIENNIAL:
                return Optional.of("P3Y");
            case BIENNIAL:
                return Optional.of("P2Y");
            case NONE:
                return Optional.of("P1M");
            case ONE_TIME:
                return Optional.of(kind == OfferCatalog.Kind.RESERVATION && draw < 8 ? "P3Y" : "P1Y");
            default:
                return Optional.of("P1Y");
        }
    }

    private static String lineTransactionType(SplittableRandom random, OrderTraits traits) {
        int draw = random.nextInt(100);
        if (traits.isSystemPurchase()) {
            return draw < 50 ? "Renew" : "renew";
        }
        if (GeneratedOrder.STATUS_CANCELLED.equals(traits.status())) {
            return draw < 70 ? "New" : "cancel";
        }
        return draw < 80 ? "New" : draw < 92 ? "addQuantity" : "convert";
    }

    private static GeneratedOrder.Prices prices(SplittableRandom random, OfferCatalog.Offer offer,
                                                BillingCycleCode cycle, Market market, int quantity, String type) {
        int months;
        switch (cycle) {
            case ANNUAL:
            case ONE_TIME:
                months = offer.kind() == OfferCatalog.Kind.SOFTWARE ? 1 : 12;
                break;
            case TRIENNIAL:
                months = 36;
                break;
            case BIENNIAL:
                months = 24;
                break;
            default:
                months = 1;
        }
        // Four decimals on purpose: Partner Center prices carry more digits than the currency's minor unit.
        BigDecimal list = offer.monthlyUsd().multiply(BigDecimal.valueOf(months)).multiply(market.usdRate())
                .setScale(4, RoundingMode.HALF_EVEN);
        int discountBasisPoints = random.nextInt(1500);
        BigDecimal discounted = list.multiply(BigDecimal.valueOf(10_000 - discountBasisPoints))
                .divide(BigDecimal.valueOf(10_000), 4, RoundingMode.HALF_EVEN);
        BigDecimal extended = discounted.multiply(BigDecimal.valueOf(quantity)).setScale(4, RoundingMode.HALF_EVEN);
        BigDecimal prorated = "addQuantity".equals(type)
                ? discounted.multiply(BigDecimal.valueOf(10 + random.nextInt(90)))
                        .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_EVEN)
                : discounted;
        return new GeneratedOrder.Prices(list, discounted, extended, discounted, prorated);
    }
}
