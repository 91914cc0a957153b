package dev.pcorders.domain.subscription;

import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.Link;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionValidationTest {

    @Test
    void aNegativeQuantityIsRefusedNamingTheField() {
        assertThatThrownBy(() -> aSubscription("s1").quantity(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity").hasMessageContaining("-1").hasMessageContaining("s1");
        assertThat(aSubscription("s1").quantity(0).build().quantity()).isZero();
    }

    @Test
    void aBlankIdOrOfferIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> aSubscription(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscription id");
        assertThatThrownBy(() -> aSubscription("bad\nid").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\\u000a");
        assertThatThrownBy(() -> aSubscription("s1").offerId("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offerId");
        assertThatThrownBy(() -> aSubscription("s1").status((Coded<SubscriptionStatus>) null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("status");
    }

    @Test
    void anUnknownStatusIsKeptRawAndKnownOnesParseLeniently() {
        Coded<SubscriptionStatus> odd = SubscriptionStatus.parse("migrating");
        assertThat(odd.known()).isEqualTo(SubscriptionStatus.UNKNOWN);
        assertThat(odd.isUnrecognised()).isTrue();
        assertThat(aSubscription("s1").status(odd).build().status().raw()).isEqualTo("migrating");
        assertThat(SubscriptionStatus.parse("Disabled").known()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(SubscriptionStatus.parse("ACTIVE").known()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void listsAndLinksAreCopied() {
        Map<String, Link> links = new HashMap<>(Map.of("self", Link.get("x")));
        Subscription built = aSubscription("s1").build();
        Subscription copy = new Subscription(built.customer(), built.id(), built.offerId(), built.offerName(),
                built.friendlyName(), built.quantity(), built.unitType(), built.status(), built.autoRenewEnabled(),
                built.billingCycle(), built.termDuration(), built.creationDate(), built.effectiveStartDate(),
                built.commitmentEndDate(), built.orderId(), built.entitlementId(), built.isTrial(), built.billingType(),
                built.contractType(), List.of(), links, built.attributes());
        links.put("offer", Link.get("y"));
        assertThat(copy.links()).containsOnlyKeys("self");
        assertThatThrownBy(() -> copy.refundOptions().add(new RefundOption("Full", built.creationDate())))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
