package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.ReconcileOrdersUseCase;
import dev.pcorders.application.order.port.in.UnknownCustomerException;
import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.application.order.port.out.LedgerSource;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.subscription.port.out.CachedSubscriptionReader;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.Reconciliation;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reconciles offline: cached orders are indexed, the ledger is streamed past them, once. When no customers
 * are named, every cached customer's orders are indexed and those of customers the ledger does not name are
 * left out of the report afterwards ({@link Reconciliation#retainCustomers}), so memory follows the cache rather
 * than the ledger. Each customer's orders are read
 * from one committed state of the cache, a batch at a time, and dropped once {@link Reconciliation}
 * has taken what it needs of them.
 *
 * <p>Given a {@link CachedSubscriptionReader}, it also hands the reconciliation every cached subscription of each
 * reconciled customer, read the same way, so the report checks seats per subscription against the ledger rows that
 * name one (see {@link dev.pcorders.domain.reconciliation.SubscriptionCheck}). Without one, no subscription is cached
 * as far as the reconciliation knows, and its report is the order-only one.
 */
public final class ReconcileOrdersService implements ReconcileOrdersUseCase {

    private final CachedOrderReader orders;
    private final SyncRunLog runLog;
    private final LedgerSource ledgerSource;
    private final Optional<CachedSubscriptionReader> subscriptions;

    /** Reconciles orders only, as when no subscription is cached. */
    public ReconcileOrdersService(CachedOrderReader orders, SyncRunLog runLog, LedgerSource ledgerSource) {
        this(orders, runLog, ledgerSource, Optional.empty());
    }

    /** Reconciles orders and, for the customers whose subscriptions are cached, subscriptions. */
    public ReconcileOrdersService(CachedOrderReader orders, SyncRunLog runLog, LedgerSource ledgerSource,
                                  CachedSubscriptionReader subscriptions) {
        this(orders, runLog, ledgerSource, Optional.of(Objects.requireNonNull(subscriptions, "subscriptions")));
    }

    private ReconcileOrdersService(CachedOrderReader orders, SyncRunLog runLog, LedgerSource ledgerSource,
                                   Optional<CachedSubscriptionReader> subscriptions) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.ledgerSource = Objects.requireNonNull(ledgerSource, "ledgerSource");
        this.subscriptions = subscriptions;
    }

    @Override
    public ReconciliationReport reconcileOrders(ReconcileOrdersCommand command) {
        Objects.requireNonNull(command, "command");
        // With no customers named, the ledger decides who takes part, and it is read once: every cached customer's
        // orders are indexed, and those of customers the ledger never names are dropped once it has streamed by.
        boolean ledgerNamesCustomers = command.customers().isEmpty();
        Set<CustomerId> customers = new TreeSet<>(command.customers());
        Reconciliation reconciliation = new Reconciliation(command.priceTolerance(), command.createdFrom(),
                command.createdBefore());
        // Customers named by the caller that neither side knows are an input error (a mistyped id), not a clean report.
        Set<CustomerId> unheardOf = new TreeSet<>(command.customers());
        if (ledgerNamesCustomers) {
            addCachedSide(OrderCriteria.ALL, SubscriptionCriteria.ALL, reconciliation, command, unheardOf);
        } else {
            for (CustomerId customer : customers) {
                addCachedSide(OrderCriteria.ALL.withCustomer(customer), SubscriptionCriteria.ALL.withCustomer(customer),
                        reconciliation, command, unheardOf);
            }
        }
        // A hash set: it is asked once per ledger row.
        Set<CustomerId> taking = ledgerNamesCustomers ? new HashSet<>() : new HashSet<>(customers);
        try (Stream<LedgerEntry> ledger = ledgerSource.read(command.ledger(), command.lenient())) {
            Iterator<LedgerEntry> entries = ledger.iterator();
            // Row after row names the same customer, often the same instance: that one is in the set already.
            CustomerId lastTaken = null;
            while (entries.hasNext()) {
                LedgerEntry entry = entries.next();
                if (entry instanceof LedgerRow row) {
                    if (ledgerNamesCustomers) {
                        if (row.customer() != lastTaken) {
                            taking.add(row.customer());
                            lastTaken = row.customer();
                        }
                    } else {
                        unheardOf.remove(row.customer());
                        if (!taking.contains(row.customer())) {
                            reconciliation.addLedgerEntryOfAnotherCustomer();
                            continue;
                        }
                    }
                }
                reconciliation.addLedgerEntry(entry);
            }
        }
        if (!unheardOf.isEmpty()) {
            throw new UnknownCustomerException(List.copyOf(unheardOf));
        }
        if (ledgerNamesCustomers) {
            reconciliation.retainCustomers(taking);
        }
        ReconciliationReport report = reconciliation.report();
        return report.withSystemPurchasesNeverSynced(report.customersWith(DiscrepancyKind.MISSING_IN_PARTNER_CENTER).stream()
                .filter(customer -> !syncedSystemPurchases(customer))
                .toList());
    }

    private void addCachedSide(OrderCriteria orderCriteria, SubscriptionCriteria subscriptionCriteria,
                               Reconciliation reconciliation, ReconcileOrdersCommand command, Set<CustomerId> unheardOf) {
        // Every cached order, not only the window's: a ledger row billing an order created outside the window
        // must be told apart from one billing an order that does not exist.
        orders.forEachOrderToMatch(orderCriteria, cached -> {
            Order order = cached.order();
            unheardOf.remove(order.referenceCustomerId());
            if (inWindow(order, command)) {
                reconciliation.addOrder(order);
            } else {
                reconciliation.addOrderOutsideWindow(order);
            }
        });
        // Every status: a row billing a suspended subscription must be told apart from one Partner Center never had.
        subscriptions.ifPresent(reader -> reader.forEachSubscription(subscriptionCriteria, subscription -> {
            unheardOf.remove(subscription.customer());
            reconciliation.addSubscription(subscription);
        }));
    }

    /**
     * Whether a sync of the customer that succeeded asked for system purchases. If none did, the cache holds none of
     * the orders Partner Center created itself for that customer (a later sync without the flag keeps them).
     */
    private boolean syncedSystemPurchases(CustomerId customer) {
        return runLog.succeededScopeKeys(OrderScope.KIND, customer).stream()
                .anyMatch(key -> OrderScope.fromKey(customer, key).includeSystemPurchases());
    }

    /** The window of {@link OrderCriteria#createdBetween}: from inclusive, before exclusive. */
    private static boolean inWindow(Order order, ReconcileOrdersCommand command) {
        return command.createdFrom().map(from -> !order.creationDate().isBefore(from)).orElse(true)
                && command.createdBefore().map(before -> order.creationDate().isBefore(before)).orElse(true);
    }
}
