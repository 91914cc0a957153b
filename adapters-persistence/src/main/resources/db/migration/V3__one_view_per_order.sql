-- One current view of each (customer, order id), whatever scope brought it.
-- Before V3 each sync scope (customer + filters + flags) held a snapshot of its own and readers showed the
-- copy committed last: a plain sync after a priced one hid every price, and an order was ADDED once per scope.
-- From V3 on, stored_order holds one current row per (customer_id, order_id) (removed_by_run IS NULL), plus
-- rows of removed orders; scope_id only says which scope wrote the row. A sync without prices keeps the
-- prices of the previous view, and prices_as_of says when they were fetched.

-- When the prices of the row were fetched (the start of the sync that brought them); NULL without prices.
ALTER TABLE stored_order ADD COLUMN prices_as_of TEXT;

-- Which reseller-filtered syncs returned an order: Partner Center's indirect_reseller_id filter is a tenant
-- GUID the order itself does not carry, so a reseller sync can only tell that an order is gone if an earlier
-- sync with the same filter returned it.
CREATE TABLE order_reseller (
    customer_id TEXT NOT NULL,
    order_id    TEXT NOT NULL,
    reseller_id TEXT NOT NULL,
    PRIMARY KEY (customer_id, order_id, reseller_id)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO order_reseller (customer_id, order_id, reseller_id)
SELECT o.customer_id, o.order_id, s.reseller_id
FROM stored_order o JOIN sync_scope s ON s.scope_id = o.scope_id
WHERE o.removed_by_run IS NULL AND s.reseller_id <> '';

UPDATE stored_order
SET prices_as_of = (SELECT r.started_at FROM sync_run r WHERE r.run_id = stored_order.stored_by_run)
WHERE total_price IS NOT NULL
   OR EXISTS (SELECT 1 FROM line_item li WHERE li.order_row_id = stored_order.row_id AND li.has_pricing = 1);

-- Orders held by several scopes: the row committed last (highest row id) is what readers showed, and stays.
-- If it has no prices, it takes them from the newest other copy that has, in the same currency, as a sync
-- without prices does from now on (CachedOrder.afterSync): each line's pricing for the same line number, offer
-- and quantity, and the total while every line is such a line.
CREATE TEMP TABLE v3_duplicate AS
SELECT customer_id, order_id, MAX(row_id) AS kept_row
FROM stored_order
WHERE removed_by_run IS NULL
GROUP BY customer_id, order_id
HAVING COUNT(*) > 1;

CREATE TEMP TABLE v3_price_donor AS
SELECT d.kept_row,
       (SELECT o.row_id FROM stored_order o
        WHERE o.customer_id = d.customer_id AND o.order_id = d.order_id AND o.removed_by_run IS NULL
          AND o.row_id <> d.kept_row AND o.prices_as_of IS NOT NULL
        ORDER BY o.row_id DESC LIMIT 1) AS donor_row
FROM v3_duplicate d JOIN stored_order kept ON kept.row_id = d.kept_row
WHERE kept.prices_as_of IS NULL;

DELETE FROM v3_price_donor
WHERE donor_row IS NULL
   OR (SELECT kept.currency_code FROM stored_order kept WHERE kept.row_id = v3_price_donor.kept_row)
      IS NOT (SELECT donor.currency_code FROM stored_order donor WHERE donor.row_id = v3_price_donor.donor_row);

UPDATE stored_order
SET total_price = (SELECT donor.total_price FROM v3_price_donor p JOIN stored_order donor ON donor.row_id = p.donor_row
                   WHERE p.kept_row = stored_order.row_id)
WHERE total_price IS NULL AND row_id IN (SELECT kept_row FROM v3_price_donor)
  AND (SELECT count(*) FROM line_item k WHERE k.order_row_id = stored_order.row_id)
      = (SELECT count(*) FROM v3_price_donor p JOIN line_item d ON d.order_row_id = p.donor_row
         WHERE p.kept_row = stored_order.row_id)
  AND NOT EXISTS (SELECT 1 FROM line_item k
                  WHERE k.order_row_id = stored_order.row_id
                    AND NOT EXISTS (SELECT 1 FROM v3_price_donor p JOIN line_item d ON d.order_row_id = p.donor_row
                                    WHERE p.kept_row = stored_order.row_id AND d.line_item_number = k.line_item_number
                                      AND d.offer_key = k.offer_key AND d.quantity = k.quantity));

UPDATE line_item
SET has_pricing = 1,
    list_price = donor.list_price,
    discounted_price = donor.discounted_price,
    extended_price = donor.extended_price,
    price = donor.price,
    prorated_price = donor.prorated_price
FROM v3_price_donor p JOIN line_item donor ON donor.order_row_id = p.donor_row
WHERE line_item.order_row_id = p.kept_row
  AND line_item.has_pricing = 0
  AND donor.has_pricing = 1
  AND donor.line_item_number = line_item.line_item_number
  AND donor.offer_key = line_item.offer_key
  AND donor.quantity = line_item.quantity;

UPDATE stored_order
SET prices_as_of = (SELECT donor.prices_as_of FROM v3_price_donor p JOIN stored_order donor ON donor.row_id = p.donor_row
                    WHERE p.kept_row = stored_order.row_id)
WHERE row_id IN (SELECT kept_row FROM v3_price_donor)
  AND (total_price IS NOT NULL
       OR EXISTS (SELECT 1 FROM line_item li WHERE li.order_row_id = stored_order.row_id AND li.has_pricing = 1));

-- Children go with their order row (ON DELETE CASCADE).
DELETE FROM stored_order
WHERE row_id IN (SELECT o.row_id FROM stored_order o JOIN v3_duplicate d
                 ON d.customer_id = o.customer_id AND d.order_id = o.order_id
                 WHERE o.removed_by_run IS NULL AND o.row_id <> d.kept_row);

-- A removed copy is superseded by a current row of the same order, or by a later removed copy.
DELETE FROM stored_order
WHERE removed_by_run IS NOT NULL
  AND EXISTS (SELECT 1 FROM stored_order o
              WHERE o.customer_id = stored_order.customer_id AND o.order_id = stored_order.order_id
                AND (o.removed_by_run IS NULL OR o.row_id > stored_order.row_id));

DROP TABLE v3_price_donor;
DROP TABLE v3_duplicate;

-- Rows are found by order, no longer by scope.
DROP INDEX stored_order_by_scope;
DROP INDEX stored_order_by_key;
CREATE UNIQUE INDEX stored_order_by_key ON stored_order (customer_id, order_id, stored_by_run);
-- orders show takes an alternate id too (invoices and the portal show it).
CREATE INDEX stored_order_by_alternate_id ON stored_order (alternate_id);
