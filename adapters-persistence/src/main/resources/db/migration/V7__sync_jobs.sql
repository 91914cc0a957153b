-- A sync job is one `sync` command over many customers and resources: what it set out to fetch, so that a job killed
-- or failed part-way can be resumed with exactly what it had not finished. A planned scope counts as finished when a
-- run of that scope (resource kind, owner, key) succeeded after the job began: run ids only grow (AUTOINCREMENT), so
-- "after" is a run id above after_run_id, whatever the clocks say. Nothing links runs to jobs otherwise, so a job
-- whose process died leaves nothing half-written here.
CREATE TABLE sync_job (
    job_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    correlation_id TEXT    NOT NULL,
    started_at     TEXT    NOT NULL,
    after_run_id   INTEGER NOT NULL,
    finished_at    TEXT
) STRICT;

-- The scopes a job planned, in the order it planned them.
CREATE TABLE sync_job_scope (
    job_id        INTEGER NOT NULL REFERENCES sync_job (job_id),
    position      INTEGER NOT NULL,
    resource_kind TEXT    NOT NULL,
    customer_id   TEXT    NOT NULL,
    scope_key     TEXT    NOT NULL,
    PRIMARY KEY (job_id, position)
) STRICT, WITHOUT ROWID;
