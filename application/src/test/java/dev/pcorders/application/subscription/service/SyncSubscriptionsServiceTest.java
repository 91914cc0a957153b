package dev.pcorders.application.subscription.service;

import static dev.pcorders.domain.subscription.TestSubscriptions.CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.OTHER_CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static dev.pcorders.domain.subscription.TestSubscriptions.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.subscription.port.in.CachedSubscriptionsQuery;
import dev.pcorders.application.subscription.port.in.SubscriptionSyncResult;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsCommand;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsResult;
import dev.pcorders.application.subscription.testing.FakeSubscriptionGateway;
import dev.pcorders.application.subscription.testing.InMemorySubscriptionCache;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncSubscriptionsServiceTest {

    private static final CustomerId THIRD_CUSTOMER = CustomerId.parse("99999999-8888-4777-a666-555555555555");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private final FakeSubscriptionGateway gateway = new FakeSubscriptionGateway();
    private final InMemorySubscriptionCache cache = new InMemorySubscriptionCache();
    private final SyncSubscriptionsService service = new SyncSubscriptionsService(gateway, cache, cache, CLOCK);

    private static Subscription of(CustomerId customer, String id) {
        return aSubscription(id).customer(customer).build();
    }

    @Test
    void oneCustomerFailingDoesNotStopTheNext() {
        PartnerCenterException.Forbidden forbidden = new PartnerCenterException.Forbidden(
                "HTTP 403", PartnerCenterError.ofStatus(403));
        gateway.serve(CUSTOMER, page(1, of(CUSTOMER, "a"), of(CUSTOMER, "b")))
                .failAfter(OTHER_CUSTOMER, forbidden, page(1, of(OTHER_CUSTOMER, "x")))
                .serve(THIRD_CUSTOMER, page(1, of(THIRD_CUSTOMER, "z")));
        CorrelationId correlationId = CorrelationId.random();

        SyncSubscriptionsResult result = service.syncSubscriptions(
                SyncSubscriptionsCommand.of(CUSTOMER, OTHER_CUSTOMER, THIRD_CUSTOMER, CUSTOMER).withCorrelationId(correlationId));

        assertThat(result.correlationId()).isEqualTo(correlationId);
        assertThat(result.allSucceeded()).isFalse();
        assertThat(result.customers()).extracting(SubscriptionSyncResult::customer)
                .containsExactly(CUSTOMER, OTHER_CUSTOMER, THIRD_CUSTOMER);
        assertThat(result.customers().get(0)).isInstanceOfSatisfying(SubscriptionSyncResult.Succeeded.class, ok -> {
            assertThat(ok.subscriptions()).isEqualTo(2);
            assertThat(ok.added()).isEqualTo(2);
            assertThat(ok.unchanged()).isZero();
        });
        assertThat(result.customers().get(2).succeeded()).isTrue();
        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.customer()).isEqualTo(OTHER_CUSTOMER);
            assertThat(failed.failure().kind()).isEqualTo(SyncFailure.Kind.FORBIDDEN);
        });
        assertThat(gateway.queries()).allSatisfy(query -> assertThat(query.correlationId()).isEqualTo(correlationId))
                .extracting(query -> query.scope()).containsExactly(new SubscriptionScope(CUSTOMER),
                        new SubscriptionScope(OTHER_CUSTOMER), new SubscriptionScope(THIRD_CUSTOMER));
        assertThat(cache.findSubscriptions(SubscriptionCriteria.ALL, 0, 100)).extracting(s -> s.id().value())
                .containsExactlyInAnyOrder("a", "b", "z");
        assertThat(cache.runs()).extracting(run -> run.outcome().orElseThrow().succeeded())
                .containsExactly(true, false, true);
    }

    @Test
    void cachedSubscriptionsAreReadBackThroughTheFindService() {
        gateway.serve(CUSTOMER, page(1, of(CUSTOMER, "a"), of(CUSTOMER, "b"), of(CUSTOMER, "c")));
        service.syncSubscriptions(new SyncSubscriptionsCommand(List.of(CUSTOMER), Optional.empty()));
        FindCachedSubscriptionsService find = new FindCachedSubscriptionsService(cache);

        var slice = find.findCachedSubscriptions(new CachedSubscriptionsQuery(SubscriptionCriteria.ALL, 1, 1));

        assertThat(slice.totalMatching()).isEqualTo(3);
        assertThat(slice.subscriptions()).extracting(s -> s.id().value()).containsExactly("b");
    }
}
