package dev.pcorders.application.shared.testing;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link SyncRunLog} port in memory, for runs of any resource: the run log each in-memory cache delegates to, so
 * the caches agree on run ids, open-run checks and their messages. Thread-safe by one lock; not meant for volume.
 */
public final class InMemorySyncRunLog implements SyncRunLog {

    public record RunRecord(SyncRunId id, SyncScope scope, CorrelationId correlationId, Instant startedAt,
                            Optional<SyncRunOutcome> outcome) {
    }

    private final Map<SyncRunId, RunRecord> runs = new LinkedHashMap<>();
    private long lastRun;

    @Override
    public synchronized SyncRunId startRun(SyncScope scope, CorrelationId correlationId, Instant startedAt) {
        SyncRunId id = new SyncRunId(++lastRun);
        runs.put(id, new RunRecord(id, Objects.requireNonNull(scope), Objects.requireNonNull(correlationId),
                Objects.requireNonNull(startedAt), Optional.empty()));
        return id;
    }

    @Override
    public synchronized void finishRun(SyncRunId run, SyncRunOutcome outcome) {
        RunRecord record = openRun(run);
        runs.put(run, new RunRecord(run, record.scope(), record.correlationId(), record.startedAt(),
                Optional.of(Objects.requireNonNull(outcome))));
    }

    /**
     * The open run a snapshot of {@code scope} is written under, as the SQLite store checks it: a missing or
     * finished run is a {@link StoreException}, a run of another scope a caller's mistake.
     */
    public synchronized RunRecord openRunFor(SyncRunId run, SyncScope scope) {
        RunRecord record = openRun(run);
        if (!record.scope().equals(scope)) {
            throw new IllegalArgumentException("run " + run.value() + " was started for another scope");
        }
        return record;
    }

    private RunRecord openRun(SyncRunId run) {
        RunRecord record = runs.get(run);
        if (record == null) {
            throw new StoreException(StoreException.Reason.UNEXPECTED, "no sync run " + run.value());
        }
        if (record.outcome().isPresent()) {
            throw new StoreException(StoreException.Reason.UNEXPECTED, "sync run " + run.value() + " is already finished");
        }
        return record;
    }

    /** The runs recorded so far, oldest first. */
    public synchronized List<RunRecord> runs() {
        return List.copyOf(runs.values());
    }

    @Override
    public synchronized Optional<String> lastSucceededScopeKey(ResourceKind kind, CustomerId customer) {
        List<String> keys = succeededKeysOldestFirst(kind, customer);
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(keys.size() - 1));
    }

    @Override
    public synchronized List<String> succeededScopeKeys(ResourceKind kind, CustomerId customer) {
        return succeededKeysOldestFirst(kind, customer).stream().distinct().toList();
    }

    private List<String> succeededKeysOldestFirst(ResourceKind kind, CustomerId customer) {
        return runs.values().stream()
                .filter(run -> run.scope().kind().equals(kind) && run.scope() instanceof CustomerScope scope
                        && scope.customer().equals(customer))
                .filter(run -> run.outcome().map(SyncRunOutcome::succeeded).orElse(false))
                .map(run -> run.scope().key())
                .toList();
    }
}
