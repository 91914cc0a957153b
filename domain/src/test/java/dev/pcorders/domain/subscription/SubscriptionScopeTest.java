package dev.pcorders.domain.subscription;

import static dev.pcorders.domain.subscription.TestSubscriptions.CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.OTHER_CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionScopeTest {

    private static final SubscriptionScope SCOPE = new SubscriptionScope(CUSTOMER);

    @Test
    void theKeyReadsBackToTheSameScopeUnderTheSubscriptionsKind() {
        assertThat(SCOPE.kind().name()).isEqualTo("subscriptions");
        assertThat(SCOPE.key()).isEqualTo("all");
        assertThat(SubscriptionScope.fromKey(CUSTOMER, SCOPE.key())).isEqualTo(SCOPE);
    }

    @Test
    void anyOtherKeyIsRefusedQuotingIt() {
        for (String bad : List.of("", "ALL", "all;", " all", "reseller=;billingType=;includePrice=false;includeSystemPurchases=false")) {
            assertThatThrownBy(() -> SubscriptionScope.fromKey(CUSTOMER, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a subscription scope key");
        }
    }

    @Test
    void aScopeCoversEverySubscriptionOfItsCustomerOnly() {
        assertThat(SCOPE.covers(aSubscription("s1").status(SubscriptionStatus.DELETED).build())).isTrue();
        assertThat(SCOPE.covers(aSubscription("s1").customer(OTHER_CUSTOMER).build())).isFalse();
    }
}
