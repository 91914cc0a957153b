-- The third resource and the first owned by no customer: the partner's customer list (GET /v1/customers). Its runs
-- go to sync_scope and sync_run as every resource's do (resource kind 'customers', scope key 'all'), with
-- sync_scope.customer_id '' for "the partner itself" (SqliteSyncRunLog.PARTNER_OWNER): no customer id is empty, so a
-- partner scope never meets a customer's, and the table keeps its NOT NULL and UNIQUE as they are.

-- One current view of each customer of the list, as stored_subscription keeps subscriptions. The shared snapshot
-- writer finds an item by (owner, id) and removes what its scope's owner no longer lists; here every row's owner is
-- the partner, so owner is always '' and a sync of the list covers every row. Customers that left the list stay, with
-- removed_by_run set.
CREATE TABLE stored_customer (
    row_id             INTEGER PRIMARY KEY,
    scope_id           INTEGER NOT NULL REFERENCES sync_scope (scope_id),
    owner              TEXT    NOT NULL CHECK (owner = ''),
    customer_id        TEXT    NOT NULL,
    stored_by_run      INTEGER NOT NULL REFERENCES sync_run (run_id),
    removed_by_run     INTEGER REFERENCES sync_run (run_id),
    tenant_id          TEXT,
    domain             TEXT,
    company_name       TEXT,
    -- Readers list by name, case-insensitively (company_name, else the id, lower-cased as Java's Locale.ROOT does).
    name_key           TEXT    NOT NULL,
    relationship       TEXT,
    relationship_known TEXT,
    etag               TEXT,
    object_type        TEXT
) STRICT;

CREATE UNIQUE INDEX stored_customer_by_key ON stored_customer (owner, customer_id, stored_by_run);
CREATE INDEX stored_customer_by_name ON stored_customer (name_key, customer_id);

-- The change log of customer list syncs, in the shape of subscription_change (the shared snapshot writer fills both);
-- owner is '' as in stored_customer, customer_id the customer that changed.
CREATE TABLE customer_change (
    change_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id        INTEGER NOT NULL REFERENCES sync_run (run_id),
    detected_at   TEXT    NOT NULL,
    owner         TEXT    NOT NULL CHECK (owner = ''),
    customer_id   TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    nested_number INTEGER,
    before_value  TEXT,
    after_value   TEXT
) STRICT;

CREATE INDEX customer_change_by_customer ON customer_change (customer_id);
-- The writer forgets the changes of a customer sent twice by (run, owner, id).
CREATE INDEX customer_change_by_run ON customer_change (run_id, owner, customer_id);
