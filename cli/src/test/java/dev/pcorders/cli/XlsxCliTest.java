package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format xlsx}: workbooks read back with Apache POI, cell by cell, against the JSON of the same command. */
@Timeout(300)
class XlsxCliTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path folder;

    private static SandboxServer sandbox;
    private static Path ledger;

    @TempDir
    Path out;

    @BeforeAll
    // A class-level @Timeout covers the tests, not @BeforeAll: a sandbox or browser that hangs would hang the build.
    @Timeout(300)
    static void syncTheSandbox() throws IOException {
        sandbox = Sandbox.start(SandboxSettings.defaults());
        Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "xlsx-test-token"), "--db", db(), "sync", "--quiet",
                "--all-customers", "--resources", "orders,subscriptions", "--include-price", "--include-system-purchases",
                "--base-url", sandbox.baseUrl().toString());
        assertThat(sync.exitCode()).as("%s", sync).isZero();
        ledger = folder.resolve("partner-ledger.csv");
        sandbox.data().writePartnerLedgerCsv(ledger, ReconciliationPlan.of(1, true).withSubscriptionCases(true));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static String db() {
        return folder.resolve("cache.db").toString();
    }

    private static Cli.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db()));
        all.addAll(List.of(args));
        return Cli.run(Map.of(), all.toArray(String[]::new));
    }

    private static XSSFWorkbook read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static Map<String, Integer> columns(XSSFSheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(0)) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** Frozen below the header, filtered over every row, the header bold. */
    private static void assertHeaderFrozenAndFiltered(XSSFSheet sheet) {
        assertThat(sheet.getPaneInformation()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef())
                .endsWith(Integer.toString(Math.max(1, sheet.getLastRowNum() + 1)));
        assertThat(sheet.getWorkbook().getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
    }

    private static BigDecimal number(Cell cell) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    private static LocalDateTime dateTime(Cell cell) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as("cell %s is a date", cell.getAddress()).isTrue();
        return cell.getLocalDateTimeCellValue();
    }

    @Test
    void ordersListGivesOneRowPerLineItemWithTypedCells() throws IOException {
        JsonNode orders = JSON.readTree(run("orders", "list", "--format", "json").out());
        Path file = out.resolve("orders.xlsx");

        Cli.Run xlsx = run("orders", "list", "--format", "xlsx", "--output", file.toString());

        assertThat(xlsx.exitCode()).as("%s", xlsx).isZero();
        assertThat(xlsx.out()).isEmpty();
        try (XSSFWorkbook workbook = read(file)) {
            assertThat(sheetNames(workbook)).containsExactly("Orders");
            XSSFSheet sheet = workbook.getSheet("Orders");
            assertHeaderFrozenAndFiltered(sheet);
            Map<String, Integer> column = columns(sheet);
            int row = 1;
            for (JsonNode order : orders) {
                for (JsonNode item : order.get("lineItems")) {
                    Row cells = sheet.getRow(row++);
                    assertThat(cells.getCell(column.get("orderId")).getStringCellValue()).isEqualTo(order.get("id").asText());
                    assertThat(cells.getCell(column.get("customerId")).getStringCellValue())
                            .isEqualTo(order.get("referenceCustomerId").asText());
                    assertThat(dateTime(cells.getCell(column.get("creationDate (UTC)")))).isEqualTo(LocalDateTime.ofInstant(
                            OffsetDateTime.parse(order.get("creationDate").asText()).toInstant().truncatedTo(ChronoUnit.MILLIS),
                            ZoneOffset.UTC));
                    assertThat(number(cells.getCell(column.get("totalPrice"))))
                            .isEqualByComparingTo(order.get("totalPrice").decimalValue());
                    assertThat(number(cells.getCell(column.get("quantity")))).isEqualByComparingTo(item.get("quantity").decimalValue());
                    assertThat(number(cells.getCell(column.get("lineItemNumber"))))
                            .isEqualByComparingTo(item.get("lineItemNumber").decimalValue());
                    assertThat(cells.getCell(column.get("offerId")).getStringCellValue()).isEqualTo(item.get("offerId").asText());
                    String currency = order.get("currencyCode").asText();
                    String format = cells.getCell(column.get("totalPrice")).getCellStyle().getDataFormatString();
                    int decimals = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
                    assertThat(format).as(currency).startsWith(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals));
                }
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(row - 1);
        }
    }

    @Test
    void subscriptionsListHasNumbersDatesAndBooleans() throws IOException {
        JsonNode subscriptions = JSON.readTree(run("subscriptions", "list", "--format", "json").out());
        Path file = out.resolve("subscriptions.xlsx");

        Cli.Run xlsx = run("subscriptions", "list", "--format", "xlsx", "--output", file.toString());

        assertThat(xlsx.exitCode()).as("%s", xlsx).isZero();
        try (XSSFWorkbook workbook = read(file)) {
            assertThat(sheetNames(workbook)).containsExactly("Subscriptions");
            XSSFSheet sheet = workbook.getSheet("Subscriptions");
            assertHeaderFrozenAndFiltered(sheet);
            Map<String, Integer> column = columns(sheet);
            assertThat(sheet.getLastRowNum()).isEqualTo(subscriptions.size());
            for (int i = 0; i < subscriptions.size(); i++) {
                JsonNode subscription = subscriptions.get(i);
                Row cells = sheet.getRow(i + 1);
                assertThat(cells.getCell(column.get("id")).getStringCellValue()).isEqualTo(subscription.get("id").asText());
                assertThat(number(cells.getCell(column.get("quantity")))).isEqualByComparingTo(subscription.get("quantity").decimalValue());
                assertThat(dateTime(cells.getCell(column.get("creationDate (UTC)")))).isEqualTo(LocalDateTime.ofInstant(
                        Instant.parse(subscription.get("creationDate").asText()).truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
                if (subscription.has("autoRenewEnabled")) {
                    Cell renew = cells.getCell(column.get("autoRenewEnabled"));
                    assertThat(renew.getCellType()).isEqualTo(CellType.BOOLEAN);
                    assertThat(renew.getBooleanCellValue()).isEqualTo(subscription.get("autoRenewEnabled").asBoolean());
                }
                assertThat(cells.getCell(column.get("status")).getStringCellValue()).isEqualTo(subscription.get("status").asText());
            }
        }
    }

    @Test
    void reconcileGivesOneSheetPerPartWithTheJsonReportsFigures() throws IOException {
        JsonNode report = JSON.readTree(run("reconcile", "--ledger", ledger.toString(), "--format", "json").out());
        Path file = out.resolve("reconcile.xlsx");

        Cli.Run xlsx = run("reconcile", "--ledger", ledger.toString(), "--format", "xlsx", "--output", file.toString());

        assertThat(xlsx.exitCode()).as("%s", xlsx).isEqualTo(ExitCodes.DISCREPANCIES);
        try (XSSFWorkbook workbook = read(file)) {
            assertThat(sheetNames(workbook)).containsExactly("Summary", "Discrepancies", "Subscription discrepancies", "Totals");
            workbook.forEach(sheet -> assertHeaderFrozenAndFiltered((XSSFSheet) sheet));

            JsonNode summary = report.get("summary");
            Map<String, BigDecimal> figures = new HashMap<>();
            for (Row row : workbook.getSheet("Summary")) {
                if (row.getRowNum() > 0) {
                    figures.put(row.getCell(0).getStringCellValue(), number(row.getCell(1)));
                }
            }
            for (String field : List.of("ledgerRowsRead", "matched", "discrepancies", "notCompared", "rowsOutsideWindow",
                    "rowsInError")) {
                assertThat(figures.get(field)).as(field).isEqualByComparingTo(summary.get(field).decimalValue());
            }
            summary.get("discrepanciesByKind").fields().forEachRemaining(kind ->
                    assertThat(figures.get(kind.getKey())).as(kind.getKey()).isEqualByComparingTo(kind.getValue().decimalValue()));

            List<JsonNode> orderLevel = new ArrayList<>();
            List<JsonNode> subscriptionLevel = new ArrayList<>();
            report.get("discrepancies").forEach(d -> (d.has("subscriptionId") ? subscriptionLevel : orderLevel).add(d));
            int[] typedValues = {0};
            XSSFSheet discrepancies = workbook.getSheet("Discrepancies");
            assertThat(discrepancies.getLastRowNum()).isEqualTo(orderLevel.size());
            Map<String, Integer> column = columns(discrepancies);
            for (int i = 0; i < orderLevel.size(); i++) {
                JsonNode d = orderLevel.get(i);
                Row cells = discrepancies.getRow(i + 1);
                assertThat(cells.getCell(column.get("kind")).getStringCellValue()).isEqualTo(d.get("kind").asText());
                assertThat(cells.getCell(column.get("orderId")).getStringCellValue()).isEqualTo(d.get("orderId").asText());
                assertThat(number(cells.getCell(column.get("ledgerRows")))).isEqualByComparingTo(d.get("ledgerRows").decimalValue());
                assertThat(cells.getCell(column.get("message")).getStringCellValue()).isEqualTo(d.get("message").asText());
                for (String value : List.of("expected", "actual")) {
                    Cell cell = cells.getCell(column.get(value));
                    if (!d.has(value)) {
                        assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(value).isTrue();
                    } else if (d.get(value).asText().matches("-?[0-9]+(\\.[0-9]+)?")) {
                        assertThat(number(cell)).as(value).isEqualByComparingTo(new BigDecimal(d.get(value).asText()));
                        typedValues[0]++;
                    } else {
                        assertThat(cell.getStringCellValue()).as(value).isEqualTo(d.get(value).asText());
                    }
                }
            }
            // The sandbox's ledger has quantity and price mismatches: their values are numbers a spreadsheet sums.
            assertThat(typedValues[0]).isPositive();
            XSSFSheet subscriptions = workbook.getSheet("Subscription discrepancies");
            assertThat(subscriptions.getLastRowNum()).isEqualTo(subscriptionLevel.size());
            Map<String, Integer> subscriptionColumn = columns(subscriptions);
            for (int i = 0; i < subscriptionLevel.size(); i++) {
                JsonNode d = subscriptionLevel.get(i);
                Row cells = subscriptions.getRow(i + 1);
                assertThat(cells.getCell(subscriptionColumn.get("subscriptionId")).getStringCellValue())
                        .isEqualTo(d.get("subscriptionId").asText());
                assertThat(number(cells.getCell(subscriptionColumn.get("ledgerQuantity"))))
                        .isEqualByComparingTo(d.get("ledgerQuantity").decimalValue());
            }

            XSSFSheet totals = workbook.getSheet("Totals");
            Map<String, Integer> totalsColumn = columns(totals);
            assertThat(totals.getLastRowNum()).isEqualTo(summary.get("totals").size());
            for (int i = 0; i < summary.get("totals").size(); i++) {
                JsonNode currency = summary.get("totals").get(i);
                Row cells = totals.getRow(i + 1);
                assertThat(cells.getCell(0).getStringCellValue()).isEqualTo(currency.get("currency").asText());
                for (String figure : List.of("ledger", "partnerCenter", "difference", "residue")) {
                    assertThat(number(cells.getCell(totalsColumn.get(figure)))).as(figure)
                            .isEqualByComparingTo(currency.get(figure).decimalValue());
                }
            }
        }
    }

    @Test
    void theNotesTheTableGivesBesideTheReportAreOnASheetOfTheirOwn() throws IOException {
        String customer = sandbox.customerIds().get(0);
        // A ledger without a subscription_id column, for a customer with cached subscriptions: they cannot be checked.
        Path orderOnly = out.resolve("order-only-ledger.csv");
        Files.writeString(orderOnly, "customer_id,order_id,offer_id,quantity\n"
                + customer + ",no-such-order,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1\n");
        Cli.Run table = run("reconcile", "--ledger", orderOnly.toString());
        assertThat(table.out()).contains(ReportOutput.NO_SUBSCRIPTIONS_IN_LEDGER_HINT);
        Path file = out.resolve("notes.xlsx");

        Cli.Run xlsx = run("reconcile", "--ledger", orderOnly.toString(), "--format", "xlsx", "--output", file.toString());

        assertThat(xlsx.exitCode()).as("%s", xlsx).isEqualTo(ExitCodes.DISCREPANCIES);
        try (XSSFWorkbook workbook = read(file)) {
            assertThat(sheetNames(workbook)).endsWith("Notes");
            XSSFSheet notes = workbook.getSheet("Notes");
            assertHeaderFrozenAndFiltered(notes);
            assertThat(notes.getLastRowNum()).isEqualTo(1);
            assertThat(notes.getRow(1).getCell(0).getStringCellValue())
                    .startsWith("no ledger row of 1 customer(s) with cached subscriptions names a subscription")
                    .endsWith(ReportOutput.NO_SUBSCRIPTIONS_IN_LEDGER_HINT);
            assertThat(notes.getRow(1).getCell(1).getStringCellValue()).isEqualTo(customer);
        }
    }

    @Test
    void xlsxNeedsOutputAndOnlyTheListingsAndReconcilePrintIt() {
        Cli.Run toStdout = run("orders", "list", "--format", "xlsx");
        assertThat(toStdout.exitCode()).as("%s", toStdout).isEqualTo(ExitCodes.USAGE);
        assertThat(toStdout.err()).contains("xlsx").contains("--output");
        assertThat(toStdout.out()).isEmpty();

        Cli.Run customers = run("customers", "list", "--format", "xlsx", "--output", out.resolve("c.xlsx").toString());
        assertThat(customers.exitCode()).as("%s", customers).isEqualTo(ExitCodes.USAGE);
        assertThat(customers.err()).contains("customers list does not print xlsx");
        assertThat(out.resolve("c.xlsx")).doesNotExist();
    }

    @Test
    void amountsKeepTheirCurrencysDecimalsAndWhatADoubleCannotHoldStaysExactAsText() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XlsxWorkbook workbook = new XlsxWorkbook()) {
            XlsxWorkbook.Sheet sheet = workbook.sheet("Amounts", List.of("amount"), List.of(20));
            sheet.row().money(Optional.of(new BigDecimal("1234.5")), Optional.of("USD"));
            sheet.row().money(Optional.of(new BigDecimal("1500")), Optional.of("JPY"));
            sheet.row().money(Optional.of(new BigDecimal("0.125")), Optional.of("USD"));
            sheet.row().money(Optional.of(new BigDecimal("12345678901234567890.12")), Optional.of("USD"));
            sheet.row().text("=HYPERLINK(\"http://example.invalid\")");
            // 16 significant digits: a double holds them, Excel shows 15 (1,234,567,890.123460), so text it is.
            sheet.row().money(Optional.of(new BigDecimal("1234567890.123456")), Optional.of("USD"));
            // 15 exactly, trailing zeros aside: still a number.
            sheet.row().money(Optional.of(new BigDecimal("1234567890.12345000")), Optional.of("USD"));
            sheet.finish();
            workbook.write(bytes);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet("Amounts");
            assertThat(number(sheet.getRow(1).getCell(0))).isEqualByComparingTo("1234.5");
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.000");
            assertThat(sheet.getRow(4).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("12345678901234567890.12");
            // Text is text: a cell that looks like a formula is not one.
            assertThat(sheet.getRow(5).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(6).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("1234567890.123456");
            assertThat(number(sheet.getRow(7).getCell(0))).isEqualByComparingTo("1234567890.12345");
            assertThat(sheet.getRow(7).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00000");
        }
    }

    @Test
    void rowsBeyondWhatASheetHoldsGoOnInFurtherSheetsWithTheSameHeader() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Three data rows a sheet stands in for Excel's 1,048,575: the same code path, without a million rows.
        try (XlsxWorkbook workbook = new XlsxWorkbook(3)) {
            XlsxWorkbook.Sheet orders = workbook.sheet("Orders", List.of("n", "name"), List.of(8, 20));
            for (int n = 1; n <= 7; n++) {
                orders.row().number(n).text("row " + n);
            }
            orders.finish();
            XlsxWorkbook.Sheet long_ = workbook.sheet("Subscription discrepancies", List.of("n"), List.of(8));
            for (int n = 1; n <= 4; n++) {
                long_.row().number(n);
            }
            long_.finish();
            workbook.write(bytes);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(sheetNames(workbook)).containsExactly("Orders", "Orders (2)", "Orders (3)",
                    "Subscription discrepancies", "Subscription discrepancies (2)");
            List<Long> numbers = new ArrayList<>();
            for (String name : List.of("Orders", "Orders (2)", "Orders (3)")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertHeaderFrozenAndFiltered(sheet);
                assertThat(columns(sheet)).isEqualTo(Map.of("n", 0, "name", 1));
                assertThat(sheet.getLastRowNum()).as(name).isEqualTo(name.equals("Orders (3)") ? 1 : 3);
                for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                    long n = number(sheet.getRow(row).getCell(0)).longValueExact();
                    assertThat(sheet.getRow(row).getCell(1).getStringCellValue()).isEqualTo("row " + n);
                    numbers.add(n);
                }
            }
            // Every row once, in order, across the sheets.
            assertThat(numbers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertHeaderFrozenAndFiltered(workbook.getSheet("Subscription discrepancies (2)"));
            assertThat(workbook.getSheet("Subscription discrepancies (2)").getLastRowNum()).isEqualTo(1);
        }
        assertThat(XlsxWorkbook.MAX_DATA_ROWS).isEqualTo(1_048_575);
    }

    @Test
    void expectedAndActualAreNumbersWhenTheyReadAsNumbersAndTextOtherwise() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XlsxWorkbook workbook = new XlsxWorkbook()) {
            XlsxWorkbook.Sheet sheet = workbook.sheet("Values", List.of("value"), List.of(20));
            for (String value : List.of("12.30", "12.3456", "10", "billed", "1234567890.123456", "")) {
                sheet.row().numberOrText(value.isEmpty() ? Optional.empty() : Optional.of(value));
            }
            sheet.finish();
            workbook.write(bytes);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet("Values");
            assertThat(number(sheet.getRow(1).getCell(0))).isEqualByComparingTo("12.30");
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(number(sheet.getRow(2).getCell(0))).isEqualByComparingTo("12.3456");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0000");
            assertThat(number(sheet.getRow(3).getCell(0))).isEqualByComparingTo("10");
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(sheet.getRow(4).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("billed");
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("1234567890.123456");
            assertThat(sheet.getRow(6).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
        }
    }
}
