package dev.pcorders.adapter.persistence.ledger;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.LedgerRowKey;
import dev.pcorders.domain.shared.CustomerId;
import java.util.List;
import java.util.Optional;

/** The ledger layouts this adapter reads, told apart by the column names in the header row. */
enum LedgerFormat {

    /** Partner Center's new-commerce invoice reconciliation export; every row carries its ChargeType. */
    INVOICE_RECONCILIATION("Partner Center invoice reconciliation export",
            List.of(Columns.CUSTOMER_ID, Columns.ORDER_ID, Columns.PRODUCT_ID, Columns.SKU_ID, Columns.AVAILABILITY_ID,
                    Columns.CHARGE_TYPE, Columns.QUANTITY, Columns.UNIT_PRICE, Columns.CURRENCY),
            List.of(Columns.SUBSCRIPTION_ID, Columns.ORDER_DATE)) {
        @Override
        LedgerRow toRow(RowFields row) throws BadFieldException {
            return new LedgerRow(row.line(),
                    row.customerId(Columns.CUSTOMER_ID),
                    row.text(Columns.ORDER_ID),
                    OfferId.of(row.offerPart(Columns.PRODUCT_ID), row.offerPart(Columns.SKU_ID),
                            row.offerPart(Columns.AVAILABILITY_ID)),
                    row.quantity(Columns.QUANTITY),
                    row.unitPrice(Columns.UNIT_PRICE),
                    row.currency(Columns.CURRENCY),
                    row.optionalText(Columns.SUBSCRIPTION_ID),
                    Optional.of(row.text(Columns.CHARGE_TYPE)),
                    row.orderDate(Columns.ORDER_DATE));
        }

        @Override
        Optional<LedgerRowKey> key(RowFields row) {
            Optional<OfferId> offer = RowFields.readable(() -> OfferId.of(row.offerPart(Columns.PRODUCT_ID),
                    row.offerPart(Columns.SKU_ID), row.offerPart(Columns.AVAILABILITY_ID)));
            return keyOf(row, Columns.CUSTOMER_ID, Columns.ORDER_ID, offer, row.optionalText(Columns.CHARGE_TYPE));
        }
    },

    /** The project's own ledger: one row per purchase, the offer as a full offer id. */
    PARTNER_LEDGER("partner ledger",
            List.of(Columns.PARTNER_CUSTOMER_ID, Columns.PARTNER_ORDER_ID, Columns.PARTNER_OFFER_ID, Columns.PARTNER_QUANTITY),
            List.of(Columns.PARTNER_UNIT_PRICE, Columns.PARTNER_CURRENCY, Columns.PARTNER_SUBSCRIPTION_ID)) {
        @Override
        LedgerRow toRow(RowFields row) throws BadFieldException {
            return new LedgerRow(row.line(),
                    row.customerId(Columns.PARTNER_CUSTOMER_ID),
                    row.text(Columns.PARTNER_ORDER_ID),
                    row.offerId(Columns.PARTNER_OFFER_ID),
                    row.quantity(Columns.PARTNER_QUANTITY),
                    row.unitPrice(Columns.PARTNER_UNIT_PRICE),
                    row.currency(Columns.PARTNER_CURRENCY),
                    row.optionalText(Columns.PARTNER_SUBSCRIPTION_ID),
                    Optional.empty(),
                    Optional.empty());
        }

        /** Only with its subscription_id column does a partner ledger take part in the subscription checks. */
        @Override
        String titleOf(LedgerHeader header) {
            return header.position(Columns.PARTNER_SUBSCRIPTION_ID).isPresent() ? title() + " (with subscription_id)"
                    : title();
        }

        @Override
        Optional<LedgerRowKey> key(RowFields row) {
            return keyOf(row, Columns.PARTNER_CUSTOMER_ID, Columns.PARTNER_ORDER_ID,
                    RowFields.readable(() -> row.offerId(Columns.PARTNER_OFFER_ID)), Optional.<String>empty());
        }
    };

    /** Column names as the formats spell them; headers match them ignoring case. */
    static final class Columns {
        static final String CUSTOMER_ID = "CustomerId";
        static final String ORDER_ID = "OrderId";
        static final String PRODUCT_ID = "ProductId";
        static final String SKU_ID = "SkuId";
        static final String AVAILABILITY_ID = "AvailabilityId";
        static final String CHARGE_TYPE = "ChargeType";
        static final String QUANTITY = "Quantity";
        static final String UNIT_PRICE = "UnitPrice";
        static final String CURRENCY = "Currency";
        static final String SUBSCRIPTION_ID = "SubscriptionId";
        static final String ORDER_DATE = "OrderDate";

        static final String PARTNER_CUSTOMER_ID = "customer_id";
        static final String PARTNER_ORDER_ID = "order_id";
        static final String PARTNER_OFFER_ID = "offer_id";
        static final String PARTNER_QUANTITY = "quantity";
        static final String PARTNER_UNIT_PRICE = "unit_price";
        static final String PARTNER_CURRENCY = "currency";
        static final String PARTNER_SUBSCRIPTION_ID = "subscription_id";

        private Columns() {
        }
    }

    private final String title;
    private final List<String> required;
    private final List<String> optional;

    LedgerFormat(String title, List<String> required, List<String> optional) {
        this.title = title;
        this.required = required;
        this.optional = optional;
    }

    /** Reads one data row; the first unreadable value, in column order, fails it. */
    abstract LedgerRow toRow(RowFields row) throws BadFieldException;

    /** What can still be read of a row that failed: its customer and order, and its offer and charge type if readable. */
    abstract Optional<LedgerRowKey> key(RowFields row);

    private static Optional<LedgerRowKey> keyOf(RowFields row, String customerColumn, String orderColumn, Optional<OfferId> offer,
                                                Optional<String> chargeType) {
        Optional<CustomerId> customer = RowFields.readable(() -> row.customerId(customerColumn));
        Optional<String> order = RowFields.readable(() -> row.text(orderColumn));
        if (customer.isEmpty() || order.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LedgerRowKey(customer.get(), order.get(), offer, chargeType));
    }

    String title() {
        return title;
    }

    /** What a file with {@code header} is, as people call it: the title, with what its optional columns change. */
    String titleOf(LedgerHeader header) {
        return title;
    }

    List<String> required() {
        return required;
    }

    List<String> optional() {
        return optional;
    }

    /** The format's name and columns, for messages that tell what a header should look like. */
    String describe() {
        return title + " (columns " + String.join(", ", required)
                + (optional.isEmpty() ? "" : "; optional " + String.join(", ", optional)) + ")";
    }
}
