package dev.pcorders.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CSV the command line writes goes through here: RFC 4180 by FastCSV, and each cell a spreadsheet would
 * run as a formula neutralised as OWASP's CSV injection advice has it. A cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, so it reads as text.
 * A plain number such as {@code -12.50} is left alone: it is no formula, and finance needs it as a number.
 * The cells come from ledgers and Partner Center, which anyone who can place an order can write into.
 */
final class SpreadsheetCsv {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final CsvWriter csv;

    SpreadsheetCsv(Writer out) {
        this.csv = CsvWriter.builder().build(out);
    }

    void row(String... cells) {
        row(List.of(cells));
    }

    void row(List<String> cells) {
        csv.writeRecord(cells.stream().map(SpreadsheetCsv::neutralised).toList());
    }

    /** An empty line, between two tables of one file. */
    void emptyLine() {
        csv.writeRecord(List.of());
    }

    /** FastCSV buffers rows itself: without this they never reach a writer that the caller keeps open. */
    void flush() {
        try {
            csv.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static String neutralised(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + cell : cell;
    }
}
