package dev.pcorders.adapter.persistence.sqlite;

/** How a snapshot finds an item again: the customer it belongs to and its id there, as stored (not case-folded). */
public record ItemKey(String customer, String id) {
}
