-- An index for each filter of FindCachedOrdersUseCase that V1 does not already serve (customer and
-- creation date are covered by stored_order_by_customer_created and stored_order_by_created). The line
-- item filters match an order when any of its line items matches, so they index the line items.
CREATE INDEX stored_order_by_status ON stored_order (status_match);
CREATE INDEX stored_order_by_billing_cycle ON stored_order (billing_cycle_match);
CREATE INDEX line_item_by_offer ON line_item (offer_key);
CREATE INDEX line_item_by_subscription ON line_item (subscription_key);
CREATE INDEX line_item_by_partner ON line_item (partner_key);
