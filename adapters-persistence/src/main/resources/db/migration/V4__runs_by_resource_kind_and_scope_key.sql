-- The run log knows no resource. Before V4 a sync scope was the orders call's filters, one column each, and a run
-- counted orders and line items; from V4 on a scope is (resource kind, customer, scope key), the key being the text
-- the resource's scope writes (OrderScope.key() for orders), and a run counts items and nested items. Another
-- resource then records its runs in the same tables without a migration of its own.

-- The counts of a run are the resource's items and the items nested in them (for orders: orders and line items).
ALTER TABLE sync_run RENAME COLUMN orders TO items;
ALTER TABLE sync_run RENAME COLUMN line_items TO nested_items;

-- SQLite cannot change a table's columns or constraints in place, so sync_scope is rebuilt. Flyway runs this script
-- in one transaction on a connection with foreign keys on, where PRAGMA foreign_keys = OFF does nothing. Deferring
-- them instead lets sync_scope be dropped while sync_run and stored_order still point at its rows: the DROP deletes
-- every scope (an implicit DELETE), each orphaned child counts as a violation, and putting every parent back under
-- the same scope_id clears them before COMMIT. A copy that lost or renumbered a scope fails at COMMIT with
-- "FOREIGN KEY constraint failed" and the file stays at V3. The pragma ends with the transaction.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE v4_old_scope AS SELECT * FROM sync_scope;

-- The implicit DELETE looks up the children of each scope; stored_order lost its index on scope_id in V3, so without
-- this one every scope would scan the whole table.
CREATE INDEX v4_stored_order_by_scope ON stored_order (scope_id);

DROP TABLE sync_scope;

-- What one sync fetched: the resource, the customer, and the key that tells the resource's scopes of one customer
-- apart. The key is opaque here; only the resource reads it back (OrderScope.fromKey).
CREATE TABLE sync_scope (
    scope_id      INTEGER PRIMARY KEY,
    resource_kind TEXT    NOT NULL,
    customer_id   TEXT    NOT NULL,
    scope_key     TEXT    NOT NULL,
    UNIQUE (resource_kind, customer_id, scope_key)
) STRICT;

-- Every scope keeps its id (runs and orders point at it). The key is exactly what OrderScope.key() gives for the old
-- columns: '' stood for "no filter" in reseller_id and billing_type (which holds the BillingCycle name) and stays
-- empty in the key; the flags were 0/1 and read false/true. The old UNIQUE constraint maps one to one onto the new.
INSERT INTO sync_scope (scope_id, resource_kind, customer_id, scope_key)
SELECT scope_id,
       'orders',
       customer_id,
       'reseller=' || reseller_id
           || ';billingType=' || billing_type
           || ';includePrice=' || CASE include_price WHEN 1 THEN 'true' ELSE 'false' END
           || ';includeSystemPurchases=' || CASE include_system_purchases WHEN 1 THEN 'true' ELSE 'false' END
FROM v4_old_scope
ORDER BY scope_id;

DROP TABLE v4_old_scope;
DROP INDEX v4_stored_order_by_scope;
