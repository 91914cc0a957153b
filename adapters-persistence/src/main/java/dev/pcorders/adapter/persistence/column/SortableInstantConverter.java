package dev.pcorders.adapter.persistence.column;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
        return stored == null ? null : parse(stored);
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

    /**
     * As {@link Instant#parse}: what {@link #to} writes (and {@link Instant#toString}'s shorter fractions) is read by
     * hand; anything else, or out of range, is left to {@code Instant.parse}, which reads or rejects it as before.
     * Every cached order has instants, and the formatter's general parse was a measurable share of reading them.
     */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || length > 20 && (length == 21 || text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = length > 20 ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return Instant.parse(text);
        }
        for (int i = length - 1; i < 29; i++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The ASCII digits of {@code [from, to)} as a number, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
