-- The local order cache. One snapshot per sync scope; every value is stored so that it reads back
-- exactly as Partner Center sent it:
--   * money is decimal text (BigDecimal.toString: unscaled value and scale survive, 1E+3 included);
--   * instants are fixed-width ISO-8601 UTC text (nine fractional digits), so text order is time order;
--   * an open enum keeps the raw string as sent, the constant it parsed to, and, where readers filter
--     on it, a match key (the constant's name, or '?' + the normalised raw string when unknown);
--   * an optional group of fields (client, pricing, purchase commitment, renewsTo) has a has_* flag,
--     so "absent" and "present with every field absent" stay different;
--   * the *_key columns hold the case-folded forms readers compare with (ids arrive in either case).

-- What one fetch covered. '' stands for "no filter": the values are GUIDs and enum names, never empty,
-- and '' (unlike NULL) takes part in the unique constraint.
CREATE TABLE sync_scope (
    scope_id                 INTEGER PRIMARY KEY,
    customer_id              TEXT    NOT NULL,
    reseller_id              TEXT    NOT NULL DEFAULT '',
    billing_type             TEXT    NOT NULL DEFAULT '',
    include_price            INTEGER NOT NULL CHECK (include_price IN (0, 1)),
    include_system_purchases INTEGER NOT NULL CHECK (include_system_purchases IN (0, 1)),
    UNIQUE (customer_id, reseller_id, billing_type, include_price, include_system_purchases)
) STRICT;

-- AUTOINCREMENT: run ids are never reused, so the change log and removed orders keep pointing at the
-- run that produced them.
CREATE TABLE sync_run (
    run_id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scope_id         INTEGER NOT NULL REFERENCES sync_scope (scope_id),
    correlation_id   TEXT    NOT NULL,
    started_at       TEXT    NOT NULL,
    snapshot_stored  INTEGER NOT NULL DEFAULT 0 CHECK (snapshot_stored IN (0, 1)),
    finished_at      TEXT,
    outcome          TEXT CHECK (outcome IN ('succeeded', 'failed')),
    pages            INTEGER,
    orders           INTEGER,
    line_items       INTEGER,
    added            INTEGER,
    changed          INTEGER,
    removed          INTEGER,
    error_summary    TEXT
) STRICT;

CREATE INDEX sync_run_by_scope ON sync_run (scope_id);

-- One row per order per scope. While a snapshot is being stored, a scope briefly holds the previous
-- and the new version of an order (stored_by_run tells them apart); the transaction deletes the
-- previous one before it commits. Orders that left the scope stay, with removed_by_run set.
CREATE TABLE stored_order (
    row_id                    INTEGER PRIMARY KEY,
    scope_id                  INTEGER NOT NULL REFERENCES sync_scope (scope_id),
    customer_id               TEXT    NOT NULL,
    order_id                  TEXT    NOT NULL,
    stored_by_run             INTEGER NOT NULL REFERENCES sync_run (run_id),
    removed_by_run            INTEGER REFERENCES sync_run (run_id),
    alternate_id              TEXT,
    billing_cycle             TEXT,
    billing_cycle_known       TEXT,
    billing_cycle_match       TEXT,
    currency_code             TEXT,
    currency_symbol           TEXT,
    creation_date             TEXT    NOT NULL,
    creation_date_offset      TEXT    NOT NULL,
    status                    TEXT,
    status_known              TEXT,
    status_match              TEXT,
    total_price               TEXT,
    transaction_type          TEXT,
    transaction_type_known    TEXT,
    has_client                INTEGER NOT NULL CHECK (has_client IN (0, 1)),
    client_device_family      TEXT,
    client_marketplace_country TEXT,
    client_name               TEXT,
    etag                      TEXT,
    object_type               TEXT
) STRICT;

CREATE UNIQUE INDEX stored_order_by_scope ON stored_order (scope_id, customer_id, order_id, stored_by_run);
CREATE INDEX stored_order_by_key ON stored_order (customer_id, order_id, stored_by_run);
CREATE INDEX stored_order_by_order_id ON stored_order (order_id);
CREATE INDEX stored_order_by_customer_created ON stored_order (customer_id, creation_date, order_id);
CREATE INDEX stored_order_by_created ON stored_order (creation_date, order_id, customer_id);

CREATE TABLE line_item (
    order_row_id             INTEGER NOT NULL REFERENCES stored_order (row_id) ON DELETE CASCADE,
    line_item_number         INTEGER NOT NULL,
    list_position            INTEGER NOT NULL,
    offer_id                 TEXT    NOT NULL,
    offer_key                TEXT    NOT NULL,
    subscription_id          TEXT,
    subscription_key         TEXT,
    parent_subscription_id   TEXT,
    term_duration            TEXT,
    transaction_type         TEXT,
    transaction_type_known   TEXT,
    friendly_name            TEXT,
    quantity                 INTEGER NOT NULL,
    partner_id_on_record     TEXT,
    partner_key              TEXT,
    has_pricing              INTEGER NOT NULL CHECK (has_pricing IN (0, 1)),
    list_price               TEXT,
    discounted_price         TEXT,
    extended_price           TEXT,
    price                    TEXT,
    prorated_price           TEXT,
    has_purchase_commitment  INTEGER NOT NULL CHECK (has_purchase_commitment IN (0, 1)),
    commitment_amount        TEXT,
    commitment_currency      TEXT,
    commitment_grain         TEXT,
    has_renews_to            INTEGER NOT NULL CHECK (has_renews_to IN (0, 1)),
    renews_to_term_duration  TEXT,
    promotion_id             TEXT,
    attestation_accepted     INTEGER CHECK (attestation_accepted IN (0, 1)),
    custom_term_end_date     TEXT,
    PRIMARY KEY (order_row_id, line_item_number)
) STRICT, WITHOUT ROWID;

-- provisioningContext keeps the order its keys were sent in.
CREATE TABLE provisioning_entry (
    order_row_id     INTEGER NOT NULL,
    line_item_number INTEGER NOT NULL,
    position         INTEGER NOT NULL,
    entry_key        TEXT    NOT NULL,
    entry_value      TEXT    NOT NULL,
    PRIMARY KEY (order_row_id, line_item_number, position),
    FOREIGN KEY (order_row_id, line_item_number) REFERENCES line_item (order_row_id, line_item_number) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- A link of an order (line_item_number NULL) or of a line item; relation is the property name
-- (self, provisioningStatus, product, ...). link_id is assigned by the writer so headers can refer
-- to it inside one batch.
CREATE TABLE resource_link (
    link_id          INTEGER PRIMARY KEY,
    order_row_id     INTEGER NOT NULL REFERENCES stored_order (row_id) ON DELETE CASCADE,
    line_item_number INTEGER,
    relation         TEXT    NOT NULL,
    uri              TEXT    NOT NULL,
    method           TEXT    NOT NULL,
    body             TEXT
) STRICT;

CREATE INDEX resource_link_by_order ON resource_link (order_row_id);

CREATE TABLE link_header (
    link_id      INTEGER NOT NULL REFERENCES resource_link (link_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    header_key   TEXT    NOT NULL,
    header_value TEXT    NOT NULL,
    PRIMARY KEY (link_id, position)
) STRICT, WITHOUT ROWID;

-- The change log: what each run found different from the scope's previous snapshot, in the order found.
CREATE TABLE order_change (
    change_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id           INTEGER NOT NULL REFERENCES sync_run (run_id),
    detected_at      TEXT    NOT NULL,
    customer_id      TEXT    NOT NULL,
    order_id         TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    line_item_number INTEGER,
    before_value     TEXT,
    after_value      TEXT
) STRICT;

CREATE INDEX order_change_by_customer ON order_change (customer_id);
CREATE INDEX order_change_by_run ON order_change (run_id, customer_id, order_id);
