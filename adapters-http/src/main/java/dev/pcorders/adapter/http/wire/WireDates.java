package dev.pcorders.adapter.http.wire;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The dates and date-times of any Partner Center payload, read as leniently as the service writes them: the usual
 * shapes by {@link CommonDateTime}, anything else by the JDK's ISO formatters, whose exception names the text.
 */
public final class WireDates {

    private WireDates() {
    }

    /**
     * ISO-8601 with 0 to 9 fraction digits and {@code Z} or an offset. A value without an offset is
     * read as UTC, which is what the service's own clocks write.
     */
    public static OffsetDateTime dateTime(String text) {
        String value = text.strip();
        OffsetDateTime common = CommonDateTime.parse(value);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        }
    }

    /** A calendar date, or the date part of a date-time. */
    public static LocalDate date(String text) {
        String value = text.strip();
        LocalDate common = CommonDateTime.parseDate(value);
        if (common != null) {
            return common;
        }
        // Checked before LocalDate.parse, whose exception for every date-time would cost more than the rest.
        OffsetDateTime commonDateTime = CommonDateTime.parse(value);
        if (commonDateTime != null) {
            return commonDateTime.toLocalDate();
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            return dateTime(value).toLocalDate();
        }
    }
}
