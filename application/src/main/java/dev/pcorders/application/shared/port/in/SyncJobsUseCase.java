package dev.pcorders.application.shared.port.in;

import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.SyncJob;
import java.util.List;
import java.util.Optional;

/**
 * Sync jobs: a sync over many customers and resources records what it plans before it starts, so that it can be
 * resumed with what it did not finish (killed, or some customers failed).
 */
public interface SyncJobsUseCase {

    /** Records a job about to sync {@code planned}; returns its id. */
    long startJob(List<? extends CustomerScope> planned, CorrelationId correlationId);

    /** Records that the job ran to its end, whatever its customers' outcomes. */
    void finishJob(long job);

    /** The latest job and what of it is unfinished; empty if no job was ever recorded. */
    Optional<SyncJob> latestJob();
}
