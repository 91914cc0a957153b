package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredSubscriptionRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.SubscriptionLinkHeaderRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.SubscriptionLinkRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.SubscriptionRefundOptionRecord;
import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.ResourceAttributes;
import dev.pcorders.domain.subscription.RefundOption;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_LINK;
import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_LINK_HEADER;
import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_REFUND_OPTION;

/** Rebuilds domain subscriptions from stored rows: the subscription rows given, their children fetched by row id. */
final class StoredSubscriptionReader {

    /** Row ids per IN list, well under SQLite's limit on bound parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final DSLContext dsl;
    private final Map<Long, List<RefundOption>> refundOptions = new HashMap<>();
    private final Map<Long, Map<String, Link>> links = new HashMap<>();

    private StoredSubscriptionReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The subscriptions of {@code rows}, in the same order. */
    static List<Subscription> read(DSLContext dsl, List<StoredSubscriptionRecord> rows) {
        StoredSubscriptionReader reader = new StoredSubscriptionReader(dsl);
        List<Long> ids = rows.stream().map(StoredSubscriptionRecord::getRowId).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            reader.fetchChildren(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
        }
        List<Subscription> subscriptions = new ArrayList<>(rows.size());
        for (StoredSubscriptionRecord row : rows) {
            subscriptions.add(reader.subscription(row));
        }
        return subscriptions;
    }

    private void fetchChildren(List<Long> ids) {
        for (SubscriptionRefundOptionRecord option : dsl.selectFrom(SUBSCRIPTION_REFUND_OPTION)
                .where(SUBSCRIPTION_REFUND_OPTION.SUBSCRIPTION_ROW_ID.in(ids))
                .orderBy(SUBSCRIPTION_REFUND_OPTION.SUBSCRIPTION_ROW_ID, SUBSCRIPTION_REFUND_OPTION.POSITION)) {
            refundOptions.computeIfAbsent(option.getSubscriptionRowId(), id -> new ArrayList<>())
                    .add(new RefundOption(option.getRefundType(), option.getExpiresAt()));
        }
        List<SubscriptionLinkRecord> linkRows = dsl.selectFrom(SUBSCRIPTION_LINK)
                .where(SUBSCRIPTION_LINK.SUBSCRIPTION_ROW_ID.in(ids))
                .orderBy(SUBSCRIPTION_LINK.LINK_ID)
                .fetch();
        if (linkRows.isEmpty()) {
            return;
        }
        Map<Long, List<Link.Header>> headers = new HashMap<>();
        for (SubscriptionLinkHeaderRecord header : dsl.selectFrom(SUBSCRIPTION_LINK_HEADER)
                .where(SUBSCRIPTION_LINK_HEADER.LINK_ID.in(dsl.select(SUBSCRIPTION_LINK.LINK_ID).from(SUBSCRIPTION_LINK)
                        .where(SUBSCRIPTION_LINK.SUBSCRIPTION_ROW_ID.in(ids))))
                .orderBy(SUBSCRIPTION_LINK_HEADER.LINK_ID, SUBSCRIPTION_LINK_HEADER.POSITION)) {
            headers.computeIfAbsent(header.getLinkId(), id -> new ArrayList<>())
                    .add(new Link.Header(header.getHeaderKey(), header.getHeaderValue()));
        }
        for (SubscriptionLinkRecord row : linkRows) {
            Link link = new Link(row.getUri(), row.getMethod(), headers.getOrDefault(row.getLinkId(), List.of()),
                    Optional.ofNullable(row.getBody()));
            links.computeIfAbsent(row.getSubscriptionRowId(), owner -> new HashMap<>()).put(row.getRelation(), link);
        }
    }

    private Subscription subscription(StoredSubscriptionRecord row) {
        long rowId = row.getRowId();
        return new Subscription(
                CustomerId.parse(row.getCustomerId()),
                SubscriptionId.of(row.getSubscriptionId()),
                row.getOfferId(),
                Optional.ofNullable(row.getOfferName()),
                Optional.ofNullable(row.getFriendlyName()),
                row.getQuantity(),
                Optional.ofNullable(row.getUnitType()),
                OpenEnumColumns.read(SubscriptionStatus.class, row.getStatus(), row.getStatusKnown()),
                Optional.ofNullable(row.getAutoRenewEnabled()),
                Optional.ofNullable(OpenEnumColumns.read(BillingCycle.class, row.getBillingCycle(), row.getBillingCycleKnown())),
                Optional.ofNullable(row.getTermDuration()),
                row.getCreationDate(),
                Optional.ofNullable(row.getEffectiveStartDate()),
                Optional.ofNullable(row.getCommitmentEndDate()),
                Optional.ofNullable(row.getOrderId()).map(OrderId::of),
                Optional.ofNullable(row.getEntitlementId()),
                Optional.ofNullable(row.getIsTrial()),
                Optional.ofNullable(row.getBillingType()),
                Optional.ofNullable(row.getContractType()),
                refundOptions.getOrDefault(rowId, List.of()),
                links.getOrDefault(rowId, Map.of()),
                new ResourceAttributes(Optional.ofNullable(row.getEtag()), Optional.ofNullable(row.getObjectType())));
    }
}
