package dev.pcorders.adapter.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reader of the usual creationDate shapes must answer exactly as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does, or step aside (null) and let it answer.
 */
class CommonDateTimeTest {

    @Provide
    Arbitrary<String> dateTimes() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60))
                .as((h, m, s) -> String.format("T%02d:%02d:%02d", h, m, s));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(digits -> "." + digits));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "", "+00:00", "-00:00", "+18:00", "-18:00",
                "+18:01", "+05:30", "-07:00", "+0530", "+05:30:15", "+5:30"),
                Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 19),
                        Arbitraries.integers().between(0, 60)).as((sign, h, m) -> String.format("%c%02d:%02d", sign, h, m)));
        return Combinators.combine(date, time, fraction, offset).as((d, t, f, o) -> d + t + f + o);
    }

    @Property(tries = 5000)
    void agreesWithTheIsoFormatterOrStepsAside(@ForAll("dateTimes") String text) {
        OffsetDateTime fast = CommonDateTime.parse(text);
        OffsetDateTime formatter;
        try {
            formatter = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notIso) {
            formatter = null;
        }
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(formatter);
            assertThat(fast.getOffset()).isEqualTo(formatter.getOffset());
        }
        if (formatter != null && text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)")) {
            assertThat(fast).as("the usual shape %s is read without the formatter", text).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> dates() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32), Arbitraries.of("", "", "", " ", "T", "x", "-1"))
                .as((y, m, d, tail) -> String.format("%04d-%02d-%02d", y, m, d) + tail);
    }

    @Property(tries = 3000)
    void datesAgreeWithLocalDateParseOrStepAside(@ForAll("dates") String text) {
        LocalDate fast = CommonDateTime.parseDate(text);
        LocalDate iso;
        try {
            iso = LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            iso = null;
        }
        assertThat(fast).as(text).isEqualTo(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-30T00:00:00Z", "2021-02-29T00:00:00Z", "2020-01-02T24:00:00Z", "2020-01-02T23:59:60Z",
            "2020-01-02T03:04:05.Z", "2020-01-02T03:04:05.1234567890Z", "2020-01-02T03:04:05", "2020-01-02 03:04:05Z",
            "+2020-01-02T03:04:05Z", "2020-1-02T03:04:05Z", "2020-01-02T03:04:05+19:00", "2020-01-02T03:04:05Zjunk"})
    void leavesEverythingUnusualToTheFormatter(String text) {
        assertThat(CommonDateTime.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-29T00:00:00Z", "2018-03-15T02:17:15.6455674Z", "2017-04-10T16:02:25.983-07:00",
            "0000-01-01T00:00:00+18:00", "9999-12-31T23:59:59.999999999-18:00"})
    void readsTheUsualShapes(String text) {
        assertThat(CommonDateTime.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }
}
