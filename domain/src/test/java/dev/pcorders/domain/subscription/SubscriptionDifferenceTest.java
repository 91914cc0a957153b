package dev.pcorders.domain.subscription;

import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.domain.subscription.SubscriptionDifference.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionDifferenceTest {

    private static final Subscription BEFORE = aSubscription("s1").build();

    @Test
    void theSameSubscriptionWithAnotherEtagHasNoDifference() {
        assertThat(SubscriptionDifference.between(BEFORE, aSubscription("s1").etag("etag-2").build())).isEmpty();
        assertThat(SubscriptionDifference.between(BEFORE, BEFORE)).isEmpty();
    }

    @Test
    void statusAndQuantityChangesAreReportedWithTheirValues() {
        Subscription after = aSubscription("s1").status(SubscriptionStatus.parse("suspended")).quantity(5).build();
        assertThat(SubscriptionDifference.between(BEFORE, after)).containsExactly(
                new SubscriptionDifference(Kind.STATUS_CHANGED, Optional.of("active"), Optional.of("suspended")),
                new SubscriptionDifference(Kind.QUANTITY_CHANGED, Optional.of("1"), Optional.of("5")));
    }

    @Test
    void anyOtherChangeIsDetailsChangedOnlyWhenNothingElseIs() {
        assertThat(SubscriptionDifference.between(BEFORE, aSubscription("s1").friendlyName("Renamed").build()))
                .extracting(SubscriptionDifference::kind).containsExactly(Kind.DETAILS_CHANGED);
        assertThat(SubscriptionDifference.between(BEFORE, aSubscription("s1").autoRenewEnabled(false).quantity(2).build()))
                .extracting(SubscriptionDifference::kind).containsExactly(Kind.QUANTITY_CHANGED);
    }

    @Test
    void addedAndRemovedCarryTheStatusAsSent() {
        Subscription odd = aSubscription("s2").status(SubscriptionStatus.parse("Migrating")).build();
        assertThat(SubscriptionDifference.added(odd).after()).contains("Migrating");
        assertThat(SubscriptionDifference.removed(BEFORE))
                .isEqualTo(new SubscriptionDifference(Kind.REMOVED, Optional.of("active"), Optional.empty()));
    }
}
