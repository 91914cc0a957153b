package dev.pcorders.adapter.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The decoding reader against whatever buffer boundaries small buffers produce. */
class LedgerTextReaderPropertyTest {

    /** Text without quotes: quoting has its own properties, where a CSV writer closes every quote it opens. */
    @Provide
    Arbitrary<String> text() {
        return TextTokens.text(40).filter(text -> !text.startsWith("\uFEFF") && text.indexOf('"') < 0);
    }

    @Property(tries = 300)
    void decodesUtf8ExactlyDroppingOnlyALeadingByteOrderMarkAndEndingLoneCarriageReturnsWithALineFeed(@ForAll("text") String text, @ForAll boolean withMark,
                                                             @ForAll @IntRange(min = 8, max = 40) int bufferSize)
            throws IOException {
        byte[] bytes = ((withMark ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);

        assertThat(readAll(new LedgerTextReader(new ByteArrayInputStream(bytes), bufferSize))).isEqualTo(TextTokens.withCrlf(text));
    }

    @Property(tries = 300)
    void aByteThatIsNotUtf8IsReportedOnItsLineAfterTheTextBeforeIt(@ForAll("text") String before, @ForAll("text") String after,
                                                                  @ForAll @IntRange(min = 8, max = 40) int bufferSize)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(before.getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.write(after.getBytes(StandardCharsets.UTF_8));
        StringWriter delivered = new StringWriter();

        LedgerTextException failure = catchThrowableOfType(LedgerTextException.class, () -> {
            try (Reader reader = new LedgerTextReader(new ByteArrayInputStream(bytes.toByteArray()), bufferSize)) {
                reader.transferTo(delivered);
            }
        });

        assertThat(failure).isNotNull();
        assertThat(failure.line()).isEqualTo(1 + TextTokens.lineBreaks(before));
        assertThat(failure).hasMessageContaining("byte offset " + before.getBytes(StandardCharsets.UTF_8).length);
        assertThat(delivered.toString()).as("everything before the bad byte is handed out first").isEqualTo(TextTokens.withCrlf(before));
    }

    private static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        }
    }
}
