package dev.pcorders.application.shared.sync;

import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One scope fetched and stored as one run of the log, whoever owns the scope: a Partner Center failure ends the run
 * as failed and is returned; anything else (the cache failing, a bug) ends it as failed and propagates.
 */
final class ScopeRun<S extends SyncScope, T> {

    private final PageSource<S, T> source;
    private final SnapshotStore<S, T> store;
    private final SyncRunLog runLog;
    private final Clock clock;
    private final int stagedItems;

    ScopeRun(PageSource<S, T> source, SnapshotStore<S, T> store, SyncRunLog runLog, Clock clock, int stagedItems) {
        this.source = source;
        this.store = store;
        this.runLog = runLog;
        this.clock = clock;
        this.stagedItems = stagedItems;
    }

    /** {@code observe} wraps the pages on their way to the store (progress reporting). */
    ScopeSyncOutcome<S> run(S scope, Optional<S> previousScope, CorrelationId correlationId,
                            UnaryOperator<Iterator<Page<T>>> observe) {
        SyncRunId run = runLog.startRun(scope, correlationId, clock.instant());
        SnapshotSummary summary;
        // Declared in this order so the read-ahead stops before the source closes under it.
        try (Stream<Page<T>> pages = source.fetchPages(new ScopedQuery<>(scope, correlationId));
             ReadAheadPages<T> readAhead = ReadAheadPages.start(pages.iterator())) {
            // The first items are fetched before the store's write transaction opens (see SyncConcurrency), and the
            // next page is on its way while the store writes one.
            summary = store.replaceSnapshot(run, scope, StagedPages.stage(observe.apply(readAhead), stagedItems));
        } catch (PartnerCenterException failure) {
            runLog.finishRun(run, SyncRunOutcome.failed(clock.instant(), failure.getMessage()));
            return new ScopeSyncOutcome.Failed<>(scope, run, SyncFailures.of(failure));
        } catch (RuntimeException unexpected) {
            recordFailureQuietly(run, unexpected);
            throw unexpected;
        }
        runLog.finishRun(run, SyncRunOutcome.succeeded(clock.instant(), summary));
        return new ScopeSyncOutcome.Succeeded<>(scope, previousScope, run, summary);
    }

    /** Best effort: the run should say it failed, but the original failure is what the caller must see. */
    private void recordFailureQuietly(SyncRunId run, RuntimeException failure) {
        try {
            String reason = failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
            runLog.finishRun(run, SyncRunOutcome.failed(clock.instant(), reason));
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
