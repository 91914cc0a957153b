package dev.pcorders.sandbox;

import static dev.pcorders.sandbox.InvoiceColumns.set;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Renders the rows of the invoice reconciliation export as Partner Center fills them in. */
final class InvoiceRows implements LedgerLayout {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    private final LedgerLines lines;
    private final long seed;
    private final String partnerId;
    private final String partnerMpnId;

    InvoiceRows(LedgerLines lines, long seed) {
        this.lines = lines;
        this.seed = seed;
        SplittableRandom partner = Seeds.random(seed, Seeds.PARTNER, 1, 0);
        this.partnerId = Seeds.guid(partner);
        this.partnerMpnId = Seeds.digits(partner, 7);
    }

    @Override
    public List<String> header() {
        return InvoiceColumns.NAMES;
    }

    @Override
    public boolean writesNonPurchaseCharges() {
        return true;
    }

    @Override
    public boolean spoilable(GeneratedOrder.LineItem item) {
        return true;
    }

    @Override
    public long writeOrderRow(SandboxCustomer customer, GeneratedOrder order, String reference, GeneratedOrder.LineItem item,
                              String chargeType, int quantity, BigDecimal unitPrice, String currency) {
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
        return lines.write(row, chargeType);
    }

    @Override
    public long writeUnknownOrderRow(SandboxCustomer customer, String reference, OfferCatalog.Offer offer, int quantity,
                                     BigDecimal unitPrice, String currency, String subscriptionId) {
        String[] row = baseRow(customer, reference, LocalDate.of(2024, 6, 1), offer, "New", quantity, unitPrice, currency);
        set(row, "SubscriptionId", subscriptionId);
        set(row, "TermAndBillingCycle", "One-Year commitment for monthly/yearly billing");
        set(row, "BillingFrequency", "Monthly");
        return lines.write(row, "New");
    }

    /** The columns every row fills in, whether or not a generated order stands behind it. */
    private String[] baseRow(SandboxCustomer customer, String reference, LocalDate orderDay, OfferCatalog.Offer offer,
                     String chargeType, int quantity, BigDecimal unitPrice, String currency) {
        String[] row = InvoiceColumns.emptyRow();
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
                Math.abs(Seeds.mix(seed, customer.index(), orderDay.getYear(), orderDay.getMonthValue())) % 1_000_000_000L));
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
        set(row, "ReferenceId", Seeds.guid(Seeds.random(seed, Seeds.RECONCILIATION, lines.line(), 2)));
        return row;
    }

    static String chargeType(String lineTransactionType) {
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

    static LocalDate termEnd(LocalDate start, String term) {
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
}
