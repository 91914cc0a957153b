package dev.pcorders.application.shared.port.out;

import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.SyncJob;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cache's record of sync jobs: one {@code sync} over many customers and resources, with the scopes it planned, so
 * that a job killed or failed part-way can be resumed with what it had not finished. A planned scope is finished when
 * a run of it succeeded after the job began ({@link SyncRunLog}). Every method may throw {@link StoreException}.
 */
public interface SyncJobLog {

    /** Records a job about to sync {@code planned}, in that order. */
    long startJob(List<? extends CustomerScope> planned, CorrelationId correlationId, Instant startedAt);

    /** Records that the job's process ended its work (whether or not every scope succeeded). */
    void finishJob(long job, Instant finishedAt);

    /** The latest job, with the scopes it planned that no run has finished since it began; empty if none was ever run. */
    Optional<SyncJob> latestJob();
}
