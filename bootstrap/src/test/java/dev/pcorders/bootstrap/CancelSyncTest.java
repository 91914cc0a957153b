package dev.pcorders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library user cancels a running sync the Java way, through the {@link Future} of the task that runs it (or by
 * interrupting its thread): the customers finished stay stored, the one in flight stores nothing, no other begins, and
 * the same PcOrders syncs the rest afterwards. The cancel waits on the first customer's end, never on a sleep; the
 * sandbox's latency only keeps the second customer's request in flight meanwhile.
 */
@Timeout(120)
class CancelSyncTest {

    @TempDir
    Path folder;

    @Test
    void cancellingTheSyncsFutureKeepsWhatFinishedStoredAndStoresNothingElse() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().withCustomers(3).withOrdersPerCustomer(2)
                .withLatency(Duration.ofSeconds(3));
        ExecutorService syncThread = Executors.newSingleThreadExecutor();
        try (SandboxServer sandbox = Sandbox.start(settings);
             PcOrders pcOrders = PcOrders.builder().baseUrl(sandbox.baseUrl())
                     .accessTokenProvider(new StaticAccessTokenProvider("cancel-test-token"))
                     .database(folder.resolve("orders.db")).customersAtOnce(1).build()) {
            List<CustomerId> customers = sandbox.customerIds().stream().map(CustomerId::parse).toList();
            CountDownLatch firstFinished = new CountDownLatch(1);
            CountDownLatch syncEnded = new CountDownLatch(1);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            SyncProgress progress = new SyncProgress() {
                @Override
                public void pageFetched(CustomerId customer, long pages, long items) {
                }

                @Override
                public void customerFinished(CustomerId customer, boolean stored) {
                    firstFinished.countDown();
                }
            };
            Future<SyncResult> running = syncThread.submit(() -> {
                try {
                    return pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(customers), progress);
                } catch (RuntimeException e) {
                    thrown.set(e);
                    throw e;
                } finally {
                    syncEnded.countDown();
                }
            });
            assertThat(firstFinished.await(60, TimeUnit.SECONDS)).isTrue();

            running.cancel(true);

            assertThat(syncEnded.await(60, TimeUnit.SECONDS)).as("the sync let go once cancelled").isTrue();
            assertThat(thrown.get()).isInstanceOf(CancellationException.class);
            assertThat(storedCustomers(pcOrders)).containsExactly(customers.get(0));

            SyncResult rest = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(customers.subList(1, 3)));

            assertThat(rest.allSucceeded()).isTrue();
            assertThat(storedCustomers(pcOrders)).containsExactlyInAnyOrderElementsOf(customers);
        } finally {
            syncThread.shutdownNow();
        }
    }

    @Test
    void interruptingTheSyncingThreadEndsItTheSameWay() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().withCustomers(2).withOrdersPerCustomer(1)
                .withLatency(Duration.ofSeconds(3));
        try (SandboxServer sandbox = Sandbox.start(settings);
             PcOrders pcOrders = PcOrders.builder().baseUrl(sandbox.baseUrl())
                     .accessTokenProvider(new StaticAccessTokenProvider("cancel-test-token"))
                     .database(folder.resolve("orders.db")).customersAtOnce(1).build()) {
            List<CustomerId> customers = sandbox.customerIds().stream().map(CustomerId::parse).toList();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread syncing = new Thread(() -> {
                try {
                    pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(customers));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            syncing.start();
            // The first customer's request has reached the sandbox and waits out its latency there.
            assertThat(sandbox.awaitArrived(1, Duration.ofSeconds(60))).isTrue();

            syncing.interrupt();
            syncing.join(TimeUnit.SECONDS.toMillis(60));

            assertThat(syncing.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(CancellationException.class);
            assertThat(storedCustomers(pcOrders)).isEmpty();
        }
    }

    private static Set<CustomerId> storedCustomers(PcOrders pcOrders) {
        Set<CustomerId> stored = new TreeSet<>();
        pcOrders.findCachedOrders().forEachCachedOrder(OrderCriteria.ALL,
                cached -> stored.add(cached.order().referenceCustomerId()));
        return stored;
    }
}
