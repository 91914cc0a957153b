package dev.pcorders.adapter.persistence.column;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jooq.exception.DataTypeException;
import org.jooq.impl.AbstractConverter;

/**
 * Stores an {@link Instant} as ISO-8601 UTC text with exactly nine fractional digits
 * ({@code 2025-03-14T09:26:53.589000000Z}). {@link Instant#toString()} drops trailing zero digits, which
 * would make text order differ from time order ({@code ...53.5Z} would sort after {@code ...53.589Z});
 * with a fixed width, range filters and sorting can run on an index. Lossless: an Instant has
 * nanosecond precision. Public only because the generated jOOQ tables refer to it.
 */
public final class SortableInstantConverter extends AbstractConverter<String, Instant> {

    private static final long serialVersionUID = 1L;

    /** The first and last instants whose text sorts in time order: years 0000 to 9999, written with four digits. */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    public SortableInstantConverter() {
        super(String.class, Instant.class);
    }

    @Override
    public Instant from(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    @Override
    public String to(Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            // Year 10000 would be written "+10000-..." and sort before "2025-...": refuse rather than misorder.
            throw new DataTypeException("the cache keeps instants of the years 0000 to 9999 only, got " + instant);
        }
        return FIXED_WIDTH.format(instant);
    }
}
