package dev.pcorders.application.shared.sync;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Syncs one customer-scoped resource customer by customer: each scope is fetched from its {@link PageSource} and
 * stored through its {@link SnapshotStore}, as one run in the {@link SyncRunLog}, up to
 * {@link SyncConcurrency#customersAtOnce()} customers at once. A Partner Center failure of one customer is recorded as
 * that customer's failed run and the others go on; a failure of the cache itself stops the sync (customers not begun
 * are not synced, those in flight are interrupted and store nothing), since every following customer would hit it
 * too. Each customer's snapshot commits on its own, so what finished stays stored whatever happens after. A resource's
 * use case wraps this and reports the outcomes in its own terms.
 *
 * @param <S> the resource's scope
 * @param <T> the resource's item
 */
public final class CustomerByCustomerSync<S extends CustomerScope, T> {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ScopeRun<S, T> scopeRun;
    private final SyncRunLog runLog;
    private final BiFunction<CustomerId, String, S> scopeFromKey;
    private final SyncConcurrency concurrency;

    /** One customer after another; {@code scopeFromKey} reads a scope back from its {@link CustomerScope#key()}. */
    public CustomerByCustomerSync(PageSource<S, T> source, SnapshotStore<S, T> store, SyncRunLog runLog,
                                  BiFunction<CustomerId, String, S> scopeFromKey, Clock clock) {
        this(source, store, runLog, scopeFromKey, clock, SyncConcurrency.SEQUENTIAL);
    }

    public CustomerByCustomerSync(PageSource<S, T> source, SnapshotStore<S, T> store, SyncRunLog runLog,
                                  BiFunction<CustomerId, String, S> scopeFromKey, Clock clock,
                                  SyncConcurrency concurrency) {
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.concurrency = Objects.requireNonNull(concurrency, "concurrency");
        this.scopeRun = new ScopeRun<>(Objects.requireNonNull(source, "source"), Objects.requireNonNull(store, "store"),
                runLog, Objects.requireNonNull(clock, "clock"), concurrency.stagedItemsPerCustomer());
        this.scopeFromKey = Objects.requireNonNull(scopeFromKey, "scopeFromKey");
    }

    /**
     * Syncs {@code scopes}, every request carrying {@code correlationId}; the outcomes come in the order of
     * {@code scopes}. {@code progress} may be told from several threads at once.
     *
     * @throws CancellationException when the calling thread is interrupted: customers in flight are interrupted and
     *                               store nothing, those finished stay stored, and the thread's interrupt flag is set
     */
    public List<ScopeSyncOutcome<S>> sync(List<S> scopes, CorrelationId correlationId, SyncProgress progress) {
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(progress, "progress");
        int workers = Math.min(concurrency.customersAtOnce(), scopes.size());
        if (workers <= 1) {
            List<ScopeSyncOutcome<S>> outcomes = new ArrayList<>(scopes.size());
            for (S scope : scopes) {
                outcomes.add(syncOne(scope, correlationId, progress));
            }
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, workerThreads());
        try {
            List<Future<ScopeSyncOutcome<S>>> running = new ArrayList<>(scopes.size());
            for (S scope : scopes) {
                running.add(pool.submit(() -> syncOne(scope, correlationId, progress)));
            }
            List<ScopeSyncOutcome<S>> outcomes = new ArrayList<>(scopes.size());
            for (Future<ScopeSyncOutcome<S>> outcome : running) {
                outcomes.add(await(outcome));
            }
            return outcomes;
        } finally {
            stop(pool);
        }
    }

    private ScopeSyncOutcome<S> await(Future<ScopeSyncOutcome<S>> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException interrupted) {
            throw Waits.cancelled("the sync was interrupted; the customers it finished are stored", interrupted);
        } catch (ExecutionException failed) {
            // Only a failure of the cache (or a bug) leaves a worker: Partner Center's failures are outcomes.
            throw Waits.rethrow(failed, "a sync worker");
        }
    }

    /** Interrupts what still runs (a failure or an interrupt ended the sync early) and waits for it to let go. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                // In-flight customers roll back their transaction and release their connection when interrupted.
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory workerThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "pc-orders-sync-" + pool + "-" + worker.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private ScopeSyncOutcome<S> syncOne(S scope, CorrelationId correlationId, SyncProgress progress) {
        Optional<S> previousScope = runLog.lastSucceededScopeKey(scope.kind(), scope.customer())
                .map(key -> scopeFromKey.apply(scope.customer(), key));
        ScopeSyncOutcome<S> outcome = scopeRun.run(scope, previousScope, correlationId,
                pages -> ProgressReportingPages.of(pages, scope.customer(), progress));
        progress.customerFinished(scope.customer(), outcome instanceof ScopeSyncOutcome.Succeeded);
        return outcome;
    }
}
