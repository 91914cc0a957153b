package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.Subscription;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One reconciliation, fed in two steps: first the cached orders that take part ({@link #addOrder}),
 * then the ledger, row by row ({@link #addLedgerEntry}); {@link #report()} closes it. Not thread-safe:
 * one reconciliation, one thread.
 *
 * <p>Memory follows the cached order lines taking part, never the number of ledger rows. Orders are
 * indexed by (customer, order id or alternate id) and the ledger is streamed past them. Of an order it
 * keeps only what the report shows (ids, currency, status) and, per (order, offer), sums and the values
 * that disagree; a ledger row is folded in and dropped: its price or currency is kept only when it
 * differs from the order's, its amount goes straight into the currency totals, and its line number is
 * kept only while the line has fewer than {@link #LEDGER_LINES_KEPT} (the rest are counted, see
 * {@link Discrepancy#ledgerRows()}). Ledger rows that match no order are kept per key: each such key is a
 * discrepancy of its own, so that part grows with the report, not with the ledger.
 *
 * <p>The cached side lives in {@code CachedOrderIndex}, the ledger side in {@code LedgerFold}, and
 * {@code DiscrepancyFinder} turns the two into the report.
 *
 * <p>Cached subscriptions, when the caller has them ({@link #addSubscription}), are checked too, per subscription:
 * {@code SubscriptionIndex} keeps what the report shows of each, {@code SubscriptionLedgerFold} sums the quantities of
 * the ledger rows naming them as the ledger streams by, and {@code SubscriptionDiscrepancyFinder} adds the
 * subscription-level kinds after the order-level ones. Memory again follows the cached subscriptions, not the ledger.
 */
public final class Reconciliation {

    /**
     * How many ledger line numbers a discrepancy lists: the first ones in file order. Rows beyond them
     * still count in its sums and in {@link Discrepancy#ledgerRows()}. Enough to find the rows of a key
     * billed a few times; a key billed hundreds of times is found by its order id.
     */
    public static final int LEDGER_LINES_KEPT = 10;

    private final Amount priceTolerance;
    private final CachedOrderIndex orders = new CachedOrderIndex();
    private final LedgerFold ledger;
    private final SubscriptionIndex subscriptions = new SubscriptionIndex();
    private final SubscriptionLedgerFold subscriptionLedger = new SubscriptionLedgerFold(subscriptions);
    private boolean ledgerStarted;

    public Reconciliation(Amount priceTolerance) {
        this(priceTolerance, Optional.empty(), Optional.empty());
    }

    /**
     * A reconciliation of the orders created in {@code [createdFrom, createdBefore)}: a ledger row of an order
     * that is not cached at all is counted as outside the window when its own order date lies outside it.
     */
    public Reconciliation(Amount priceTolerance, Optional<Instant> createdFrom, Optional<Instant> createdBefore) {
        this.priceTolerance = Objects.requireNonNull(priceTolerance, "priceTolerance");
        if (priceTolerance.value().signum() < 0) {
            throw new IllegalArgumentException("price tolerance must not be negative, got " + priceTolerance);
        }
        this.ledger = new LedgerFold(orders, priceTolerance, Objects.requireNonNull(createdFrom, "createdFrom"),
                Objects.requireNonNull(createdBefore, "createdBefore"));
    }

    /** Adds a cached order that takes part. Every order must be added before the first ledger entry. */
    public void addOrder(Order order) {
        Objects.requireNonNull(order, "order");
        if (ledgerStarted) {
            throw new IllegalStateException("orders must all be added before the ledger is read");
        }
        orders.add(order);
    }

    /**
     * Registers a cached order that does not take part because it was created outside the reconciliation's
     * creation window. Of it only its references are kept: ledger rows billing it are counted as outside the
     * window instead of being reported as missing in Partner Center. Added, like every order, before the ledger.
     */
    public void addOrderOutsideWindow(Order order) {
        Objects.requireNonNull(order, "order");
        if (ledgerStarted) {
            throw new IllegalStateException("orders must all be added before the ledger is read");
        }
        orders.addOutsideWindow(order);
    }

    /**
     * Adds a cached subscription of a reconciled customer: every one of them, whatever its status, so a ledger row
     * naming a suspended subscription is told apart from one naming a subscription Partner Center does not have.
     * Added, like the orders, before the first ledger entry. Without any, the report is an order-only one.
     */
    public void addSubscription(Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        if (ledgerStarted) {
            throw new IllegalStateException("subscriptions must all be added before the ledger is read");
        }
        subscriptions.add(subscription);
    }

    /** Adds one ledger entry: a row to compare, a row of a charge type that is not compared, or a row in error. */
    public void addLedgerEntry(LedgerEntry entry) {
        ledgerStarted = true;
        ledger.add(entry);
        if (entry instanceof LedgerRow row) {
            subscriptionLedger.add(row);
        }
    }

    /** Counts a ledger row that was read but bills a customer the reconciliation was not asked about. */
    public void addLedgerEntryOfAnotherCustomer() {
        ledgerStarted = true;
        ledger.addOfAnotherCustomer();
    }

    /**
     * Leaves out of the report every cached order and subscription of a customer not in {@code customers}. For a
     * reconciliation of "the customers the ledger names", which can only know them once the ledger has streamed by:
     * the caller adds the cached orders of every customer, reads the ledger once, then keeps the customers its rows
     * named. A ledger row only ever matches orders and subscriptions of its own customer, so the report is the one
     * that adding only those customers' orders would have given. Call it after the ledger and before {@link #report()}.
     */
    public void retainCustomers(Set<CustomerId> customers) {
        Objects.requireNonNull(customers, "customers");
        Set<CustomerId> kept = Set.copyOf(customers);
        // Rows still waiting to be folded must meet the orders they name before any is forgotten.
        ledger.foldPending();
        orders.retainCustomers(kept);
        subscriptions.retainCustomers(kept);
    }

    /**
     * Compares what was added and builds the report; order-level discrepancies sorted by customer, order, offer and
     * kind, then the subscription-level ones sorted by customer, subscription id and kind.
     */
    public ReconciliationReport report() {
        ReconciliationReport orderLevel = new DiscrepancyFinder(priceTolerance).report(orders, ledger);
        SubscriptionDiscrepancyFinder.Found found = new SubscriptionDiscrepancyFinder()
                .find(subscriptions, subscriptionLedger, orders.customers());
        return found.check().isInPlay() ? orderLevel.withSubscriptionLevel(found.discrepancies(), found.check()) : orderLevel;
    }
}
