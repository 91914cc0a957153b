package dev.pcorders.application.shared.service;

import dev.pcorders.application.shared.port.in.SyncJobsUseCase;
import dev.pcorders.application.shared.port.out.SyncJobLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.SyncJob;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class SyncJobsService implements SyncJobsUseCase {

    private final SyncJobLog jobs;
    private final Clock clock;

    public SyncJobsService(SyncJobLog jobs, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long startJob(List<? extends CustomerScope> planned, CorrelationId correlationId) {
        Objects.requireNonNull(planned, "planned");
        if (planned.isEmpty()) {
            throw new IllegalArgumentException("a sync job plans at least one scope");
        }
        return jobs.startJob(planned, Objects.requireNonNull(correlationId, "correlationId"), clock.instant());
    }

    @Override
    public void finishJob(long job) {
        jobs.finishJob(job, clock.instant());
    }

    @Override
    public Optional<SyncJob> latestJob() {
        return jobs.latestJob();
    }
}
