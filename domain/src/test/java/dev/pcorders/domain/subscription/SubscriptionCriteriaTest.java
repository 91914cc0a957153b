package dev.pcorders.domain.subscription;

import static dev.pcorders.domain.subscription.TestSubscriptions.OTHER_CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionCriteriaTest {

    @Test
    void filtersCombineWithAndIgnoringCaseAndSpelling() {
        Subscription s = aSubscription("s1").status(SubscriptionStatus.parse("Active")).offerId("ABC:0001").build();
        assertThat(SubscriptionCriteria.ALL.matches(s)).isTrue();
        assertThat(SubscriptionCriteria.ALL.withCustomer(CUSTOMER).withStatus(SubscriptionStatus.parse("active"))
                .withOfferId("abc:0001").matches(s)).isTrue();
        assertThat(SubscriptionCriteria.ALL.withCustomer(OTHER_CUSTOMER).matches(s)).isFalse();
        assertThat(SubscriptionCriteria.ALL.withStatus(SubscriptionStatus.parse("suspended")).matches(s)).isFalse();
        assertThat(SubscriptionCriteria.ALL.withOfferId("ABC").matches(s)).isFalse();
    }
}
