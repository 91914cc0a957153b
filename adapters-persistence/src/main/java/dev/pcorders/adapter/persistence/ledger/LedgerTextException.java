package dev.pcorders.adapter.persistence.ledger;

import java.io.IOException;

/**
 * The text of a ledger file cannot be trusted from {@link #line()} on: bytes that are not UTF-8, or a
 * quote opened there and never closed. An {@link IOException} so it can travel through FastCSV's reader;
 * {@link CsvLedgerSource} turns it into the port's exception.
 */
final class LedgerTextException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;

    LedgerTextException(long line, String problem) {
        super(problem);
        this.line = line;
    }

    long line() {
        return line;
    }
}
