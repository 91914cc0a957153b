package dev.pcorders.domain.reconciliation;

import java.util.Arrays;
import java.util.List;

/** What the ledger said of one key: summed quantity, how many rows, the first rows' line numbers. */
abstract class LedgerSide {
    long ledgerQuantity;
    long ledgerRows;
    long[] ledgerLines;

    void addRow(LedgerRow row) {
        ledgerQuantity += row.quantity();
        ledgerRows++;
        if (ledgerLines == null) {
            ledgerLines = new long[] {row.line()};
        } else if (ledgerLines.length < Reconciliation.LEDGER_LINES_KEPT) {
            // Grown one at a time: at most LEDGER_LINES_KEPT copies of as many longs, and no slack kept per line.
            ledgerLines = Arrays.copyOf(ledgerLines, ledgerLines.length + 1);
            ledgerLines[ledgerLines.length - 1] = row.line();
        }
    }

    boolean billed() {
        return ledgerRows > 0;
    }

    List<Long> keptLines() {
        return ledgerLines == null ? List.of() : Arrays.stream(ledgerLines).boxed().toList();
    }
}
