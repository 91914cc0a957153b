package dev.pcorders.adapter.persistence.ledger;

import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever the values hold (commas, quotes, CR, LF, CRLF, non-ASCII), a ledger written by the rules of
 * RFC 4180 reads back value for value, each row on the physical line it starts on.
 */
class CsvLedgerSourcePropertyTest {

    private final CsvLedgerSource source = new CsvLedgerSource();
    private Path folder;

    @BeforeProperty
    void createFolder() throws IOException {
        folder = Files.createTempDirectory("ledger-property");
    }

    @AfterProperty
    void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Provide
    Arbitrary<String> value() {
        return TextTokens.text(12);
    }

    @Property(tries = 200)
    void quotedValuesReadBackWithTheirLines(@ForAll @Size(max = 8) List<@net.jqwik.api.From("value") String> notes,
                                            @ForAll boolean crlf) throws IOException {
        String newline = crlf ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder("note,customer_id,order_id,offer_id,quantity").append(newline);
        List<Long> expectedLines = new ArrayList<>();
        long line = 2;
        for (int i = 0; i < notes.size(); i++) {
            String note = notes.get(i);
            String reference = "ord " + note; // never blank, and the note sits inside where stripping cannot reach
            expectedLines.add(line);
            text.append(quoted(note)).append(',').append(CUSTOMER).append(',').append(quoted(reference + "."))
                    .append(",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,").append(i + 1).append(newline);
            line += TextTokens.lineBreaks(note) + TextTokens.lineBreaks(reference) + 1;
        }
        Path file = Files.write(folder.resolve("ledger.csv"), text.toString().getBytes(StandardCharsets.UTF_8));

        List<LedgerRow> rows;
        try (Stream<LedgerEntry> entries = source.read(file, false)) {
            rows = entries.map(LedgerRow.class::cast).toList();
        }

        assertThat(rows).extracting(LedgerRow::line).containsExactlyElementsOf(expectedLines);
        assertThat(rows).extracting(LedgerRow::orderReference)
                .containsExactlyElementsOf(notes.stream().map(note -> "ord " + TextTokens.withCrlf(note) + ".").toList());
    }

    @Property(tries = 100)
    void aQuoteLeftOpenInTheLastRowAlwaysFails(@ForAll @Size(max = 5) List<@net.jqwik.api.From("value") String> notes,
                                               @ForAll("value") String tail) throws IOException {
        StringBuilder text = new StringBuilder("note,customer_id,order_id,offer_id,quantity\n");
        long line = 2;
        for (String note : notes) {
            text.append(quoted(note)).append(',').append(CUSTOMER).append(",ord,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1\n");
            line += TextTokens.lineBreaks(note) + 1;
        }
        long opened = line;
        text.append("\"never closed ").append(tail.replace("\"", ""));
        Path file = Files.write(folder.resolve("open.csv"), text.toString().getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> {
            try (Stream<LedgerEntry> entries = source.read(file, true)) {
                entries.forEach(entry -> { });
            }
        }).isInstanceOfSatisfying(LedgerReadException.class, e -> {
            assertThat(e.reason()).isEqualTo(LedgerReadException.Reason.UNREADABLE);
            assertThat(e.line()).hasValue(opened);
        }).hasMessageContaining("never closed");
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
