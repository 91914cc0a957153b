package dev.pcorders.domain.reconciliation;

import static dev.pcorders.domain.subscription.TestSubscriptions.CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.OTHER_CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import dev.pcorders.domain.subscription.TestSubscriptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subscription-level kinds: seats per subscription against the ledger rows naming it. */
class SubscriptionReconciliationTest {

    private static final OfferId OFFER = OfferId.parse(TestSubscriptions.OFFER);

    private static LedgerRow row(long line, CustomerId customer, String subscriptionId, long quantity) {
        return new LedgerRow(line, customer, "order-" + line, OFFER, quantity, Optional.empty(), Optional.empty(),
                Optional.ofNullable(subscriptionId), Optional.empty(), Optional.empty());
    }

    private static LedgerRow row(long line, String subscriptionId, long quantity) {
        return row(line, CUSTOMER, subscriptionId, quantity);
    }

    private static ReconciliationReport reconcile(List<Subscription> subscriptions, LedgerEntry... ledger) {
        Reconciliation reconciliation = new Reconciliation(Amount.parse("0.01"));
        subscriptions.forEach(reconciliation::addSubscription);
        for (LedgerEntry entry : ledger) {
            reconciliation.addLedgerEntry(entry);
        }
        return reconciliation.report();
    }

    /** Only the subscription-level discrepancies: the rows bill orders that are not cached here. */
    private static List<Discrepancy> subscriptionLevel(ReconciliationReport report) {
        return report.discrepancies().stream().filter(d -> d.kind().isSubscriptionLevel()).toList();
    }

    @Test
    void seatsSummedOverSeveralRowsThatMatchAreClean() {
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").quantity(10).build()),
                row(2, "s1", 4), row(3, "s1", 5), row(4, "S1", 1));

        assertThat(subscriptionLevel(report)).isEmpty();
        assertThat(report.subscriptions().checked()).containsExactly(CUSTOMER);
        assertThat(report.subscriptions().leftSomeOut()).isFalse();
        assertThat(report.countsByKind()).containsEntry(DiscrepancyKind.SEAT_COUNT_MISMATCH, 0L)
                .containsEntry(DiscrepancyKind.SUBSCRIPTION_NOT_BILLED, 0L);
    }

    @Test
    void seatsSummingToAnotherNumberAreASeatCountMismatch() {
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").quantity(10).build()),
                row(2, "s1", 4), row(5, "s1", 5));

        assertThat(subscriptionLevel(report)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.SEAT_COUNT_MISMATCH);
            assertThat(d.customer()).isEqualTo(CUSTOMER);
            assertThat(d.offerId()).isEqualTo(OFFER);
            assertThat(d.ledgerLines()).containsExactly(2L, 5L);
            assertThat(d.ledgerRows()).isEqualTo(2);
            assertThat(d.orderReference()).isEqualTo("order-2");
            assertThat(d.expected()).contains("9");
            assertThat(d.actual()).contains("10");
            assertThat(d.subscription()).contains(new SubscriptionDetail("s1", Optional.of("active"), Optional.of(10L), 9));
        });
    }

    @Test
    void aSuspendedSubscriptionBilledIsNotActive() {
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").status(SubscriptionStatus.SUSPENDED).quantity(3).build(),
                        aSubscription("s2").quantity(1).build()),
                row(2, "s1", 3), row(3, "s2", 1));

        assertThat(subscriptionLevel(report)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE);
            assertThat(d.actual()).contains("suspended");
            assertThat(d.subscription()).contains(new SubscriptionDetail("s1", Optional.of("suspended"), Optional.of(3L), 3));
        });
    }

    @Test
    void everyStatusThatIsNotActiveBilledIsReportedButPendingAndUnrecognisedAreNot() {
        ReconciliationReport report = reconcile(List.of(
                        aSubscription("deleted").status(SubscriptionStatus.DELETED).build(),
                        aSubscription("expired").status(SubscriptionStatus.EXPIRED).build(),
                        aSubscription("disabled").status(SubscriptionStatus.DISABLED).build(),
                        aSubscription("pending").status(SubscriptionStatus.PENDING).build(),
                        aSubscription("odd").status(SubscriptionStatus.parse("migrating")).build(),
                        aSubscription("suspended-unbilled").status(SubscriptionStatus.SUSPENDED).build()),
                row(2, "deleted", 1), row(3, "expired", 1), row(4, "disabled", 1), row(5, "pending", 7), row(6, "odd", 7));

        assertThat(subscriptionLevel(report)).allSatisfy(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE))
                .extracting(d -> d.subscription().orElseThrow().subscriptionId())
                .containsExactly("deleted", "disabled", "expired");
    }

    @Test
    void aSubscriptionIdUnknownToPartnerCenterBilledIsNotActive() {
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").quantity(2).build()),
                row(2, "s1", 2), row(3, "ghost", 4), row(7, "ghost", 1));

        assertThat(subscriptionLevel(report)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE);
            assertThat(d.ledgerLines()).containsExactly(3L, 7L);
            assertThat(d.orderReference()).isEqualTo("order-3");
            assertThat(d.actual()).isEmpty();
            assertThat(d.subscription()).contains(new SubscriptionDetail("ghost", Optional.empty(), Optional.empty(), 5));
            assertThat(d.subscription().orElseThrow().isCached()).isFalse();
        });
    }

    @Test
    void anActiveSubscriptionNoRowNamesIsNotBilled() {
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").build(), aSubscription("s2").quantity(25).build(),
                        aSubscription("gone").status(SubscriptionStatus.DELETED).build()),
                row(2, "s1", 1));

        assertThat(subscriptionLevel(report)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.SUBSCRIPTION_NOT_BILLED);
            assertThat(d.ledgerLines()).isEmpty();
            assertThat(d.ledgerRows()).isZero();
            assertThat(d.expected()).isEmpty();
            assertThat(d.actual()).contains("25");
            assertThat(d.subscription()).contains(new SubscriptionDetail("s2", Optional.of("active"), Optional.of(25L), 0));
        });
    }

    @Test
    void aCustomerNotReconciledIsNotReported() {
        Reconciliation reconciliation = new Reconciliation(Amount.parse("0.01"));
        reconciliation.addSubscription(aSubscription("s1").build());
        // The caller adds subscriptions of the customers it reconciles only; rows of the others are merely counted.
        reconciliation.addLedgerEntry(row(2, "s1", 1));
        reconciliation.addLedgerEntryOfAnotherCustomer();

        ReconciliationReport report = reconciliation.report();

        assertThat(subscriptionLevel(report)).isEmpty();
        assertThat(report.subscriptions().checked()).containsExactly(CUSTOMER);
        assertThat(report.subscriptions().withoutCachedSubscriptions()).isEmpty();
    }

    @Test
    void aCustomerWithoutCachedSubscriptionsIsNotCheckedButNoted() {
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").build()),
                row(2, "s1", 1), row(3, OTHER_CUSTOMER, "theirs", 4));

        assertThat(subscriptionLevel(report)).as("no cached subscription to compare theirs with").isEmpty();
        assertThat(report.subscriptions().checked()).containsExactly(CUSTOMER);
        assertThat(report.subscriptions().withoutCachedSubscriptions()).containsExactly(OTHER_CUSTOMER);
        assertThat(report.subscriptions().leftSomeOut()).isTrue();
    }

    @Test
    void aLedgerWithoutSubscriptionIdsChecksNothingButNotesTheCustomer() {
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").build(), aSubscription("s2").quantity(3).build()),
                row(2, null, 1), row(3, "  ", 1));

        assertThat(subscriptionLevel(report)).as("every active subscription would look unbilled").isEmpty();
        assertThat(report.subscriptions().checked()).isEmpty();
        assertThat(report.subscriptions().withoutSubscriptionsInLedger()).containsExactly(CUSTOMER);
        assertThat(report.countsByKind()).containsKey(DiscrepancyKind.SUBSCRIPTION_NOT_BILLED);
    }

    @Test
    void withoutSubscriptionsOnEitherSideTheReportIsOrderOnly() {
        ReconciliationReport report = reconcile(List.of(), row(2, null, 1));

        assertThat(report.subscriptions()).isEqualTo(SubscriptionCheck.NOT_IN_PLAY);
        assertThat(report.countsByKind().keySet()).containsExactlyElementsOf(DiscrepancyKind.orderLevel());
        assertThat(report.totals()).allSatisfy(totals -> assertThat(totals.byKind().keySet())
                .containsExactlyElementsOf(DiscrepancyKind.orderLevel()));
    }

    @Test
    void rowsOfAnInvoiceExportDoNotCountSeats() {
        LedgerRow renewal = new LedgerRow(3, CUSTOMER, "order-3", OFFER, 2, Optional.empty(), Optional.empty(),
                Optional.of("s1"), Optional.of("Renew"), Optional.empty());
        LedgerRow refund = new LedgerRow(4, CUSTOMER, "order-4", OFFER, 4, Optional.empty(), Optional.empty(),
                Optional.of("s1"), Optional.of("Cancel"), Optional.empty());
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").quantity(2).build()), row(2, "s1", 2), renewal,
                refund);

        assertThat(subscriptionLevel(report)).isEmpty();
    }

    @Test
    void anInvoiceExportAloneNamesNoSubscription() {
        LedgerRow purchase = new LedgerRow(2, CUSTOMER, "order-2", OFFER, 2, Optional.empty(), Optional.empty(),
                Optional.of("s1"), Optional.of("New"), Optional.empty());
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").quantity(2).build()), purchase);

        assertThat(report.subscriptions().withoutSubscriptionsInLedger()).containsExactly(CUSTOMER);
    }

    @Test
    void aLedgerNamingSubscriptionsWithoutAnyCachedIsOrderOnly() {
        ReconciliationReport report = reconcile(List.of(), row(2, "s1", 1));

        assertThat(report.subscriptions()).isEqualTo(SubscriptionCheck.NOT_IN_PLAY);
        assertThat(report.countsByKind().keySet()).containsExactlyElementsOf(DiscrepancyKind.orderLevel());
    }

    @Test
    void subscriptionLevelDiscrepanciesFollowTheOrderLevelOnesSortedByCustomerAndId() {
        ReconciliationReport report = reconcile(List.of(aSubscription("b").build(), aSubscription("a").build(),
                        aSubscription("c").customer(OTHER_CUSTOMER).build()),
                row(2, "z", 1), row(3, OTHER_CUSTOMER, "y", 1));

        assertThat(report.discrepancies().get(0).kind().isSubscriptionLevel()).isFalse();
        assertThat(subscriptionLevel(report)).extracting(d -> d.customer() + " " + d.subscription().orElseThrow().subscriptionId())
                .containsExactly(OTHER_CUSTOMER + " c", OTHER_CUSTOMER + " y", CUSTOMER + " a", CUSTOMER + " b", CUSTOMER + " z");
    }

    @Test
    void subscriptionsComeBeforeTheLedger() {
        Reconciliation reconciliation = new Reconciliation(Amount.parse("0.01"));
        reconciliation.addLedgerEntry(row(2, "s1", 1));

        assertThatThrownBy(() -> reconciliation.addSubscription(aSubscription("s1").build()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDiscrepancyCarriesASubscriptionExactlyWhenItsKindIsSubscriptionLevel() {
        SubscriptionDetail detail = new SubscriptionDetail("s1", Optional.of("active"), Optional.of(1L), 0);
        assertThatThrownBy(() -> new Discrepancy(DiscrepancyKind.SUBSCRIPTION_NOT_BILLED, CUSTOMER, "", Optional.empty(),
                Optional.empty(), OFFER, List.of(), 0, Optional.empty(), Optional.empty(), "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discrepancy(DiscrepancyKind.QUANTITY_MISMATCH, CUSTOMER, "o1", Optional.empty(),
                Optional.empty(), OFFER, List.of(), 0, Optional.empty(), Optional.empty(), "m", Optional.of(detail)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubscriptionDetail("s1", Optional.of("active"), Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStatusIsReportedAsPartnerCenterSpelledIt() {
        Coded<SubscriptionStatus> spelled = SubscriptionStatus.parse("Suspended");
        ReconciliationReport report = reconcile(List.of(aSubscription("s1").status(spelled).build()), row(2, "s1", 1));

        assertThat(subscriptionLevel(report)).singleElement()
                .satisfies(d -> assertThat(d.subscription().orElseThrow().status()).contains("Suspended"));
    }
}
