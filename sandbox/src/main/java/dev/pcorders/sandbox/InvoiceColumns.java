package dev.pcorders.sandbox;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column layout of Partner Center's new-commerce invoice reconciliation export: its columns in file order. */
final class InvoiceColumns {

    static final List<String> NAMES = List.of(
            "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber",
            "MpnId", "ResellerMpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName",
            "ProductName", "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency",
            "PriceAdjustmentDescription", "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId",
            "ChargeStartDate", "ChargeEndDate", "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId",
            "BillableQuantity", "BillingFrequency", "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate",
            "MeterDescription", "ReservationOrderId", "CreditReasonCode", "SubscriptionStartDate",
            "SubscriptionEndDate", "ReferenceId", "ProductQualifiers", "PromotionId");

    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < NAMES.size(); i++) {
            INDEX.put(NAMES.get(i), i);
        }
    }

    private InvoiceColumns() {
    }

    /** A row with every column empty. */
    static String[] emptyRow() {
        String[] row = new String[NAMES.size()];
        Arrays.fill(row, "");
        return row;
    }

    static void set(String[] row, String column, String value) {
        row[INDEX.get(column)] = value;
    }
}
