package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.jooq.Tables.LINE_ITEM;
import static dev.pcorders.adapter.persistence.jooq.Tables.LINK_HEADER;
import static dev.pcorders.adapter.persistence.jooq.Tables.PROVISIONING_ENTRY;
import static dev.pcorders.adapter.persistence.jooq.Tables.RESOURCE_LINK;
import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_ORDER;

import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.adapter.persistence.store.RowBatch;
import dev.pcorders.adapter.persistence.store.RowBatches;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ClientContext;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.order.PurchaseCommitment;
import dev.pcorders.domain.order.RenewsTo;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.Link;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The rows of orders across the order, line item, provisioning context, link and link header tables,
 * one prepared INSERT per table for the whole snapshot, sent as one batch per table and page.
 */
final class OrderBatches implements AutoCloseable {

    /** Property names of the links, as Partner Center names them. */
    static final String SELF = "self";
    static final String PROVISIONING_STATUS = "provisioningStatus";
    static final String PATCH_OPERATION = "patchOperation";
    static final String PRODUCT = "product";
    static final String SKU = "sku";
    static final String AVAILABILITY = "availability";
    static final String SUBSCRIPTION = "subscription";
    static final String ACTIVATION_LINKS = "activationLinks";

    private final RowBatches batches;
    private final RowBatch orders;
    private final RowBatch lineItems;
    private final RowBatch provisioning;
    private final RowBatch links;
    private final RowBatch headers;
    private long nextLinkId;

    /** Prepares the five INSERTs on {@code connection}, the one {@code tx} runs on; links get ids from {@code nextLinkId} on. */
    OrderBatches(DSLContext tx, Connection connection, long nextLinkId) {
        this.nextLinkId = nextLinkId;
        // Parents first: the order they are prepared in is the order their rows are sent.
        this.batches = new RowBatches(tx, connection);
        orders = batches.prepare(STORED_ORDER);
        lineItems = batches.prepare(LINE_ITEM);
        provisioning = batches.prepare(PROVISIONING_ENTRY);
        links = batches.prepare(RESOURCE_LINK);
        headers = batches.prepare(LINK_HEADER);
    }

    void add(long rowId, long scopeId, long runId, CachedOrder cached) {
        Order order = cached.order();
        ClientContext client = order.client().orElse(null);
        orders.add()
                .set(STORED_ORDER.ROW_ID, rowId)
                .set(STORED_ORDER.SCOPE_ID, scopeId)
                .set(STORED_ORDER.CUSTOMER_ID, order.referenceCustomerId().toString())
                .set(STORED_ORDER.ORDER_ID, order.id().value())
                .set(STORED_ORDER.STORED_BY_RUN, runId)
                .set(STORED_ORDER.ALTERNATE_ID, order.alternateId().orElse(null))
                .set(STORED_ORDER.BILLING_CYCLE, OpenEnumColumns.raw(order.billingCycle().orElse(null)))
                .set(STORED_ORDER.BILLING_CYCLE_KNOWN, OpenEnumColumns.knownName(order.billingCycle().orElse(null)))
                .set(STORED_ORDER.BILLING_CYCLE_MATCH, order.billingCycle().map(OpenEnumColumns::matchKey).orElse(null))
                .set(STORED_ORDER.CURRENCY_CODE, order.currencyCode().map(CurrencyCode::value).orElse(null))
                .set(STORED_ORDER.CURRENCY_SYMBOL, order.currencySymbol().orElse(null))
                .set(STORED_ORDER.CREATION_DATE, order.creationDate())
                .set(STORED_ORDER.CREATION_DATE_OFFSET, order.creationDateOffset().getId())
                .set(STORED_ORDER.STATUS, OpenEnumColumns.raw(order.status().orElse(null)))
                .set(STORED_ORDER.STATUS_KNOWN, OpenEnumColumns.knownName(order.status().orElse(null)))
                .set(STORED_ORDER.STATUS_MATCH, order.status().map(OpenEnumColumns::matchKey).orElse(null))
                .set(STORED_ORDER.TOTAL_PRICE, decimal(order.totalPrice()))
                .set(STORED_ORDER.TRANSACTION_TYPE, OpenEnumColumns.raw(order.transactionType().orElse(null)))
                .set(STORED_ORDER.TRANSACTION_TYPE_KNOWN, OpenEnumColumns.knownName(order.transactionType().orElse(null)))
                .set(STORED_ORDER.HAS_CLIENT, client != null)
                .set(STORED_ORDER.CLIENT_DEVICE_FAMILY, client == null ? null : client.deviceFamily().orElse(null))
                .set(STORED_ORDER.CLIENT_MARKETPLACE_COUNTRY, client == null ? null : client.marketplaceCountry().orElse(null))
                .set(STORED_ORDER.CLIENT_NAME, client == null ? null : client.name().orElse(null))
                .set(STORED_ORDER.ETAG, order.attributes().etag().orElse(null))
                .set(STORED_ORDER.OBJECT_TYPE, order.attributes().objectType().orElse(null))
                .set(STORED_ORDER.PRICES_AS_OF, cached.pricesAsOf().orElse(null));
        OrderLinks orderLinks = order.links();
        addLink(rowId, null, SELF, orderLinks.self());
        addLink(rowId, null, PROVISIONING_STATUS, orderLinks.provisioningStatus());
        addLink(rowId, null, PATCH_OPERATION, orderLinks.patchOperation());
        int position = 0;
        for (OrderLineItem item : order.lineItems()) {
            addLineItem(rowId, position++, item);
        }
    }

    private void addLineItem(long rowId, int position, OrderLineItem item) {
        Pricing pricing = item.pricing().orElse(null);
        PurchaseCommitment commitment = item.purchaseCommitment().orElse(null);
        RenewsTo renewsTo = item.renewsTo().orElse(null);
        lineItems.add()
                .set(LINE_ITEM.ORDER_ROW_ID, rowId)
                .set(LINE_ITEM.LINE_ITEM_NUMBER, item.lineItemNumber())
                .set(LINE_ITEM.LIST_POSITION, position)
                .set(LINE_ITEM.OFFER_ID, item.offerId().value())
                .set(LINE_ITEM.OFFER_KEY, item.offerId().matchKey())
                .set(LINE_ITEM.SUBSCRIPTION_ID, item.subscriptionId().orElse(null))
                .set(LINE_ITEM.SUBSCRIPTION_KEY, MatchKeys.lowerCase(item.subscriptionId().orElse(null)))
                .set(LINE_ITEM.PARENT_SUBSCRIPTION_ID, item.parentSubscriptionId().orElse(null))
                .set(LINE_ITEM.TERM_DURATION, item.termDuration().orElse(null))
                .set(LINE_ITEM.TRANSACTION_TYPE, OpenEnumColumns.raw(item.transactionType().orElse(null)))
                .set(LINE_ITEM.TRANSACTION_TYPE_KNOWN, OpenEnumColumns.knownName(item.transactionType().orElse(null)))
                .set(LINE_ITEM.FRIENDLY_NAME, item.friendlyName().orElse(null))
                .set(LINE_ITEM.QUANTITY, item.quantity())
                .set(LINE_ITEM.PARTNER_ID_ON_RECORD, item.partnerIdOnRecord().orElse(null))
                .set(LINE_ITEM.PARTNER_KEY, MatchKeys.ignoringCase(item.partnerIdOnRecord().orElse(null)))
                .set(LINE_ITEM.HAS_PRICING, pricing != null)
                .set(LINE_ITEM.LIST_PRICE, pricing == null ? null : decimal(pricing.listPrice()))
                .set(LINE_ITEM.DISCOUNTED_PRICE, pricing == null ? null : decimal(pricing.discountedPrice()))
                .set(LINE_ITEM.EXTENDED_PRICE, pricing == null ? null : decimal(pricing.extendedPrice()))
                .set(LINE_ITEM.PRICE, pricing == null ? null : decimal(pricing.price()))
                .set(LINE_ITEM.PRORATED_PRICE, pricing == null ? null : decimal(pricing.proratedPrice()))
                .set(LINE_ITEM.HAS_PURCHASE_COMMITMENT, commitment != null)
                .set(LINE_ITEM.COMMITMENT_AMOUNT, commitment == null ? null : decimal(commitment.amount()))
                .set(LINE_ITEM.COMMITMENT_CURRENCY, commitment == null ? null : commitment.currency().map(CurrencyCode::value).orElse(null))
                .set(LINE_ITEM.COMMITMENT_GRAIN, commitment == null ? null : commitment.grain().orElse(null))
                .set(LINE_ITEM.HAS_RENEWS_TO, renewsTo != null)
                .set(LINE_ITEM.RENEWS_TO_TERM_DURATION, renewsTo == null ? null : renewsTo.termDuration().orElse(null))
                .set(LINE_ITEM.PROMOTION_ID, item.promotionId().orElse(null))
                .set(LINE_ITEM.ATTESTATION_ACCEPTED, item.attestationAccepted().orElse(null))
                .set(LINE_ITEM.CUSTOM_TERM_END_DATE, item.customTermEndDate().orElse(null));
        int entry = 0;
        for (Map.Entry<String, String> context : item.provisioningContext().entrySet()) {
            provisioning.add()
                    .set(PROVISIONING_ENTRY.ORDER_ROW_ID, rowId)
                    .set(PROVISIONING_ENTRY.LINE_ITEM_NUMBER, item.lineItemNumber())
                    .set(PROVISIONING_ENTRY.POSITION, entry++)
                    .set(PROVISIONING_ENTRY.ENTRY_KEY, context.getKey())
                    .set(PROVISIONING_ENTRY.ENTRY_VALUE, context.getValue());
        }
        LineItemLinks itemLinks = item.links();
        addLink(rowId, item.lineItemNumber(), PRODUCT, itemLinks.product());
        addLink(rowId, item.lineItemNumber(), SKU, itemLinks.sku());
        addLink(rowId, item.lineItemNumber(), AVAILABILITY, itemLinks.availability());
        addLink(rowId, item.lineItemNumber(), SUBSCRIPTION, itemLinks.subscription());
        addLink(rowId, item.lineItemNumber(), PROVISIONING_STATUS, itemLinks.provisioningStatus());
        addLink(rowId, item.lineItemNumber(), ACTIVATION_LINKS, itemLinks.activationLinks());
    }

    private void addLink(long rowId, Integer lineItemNumber, String relation, Optional<Link> maybeLink) {
        if (maybeLink.isEmpty()) {
            return;
        }
        Link link = maybeLink.get();
        long linkId = nextLinkId++;
        links.add()
                .set(RESOURCE_LINK.LINK_ID, linkId)
                .set(RESOURCE_LINK.ORDER_ROW_ID, rowId)
                .set(RESOURCE_LINK.LINE_ITEM_NUMBER, lineItemNumber)
                .set(RESOURCE_LINK.RELATION, relation)
                .set(RESOURCE_LINK.URI, link.uri())
                .set(RESOURCE_LINK.METHOD, link.method())
                .set(RESOURCE_LINK.BODY, link.body().orElse(null));
        int position = 0;
        for (Link.Header header : link.headers()) {
            headers.add()
                    .set(LINK_HEADER.LINK_ID, linkId)
                    .set(LINK_HEADER.POSITION, position++)
                    .set(LINK_HEADER.HEADER_KEY, header.key())
                    .set(LINK_HEADER.HEADER_VALUE, header.value());
        }
    }

    private static BigDecimal decimal(Optional<Amount> amount) {
        return amount.map(Amount::value).orElse(null);
    }

    /** Sends the rows added since the last call; parents before children, so every foreign key finds its row. */
    void execute() {
        batches.execute();
    }

    @Override
    public void close() {
        batches.close();
    }
}
