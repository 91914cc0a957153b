package dev.pcorders.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain aligned text table; right-aligns the columns marked numeric so amounts line up on their decimals.
 * Either held whole and {@link #print printed} at the end, or {@link #streaming streamed}: then the column
 * widths come from a bounded first batch of rows and every later row is printed as it is added, so memory
 * does not grow with the number of rows.
 */
final class TextTable {

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();
    private PrintWriter sink;
    private int firstBatch;
    private int[] widths;

    TextTable(List<String> headers, boolean... numeric) {
        this.headers = List.copyOf(headers);
        this.numeric = new boolean[headers.size()];
        System.arraycopy(numeric, 0, this.numeric, 0, Math.min(numeric.length, headers.size()));
    }

    /**
     * Prints to {@code out} as rows come: the first {@code firstBatch} rows set the widths; a longer cell after them
     * widens only its own row (nothing is cut). Call {@link #finish} after the last row.
     */
    TextTable streaming(PrintWriter out, int firstBatch) {
        if (firstBatch < 1) {
            throw new IllegalArgumentException("the first batch must hold at least one row, got " + firstBatch);
        }
        this.sink = out;
        this.firstBatch = firstBatch;
        return this;
    }

    void add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, the table " + headers.size() + " columns");
        }
        List<String> cells = row.stream().map(cell -> cell == null ? "" : cell.replace('\n', ' ')).toList();
        if (widths != null) {
            printRow(sink, cells, widths);
            return;
        }
        rows.add(cells);
        if (sink != null && rows.size() >= firstBatch) {
            printHeldRows(sink);
        }
    }

    boolean isEmpty() {
        return rows.isEmpty() && widths == null;
    }

    /** Ends a streamed table: prints what the first batch still holds. */
    void finish() {
        if (widths == null && !rows.isEmpty()) {
            printHeldRows(sink);
        }
        sink.flush();
    }

    void print(PrintWriter out) {
        printHeldRows(out);
    }

    private void printHeldRows(PrintWriter out) {
        widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
        rows.clear();
    }

    private void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padding = " ".repeat(Math.max(0, widths[i] - cell.length()));
            line.append(i == 0 ? "" : "  ").append(numeric[i] ? padding + cell : cell + padding);
        }
        out.println(line.toString().stripTrailing());
    }
}
