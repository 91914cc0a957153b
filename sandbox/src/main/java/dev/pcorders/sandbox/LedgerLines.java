package dev.pcorders.sandbox;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a ledger file as they are written, whatever its layout: tracks the file line each row starts on (a
 * planted discrepancy names it) and counts the rows, by charge type where the layout has one.
 */
final class LedgerLines {

    private final CsvWriter csv;
    private final Map<String, Long> rowsByChargeType = new TreeMap<>();
    private long line = 1;
    private long dataRows;

    LedgerLines(CsvWriter csv) {
        this.csv = csv;
    }

    void writeHeader(List<String> columns) {
        csv.writeRecord(columns);
    }

    /** Writes a row of a layout without charge types; returns the file line it starts on. */
    long write(String[] row) {
        long at = ++line;
        for (String field : row) {
            line += field.chars().filter(c -> c == '\n').count();
        }
        csv.writeRecord(row);
        dataRows++;
        return at;
    }

    /** Writes a row billing {@code chargeType}; returns the file line it starts on. */
    long write(String[] row, String chargeType) {
        rowsByChargeType.merge(chargeType, 1L, Long::sum);
        return write(row);
    }

    /** The last line written so far: the header's, 1, before any row. */
    long line() {
        return line;
    }

    long dataRows() {
        return dataRows;
    }

    Map<String, Long> rowsByChargeType() {
        return rowsByChargeType;
    }
}
