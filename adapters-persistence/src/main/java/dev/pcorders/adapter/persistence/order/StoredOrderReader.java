package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.jooq.Tables.LINE_ITEM;
import static dev.pcorders.adapter.persistence.jooq.Tables.LINK_HEADER;
import static dev.pcorders.adapter.persistence.jooq.Tables.PROVISIONING_ENTRY;
import static dev.pcorders.adapter.persistence.jooq.Tables.RESOURCE_LINK;

import dev.pcorders.adapter.persistence.jooq.tables.records.LineItemRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.LinkHeaderRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.ProvisioningEntryRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.ResourceLinkRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.StoredOrderRecord;
import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ClientContext;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.LineItemTransactionType;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.order.PurchaseCommitment;
import dev.pcorders.domain.order.RenewsTo;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Rebuilds domain orders from stored rows: the order rows given, their children fetched by row id. */
final class StoredOrderReader {

    /** Row ids per IN list, well under SQLite's limit on bound parameters. */
    private static final int IDS_PER_QUERY = 500;

    private record ItemKey(long rowId, int lineItemNumber) {
    }

    private record LinkOwner(long rowId, Integer lineItemNumber) {
    }

    private final DSLContext dsl;
    private final Map<Long, List<LineItemRecord>> lineItems = new HashMap<>();
    private final Map<ItemKey, Map<String, String>> provisioning = new HashMap<>();
    private final Map<LinkOwner, Map<String, Link>> links = new HashMap<>();

    private StoredOrderReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The orders of {@code rows}, in the same order. */
    static List<CachedOrder> read(DSLContext dsl, List<StoredOrderRecord> rows) {
        StoredOrderReader reader = new StoredOrderReader(dsl);
        List<Long> ids = rows.stream().map(StoredOrderRecord::getRowId).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            reader.fetchLineItems(some);
            reader.fetchLinksAndProvisioning(some);
        }
        List<CachedOrder> orders = new ArrayList<>(rows.size());
        for (StoredOrderRecord row : rows) {
            orders.add(new CachedOrder(reader.order(row), Optional.ofNullable(row.getPricesAsOf())));
        }
        return orders;
    }

    private void fetchLineItems(List<Long> ids) {
        dsl.selectFrom(LINE_ITEM)
                .where(LINE_ITEM.ORDER_ROW_ID.in(ids))
                .orderBy(LINE_ITEM.ORDER_ROW_ID, LINE_ITEM.LIST_POSITION)
                .forEach(item -> lineItems.computeIfAbsent(item.getOrderRowId(), id -> new ArrayList<>()).add(item));
    }

    private void fetchLinksAndProvisioning(List<Long> ids) {
        for (ProvisioningEntryRecord entry : dsl.selectFrom(PROVISIONING_ENTRY)
                .where(PROVISIONING_ENTRY.ORDER_ROW_ID.in(ids))
                .orderBy(PROVISIONING_ENTRY.ORDER_ROW_ID, PROVISIONING_ENTRY.LINE_ITEM_NUMBER, PROVISIONING_ENTRY.POSITION)) {
            provisioning.computeIfAbsent(new ItemKey(entry.getOrderRowId(), entry.getLineItemNumber()), key -> new LinkedHashMap<>())
                    .put(entry.getEntryKey(), entry.getEntryValue());
        }
        List<ResourceLinkRecord> linkRows = dsl.selectFrom(RESOURCE_LINK)
                .where(RESOURCE_LINK.ORDER_ROW_ID.in(ids))
                .orderBy(RESOURCE_LINK.LINK_ID)
                .fetch();
        if (linkRows.isEmpty()) {
            return;
        }
        Map<Long, List<Link.Header>> headers = new HashMap<>();
        for (LinkHeaderRecord header : dsl.selectFrom(LINK_HEADER)
                .where(LINK_HEADER.LINK_ID.in(dsl.select(RESOURCE_LINK.LINK_ID).from(RESOURCE_LINK).where(RESOURCE_LINK.ORDER_ROW_ID.in(ids))))
                .orderBy(LINK_HEADER.LINK_ID, LINK_HEADER.POSITION)) {
            headers.computeIfAbsent(header.getLinkId(), id -> new ArrayList<>())
                    .add(new Link.Header(header.getHeaderKey(), header.getHeaderValue()));
        }
        for (ResourceLinkRecord row : linkRows) {
            Link link = new Link(row.getUri(), row.getMethod(), headers.getOrDefault(row.getLinkId(), List.of()),
                    Optional.ofNullable(row.getBody()));
            links.computeIfAbsent(new LinkOwner(row.getOrderRowId(), row.getLineItemNumber()), owner -> new HashMap<>())
                    .put(row.getRelation(), link);
        }
    }

    private Order order(StoredOrderRecord row) {
        long rowId = row.getRowId();
        Map<String, Link> orderLinks = links.getOrDefault(new LinkOwner(rowId, null), Map.of());
        List<OrderLineItem> items = new ArrayList<>();
        for (LineItemRecord item : lineItems.getOrDefault(rowId, List.of())) {
            items.add(lineItem(rowId, item));
        }
        return Order.builder(OrderId.of(row.getOrderId()), CustomerId.parse(row.getCustomerId()), row.getCreationDate())
                .creationDateOffset(ZoneOffset.of(row.getCreationDateOffset()))
                .alternateId(row.getAlternateId())
                .billingCycle(OpenEnumColumns.read(BillingCycle.class, row.getBillingCycle(), row.getBillingCycleKnown()))
                .currencyCode(row.getCurrencyCode() == null ? null : CurrencyCode.of(row.getCurrencyCode()))
                .currencySymbol(row.getCurrencySymbol())
                .status(OpenEnumColumns.read(OrderStatus.class, row.getStatus(), row.getStatusKnown()))
                .totalPrice(amount(row.getTotalPrice()))
                .transactionType(OpenEnumColumns.read(OrderTransactionType.class, row.getTransactionType(), row.getTransactionTypeKnown()))
                .client(Boolean.TRUE.equals(row.getHasClient())
                        ? new ClientContext(Optional.ofNullable(row.getClientDeviceFamily()),
                                Optional.ofNullable(row.getClientMarketplaceCountry()), Optional.ofNullable(row.getClientName()))
                        : null)
                .lineItems(items)
                .links(new OrderLinks(link(orderLinks, OrderBatches.SELF), link(orderLinks, OrderBatches.PROVISIONING_STATUS),
                        link(orderLinks, OrderBatches.PATCH_OPERATION)))
                .attributes(new ResourceAttributes(Optional.ofNullable(row.getEtag()), Optional.ofNullable(row.getObjectType())))
                .build();
    }

    private OrderLineItem lineItem(long rowId, LineItemRecord item) {
        int number = item.getLineItemNumber();
        Map<String, Link> itemLinks = links.getOrDefault(new LinkOwner(rowId, number), Map.of());
        return OrderLineItem.builder(number, OfferId.parse(item.getOfferId()), item.getQuantity())
                .subscriptionId(item.getSubscriptionId())
                .parentSubscriptionId(item.getParentSubscriptionId())
                .termDuration(item.getTermDuration())
                .transactionType(OpenEnumColumns.read(LineItemTransactionType.class, item.getTransactionType(), item.getTransactionTypeKnown()))
                .friendlyName(item.getFriendlyName())
                .partnerIdOnRecord(item.getPartnerIdOnRecord())
                .provisioningContext(provisioning.getOrDefault(new ItemKey(rowId, number), Map.of()))
                .pricing(Boolean.TRUE.equals(item.getHasPricing())
                        ? new Pricing(optionalAmount(item.getListPrice()), optionalAmount(item.getDiscountedPrice()),
                                optionalAmount(item.getExtendedPrice()), optionalAmount(item.getPrice()),
                                optionalAmount(item.getProratedPrice()))
                        : null)
                .purchaseCommitment(Boolean.TRUE.equals(item.getHasPurchaseCommitment())
                        ? new PurchaseCommitment(optionalAmount(item.getCommitmentAmount()),
                                Optional.ofNullable(item.getCommitmentCurrency()).map(CurrencyCode::of),
                                Optional.ofNullable(item.getCommitmentGrain()))
                        : null)
                .renewsTo(Boolean.TRUE.equals(item.getHasRenewsTo())
                        ? new RenewsTo(Optional.ofNullable(item.getRenewsToTermDuration()))
                        : null)
                .promotionId(item.getPromotionId())
                .attestationAccepted(item.getAttestationAccepted())
                .customTermEndDate(item.getCustomTermEndDate())
                .links(new LineItemLinks(link(itemLinks, OrderBatches.PRODUCT), link(itemLinks, OrderBatches.SKU),
                        link(itemLinks, OrderBatches.AVAILABILITY), link(itemLinks, OrderBatches.SUBSCRIPTION),
                        link(itemLinks, OrderBatches.PROVISIONING_STATUS), link(itemLinks, OrderBatches.ACTIVATION_LINKS)))
                .build();
    }

    private static Optional<Link> link(Map<String, Link> links, String relation) {
        return Optional.ofNullable(links.get(relation));
    }

    private static Amount amount(BigDecimal value) {
        return value == null ? null : new Amount(value);
    }

    private static Optional<Amount> optionalAmount(BigDecimal value) {
        return Optional.ofNullable(value).map(Amount::new);
    }
}
