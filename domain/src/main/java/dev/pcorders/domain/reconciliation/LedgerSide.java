package dev.pcorders.domain.reconciliation;

import java.util.ArrayList;
import java.util.List;

/** What the ledger said of one key: summed quantity, how many rows, the first rows' line numbers. */
abstract class LedgerSide {
    long ledgerQuantity;
    long ledgerRows;
    /**
     * The first rows' line numbers, in an array made whole on the key's first row, so later rows store numbers and not a
     * new array: lines live through many collections, and each array stored into one cost the next collection a scan of
     * its memory (about half of every collection's time while a large ledger streamed by, when arrays grew per row).
     * As ints, whatever line numbers fit, which is every real file's: an array of longs would hold twice the memory.
     */
    private int[] ledgerLines;
    /** The same, for a key whose rows go beyond the line numbers an int holds; null until then. */
    private long[] longLedgerLines;
    private int keptLineCount;

    void addRow(LedgerRow row) {
        ledgerQuantity += row.quantity();
        ledgerRows++;
        if (keptLineCount == Reconciliation.LEDGER_LINES_KEPT) {
            return;
        }
        long line = row.line();
        if (longLedgerLines == null && line <= Integer.MAX_VALUE) {
            if (ledgerLines == null) {
                ledgerLines = new int[Reconciliation.LEDGER_LINES_KEPT];
            }
            ledgerLines[keptLineCount++] = (int) line;
            return;
        }
        if (longLedgerLines == null) {
            longLedgerLines = new long[Reconciliation.LEDGER_LINES_KEPT];
            for (int i = 0; i < keptLineCount; i++) {
                longLedgerLines[i] = ledgerLines[i];
            }
            ledgerLines = null;
        }
        longLedgerLines[keptLineCount++] = line;
    }

    boolean billed() {
        return ledgerRows > 0;
    }

    List<Long> keptLines() {
        List<Long> lines = new ArrayList<>(keptLineCount);
        for (int i = 0; i < keptLineCount; i++) {
            lines.add(longLedgerLines != null ? longLedgerLines[i] : ledgerLines[i]);
        }
        return List.copyOf(lines);
    }
}
