package dev.pcorders.adapter.http.partnercenter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a Retry-After header: delta-seconds ({@code 57}) or an HTTP-date ({@code Wed, 21 Oct 2015 07:28:00 GMT}). */
final class RetryAfter {

    private static final int MAX_DIGITS = 9;

    private RetryAfter() {
    }

    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // A huge number would overflow; anything this long is capped by the policy's max delay anyway.
            return Optional.of(value.length() > MAX_DIGITS ? Duration.ofSeconds(999_999_999L) : Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
