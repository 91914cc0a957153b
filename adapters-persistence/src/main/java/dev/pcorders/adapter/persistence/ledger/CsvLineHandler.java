package dev.pcorders.adapter.persistence.ledger;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link CsvLine}s for FastCSV, and remembers which line the record being parsed starts on:
 * FastCSV's own exceptions carry that only inside their message text.
 */
final class CsvLineHandler extends AbstractBaseCsvCallbackHandler<CsvLine> {

    private final List<String> fields = new ArrayList<>();
    private long recordLine;

    @Override
    protected void handleBegin(long startingLineNumber) {
        recordLine = startingLineNumber;
        fields.clear();
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
