package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.jooq.tables.StoredSubscription;
import dev.pcorders.adapter.persistence.jooq.tables.records.StoredSubscriptionRecord;
import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionId;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_SUBSCRIPTION;

/**
 * The reads of cached subscriptions. Committed state holds one current row per (customer, subscription id): the one
 * not marked removed. Every filter of {@link SubscriptionCriteria} is an indexed equality (V5's indexes).
 */
final class SubscriptionQueries {

    /** The cached subscription rows. */
    static final StoredSubscription SUBSCRIPTIONS = STORED_SUBSCRIPTION.as("s");

    private SubscriptionQueries() {
    }

    /**
     * The form offer ids are stored and looked up in, so that an indexed equality gives the same answer as
     * {@link SubscriptionCriteria#matches} ({@link String#equalsIgnoreCase}): each code point folded the same way.
     */
    static String offerKey(String offerId) {
        StringBuilder folded = new StringBuilder(offerId.length());
        offerId.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    static Condition cached() {
        return SUBSCRIPTIONS.REMOVED_BY_RUN.isNull();
    }

    static Condition matching(SubscriptionCriteria criteria) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(cached());
        criteria.customer().ifPresent(customer -> conditions.add(SUBSCRIPTIONS.CUSTOMER_ID.eq(customer.toString())));
        criteria.status().ifPresent(status ->
                conditions.add(SUBSCRIPTIONS.STATUS_MATCH.in(OpenEnumColumns.matchKeysFor(status))));
        criteria.offerId().ifPresent(offer -> conditions.add(SUBSCRIPTIONS.OFFER_KEY.eq(offerKey(offer))));
        return DSL.and(conditions);
    }

    private static List<SortField<?>> stableOrder() {
        return List.of(SUBSCRIPTIONS.CREATION_DATE.asc(), SUBSCRIPTIONS.SUBSCRIPTION_ID.asc(), SUBSCRIPTIONS.CUSTOMER_ID.asc());
    }

    static ResultQuery<StoredSubscriptionRecord> page(DSLContext dsl, SubscriptionCriteria criteria, long offset, int limit) {
        return dsl.selectFrom(SUBSCRIPTIONS).where(matching(criteria)).orderBy(stableOrder()).limit(limit).offset(offset);
    }

    /** The next {@code limit} matching subscriptions after {@code last} in the stable order: a seek, not an offset. */
    static ResultQuery<StoredSubscriptionRecord> after(DSLContext dsl, SubscriptionCriteria criteria,
                                                       StoredSubscriptionRecord last, int limit) {
        return dsl.selectFrom(SUBSCRIPTIONS).where(matching(criteria)).orderBy(stableOrder())
                .seekAfter(last.getCreationDate(), last.getSubscriptionId(), last.getCustomerId()).limit(limit);
    }

    static Select<Record1<Integer>> count(DSLContext dsl, SubscriptionCriteria criteria) {
        return dsl.selectCount().from(SUBSCRIPTIONS).where(matching(criteria));
    }

    static ResultQuery<StoredSubscriptionRecord> byId(DSLContext dsl, SubscriptionId id) {
        return dsl.selectFrom(SUBSCRIPTIONS).where(cached()).and(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(id.value()))
                .orderBy(stableOrder());
    }
}
