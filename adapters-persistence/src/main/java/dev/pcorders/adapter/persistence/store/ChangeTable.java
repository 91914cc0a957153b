package dev.pcorders.adapter.persistence.store;

import java.time.Instant;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The columns of a resource's change log: what each run found different, in the order found ({@code changeId}). */
public record ChangeTable(Table<? extends Record> table, Field<Long> changeId, Field<Long> runId, Field<Instant> detectedAt,
                          Field<String> owner, Field<String> id, Field<String> kind, Field<Integer> nestedNumber,
                          Field<String> before, Field<String> after) {
}
