package dev.pcorders.adapter.persistence.ledger;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.port.out.LedgerReadException.Reason;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The entries of one open ledger file, one CSV record at a time. The header is read on construction,
 * so a file of the wrong shape fails before the first row is asked for. Every failure leaves as a
 * {@link LedgerReadException}; FastCSV's and java.io's exceptions stay inside.
 */
final class LedgerEntries implements Iterator<LedgerEntry>, AutoCloseable {

    private final Path file;
    private final boolean lenient;
    private final CsvReader<CsvLine> csv;
    private final CsvLineHandler handler;
    private final CloseableIterator<CsvLine> records;
    private final LedgerHeader header;
    private final RepeatedValues repeated = new RepeatedValues();
    private LedgerEntry next;
    private boolean finished;

    LedgerEntries(Path file, boolean lenient, CsvReader<CsvLine> csv, CsvLineHandler handler) {
        this.file = file;
        this.lenient = lenient;
        this.csv = csv;
        this.handler = handler;
        this.records = csv.iterator();
        this.header = LedgerHeader.recognise(file, readHeader());
    }

    private CsvLine readHeader() {
        try {
            if (!records.hasNext()) {
                throw new LedgerReadException(Reason.UNKNOWN_FORMAT, file, OptionalLong.empty(), Optional.empty(),
                        "the file is empty; expected a header row naming the columns", null);
            }
            return records.next();
        } catch (UncheckedIOException | CsvParseException e) {
            throw unreadable(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        CsvLine record;
        try {
            if (!records.hasNext()) {
                finished = true;
                return false;
            }
            record = records.next();
        } catch (UncheckedIOException | CsvParseException e) {
            finished = true;
            throw unreadable(e);
        }
        next = toEntry(record);
        return true;
    }

    @Override
    public LedgerEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + file);
        }
        LedgerEntry entry = next;
        next = null;
        return entry;
    }

    private LedgerEntry toEntry(CsvLine record) {
        boolean rightWidth = false;
        try {
            header.checkWidth(record);
            rightWidth = true;
            return header.format().toRow(new RowFields(header, record, repeated));
        } catch (BadFieldException bad) {
            if (lenient) {
                // Of a row of the right width the cells still say which order it billed; of a ragged row they may not.
                return new LedgerRowError(record.line(), bad.column(), bad.problem(),
                        rightWidth ? header.format().key(new RowFields(header, record, repeated)) : Optional.empty());
            }
            finished = true;
            throw new LedgerReadException(Reason.BAD_VALUE, file, OptionalLong.of(record.line()), Optional.of(bad.column()),
                    bad.problem(), null);
        }
    }

    private LedgerReadException unreadable(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LedgerTextException text) {
                return new LedgerReadException(Reason.UNREADABLE, file, OptionalLong.of(text.line()), Optional.empty(),
                        text.getMessage(), failure);
            }
        }
        OptionalLong line = handler.recordLine() > 0 ? OptionalLong.of(handler.recordLine()) : OptionalLong.empty();
        String problem = failure instanceof CsvParseException
                ? "broken CSV in the record starting on this line: " + innermostMessage(failure)
                : "cannot read the file: " + innermostMessage(failure);
        return new LedgerReadException(Reason.UNREADABLE, file, line, Optional.empty(), problem, failure);
    }

    private static String innermostMessage(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return String.valueOf(innermost.getMessage());
    }

    /** Closes the file. */
    /** What the header row says the file is, as people call it ("partner ledger", ...). */
    String formatTitle() {
        return header.format().titleOf(header);
    }

    @Override
    public void close() {
        finished = true;
        try {
            csv.close();
        } catch (IOException | UncheckedIOException e) {
            throw new LedgerReadException(Reason.UNREADABLE, file, OptionalLong.empty(), Optional.empty(),
                    "cannot close the file: " + e.getMessage(), e);
        }
    }
}
