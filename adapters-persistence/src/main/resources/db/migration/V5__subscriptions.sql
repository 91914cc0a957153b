-- The second resource: a customer's subscriptions (GET /v1/customers/{id}/subscriptions). The runs of their syncs go
-- to sync_scope and sync_run as they are since V4 (resource kind 'subscriptions', scope key 'all'); what this adds
-- is the resource's own tables, stored by the same conventions as V1's order tables:
--   * instants are fixed-width ISO-8601 UTC text, so text order is time order (SortableInstantConverter);
--   * an open enum keeps the raw string as sent and the constant it parsed to, and where readers filter on it
--     (status) a match key, so one indexed IN applies Coded.sameValueAs;
--   * an optional value is NULL when absent; a subscription has no optional group of fields, so no has_* flag;
--   * *_key columns hold the case-folded form a reader compares with (offer ids arrive in either case).

-- One current view of each (customer, subscription id), whatever scope brought it (as stored_order since V3): while
-- a snapshot is stored the previous and the new row coexist (stored_by_run tells them apart) and the writer deletes
-- the previous one before it commits. Subscriptions that left the customer stay, with removed_by_run set.
CREATE TABLE stored_subscription (
    row_id                INTEGER PRIMARY KEY,
    scope_id              INTEGER NOT NULL REFERENCES sync_scope (scope_id),
    customer_id           TEXT    NOT NULL,
    subscription_id       TEXT    NOT NULL,
    stored_by_run         INTEGER NOT NULL REFERENCES sync_run (run_id),
    removed_by_run        INTEGER REFERENCES sync_run (run_id),
    offer_id              TEXT    NOT NULL,
    offer_key             TEXT    NOT NULL,
    offer_name            TEXT,
    friendly_name         TEXT,
    quantity              INTEGER NOT NULL,
    unit_type             TEXT,
    status                TEXT    NOT NULL,
    status_known          TEXT    NOT NULL,
    status_match          TEXT    NOT NULL,
    auto_renew_enabled    INTEGER CHECK (auto_renew_enabled IN (0, 1)),
    billing_cycle         TEXT,
    billing_cycle_known   TEXT,
    term_duration         TEXT,
    creation_date         TEXT    NOT NULL,
    effective_start_date  TEXT,
    commitment_end_date   TEXT,
    order_id              TEXT,
    entitlement_id        TEXT,
    is_trial              INTEGER CHECK (is_trial IN (0, 1)),
    billing_type          TEXT,
    contract_type         TEXT,
    etag                  TEXT,
    object_type           TEXT
) STRICT;

-- The writer finds the rows of a page by (customer, subscription id), and a run stores one row per subscription.
CREATE UNIQUE INDEX stored_subscription_by_key ON stored_subscription (customer_id, subscription_id, stored_by_run);
-- Readers list in (creation date, id) order, of one customer or of all.
CREATE INDEX stored_subscription_by_customer_created ON stored_subscription (customer_id, creation_date, subscription_id);
CREATE INDEX stored_subscription_by_created ON stored_subscription (creation_date, subscription_id, customer_id);
-- The reader's other filters and its lookup by id (ids are only unique per customer).
CREATE INDEX stored_subscription_by_status ON stored_subscription (status_match);
CREATE INDEX stored_subscription_by_offer ON stored_subscription (offer_key);
CREATE INDEX stored_subscription_by_subscription_id ON stored_subscription (subscription_id);

-- refundOptions, in the order sent; they go with their subscription row.
CREATE TABLE subscription_refund_option (
    subscription_row_id INTEGER NOT NULL REFERENCES stored_subscription (row_id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    refund_type         TEXT    NOT NULL,
    expires_at          TEXT    NOT NULL,
    PRIMARY KEY (subscription_row_id, position)
) STRICT, WITHOUT ROWID;

-- The links of a subscription, one per relation (the property name: self, offer, entitlement, ...). link_id is
-- assigned by the writer so headers can refer to it inside one batch, as in resource_link; a table of its own
-- because resource_link's rows belong to orders (its foreign key names stored_order).
CREATE TABLE subscription_link (
    link_id             INTEGER PRIMARY KEY,
    subscription_row_id INTEGER NOT NULL REFERENCES stored_subscription (row_id) ON DELETE CASCADE,
    relation            TEXT    NOT NULL,
    uri                 TEXT    NOT NULL,
    method              TEXT    NOT NULL,
    body                TEXT,
    UNIQUE (subscription_row_id, relation)
) STRICT;

CREATE TABLE subscription_link_header (
    link_id      INTEGER NOT NULL REFERENCES subscription_link (link_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    header_key   TEXT    NOT NULL,
    header_value TEXT    NOT NULL,
    PRIMARY KEY (link_id, position)
) STRICT, WITHOUT ROWID;

-- The change log of subscription syncs, in the shape of order_change (the shared snapshot writer fills both).
-- nested_number stays NULL: a subscription has no nested item whose changes are told apart, but the writer's change
-- table has the column.
CREATE TABLE subscription_change (
    change_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id           INTEGER NOT NULL REFERENCES sync_run (run_id),
    detected_at      TEXT    NOT NULL,
    customer_id      TEXT    NOT NULL,
    subscription_id  TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    nested_number    INTEGER,
    before_value     TEXT,
    after_value      TEXT
) STRICT;

CREATE INDEX subscription_change_by_customer ON subscription_change (customer_id);
-- The writer forgets the changes of a subscription sent twice by (run, customer, id).
CREATE INDEX subscription_change_by_run ON subscription_change (run_id, customer_id, subscription_id);
