package dev.pcorders.adapter.http.wire;

import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Reads the shapes Partner Center actually writes, {@code 2018-03-15T02:17:15.6455674Z},
 * {@code 2017-04-10T16:02:25.983-07:00} and {@code 2025-06-30}, without a DateTimeFormatter, which costs more than the rest
 * of an item's dates and numbers together. Anything else, or anything out of range, gives null so the
 * caller's formatter decides, with its own error message.
 */
final class CommonDateTime {

    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final int MAX_OFFSET_HOURS = 18;

    private CommonDateTime() {
    }

    /** {@code yyyy-MM-dd} alone; else null. */
    static LocalDate parseDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        return isDate(year, month, day) ? LocalDate.of(year, month, day) : null;
    }

    /** {@code yyyy-MM-ddTHH:mm:ss}, then 1 to 9 fraction digits or none, then {@code Z} or {@code ±HH:MM}; else null. */
    static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (!isDate(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int first = ++at;
            while (at < length && isDigit(text.charAt(at))) {
                at++;
            }
            int count = at - first;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(text, first, count) * NANOS_PER_DIGIT[count];
        }
        ZoneOffset offset = offset(text, at);
        return offset == null ? null : OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    }

    private static boolean isDate(int year, int month, int day) {
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
    }

    private static ZoneOffset offset(String text, int at) {
        int remaining = text.length() - at;
        if (remaining == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (remaining != 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (sign != '+' && sign != '-' || hours < 0 || hours > MAX_OFFSET_HOURS || minutes < 0 || minutes > 59
                || hours == MAX_OFFSET_HOURS && minutes > 0) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    /** The value of {@code count} ASCII digits from {@code from}, or -1 if any is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
