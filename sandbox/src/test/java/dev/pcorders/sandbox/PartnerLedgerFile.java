package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.ledger.CsvLedgerSource;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A partner ledger the sandbox wrote, read by the project's own ledger reader exactly as {@code reconcile} reads it. */
final class PartnerLedgerFile {

    private PartnerLedgerFile() {
    }

    /** Every data row; strict, so a row the reader cannot take fails the read. */
    static List<LedgerRow> rows(Path file) {
        try (Stream<LedgerEntry> entries = new CsvLedgerSource().read(file, false)) {
            List<LedgerEntry> read = entries.toList();
            assertThat(read).allSatisfy(entry -> assertThat(entry).isInstanceOf(LedgerRow.class));
            return read.stream().map(LedgerRow.class::cast).toList();
        }
    }
}
