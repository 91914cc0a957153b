package dev.pcorders.adapter.persistence.store;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The columns of a resource's item table that the snapshot writer reads and writes: one row per item and owner (see
 * {@link ItemKey}), which run stored it and which run found it gone (NULL while current). Nested rows hang off
 * {@code rowId}.
 */
public record ItemTable<R extends Record>(Table<R> table, Field<Long> rowId, Field<String> owner, Field<String> id,
                                          Field<Long> storedByRun, Field<Long> removedByRun) {
}
