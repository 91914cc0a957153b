package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of reconciling a ledger against cached orders: an expected result, not an error, even
 * when it finds discrepancies. Discrepancies come in a stable order (customer, order, offer, kind).
 * {@code rowsOutsideWindow} counts the ledger rows of cached orders created outside the creation window
 * asked for: neither compared nor reported missing. {@code totals} ties the amounts out per currency,
 * and {@code coverage} says what could not be totalled. {@code subscriptions} says for which customers the
 * subscription-level kinds were looked for; those discrepancies follow the order-level ones, sorted by customer,
 * subscription id and kind. {@code atRiskByCustomer} is, per customer and currency, what that customer's discrepancies
 * explain of the difference, each part counted without its sign (every customer with such an amount, no other).
 */
public record ReconciliationReport(
        long matched,
        Map<String, Long> notComparedByChargeType,
        long rowsOutsideWindow,
        List<LedgerRowError> rowsInError,
        List<CurrencyTotals> totals,
        List<Discrepancy> discrepancies,
        Coverage coverage,
        List<CustomerId> systemPurchasesNeverSynced,
        SubscriptionCheck subscriptions,
        Map<CustomerId, Map<CurrencyCode, BigDecimal>> atRiskByCustomer) {

    /** A report of orders only: no subscription took part. */
    public ReconciliationReport(long matched, Map<String, Long> notComparedByChargeType, long rowsOutsideWindow,
                                List<LedgerRowError> rowsInError, List<CurrencyTotals> totals, List<Discrepancy> discrepancies,
                                Coverage coverage, List<CustomerId> systemPurchasesNeverSynced) {
        this(matched, notComparedByChargeType, rowsOutsideWindow, rowsInError, totals, discrepancies, coverage,
                systemPurchasesNeverSynced, SubscriptionCheck.NOT_IN_PLAY, Map.of());
    }

    /** A report without amounts at risk per customer. */
    public ReconciliationReport(long matched, Map<String, Long> notComparedByChargeType, long rowsOutsideWindow,
                                List<LedgerRowError> rowsInError, List<CurrencyTotals> totals, List<Discrepancy> discrepancies,
                                Coverage coverage, List<CustomerId> systemPurchasesNeverSynced, SubscriptionCheck subscriptions) {
        this(matched, notComparedByChargeType, rowsOutsideWindow, rowsInError, totals, discrepancies, coverage,
                systemPurchasesNeverSynced, subscriptions, Map.of());
    }

    /**
     * How much the totals could cover: {@code ledgerRowsRead} counts every data row read (of every customer,
     * in error or not), {@code rowsWithoutAmount} the compared rows that carry no unit price or whose currency
     * cannot be told, and {@code cachedLinesWithoutAmount} the cached lines in scope without a price or currency.
     */
    public record Coverage(long ledgerRowsRead, long rowsWithoutAmount, long cachedLinesWithoutAmount) {

        public Coverage {
            if (ledgerRowsRead < 0 || rowsWithoutAmount < 0 || cachedLinesWithoutAmount < 0) {
                throw new IllegalArgumentException("counts must not be negative, got " + ledgerRowsRead + ", "
                        + rowsWithoutAmount + ", " + cachedLinesWithoutAmount);
            }
        }
    }

    public ReconciliationReport {
        if (matched < 0) {
            throw new IllegalArgumentException("matched must not be negative, got " + matched);
        }
        if (rowsOutsideWindow < 0) {
            throw new IllegalArgumentException("rowsOutsideWindow must not be negative, got " + rowsOutsideWindow);
        }
        notComparedByChargeType = Collections.unmodifiableMap(new TreeMap<>(notComparedByChargeType));
        rowsInError = List.copyOf(rowsInError);
        totals = List.copyOf(totals);
        discrepancies = List.copyOf(discrepancies);
        Objects.requireNonNull(notComparedByChargeType, "notComparedByChargeType");
        Objects.requireNonNull(coverage, "coverage");
        systemPurchasesNeverSynced = List.copyOf(systemPurchasesNeverSynced);
        Objects.requireNonNull(subscriptions, "subscriptions");
        Map<CustomerId, Map<CurrencyCode, BigDecimal>> copied = new HashMap<>();
        atRiskByCustomer.forEach((customer, amounts) -> copied.put(customer, Map.copyOf(amounts)));
        atRiskByCustomer = Map.copyOf(copied);
        if (!subscriptions.isInPlay() && discrepancies.stream().anyMatch(d -> d.kind().isSubscriptionLevel())) {
            throw new IllegalArgumentException("subscription-level discrepancies in a report no subscription took part in");
        }
    }

    /**
     * The report, noting the customers with {@link DiscrepancyKind#MISSING_IN_PARTNER_CENTER} rows whose cached
     * orders never included system purchases: those rows may bill orders Partner Center created itself, which a
     * sync fetches only when asked. The reconciliation cannot know how the cache was filled; its caller can.
     */
    public ReconciliationReport withSystemPurchasesNeverSynced(List<CustomerId> customers) {
        return new ReconciliationReport(matched, notComparedByChargeType, rowsOutsideWindow, rowsInError, totals, discrepancies,
                coverage, customers, subscriptions, atRiskByCustomer);
    }

    /** The report with the subscription-level discrepancies after the order-level ones, and whom the check covered. */
    ReconciliationReport withSubscriptionLevel(List<Discrepancy> found, SubscriptionCheck check) {
        List<Discrepancy> all = new ArrayList<>(discrepancies);
        all.addAll(found);
        return new ReconciliationReport(matched, notComparedByChargeType, rowsOutsideWindow, rowsInError, totals, all, coverage,
                systemPurchasesNeverSynced, check, atRiskByCustomer);
    }

    /** The customers having {@code kind} discrepancies, each once, in order of first appearance. */
    public List<CustomerId> customersWith(DiscrepancyKind kind) {
        return discrepancies.stream().filter(d -> d.kind() == kind).map(Discrepancy::customer).distinct().toList();
    }

    /**
     * How many discrepancies of each kind, every order-level kind present (0 when none), and the subscription-level
     * kinds too when subscriptions {@linkplain SubscriptionCheck#isInPlay() took part}, so an order-only report
     * counts what it always did.
     */
    public Map<DiscrepancyKind, Long> countsByKind() {
        Map<DiscrepancyKind, Long> counts = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            if (subscriptions.isInPlay() || !kind.isSubscriptionLevel()) {
                counts.put(kind, 0L);
            }
        }
        discrepancies.forEach(d -> counts.merge(d.kind(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    public long notCompared() {
        return notComparedByChargeType.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isClean() {
        return discrepancies.isEmpty();
    }
}
