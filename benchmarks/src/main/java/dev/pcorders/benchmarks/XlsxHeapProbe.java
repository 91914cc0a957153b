package dev.pcorders.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Issue 21's scale clause for {@code orders list --format xlsx}: {@code benchmarks/xlsx-heap.sh} makes the cache with
 * {@link ReconcileHeapProbe}'s {@code prepare}, runs the real CLI in a JVM of a small heap, then this class checks the
 * workbook and prints one table row. Not a JMH benchmark and not a test.
 *
 * <ul>
 *   <li>{@code prepare <dir> <orders>}: as {@link ReconcileHeapProbe} ({@code orders} x 5 line items).</li>
 *   <li>{@code rows <file.xlsx>}: prints the rows of the first sheet.</li>
 *   <li>{@code summary <file.xlsx> <expected rows> <heap MiB> <seconds> <gc.log>}: one row of the table; exits 1 when
 *       the workbook has not the rows expected.</li>
 * </ul>
 */
public final class XlsxHeapProbe {

    static final String SUMMARY_HEADER = "| line items | heap | workbook rows (with header) | as expected | wall s"
            + " | peak heap before GC, MiB | peak heap after GC, MiB | GCs | file MiB |\n|---|---|---|---|---|---|---|---|---|";

    private XlsxHeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && "header".equals(args[0])) {
            System.out.println(SUMMARY_HEADER);
            return;
        }
        switch (args[0]) {
            case "prepare" -> ReconcileHeapProbe.main(args);
            case "rows" -> System.out.println(sheetRows(Path.of(args[1])));
            case "summary" -> {
                Path workbook = Path.of(args[1]);
                long expected = Long.parseLong(args[2]);
                long rows = sheetRows(workbook);
                HeapFigures.GcLog gc = HeapFigures.GcLog.read(Path.of(args[5]));
                System.out.println(String.join(" | ", "| " + (expected - 1), args[3] + "m", Long.toString(rows),
                        rows == expected ? "yes" : "NO", args[4], Integer.toString(gc.maxBeforeMib()),
                        Integer.toString(gc.maxAfterMib()), Integer.toString(gc.collections()),
                        String.format("%.1f", Files.size(workbook) / (1024.0 * 1024.0))) + " |");
                if (rows != expected) {
                    System.exit(1);
                }
            }
            default -> throw new IllegalArgumentException(
                    "usage: XlsxHeapProbe prepare <dir> <orders> | rows <file.xlsx> | summary <file.xlsx> <rows> <heap> <s> <gc.log> | header");
        }
    }

    /**
     * The {@code <row} elements of {@code xl/worksheets/sheet1.xml}, counted as the zip is inflated: a DOM or POI's
     * user model of a million rows would need the very heap the export is measured not to need.
     */
    static long sheetRows(Path workbook) throws IOException {
        // ZipFile, not ZipInputStream: POI's entries carry sizes only in data descriptors, which the latter rejects.
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            if (sheet == null) {
                throw new IOException(workbook + " has no xl/worksheets/sheet1.xml");
            }
            try (InputStream in = zip.getInputStream(sheet)) {
                return countRowElements(in);
            }
        }
    }

    static long countRowElements(InputStream in) throws IOException {
        byte[] tag = "<row".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buffer = new byte[1 << 16];
        long rows = 0;
        int matched = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (matched == tag.length) {
                    // "<row " or "<row>", never "<rows" or another element that starts alike.
                    if (b == ' ' || b == '>' || b == '/') {
                        rows++;
                    }
                    matched = 0;
                }
                matched = b == tag[matched] ? matched + 1 : b == tag[0] ? 1 : 0;
            }
        }
        return rows;
    }
}
