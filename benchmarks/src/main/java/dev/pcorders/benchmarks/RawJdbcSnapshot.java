package dev.pcorders.benchmarks;

import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ClientContext;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderDifference;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.order.PurchaseCommitment;
import dev.pcorders.domain.order.RenewsTo;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The store baseline: the rows {@code JooqOrderRepository.replaceSnapshot} writes for a first snapshot
 * of a scope (orders, line items, provisioning entries, links, link headers and one ADDED change per
 * order) with hand-written JDBC: one prepared INSERT per table, a batch per page, one transaction.
 * Column values are computed the way the adapter computes them, so both write the same bytes (the
 * smoke test compares the two databases table by table). What it leaves out is exactly the adapter's
 * own work: reading the previous snapshot, diffing, and the summary queries at the end.
 *
 * <p>The same SQL runs on both stores: flags are bound with {@code setBoolean} (SQLite's driver stores 1 or 0, as the
 * adapter does; PostgreSQL's columns are boolean), money with {@code setString} (the PostgreSQL store's connections
 * send strings untyped, {@code stringtype=unspecified}, so they bind into numeric columns), and the row and link ids
 * are assigned here from 1, as the repository assigns them in an empty store.
 */
public final class RawJdbcSnapshot {

    // The adapter's SortableInstantConverter format: fixed width, so text order is time order.
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final String INSERT_ORDER = "INSERT INTO stored_order (row_id, scope_id, customer_id, order_id,"
            + " stored_by_run, alternate_id, billing_cycle, billing_cycle_known, billing_cycle_match, currency_code,"
            + " currency_symbol, creation_date, creation_date_offset, status, status_known, status_match, total_price,"
            + " transaction_type, transaction_type_known, has_client, client_device_family, client_marketplace_country,"
            + " client_name, etag, object_type, prices_as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINE_ITEM = "INSERT INTO line_item (order_row_id, line_item_number, list_position,"
            + " offer_id, offer_key, subscription_id, subscription_key, parent_subscription_id, term_duration,"
            + " transaction_type, transaction_type_known, friendly_name, quantity, partner_id_on_record, partner_key,"
            + " has_pricing, list_price, discounted_price, extended_price, price, prorated_price, has_purchase_commitment,"
            + " commitment_amount, commitment_currency, commitment_grain, has_renews_to, renews_to_term_duration,"
            + " promotion_id, attestation_accepted, custom_term_end_date)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PROVISIONING = "INSERT INTO provisioning_entry (order_row_id, line_item_number,"
            + " position, entry_key, entry_value) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_LINK = "INSERT INTO resource_link (link_id, order_row_id, line_item_number,"
            + " relation, uri, method, body) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_HEADER = "INSERT INTO link_header (link_id, position, header_key, header_value)"
            + " VALUES (?, ?, ?, ?)";
    private static final String INSERT_CHANGE = "INSERT INTO order_change (run_id, detected_at, customer_id, order_id, kind,"
            + " line_item_number, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final long runId;
    private final long scopeId;
    private final String detectedAt;
    private long nextRowId = 1;
    private long nextLinkId = 1;
    private long rows;

    private PreparedStatement orders;
    private PreparedStatement lineItems;
    private PreparedStatement provisioning;
    private PreparedStatement links;
    private PreparedStatement headers;
    private PreparedStatement changes;

    private RawJdbcSnapshot(long runId, long scopeId, Instant detectedAt) {
        this.runId = runId;
        this.scopeId = scopeId;
        this.detectedAt = INSTANT.format(detectedAt);
    }

    /**
     * Writes the pages as the first snapshot of the run's scope into an empty store and marks the run's
     * snapshot stored, in one transaction.
     *
     * @return the number of rows inserted
     */
    /** The scope a run belongs to, which the raw rows must name as the repository's do. */
    public static long scopeOf(Connection connection, long runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT scope_id FROM sync_run WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public static long write(Connection connection, long runId, long scopeId, Instant detectedAt, Iterator<Page<Order>> pages)
            throws SQLException {
        return new RawJdbcSnapshot(runId, scopeId, detectedAt).writeAll(connection, pages);
    }

    private long writeAll(Connection connection, Iterator<Page<Order>> pages) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement o = connection.prepareStatement(INSERT_ORDER);
             PreparedStatement li = connection.prepareStatement(INSERT_LINE_ITEM);
             PreparedStatement pe = connection.prepareStatement(INSERT_PROVISIONING);
             PreparedStatement rl = connection.prepareStatement(INSERT_LINK);
             PreparedStatement lh = connection.prepareStatement(INSERT_HEADER);
             PreparedStatement oc = connection.prepareStatement(INSERT_CHANGE);
             PreparedStatement stored = connection.prepareStatement("UPDATE sync_run SET snapshot_stored = true WHERE run_id = ?")) {
            orders = o;
            lineItems = li;
            provisioning = pe;
            links = rl;
            headers = lh;
            changes = oc;
            while (pages.hasNext()) {
                for (Order order : pages.next().items()) {
                    addOrder(order);
                }
                // A batch per page and table, parents first, as the repository sends them.
                for (PreparedStatement statement : new PreparedStatement[] {o, li, pe, rl, lh, oc}) {
                    statement.executeBatch();
                }
            }
            stored.setLong(1, runId);
            stored.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return rows;
    }

    private void addOrder(Order order) throws SQLException {
        long rowId = nextRowId++;
        ClientContext client = order.client().orElse(null);
        String customer = order.referenceCustomerId().toString();
        int c = 1;
        orders.setLong(c++, rowId);
        orders.setLong(c++, scopeId);
        orders.setString(c++, customer);
        orders.setString(c++, order.id().value());
        orders.setLong(c++, runId);
        orders.setString(c++, order.alternateId().orElse(null));
        c = setOpenEnum(orders, c, order.billingCycle(), true);
        orders.setString(c++, order.currencyCode().map(CurrencyCode::value).orElse(null));
        orders.setString(c++, order.currencySymbol().orElse(null));
        orders.setString(c++, INSTANT.format(order.creationDate()));
        orders.setString(c++, order.creationDateOffset().getId());
        c = setOpenEnum(orders, c, order.status(), true);
        orders.setString(c++, decimal(order.totalPrice()));
        c = setOpenEnum(orders, c, order.transactionType(), false);
        orders.setBoolean(c++, client != null);
        orders.setString(c++, client == null ? null : client.deviceFamily().orElse(null));
        orders.setString(c++, client == null ? null : client.marketplaceCountry().orElse(null));
        orders.setString(c++, client == null ? null : client.name().orElse(null));
        orders.setString(c++, order.attributes().etag().orElse(null));
        orders.setString(c++, order.attributes().objectType().orElse(null));
        // A first snapshot: prices sent are prices as of this sync, as CachedOrder.afterSync has it.
        orders.setString(c, CachedOrder.hasPrices(order) ? detectedAt : null);
        orders.addBatch();
        rows++;

        OrderLinks orderLinks = order.links();
        addLink(rowId, null, "self", orderLinks.self());
        addLink(rowId, null, "provisioningStatus", orderLinks.provisioningStatus());
        addLink(rowId, null, "patchOperation", orderLinks.patchOperation());
        int position = 0;
        for (OrderLineItem item : order.lineItems()) {
            addLineItem(rowId, position++, item);
        }

        OrderDifference added = OrderDifference.added(order);
        changes.setLong(1, runId);
        changes.setString(2, detectedAt);
        changes.setString(3, customer);
        changes.setString(4, order.id().value());
        changes.setString(5, added.kind().name());
        changes.setNull(6, Types.INTEGER);
        changes.setString(7, added.before().orElse(null));
        changes.setString(8, added.after().orElse(null));
        changes.addBatch();
        rows++;
    }

    private void addLineItem(long rowId, int position, OrderLineItem item) throws SQLException {
        Pricing pricing = item.pricing().orElse(null);
        PurchaseCommitment commitment = item.purchaseCommitment().orElse(null);
        RenewsTo renewsTo = item.renewsTo().orElse(null);
        String subscription = item.subscriptionId().orElse(null);
        String partner = item.partnerIdOnRecord().orElse(null);
        int c = 1;
        lineItems.setLong(c++, rowId);
        lineItems.setInt(c++, item.lineItemNumber());
        lineItems.setInt(c++, position);
        lineItems.setString(c++, item.offerId().value());
        lineItems.setString(c++, item.offerId().matchKey());
        lineItems.setString(c++, subscription);
        lineItems.setString(c++, subscription == null ? null : subscription.toLowerCase(Locale.ROOT));
        lineItems.setString(c++, item.parentSubscriptionId().orElse(null));
        lineItems.setString(c++, item.termDuration().orElse(null));
        c = setOpenEnum(lineItems, c, item.transactionType(), false);
        lineItems.setString(c++, item.friendlyName().orElse(null));
        lineItems.setInt(c++, item.quantity());
        lineItems.setString(c++, partner);
        lineItems.setString(c++, foldCase(partner));
        lineItems.setBoolean(c++, pricing != null);
        lineItems.setString(c++, pricing == null ? null : decimal(pricing.listPrice()));
        lineItems.setString(c++, pricing == null ? null : decimal(pricing.discountedPrice()));
        lineItems.setString(c++, pricing == null ? null : decimal(pricing.extendedPrice()));
        lineItems.setString(c++, pricing == null ? null : decimal(pricing.price()));
        lineItems.setString(c++, pricing == null ? null : decimal(pricing.proratedPrice()));
        lineItems.setBoolean(c++, commitment != null);
        lineItems.setString(c++, commitment == null ? null : decimal(commitment.amount()));
        lineItems.setString(c++, commitment == null ? null : commitment.currency().map(CurrencyCode::value).orElse(null));
        lineItems.setString(c++, commitment == null ? null : commitment.grain().orElse(null));
        lineItems.setBoolean(c++, renewsTo != null);
        lineItems.setString(c++, renewsTo == null ? null : renewsTo.termDuration().orElse(null));
        lineItems.setString(c++, item.promotionId().orElse(null));
        if (item.attestationAccepted().isPresent()) {
            lineItems.setBoolean(c++, item.attestationAccepted().get());
        } else {
            lineItems.setNull(c++, Types.BOOLEAN);
        }
        lineItems.setString(c, item.customTermEndDate().map(Object::toString).orElse(null));
        lineItems.addBatch();
        rows++;

        int entry = 0;
        for (Map.Entry<String, String> context : item.provisioningContext().entrySet()) {
            provisioning.setLong(1, rowId);
            provisioning.setInt(2, item.lineItemNumber());
            provisioning.setInt(3, entry++);
            provisioning.setString(4, context.getKey());
            provisioning.setString(5, context.getValue());
            provisioning.addBatch();
            rows++;
        }
        LineItemLinks itemLinks = item.links();
        addLink(rowId, item.lineItemNumber(), "product", itemLinks.product());
        addLink(rowId, item.lineItemNumber(), "sku", itemLinks.sku());
        addLink(rowId, item.lineItemNumber(), "availability", itemLinks.availability());
        addLink(rowId, item.lineItemNumber(), "subscription", itemLinks.subscription());
        addLink(rowId, item.lineItemNumber(), "provisioningStatus", itemLinks.provisioningStatus());
        addLink(rowId, item.lineItemNumber(), "activationLinks", itemLinks.activationLinks());
    }

    private void addLink(long rowId, Integer lineItemNumber, String relation, Optional<Link> maybeLink) throws SQLException {
        if (maybeLink.isEmpty()) {
            return;
        }
        Link link = maybeLink.get();
        long linkId = nextLinkId++;
        links.setLong(1, linkId);
        links.setLong(2, rowId);
        if (lineItemNumber == null) {
            links.setNull(3, Types.INTEGER);
        } else {
            links.setInt(3, lineItemNumber);
        }
        links.setString(4, relation);
        links.setString(5, link.uri());
        links.setString(6, link.method());
        links.setString(7, link.body().orElse(null));
        links.addBatch();
        rows++;
        int position = 0;
        for (Link.Header header : link.headers()) {
            headers.setLong(1, linkId);
            headers.setInt(2, position++);
            headers.setString(3, header.key());
            headers.setString(4, header.value());
            headers.addBatch();
            rows++;
        }
    }

    /** Raw string, known constant and (where readers filter on it) the match key: the adapter's three columns of an open enum. */
    private static int setOpenEnum(PreparedStatement statement, int column, Optional<? extends Coded<?>> value, boolean withMatchKey)
            throws SQLException {
        Coded<?> coded = value.orElse(null);
        int c = column;
        statement.setString(c++, coded == null ? null : coded.raw());
        statement.setString(c++, coded == null ? null : coded.known().name());
        if (withMatchKey) {
            statement.setString(c++, coded == null ? null : matchKey(coded));
        }
        return c;
    }

    // An unknown value matches by its raw string with case, '_', '-' and ' ' ignored, as the adapter stores it.
    private static String matchKey(Coded<?> value) {
        if (!value.known().isUnknown()) {
            return value.known().name();
        }
        StringBuilder kept = new StringBuilder(value.raw().length() + 1).append('?');
        for (int i = 0; i < value.raw().length(); i++) {
            char ch = value.raw().charAt(i);
            if (ch != '_' && ch != '-' && ch != ' ') {
                kept.append(ch);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    private static String foldCase(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    private static String decimal(Optional<Amount> amount) {
        return amount.map(value -> value.value().toString()).orElse(null);
    }
}
