package dev.pcorders.adapter.persistence.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The hand-read stored instants are the instants Instant.parse reads, and what it rejects still fails. */
class StoredInstantParseTest {

    @Property(tries = 3000)
    void readsWhatInstantToStringWrites(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
                                        @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        for (long nano : new long[] {nanos, nanos / 1_000 * 1_000, nanos / 1_000_000 * 1_000_000, 0}) {
            String text = Instant.ofEpochSecond(seconds, nano).toString();
            assertThat(SortableInstantConverter.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Example
    void readsOrRejectsEveryTextAsInstantParseDoes() {
        for (String text : new String[] {"2023-01-02T00:05:34.726485400Z", "2024-02-29T23:59:59Z", "2000-01-01T00:00:00.1Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2023-06-30T23:59:60Z", "+10000-01-01T00:00:00Z",
                "2023-02-29T00:00:00Z", "2023-13-01T00:00:00Z", "2023-01-01T24:00:00Z", "2023-01-01T00:60:00Z",
                "2023-01-01T00:00:00.Z", "2023-01-01T00:00:00.1234567890Z", "2023-01-01 00:00:00Z", "2023-01-0xT00:00:00Z",
                "2023-01-01T00:00:00", "2023-01-01T00:00:00z", "2023-1-01T00:00:00Z", ""}) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeException e) {
                assertThatThrownBy(() -> SortableInstantConverter.parse(text)).as(text).isInstanceOf(e.getClass())
                        .hasMessage(e.getMessage());
                continue;
            }
            assertThat(SortableInstantConverter.parse(text)).as(text).isEqualTo(expected);
        }
    }
}
