package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.time.Instant;
import java.util.Optional;

/** What the report needs of a cached order, not the order itself: ids, currency, status, and its lines. */
final class CachedOrder {
    final CustomerId customer;
    final OrderId id;
    final Instant created;
    final Optional<String> alternateId;
    final Optional<CurrencyCode> currency;
    final boolean cancelled;
    /** The status as Partner Center spelled it, kept for cancelled orders only: the one report that shows it. */
    final Optional<String> cancelledStatus;
    final OrderLine[] lines;
    /**
     * The lines' offer keys, in the lines' order: a ledger row scans them for its offer, and reading keys from one array
     * touches far less memory than reading them off each line.
     */
    final String[] lineKeys;

    CachedOrder(Order order, CustomerId customer, int lineCount) {
        this.customer = customer;
        this.id = order.id();
        this.created = order.creationDate();
        this.alternateId = order.alternateId();
        this.currency = order.currencyCode();
        this.cancelled = order.isCancelled();
        this.cancelledStatus = cancelled ? order.status().map(Object::toString) : Optional.empty();
        this.lines = new OrderLine[lineCount];
        this.lineKeys = new String[lineCount];
    }

    /** The line of this offer, if the order has one; orders hold a handful of lines, so a scan beats a map. */
    OrderLine line(String offerKey) {
        for (int i = 0; i < lineKeys.length; i++) {
            if (lineKeys[i].equals(offerKey)) {
                return lines[i];
            }
        }
        return null;
    }

    /** This order's own instance of {@code reference}, so a line keeps no string of the ledger's. */
    String ownReference(String reference) {
        return id.value().equals(reference) ? id.value() : alternateId.orElseThrow();
    }
}
