package dev.pcorders.adapter.persistence.store;

import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_JOB;
import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_JOB_SCOPE;
import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_RUN;
import static dev.pcorders.adapter.persistence.jooq.Tables.SYNC_SCOPE;

import dev.pcorders.adapter.persistence.jooq.tables.records.SyncJobRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.SyncJobScopeRecord;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import dev.pcorders.application.shared.port.out.SyncJobLog;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.domain.shared.SyncJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.impl.DSL;

/** The {@link SyncJobLog} in the cache file, beside the run log whose runs tell which planned scopes finished. */
public final class JooqSyncJobLog implements SyncJobLog {

    private final Transactions transactions;

    public JooqSyncJobLog(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public long startJob(List<? extends CustomerScope> planned, CorrelationId correlationId, Instant startedAt) {
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(startedAt, "startedAt");
        return transactions.inWriteTransaction("record the start of a sync job", tx -> {
            long afterRun = tx.select(DSL.coalesce(DSL.max(SYNC_RUN.RUN_ID), 0L)).from(SYNC_RUN).fetchSingle().value1();
            long job = tx.insertInto(SYNC_JOB)
                    .set(SYNC_JOB.CORRELATION_ID, correlationId.toString())
                    .set(SYNC_JOB.STARTED_AT, startedAt)
                    .set(SYNC_JOB.AFTER_RUN_ID, afterRun)
                    .returningResult(SYNC_JOB.JOB_ID)
                    .fetchSingle()
                    .value1();
            var batch = tx.batch(tx.insertInto(SYNC_JOB_SCOPE, SYNC_JOB_SCOPE.JOB_ID, SYNC_JOB_SCOPE.POSITION,
                    SYNC_JOB_SCOPE.RESOURCE_KIND, SYNC_JOB_SCOPE.CUSTOMER_ID, SYNC_JOB_SCOPE.SCOPE_KEY)
                    .values(DSL.param(SYNC_JOB_SCOPE.JOB_ID), DSL.param(SYNC_JOB_SCOPE.POSITION),
                            DSL.param(SYNC_JOB_SCOPE.RESOURCE_KIND), DSL.param(SYNC_JOB_SCOPE.CUSTOMER_ID),
                            DSL.param(SYNC_JOB_SCOPE.SCOPE_KEY)));
            int position = 0;
            for (CustomerScope scope : planned) {
                batch = batch.bind(job, position++, scope.kind().name(), scope.customer().toString(), scope.key());
            }
            batch.execute();
            return job;
        });
    }

    @Override
    public void finishJob(long job, Instant finishedAt) {
        Objects.requireNonNull(finishedAt, "finishedAt");
        transactions.inWriteTransaction("record the end of sync job " + job, tx -> {
            int updated = tx.update(SYNC_JOB).set(SYNC_JOB.FINISHED_AT, finishedAt)
                    .where(SYNC_JOB.JOB_ID.eq(job)).execute();
            if (updated != 1) {
                throw new StoreException(Reason.UNEXPECTED, "no sync job " + job + " in the cache");
            }
            return null;
        });
    }

    @Override
    public Optional<SyncJob> latestJob() {
        return transactions.inReadTransaction("read the latest sync job", dsl -> {
            SyncJobRecord job = dsl.selectFrom(SYNC_JOB).orderBy(SYNC_JOB.JOB_ID.desc()).limit(1).fetchOne();
            if (job == null) {
                return Optional.<SyncJob>empty();
            }
            // A planned scope is finished when a run of the same (kind, owner, key) succeeded after the job began.
            var finishedLater = DSL.exists(DSL.selectOne().from(SYNC_RUN)
                    .join(SYNC_SCOPE).on(SYNC_SCOPE.SCOPE_ID.eq(SYNC_RUN.SCOPE_ID))
                    .where(SYNC_SCOPE.RESOURCE_KIND.eq(SYNC_JOB_SCOPE.RESOURCE_KIND))
                    .and(SYNC_SCOPE.CUSTOMER_ID.eq(SYNC_JOB_SCOPE.CUSTOMER_ID))
                    .and(SYNC_SCOPE.SCOPE_KEY.eq(SYNC_JOB_SCOPE.SCOPE_KEY))
                    .and(SYNC_RUN.OUTCOME.eq("succeeded"))
                    .and(SYNC_RUN.RUN_ID.gt(job.getAfterRunId())));
            int planned = dsl.fetchCount(SYNC_JOB_SCOPE, SYNC_JOB_SCOPE.JOB_ID.eq(job.getJobId()));
            List<SyncJob.PlannedScope> unfinished = new ArrayList<>();
            for (SyncJobScopeRecord scope : dsl.selectFrom(SYNC_JOB_SCOPE)
                    .where(SYNC_JOB_SCOPE.JOB_ID.eq(job.getJobId()))
                    .andNot(finishedLater)
                    .orderBy(SYNC_JOB_SCOPE.POSITION)) {
                unfinished.add(new SyncJob.PlannedScope(new ResourceKind(scope.getResourceKind()),
                        CustomerId.parse(scope.getCustomerId()), scope.getScopeKey()));
            }
            return Optional.of(new SyncJob(job.getJobId(), CorrelationId.parse(job.getCorrelationId()), job.getStartedAt(),
                    Optional.ofNullable(job.getFinishedAt()), planned, unfinished));
        });
    }
}
