package dev.pcorders.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook written as it is filled: Apache POI's SXSSF keeps a window of rows in memory and streams the rest to a
 * compressed temporary file, so a listing of any size is written in constant memory, past the 1,048,575 rows a sheet
 * holds on further sheets of the same columns. Every sheet has a bold, frozen header row with an autofilter; numbers,
 * amounts, dates and booleans are real cells of their type, text is text (never a formula, whatever it starts with, so
 * spreadsheet injection has nothing to run).
 *
 * <p>An amount is a number cell shown in its currency's decimals (ISO 4217: JPY 0, USD 2), or in more when it has more,
 * so nothing is hidden. A spreadsheet number is a binary double of which Excel shows 15 significant digits: an amount
 * with more, or one a double cannot hold exactly, is written as text with every digit rather than silently rounded.
 * Date-times are in UTC, to the millisecond (JSON and CSV keep the instant as Partner Center sent it).
 */
final class XlsxWorkbook implements AutoCloseable {

    /** Rows kept in memory per sheet before they are flushed to the temporary file. */
    private static final int WINDOW = 200;
    /** Significant digits Excel keeps of a number, and shows. */
    private static final int EXCEL_DIGITS = 15;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    /** Excel's limit for one cell's text. */
    private static final int MAX_TEXT = 32_767;

    /** Data rows of one sheet: Excel's 1,048,576 rows less the header. */
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
    /** Excel's limit for a sheet's name. */
    private static final int MAX_SHEET_NAME = 31;

    private final int maxDataRows;
    private final SXSSFWorkbook workbook;
    private final DataFormat formats;
    private final CellStyle header;
    private final CellStyle integer;
    private final CellStyle dateTime;
    private final CellStyle exactText;
    private final Map<Integer, CellStyle> moneyByDecimals = new HashMap<>();

    XlsxWorkbook() {
        this(MAX_DATA_ROWS);
    }

    /** {@code maxDataRows} per sheet before the rows go on in another; fewer than Excel's only in tests. */
    XlsxWorkbook(int maxDataRows) {
        if (maxDataRows < 1 || maxDataRows > MAX_DATA_ROWS) {
            throw new IllegalArgumentException("rows per sheet: 1 to " + MAX_DATA_ROWS + ", got " + maxDataRows);
        }
        this.maxDataRows = maxDataRows;
        try {
            // Its streamed rows in a folder removed at shutdown: a run ended by a signal never reaches close().
            TemporaryFiles.poiFilesInOwnFolder();
        } catch (IOException noFolder) {
            throw new UncheckedIOException("could not create a folder for the workbook's temporary files", noFolder);
        }
        workbook = new SXSSFWorkbook(WINDOW);
        formats = workbook.createDataFormat();
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        integer = style("0");
        dateTime = style("yyyy-mm-dd hh:mm:ss");
        exactText = workbook.createCellStyle();
        exactText.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
    }

    private CellStyle style(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        return style;
    }

    /**
     * A new sheet with its header row written, frozen and filtered; widths in characters, one per column. Rows beyond
     * what one sheet holds go on in "NAME (2)", "NAME (3)", ..., each with the same header, freeze and filter.
     */
    Sheet sheet(String name, List<String> headers, List<Integer> widths) {
        return new Sheet(name, headers, widths);
    }

    private SXSSFSheet newSheet(String name, List<String> headers, List<Integer> widths) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int column = 0; column < headers.size(); column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(headers.get(column));
            cell.setCellStyle(header);
            sheet.setColumnWidth(column, Math.min(255, widths.get(column)) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            // The streamed rows' temporary files, also when the workbook was never written (a failure part-way).
            workbook.dispose();
        }
    }

    /** One sheet, filled row by row, and as many more of the same as its rows need. */
    final class Sheet {
        private final String name;
        private final List<String> headers;
        private final List<Integer> widths;
        private SXSSFSheet current;
        private int part = 1;
        private int rows = 1;

        private Sheet(String name, List<String> headers, List<Integer> widths) {
            this.name = name;
            this.headers = List.copyOf(headers);
            this.widths = List.copyOf(widths);
            this.current = newSheet(name, headers, widths);
        }

        Cells row() {
            if (rows > maxDataRows) {
                filter();
                part++;
                String suffix = " (" + part + ")";
                current = newSheet(name.substring(0, Math.min(name.length(), MAX_SHEET_NAME - suffix.length())) + suffix,
                        headers, widths);
                rows = 1;
            }
            return new Cells(current.createRow(rows++));
        }

        /** The autofilter over every row written; the header stays frozen. */
        void finish() {
            filter();
        }

        private void filter() {
            current.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, headers.size() - 1));
        }
    }

    /** The cells of one row, left to right; an absent value leaves its cell empty. */
    final class Cells {
        private final Row row;
        private int column;

        private Cells(Row row) {
            this.row = row;
        }

        Cells text(String value) {
            Cell cell = row.createCell(column++);
            if (!value.isEmpty()) {
                cell.setCellValue(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT - 1) + "\u2026" : value);
            }
            return this;
        }

        Cells text(Optional<?> value) {
            return text(value.map(Object::toString).orElse(""));
        }

        Cells number(long value) {
            Cell cell = row.createCell(column++);
            cell.setCellValue(value);
            cell.setCellStyle(integer);
            return this;
        }

        Cells number(Optional<? extends Number> value) {
            if (value.isEmpty()) {
                return blank();
            }
            return number(value.get().longValue());
        }

        Cells bool(Optional<Boolean> value) {
            Cell cell = row.createCell(column++);
            value.ifPresent(cell::setCellValue);
            return this;
        }

        Cells dateTime(Optional<Instant> value) {
            Cell cell = row.createCell(column++);
            if (value.isPresent()) {
                // A spreadsheet date is a fraction of a day in a double: to the millisecond is what it holds reliably.
                cell.setCellValue(LocalDateTime.ofInstant(value.get().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
                cell.setCellStyle(dateTime);
            }
            return this;
        }

        /** An amount in {@code currency}'s decimals, or as many as it has; a code the JDK does not know keeps its own. */
        Cells money(Optional<BigDecimal> value, Optional<String> currency) {
            Cell cell = row.createCell(column++);
            if (value.isEmpty()) {
                return this;
            }
            BigDecimal amount = value.get();
            if (!fitsADouble(amount)) {
                cell.setCellValue(amount.toPlainString());
                cell.setCellStyle(exactText);
                return this;
            }
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(moneyStyle(currency.map(code -> CurrencyDecimals.shown(amount, code))
                    .orElse(CurrencyDecimals.ownDecimals(amount))));
            return this;
        }

        /**
         * A value that is a number when it reads as one (a quantity, a unit price as the ledger or Partner Center gave
         * it), text otherwise ("billed", a status). A whole number is an integer cell; a decimal one keeps the decimals
         * it was written with (12.30 stays 12.30), and text keeps what a spreadsheet could not show exactly.
         */
        Cells numberOrText(Optional<String> value) {
            if (value.isEmpty()) {
                return blank();
            }
            BigDecimal number;
            try {
                number = new BigDecimal(value.get().strip());
            } catch (NumberFormatException text) {
                return text(value.get());
            }
            if (number.scale() <= 0 && number.compareTo(LONG_MAX) <= 0 && number.compareTo(LONG_MIN) >= 0
                    && number.precision() - number.scale() <= EXCEL_DIGITS) {
                return number(number.longValueExact());
            }
            Cell cell = row.createCell(column++);
            if (!fitsADouble(number)) {
                cell.setCellValue(number.toPlainString());
                cell.setCellStyle(exactText);
                return this;
            }
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(moneyStyle(Math.max(0, number.scale())));
            return this;
        }

        Cells blank() {
            row.createCell(column++);
            return this;
        }
    }

    /**
     * Whether a spreadsheet shows the amount as it is: Excel keeps 15 significant digits of a number (a double holds
     * about 17, so a round trip through {@link Double#toString} is not enough: 1234567890.123456 would show as
     * 1,234,567,890.123460).
     */
    static boolean fitsADouble(BigDecimal amount) {
        if (amount.stripTrailingZeros().precision() > EXCEL_DIGITS) {
            return false;
        }
        double number = amount.doubleValue();
        return !Double.isInfinite(number) && new BigDecimal(Double.toString(number)).compareTo(amount) == 0;
    }

    private CellStyle moneyStyle(int decimals) {
        return moneyByDecimals.computeIfAbsent(decimals,
                places -> style(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places)));
    }
}
