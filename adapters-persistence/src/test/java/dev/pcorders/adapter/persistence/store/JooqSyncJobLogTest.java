package dev.pcorders.adapter.persistence.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.SyncJob;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which planned scopes of a job are unfinished: those no run succeeded for since the job began, whatever came before. */
class SqliteSyncJobLogTest {

    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");
    private static final CustomerId A = CustomerId.parse("00000000-0000-4000-8000-00000000000a");
    private static final CustomerId B = CustomerId.parse("00000000-0000-4000-8000-00000000000b");

    @TempDir
    Path folder;

    private CacheStore store;

    @BeforeEach
    void open() {
        store = CacheStore.open(folder.resolve("cache.db"), SqliteStoreSettings.defaults());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void run(CustomerScope scope, boolean succeeded) {
        SyncRunId run = store.runLog().startRun(scope, CorrelationId.random(), T0);
        store.runLog().finishRun(run, succeeded
                ? SyncRunOutcome.succeeded(T0, new SnapshotSummary(0, 0, 0, 0, 0, 0))
                : SyncRunOutcome.failed(T0, "403"));
    }

    @Test
    void aJobKilledPartWayHasEveryScopeUnfinishedThatNoRunSucceededForSinceItBegan() {
        OrderScope ordersOfA = OrderScope.allOrdersOf(A).withPrices();
        OrderScope ordersOfB = OrderScope.allOrdersOf(B).withPrices();
        // Before the job: a success for B's orders, which must not count as the job's.
        run(ordersOfB, true);
        CorrelationId correlation = CorrelationId.random();
        long job = store.syncJobs().startJob(List.of(ordersOfA, ordersOfB, new SubscriptionScope(A)), correlation, T0);
        run(ordersOfA, true);
        run(ordersOfB, false);
        // A success of another scope of B (no prices) is not the planned one.
        run(OrderScope.allOrdersOf(B), true);

        SyncJob killed = store.syncJobs().latestJob().orElseThrow();

        assertThat(killed.id()).isEqualTo(job);
        assertThat(killed.correlationId()).isEqualTo(correlation);
        assertThat(killed.finishedAt()).isEmpty();
        assertThat(killed.planned()).isEqualTo(3);
        assertThat(killed.unfinished()).containsExactly(
                new SyncJob.PlannedScope(OrderScope.KIND, B, ordersOfB.key()),
                new SyncJob.PlannedScope(SubscriptionScope.KIND, A, "all"));

        run(ordersOfB, true);
        run(new SubscriptionScope(A), true);
        store.syncJobs().finishJob(job, T0.plusSeconds(5));
        SyncJob done = store.syncJobs().latestJob().orElseThrow();
        assertThat(done.isComplete()).isTrue();
        assertThat(done.finishedAt()).contains(T0.plusSeconds(5));
    }

    @Test
    void aCacheWithoutJobsHasNoLatestJobAndTheLatestIsTheLastStarted() {
        assertThat(store.syncJobs().latestJob()).isEmpty();
        store.syncJobs().startJob(List.of(new SubscriptionScope(A)), CorrelationId.random(), T0);
        long second = store.syncJobs().startJob(List.of(new SubscriptionScope(B)), CorrelationId.random(), T0);

        assertThat(store.syncJobs().latestJob()).hasValueSatisfying(job -> {
            assertThat(job.id()).isEqualTo(second);
            assertThat(job.unfinished()).extracting(SyncJob.PlannedScope::customer).containsExactly(B);
        });
    }
}
