package dev.pcorders.adapter.persistence.ledger;

import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.CUSTOMER;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.errors;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.readAll;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.rows;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.writeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.port.out.LedgerReadException.Reason;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Line numbers stay exact whatever ends the lines (LF, CRLF, a lone CR), with or without a byte order mark, with quoted
 * values spanning lines before a bad row, and in files larger than the reader's buffer, where line breaks and CRLF
 * pairs fall across its boundaries.
 */
class LedgerLineEndingsTest {

    private static final String OFFER = "CFQ7TTC0LH18:0001:CFQ7TTC0K5BF";

    private final CsvLedgerSource source = new CsvLedgerSource();

    @TempDir
    Path folder;

    /** Header 1; rows on 2-4 (two quoted breaks), 5, 6-8 (an empty line quoted), 9-10 (bad quantity), 11. */
    private static String ledger(String end, boolean byteOrderMark) {
        return (byteOrderMark ? "\uFEFF" : "")
                + "customer_id,order_id,offer_id,quantity,note" + end
                + CUSTOMER + ",ord-1," + OFFER + ",1,\"first" + end + "second" + end + "third\"" + end
                + CUSTOMER + ",ord-2," + OFFER + ",2,plain" + end
                + CUSTOMER + ",ord-3," + OFFER + ",3,\"a" + end + end + "b\"" + end
                + CUSTOMER + ",ord-4," + OFFER + ",x,\"note" + end + "more\"" + end
                + CUSTOMER + ",ord-5," + OFFER + ",5," + end;
    }

    private static String ending(String name) {
        return switch (name) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            case "CR" -> "\r";
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}, byte order mark {1}")
    @CsvSource({"LF, false", "LF, true", "CRLF, false", "CRLF, true", "CR, false", "CR, true"})
    void aBadRowAfterQuotedLineBreaksFailsAStrictReadOnItsOwnLine(String ending, boolean byteOrderMark) {
        Path file = writeText(folder, "ledger.csv", ledger(ending(ending), byteOrderMark));

        List<LedgerEntry> seen = new ArrayList<>();
        LedgerReadException failure;
        try (Stream<LedgerEntry> entries = source.read(file, false)) {
            Iterator<LedgerEntry> iterator = entries.iterator();
            failure = catchThrowableOfType(LedgerReadException.class, () -> iterator.forEachRemaining(seen::add));
        }

        assertThat(seen).extracting(LedgerEntry::line).containsExactly(2L, 5L, 6L);
        assertThat(failure.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(failure.line()).hasValue(9);
        assertThat(failure.column()).contains("quantity");
        assertThat(failure.getMessage()).startsWith(file + ", line 9, column quantity: ").contains("must be a whole number");
    }

    @ParameterizedTest(name = "{0}, byte order mark {1}")
    @CsvSource({"LF, false", "CRLF, true", "CR, false", "CR, true"})
    void aLenientReadListsEveryRowOnTheLineItStartsOn(String ending, boolean byteOrderMark) {
        Path file = writeText(folder, "ledger.csv", ledger(ending(ending), byteOrderMark));

        List<LedgerEntry> entries = readAll(source, file, true);

        assertThat(entries).extracting(LedgerEntry::line).containsExactly(2L, 5L, 6L, 9L, 11L);
        assertThat(rows(entries)).extracting(LedgerRow::orderReference).containsExactly("ord-1", "ord-2", "ord-3", "ord-5");
        assertThat(errors(entries)).extracting(LedgerRowError::column).containsExactly("quantity");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LF", "CRLF", "CR"})
    void lineNumbersStayExactAcrossManyBuffersOfText(String ending) {
        String end = ending(ending);
        int rows = 20_000; // each on two lines: well over the reader's buffer, so breaks fall on its boundaries
        StringBuilder text = new StringBuilder("customer_id,order_id,offer_id,quantity,note").append(end);
        for (int i = 0; i < rows; i++) {
            text.append(CUSTOMER).append(",ord-").append(i).append(',').append(OFFER).append(",1,\"line")
                    .append(end).append("break ").append(i).append('"').append(end);
        }
        text.append(CUSTOMER).append(",ord-bad,").append(OFFER).append(",1.5,").append(end);
        Path file = writeText(folder, "large.csv", text.toString());

        List<LedgerEntry> entries = readAll(source, file, true);

        assertThat(entries).hasSize(rows + 1);
        assertThat(entries.get(rows - 1).line()).isEqualTo(2L + 2L * (rows - 1));
        assertThat(errors(entries)).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2L + 2L * rows);
            assertThat(error.column()).isEqualTo("quantity");
        });
    }

    @Test
    void aFileEndingOnALoneCarriageReturnEndsItsLastRow() {
        Path file = writeText(folder, "cr-end.csv", "customer_id,order_id,offer_id,quantity\r"
                + CUSTOMER + ",ord-1," + OFFER + ",1\r"
                + CUSTOMER + ",ord-2," + OFFER + ",2\r");

        assertThat(rows(readAll(source, file, false))).extracting(LedgerRow::line, LedgerRow::quantity)
                .containsExactly(tuple(2L, 1L), tuple(3L, 2L));
    }
}
