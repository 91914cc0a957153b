package dev.pcorders.adapter.persistence.store;

/**
 * How a snapshot finds an item again: its owner (the customer it belongs to, or {@link JooqSyncRunLog#PARTNER_OWNER}
 * for the partner's own items) and its id there, as stored (not case-folded).
 */
public record ItemKey(String owner, String id) {
}
