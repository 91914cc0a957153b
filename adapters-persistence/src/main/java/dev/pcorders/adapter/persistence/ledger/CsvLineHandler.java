package dev.pcorders.adapter.persistence.ledger;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link CsvLine}s for FastCSV, and remembers which line the record being parsed starts on:
 * FastCSV's own exceptions carry that only inside their message text.
 */
final class CsvLineHandler extends AbstractBaseCsvCallbackHandler<CsvLine> {

    private List<String> fields = new ArrayList<>();
    private long recordLine;

    @Override
    protected void handleBegin(long startingLineNumber) {
        recordLine = startingLineNumber;
        // A new list per record, sized as the last one: the record keeps it (CsvLine does not copy).
        fields = new ArrayList<>(Math.max(fields.size(), 4));
    }

    @Override
    protected void handleField(int fieldIndex, char[] buffer, int offset, int length, boolean quoted) {
        fields.add(new String(buffer, offset, length));
    }

    @Override
    protected CsvLine buildRecord() {
        return new CsvLine(recordLine, fields);
    }

    /** The line the record FastCSV is working on starts on; 0 before the first. */
    long recordLine() {
        return recordLine;
    }
}
