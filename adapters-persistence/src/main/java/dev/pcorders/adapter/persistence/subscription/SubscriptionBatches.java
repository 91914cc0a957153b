package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.adapter.persistence.store.RowBatch;
import dev.pcorders.adapter.persistence.store.RowBatches;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.subscription.RefundOption;
import dev.pcorders.domain.subscription.Subscription;
import java.sql.Connection;
import java.util.Map;
import org.jooq.DSLContext;

import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_SUBSCRIPTION;
import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_LINK;
import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_LINK_HEADER;
import static dev.pcorders.adapter.persistence.jooq.Tables.SUBSCRIPTION_REFUND_OPTION;

/**
 * The rows of subscriptions across the subscription, refund option, link and link header tables, one prepared INSERT
 * per table for the whole snapshot, sent as one batch per table and page.
 */
final class SubscriptionBatches implements AutoCloseable {

    private final RowBatches batches;
    private final RowBatch subscriptions;
    private final RowBatch refundOptions;
    private final RowBatch links;
    private final RowBatch headers;
    private long nextLinkId;

    /** Prepares the four INSERTs on {@code connection}, the one {@code tx} runs on; links get ids from {@code nextLinkId} on. */
    SubscriptionBatches(DSLContext tx, Connection connection, long nextLinkId) {
        this.nextLinkId = nextLinkId;
        // Parents first: the order they are prepared in is the order their rows are sent.
        this.batches = new RowBatches(tx, connection);
        subscriptions = batches.prepare(STORED_SUBSCRIPTION);
        refundOptions = batches.prepare(SUBSCRIPTION_REFUND_OPTION);
        links = batches.prepare(SUBSCRIPTION_LINK);
        headers = batches.prepare(SUBSCRIPTION_LINK_HEADER);
    }

    void add(long rowId, long scopeId, long runId, Subscription subscription) {
        subscriptions.add()
                .set(STORED_SUBSCRIPTION.ROW_ID, rowId)
                .set(STORED_SUBSCRIPTION.SCOPE_ID, scopeId)
                .set(STORED_SUBSCRIPTION.CUSTOMER_ID, subscription.customer().toString())
                .set(STORED_SUBSCRIPTION.SUBSCRIPTION_ID, subscription.id().value())
                .set(STORED_SUBSCRIPTION.STORED_BY_RUN, runId)
                .set(STORED_SUBSCRIPTION.OFFER_ID, subscription.offerId())
                .set(STORED_SUBSCRIPTION.OFFER_KEY, SubscriptionQueries.offerKey(subscription.offerId()))
                .set(STORED_SUBSCRIPTION.OFFER_NAME, subscription.offerName().orElse(null))
                .set(STORED_SUBSCRIPTION.FRIENDLY_NAME, subscription.friendlyName().orElse(null))
                .set(STORED_SUBSCRIPTION.QUANTITY, subscription.quantity())
                .set(STORED_SUBSCRIPTION.UNIT_TYPE, subscription.unitType().orElse(null))
                .set(STORED_SUBSCRIPTION.STATUS, OpenEnumColumns.raw(subscription.status()))
                .set(STORED_SUBSCRIPTION.STATUS_KNOWN, OpenEnumColumns.knownName(subscription.status()))
                .set(STORED_SUBSCRIPTION.STATUS_MATCH, OpenEnumColumns.matchKey(subscription.status()))
                .set(STORED_SUBSCRIPTION.AUTO_RENEW_ENABLED, subscription.autoRenewEnabled().orElse(null))
                .set(STORED_SUBSCRIPTION.BILLING_CYCLE, OpenEnumColumns.raw(subscription.billingCycle().orElse(null)))
                .set(STORED_SUBSCRIPTION.BILLING_CYCLE_KNOWN, OpenEnumColumns.knownName(subscription.billingCycle().orElse(null)))
                .set(STORED_SUBSCRIPTION.TERM_DURATION, subscription.termDuration().orElse(null))
                .set(STORED_SUBSCRIPTION.CREATION_DATE, subscription.creationDate())
                .set(STORED_SUBSCRIPTION.EFFECTIVE_START_DATE, subscription.effectiveStartDate().orElse(null))
                .set(STORED_SUBSCRIPTION.COMMITMENT_END_DATE, subscription.commitmentEndDate().orElse(null))
                .set(STORED_SUBSCRIPTION.ORDER_ID, subscription.orderId().map(OrderId::value).orElse(null))
                .set(STORED_SUBSCRIPTION.ENTITLEMENT_ID, subscription.entitlementId().orElse(null))
                .set(STORED_SUBSCRIPTION.IS_TRIAL, subscription.isTrial().orElse(null))
                .set(STORED_SUBSCRIPTION.BILLING_TYPE, subscription.billingType().orElse(null))
                .set(STORED_SUBSCRIPTION.CONTRACT_TYPE, subscription.contractType().orElse(null))
                .set(STORED_SUBSCRIPTION.ETAG, subscription.attributes().etag().orElse(null))
                .set(STORED_SUBSCRIPTION.OBJECT_TYPE, subscription.attributes().objectType().orElse(null));
        int position = 0;
        for (RefundOption option : subscription.refundOptions()) {
            refundOptions.add()
                    .set(SUBSCRIPTION_REFUND_OPTION.SUBSCRIPTION_ROW_ID, rowId)
                    .set(SUBSCRIPTION_REFUND_OPTION.POSITION, position++)
                    .set(SUBSCRIPTION_REFUND_OPTION.REFUND_TYPE, option.type())
                    .set(SUBSCRIPTION_REFUND_OPTION.EXPIRES_AT, option.expiresAt());
        }
        for (Map.Entry<String, Link> link : subscription.links().entrySet()) {
            addLink(rowId, link.getKey(), link.getValue());
        }
    }

    private void addLink(long rowId, String relation, Link link) {
        long linkId = nextLinkId++;
        links.add()
                .set(SUBSCRIPTION_LINK.LINK_ID, linkId)
                .set(SUBSCRIPTION_LINK.SUBSCRIPTION_ROW_ID, rowId)
                .set(SUBSCRIPTION_LINK.RELATION, relation)
                .set(SUBSCRIPTION_LINK.URI, link.uri())
                .set(SUBSCRIPTION_LINK.METHOD, link.method())
                .set(SUBSCRIPTION_LINK.BODY, link.body().orElse(null));
        int position = 0;
        for (Link.Header header : link.headers()) {
            headers.add()
                    .set(SUBSCRIPTION_LINK_HEADER.LINK_ID, linkId)
                    .set(SUBSCRIPTION_LINK_HEADER.POSITION, position++)
                    .set(SUBSCRIPTION_LINK_HEADER.HEADER_KEY, header.key())
                    .set(SUBSCRIPTION_LINK_HEADER.HEADER_VALUE, header.value());
        }
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
