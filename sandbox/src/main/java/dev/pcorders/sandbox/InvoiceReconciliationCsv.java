package dev.pcorders.sandbox;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes Partner Center's new-commerce invoice reconciliation export for the sandbox's own orders: one
 * purchase row per billed line item, Cancel rows for cancelled orders, cycleCharge rows for monthly
 * ones, plus the planted discrepancies. Two passes over the generated orders (choose, then write), so
 * memory holds the candidate lines' positions, not the orders.
 */
final class InvoiceReconciliationCsv {

    static final List<String> COLUMNS = List.of(
            "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber",
            "MpnId", "ResellerMpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName",
            "ProductName", "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency",
            "PriceAdjustmentDescription", "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId",
            "ChargeStartDate", "ChargeEndDate", "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId",
            "BillableQuantity", "BillingFrequency", "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate",
            "MeterDescription", "ReservationOrderId", "CreditReasonCode", "SubscriptionStartDate",
            "SubscriptionEndDate", "ReferenceId", "ProductQualifiers", "PromotionId");

    private static final Map<String, Integer> COLUMN_INDEX = new HashMap<>();

    static {
        for (int i = 0; i < COLUMNS.size(); i++) {
            COLUMN_INDEX.put(COLUMNS.get(i), i);
        }
    }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "DKK");
    private static final DiscrepancyKind[] LINE_KINDS = {
        DiscrepancyKind.MISSING_IN_LEDGER, DiscrepancyKind.QUANTITY_MISMATCH,
        DiscrepancyKind.PRICE_MISMATCH, DiscrepancyKind.CURRENCY_MISMATCH,
    };

    private final OrderGenerator generator;
    private final int ordersPerCustomer;
    private final ReconciliationPlan plan;
    private final String partnerId;
    private final String partnerMpnId;
    private final Map<Long, DiscrepancyKind> plantedLines = new HashMap<>();
    private final List<Integer> customersInLedger = new ArrayList<>();
    private final List<PlantedDiscrepancy> planted = new ArrayList<>();
    private final Map<String, Long> rowsByChargeType = new TreeMap<>();
    private long line = 1;
    private long dataRows;

    InvoiceReconciliationCsv(OrderGenerator generator, int ordersPerCustomer, ReconciliationPlan plan) {
        this.generator = generator;
        this.ordersPerCustomer = ordersPerCustomer;
        this.plan = plan;
        SplittableRandom partner = Seeds.random(generator.seed(), Seeds.PARTNER, 1, 0);
        this.partnerId = Seeds.guid(partner);
        this.partnerMpnId = Seeds.digits(partner, 7);
    }

    ReconciliationExport write(OutputStream out) throws IOException {
        choosePlantedLines();
        if (plan.byteOrderMark()) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        // The caller owns the stream: flushed, never closed here.
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(new NonClosing(out), StandardCharsets.UTF_8);
        csv.writeRecord(COLUMNS);
        for (SandboxCustomer customer : generator.customers()) {
            for (int i = 0; i < ordersPerCustomer; i++) {
                GeneratedOrder order = generator.order(customer.index(), i);
                if (inScope(order)) {
                    writeOrderRows(csv, customer, order);
                }
            }
        }
        writeMissingInPartnerCenter(csv);
        csv.flush();
        return new ReconciliationExport(dataRows, rowsByChargeType, planted);
    }

    private boolean inScope(GeneratedOrder order) {
        return plan.includeSystemPurchases() || !order.isSystemPurchase();
    }

    private static long position(int customer, int order, int lineItem) {
        return ((long) customer << 40) | ((long) order << 8) | lineItem;
    }

    /** Picks the lines to spoil, from the seed, before anything is written: a line gets at most one kind. */
    private void choosePlantedLines() {
        long[] billable = new long[64];
        int billableCount = 0;
        long[] cancelled = new long[16];
        int cancelledCount = 0;
        for (SandboxCustomer customer : generator.customers()) {
            boolean first = true;
            for (int i = 0; i < ordersPerCustomer; i++) {
                GeneratedOrder order = generator.order(customer.index(), i);
                if (!inScope(order)) {
                    continue;
                }
                for (GeneratedOrder.LineItem item : order.lineItems()) {
                    long at = position(customer.index(), i, item.number());
                    if (order.isCancelled()) {
                        if (item.catalogOffer().isPresent()) {
                            if (cancelledCount == cancelled.length) {
                                cancelled = Arrays.copyOf(cancelled, cancelledCount * 2);
                            }
                            cancelled[cancelledCount++] = at;
                        }
                    } else if (first) {
                        // Left alone, so every customer keeps a purchase row and stays in the reconciliation.
                        first = false;
                        customersInLedger.add(customer.index());
                    } else {
                        if (billableCount == billable.length) {
                            billable = Arrays.copyOf(billable, billableCount * 2);
                        }
                        billable[billableCount++] = at;
                    }
                }
            }
        }
        SplittableRandom random = Seeds.random(generator.seed(), Seeds.RECONCILIATION, plan.perKind(), 0);
        int picks = (int) Math.min((long) plan.perKind() * LINE_KINDS.length, billableCount);
        for (int p = 0; p < picks; p++) {
            int chosen = p + random.nextInt(billableCount - p);
            long swap = billable[p];
            billable[p] = billable[chosen];
            billable[chosen] = swap;
            plantedLines.put(billable[p], LINE_KINDS[p % LINE_KINDS.length]);
        }
        int cancelledPicks = Math.min(plan.perKind(), cancelledCount);
        for (int p = 0; p < cancelledPicks; p++) {
            int chosen = p + random.nextInt(cancelledCount - p);
            long swap = cancelled[p];
            cancelled[p] = cancelled[chosen];
            cancelled[chosen] = swap;
            plantedLines.put(cancelled[p], DiscrepancyKind.BILLED_BUT_CANCELLED);
        }
    }

    private void writeOrderRows(CsvWriter csv, SandboxCustomer customer, GeneratedOrder order) throws IOException {
        // Partner Center's export names an order by its id or by its alternateId; both must match.
        boolean byAlternate = order.alternateId().isPresent()
                && (Seeds.mix(generator.seed(), Seeds.RECONCILIATION, order.customerIndex(), order.orderIndex()) & 3) == 0;
        String reference = byAlternate ? order.alternateId().get() : order.id();
        for (GeneratedOrder.LineItem item : order.lineItems()) {
            if (item.catalogOffer().isEmpty()) {
                // Legacy offers have no ProductId/SkuId/AvailabilityId: they are not in the new-commerce export.
                continue;
            }
            DiscrepancyKind kind = plantedLines.get(position(order.customerIndex(), order.orderIndex(), item.number()));
            if (order.isCancelled()) {
                writeRow(csv, customer, order, reference, item, "Cancel", item.quantity(), item.pricing().price(),
                        order.currencyCode());
                if (kind == DiscrepancyKind.BILLED_BUT_CANCELLED) {
                    long at = writeRow(csv, customer, order, reference, item, "New", item.quantity(),
                            item.pricing().price(), order.currencyCode());
                    plant(kind, order, reference, item, Optional.of(at), Optional.of("billed"),
                            Optional.of(order.status()));
                }
                continue;
            }
            if (kind == DiscrepancyKind.MISSING_IN_LEDGER) {
                plant(kind, order, order.id(), item, Optional.empty(), Optional.empty(),
                        Optional.of(Integer.toString(item.quantity())));
                continue;
            }
            int quantity = item.quantity();
            BigDecimal price = item.pricing().price();
            String currency = order.currencyCode();
            Optional<String> expected = Optional.empty();
            Optional<String> actual = Optional.empty();
            if (kind == DiscrepancyKind.QUANTITY_MISMATCH) {
                quantity = item.quantity() + 1 + (int) (Math.abs(Seeds.mix(generator.seed(), order.orderIndex(), item.number(), 7)) % 5);
                expected = Optional.of(Integer.toString(quantity));
                actual = Optional.of(Integer.toString(item.quantity()));
            } else if (kind == DiscrepancyKind.PRICE_MISMATCH) {
                // Well outside any sensible tolerance: a tenth more, plus one.
                price = price.multiply(new BigDecimal("1.1")).add(BigDecimal.ONE).setScale(4, RoundingMode.HALF_EVEN);
                expected = Optional.of(price.toPlainString());
                actual = Optional.of(item.pricing().price().toPlainString());
            } else if (kind == DiscrepancyKind.CURRENCY_MISMATCH) {
                currency = CURRENCIES.get((CURRENCIES.indexOf(order.currencyCode()) + 1) % CURRENCIES.size());
                expected = Optional.of(currency);
                actual = Optional.of(order.currencyCode());
            }
            long at = writeRow(csv, customer, order, reference, item, chargeType(item.transactionType()), quantity,
                    price, currency);
            if (kind != null) {
                plant(kind, order, reference, item, Optional.of(at), expected, actual);
            }
            if (item.number() == 0 && order.cycle() == BillingCycleCode.MONTHLY) {
                writeRow(csv, customer, order, reference, item, "cycleCharge", item.quantity(), item.pricing().price(),
                        order.currencyCode());
            }
        }
    }

    private void plant(DiscrepancyKind kind, GeneratedOrder order, String reference, GeneratedOrder.LineItem item,
                       Optional<Long> at, Optional<String> expected, Optional<String> actual) {
        planted.add(new PlantedDiscrepancy(kind, order.customerId(), reference, Optional.of(order.id()),
                item.offerId(), at, expected, actual));
    }

    private void writeMissingInPartnerCenter(CsvWriter csv) throws IOException {
        if (customersInLedger.isEmpty()) {
            return;
        }
        SplittableRandom random = Seeds.random(generator.seed(), Seeds.RECONCILIATION, plan.perKind(), 1);
        for (int n = 0; n < plan.perKind(); n++) {
            SandboxCustomer customer = generator.customers().get(customersInLedger.get(n % customersInLedger.size()));
            // An order id no generated order has: ids come from independent streams of 33 random characters.
            String reference = Seeds.orderId(random);
            OfferCatalog.Offer offer = OfferCatalog.get(random.nextInt(OfferCatalog.size()));
            int quantity = 1 + random.nextInt(20);
            BigDecimal price = offer.monthlyUsd().setScale(4, RoundingMode.HALF_EVEN);
            String[] row = baseRow(customer, reference, LocalDate.of(2024, 6, 1), offer, "New", quantity, price,
                    customer.currencyCode());
            set(row, "SubscriptionId", Seeds.guid(random));
            set(row, "TermAndBillingCycle", "One-Year commitment for monthly/yearly billing");
            set(row, "BillingFrequency", "Monthly");
            long at = writeRecord(csv, row, "New");
            planted.add(new PlantedDiscrepancy(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, customer.id(), reference,
                    Optional.empty(), offer.offerId(), Optional.of(at), Optional.of(Integer.toString(quantity)),
                    Optional.empty()));
        }
    }

    private long writeRow(CsvWriter csv, SandboxCustomer customer, GeneratedOrder order, String reference,
                          GeneratedOrder.LineItem item, String chargeType, int quantity, BigDecimal unitPrice,
                          String currency) throws IOException {
        OfferCatalog.Offer offer = item.catalogOffer().orElseThrow();
        String[] row = baseRow(customer, reference, order.creationDay(), offer, chargeType, quantity, unitPrice, currency);
        set(row, "ResellerMpnId", order.resellerId().orElse(""));
        set(row, "SubscriptionId", item.subscriptionId().orElse(""));
        set(row, "SubscriptionDescription", item.friendlyName());
        set(row, "AlternateId", order.alternateId().orElse(""));
        set(row, "PromotionId", item.promotionId().orElse(""));
        set(row, "PriceAdjustmentDescription", item.promotionId().isPresent()
                ? "[\"Promotion applied, see PromotionId\"]" : "");
        String term = item.termDuration().filter(text -> !text.isEmpty()).orElse("P1Y");
        LocalDate start = order.creationDay();
        LocalDate end = termEnd(start, term);
        set(row, "ChargeEndDate", US_DATE.format(end));
        set(row, "SubscriptionStartDate", US_DATE.format(start));
        set(row, "SubscriptionEndDate", US_DATE.format(end));
        set(row, "TermAndBillingCycle", termText(term) + " commitment for " + frequency(order.cycle()).toLowerCase(Locale.ROOT)
                + " billing");
        set(row, "BillingFrequency", frequency(order.cycle()));
        if (offer.kind() == OfferCatalog.Kind.RESERVATION) {
            set(row, "ReservationOrderId", item.provisioningContext().getOrDefault("subscriptionId", ""));
        }
        return writeRecord(csv, row, chargeType);
    }

    private String[] baseRow(SandboxCustomer customer, String reference, LocalDate orderDay, OfferCatalog.Offer offer,
                             String chargeType, int quantity, BigDecimal unitPrice, String currency) {
        String[] row = new String[COLUMNS.size()];
        Arrays.fill(row, "");
        int minorUnits = "JPY".equals(currency) ? 0 : 2;
        BigDecimal subtotal = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(minorUnits, RoundingMode.HALF_UP);
        BigDecimal tax = subtotal.multiply(taxRate(customer.country())).setScale(minorUnits, RoundingMode.HALF_UP);
        if ("Cancel".equals(chargeType)) {
            subtotal = subtotal.negate();
            tax = tax.negate();
        }
        set(row, "PartnerId", partnerId);
        set(row, "CustomerId", customer.id());
        set(row, "CustomerName", customer.name());
        set(row, "CustomerDomainName", customer.domain());
        set(row, "CustomerCountry", customer.country());
        set(row, "InvoiceNumber", "G" + String.format(Locale.ROOT, "%09d",
                Math.abs(Seeds.mix(generator.seed(), customer.index(), orderDay.getYear(), orderDay.getMonthValue())) % 1_000_000_000L));
        set(row, "MpnId", partnerMpnId);
        set(row, "OrderId", reference);
        set(row, "OrderDate", US_DATE.format(orderDay));
        set(row, "ProductId", offer.productId());
        set(row, "SkuId", offer.skuId());
        set(row, "AvailabilityId", offer.availabilityId());
        set(row, "SkuName", offer.skuName());
        set(row, "ProductName", offer.productName());
        set(row, "ChargeType", chargeType);
        set(row, "UnitPrice", unitPrice.toPlainString());
        set(row, "Quantity", Integer.toString(quantity));
        set(row, "Subtotal", subtotal.toPlainString());
        set(row, "TaxTotal", tax.toPlainString());
        set(row, "Total", subtotal.add(tax).toPlainString());
        set(row, "Currency", currency);
        set(row, "PublisherName", "Microsoft Corporation");
        set(row, "ChargeStartDate", US_DATE.format(orderDay));
        set(row, "EffectiveUnitPrice", unitPrice.toPlainString());
        set(row, "UnitType", offer.kind() == OfferCatalog.Kind.SEAT ? "Licenses" : "");
        set(row, "BillableQuantity", Integer.toString(quantity));
        set(row, "PricingCurrency", "USD");
        set(row, "PCToBCExchangeRate", "1");
        set(row, "PCToBCExchangeRateDate", US_DATE.format(orderDay.withDayOfMonth(1)));
        set(row, "ReferenceId", Seeds.guid(Seeds.random(generator.seed(), Seeds.RECONCILIATION, line, 2)));
        return row;
    }

    private long writeRecord(CsvWriter csv, String[] row, String chargeType) {
        long at = ++line;
        for (String field : row) {
            line += field.chars().filter(c -> c == '\n').count();
        }
        csv.writeRecord(row);
        dataRows++;
        rowsByChargeType.merge(chargeType, 1L, Long::sum);
        return at;
    }

    private static void set(String[] row, String column, String value) {
        row[COLUMN_INDEX.get(column)] = value;
    }

    private static String chargeType(String lineTransactionType) {
        switch (lineTransactionType.toLowerCase(Locale.ROOT)) {
            case "renew":
                return "Renew";
            case "addquantity":
                return "addQuantity";
            case "convert":
                return "Convert";
            default:
                return "New";
        }
    }

    private static BigDecimal taxRate(String country) {
        switch (country) {
            case "DE":
                return new BigDecimal("0.19");
            case "GB":
                return new BigDecimal("0.20");
            case "JP":
                return new BigDecimal("0.10");
            case "DK":
                return new BigDecimal("0.25");
            default:
                return BigDecimal.ZERO;
        }
    }

    private static LocalDate termEnd(LocalDate start, String term) {
        switch (term) {
            case "P1M":
                return start.plusMonths(1).minusDays(1);
            case "P2Y":
                return start.plusYears(2).minusDays(1);
            case "P3Y":
                return start.plusYears(3).minusDays(1);
            default:
                return start.plusYears(1).minusDays(1);
        }
    }

    private static String termText(String term) {
        switch (term) {
            case "P1M":
                return "One-Month";
            case "P2Y":
                return "Two-Year";
            case "P3Y":
                return "Three-Year";
            default:
                return "One-Year";
        }
    }

    private static String frequency(BillingCycleCode cycle) {
        switch (cycle) {
            case MONTHLY:
                return "Monthly";
            case ANNUAL:
                return "Annual";
            case TRIENNIAL:
                return "Triennial";
            case BIENNIAL:
                return "Biennial";
            case ONE_TIME:
                return "OneTime";
            default:
                return "None";
        }
    }

    /** Lets CsvWriter flush into a stream it must not close. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
