package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionCheck;
import dev.pcorders.domain.reconciliation.SubscriptionDetail;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.sandbox.ReconciliationPlan;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;

/**
 * The HTML report in a real browser: headless Chromium opened on the file, as a reviewer would double-click it. It
 * loads without a console error or any request but the file itself, shows the JSON report's numbers, and its table
 * sorts and filters. A screenshot and a PDF print of the page are left in {@code target/browser-test/} for a person
 * to look at.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; other paths through {@code PC_ORDERS_CHROMIUM} and {@code PC_ORDERS_CHROMEDRIVER}).
 * Without them the test is skipped, saying how to install them; CI installs them ({@code .ci/run}).
 */
@Timeout(300)
class ReconcileHtmlBrowserTest {

    private static final String INSTALL = "apt-get install chromium chromium-driver";
    private static final Path EVIDENCE = Path.of("target", "browser-test");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path folder;

    private static SandboxServer sandbox;
    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static JsonNode report;
    private static Path page;
    private static Path hostilePage;
    private static final String HOSTILE_ORDER = "<script>window.pwned = 'order'</script>";
    private static final String HOSTILE_OFFER = "\"><img src=x onerror=\"window.pwned = 'offer'\">";
    /** Why there is no browser to test in, if there is none: every test is then reported skipped with it. */
    private static Optional<String> noBrowser = Optional.empty();

    @BeforeAll
    // A class-level @Timeout covers the tests, not @BeforeAll: a sandbox or browser that hangs would hang the build.
    @Timeout(300)
    static void reportAndBrowser() throws IOException {
        Path chromium = Path.of(Optional.ofNullable(System.getenv("PC_ORDERS_CHROMIUM")).orElse("/usr/bin/chromium"));
        Path chromedriver = Path.of(Optional.ofNullable(System.getenv("PC_ORDERS_CHROMEDRIVER")).orElse("/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            noBrowser = Optional.of("SKIPPED: no headless Chromium to open the HTML report in (" + chromium + ", "
                    + chromedriver + "); install it with: " + INSTALL);
            return;
        }

        sandbox = Sandbox.start(SandboxSettings.defaults());
        String db = folder.resolve("cache.db").toString();
        Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "browser-test-token"), "--db", db, "sync", "--quiet",
                "--all-customers", "--resources", "orders,subscriptions", "--include-price", "--include-system-purchases",
                "--base-url", sandbox.baseUrl().toString());
        assertThat(sync.exitCode()).as("%s", sync).isZero();
        Path ledger = folder.resolve("partner-ledger.csv");
        sandbox.data().writePartnerLedgerCsv(ledger, ReconciliationPlan.of(2, true).withSubscriptionCases(true));
        Cli.Run json = Cli.run(Map.of(), "--db", db, "reconcile", "--ledger", ledger.toString(), "--format", "json");
        assertThat(json.exitCode()).as("%s", json).isEqualTo(ExitCodes.DISCREPANCIES);
        report = JSON.readTree(json.out());
        Files.createDirectories(EVIDENCE);
        page = EVIDENCE.resolve("reconcile-report.html").toAbsolutePath();
        Cli.Run html = Cli.run(Map.of(), "--db", db, "reconcile", "--ledger", ledger.toString(), "--format", "html",
                "--output", page.toString(), "--force");
        assertThat(html.exitCode()).as("%s", html).isEqualTo(ExitCodes.DISCREPANCIES);

        // Markup in the ledger, a file anyone may have edited: as an order reference (a discrepancy), and as an offer id
        // the reader refuses (a row in error quoting it).
        Path hostileLedger = folder.resolve("hostile-ledger.csv");
        String customer = sandbox.customerIds().get(0);
        String hostileRows = customer + "," + csvField(HOSTILE_ORDER) + ",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1,1.00,USD,\n"
                + customer + ",o-1," + csvField(HOSTILE_OFFER) + ",1,1.00,USD,\n";
        Files.writeString(hostileLedger, Files.readString(ledger) + hostileRows);
        hostilePage = EVIDENCE.resolve("reconcile-hostile.html").toAbsolutePath();
        Cli.Run hostile = Cli.run(Map.of(), "--db", db, "reconcile", "--ledger", hostileLedger.toString(), "--lenient",
                "--format", "html", "--output", hostilePage.toString(), "--force");
        assertThat(hostile.exitCode()).as("%s", hostile).isEqualTo(ExitCodes.DISCREPANCIES);

        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // No network here: everything that would reach out (updates, sync, QUIC probes, first-run pages) is off.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1400,1600",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
    }

    /** Each test on a freshly loaded page: no sort or filter left over from another. */
    @BeforeEach
    void open() {
        // Per test, not in @BeforeAll: there Surefire counts the class's tests neither run nor skipped.
        assumeTrue(noBrowser.isEmpty(), () -> noBrowser.get());
        // The logs so far are of the browser's own start page (chrome:// resources): only the report's load counts.
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(page.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void loadsWithNoConsoleErrorAndNoRequestButTheFileItself() throws IOException {
        assertThat(browser.executeScript("return document.readyState")).isEqualTo("complete");
        List<String> console = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
        assertThat(console).as("console messages").noneMatch(message -> message.startsWith("SEVERE"))
                .noneMatch(message -> message.contains("Content Security Policy"));

        List<String> requested = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                requested.add(message.path("params").path("request").path("url").asText());
            }
        }
        assertThat(requested).as("requests the page made").isNotEmpty().containsOnly(page.toUri().toString());
        // The script ran: it writes how many rows are shown.
        assertThat(browser.findElement(By.id("shown")).getText())
                .isEqualTo(report.get("discrepancies").size() + " of " + report.get("discrepancies").size() + " shown");
    }

    @Test
    void theSummaryShowsTheJsonReportsNumbers() {
        JsonNode summary = report.get("summary");
        for (String field : List.of("ledgerRowsRead", "matched", "discrepancies", "notCompared", "rowsOutsideWindow",
                "rowsInError")) {
            assertThat(browser.findElement(By.cssSelector("[data-field=" + field + "] .value")).getText()).as(field)
                    .isEqualTo(summary.get(field).asText());
        }
        summary.get("discrepanciesByKind").fields().forEachRemaining(kind -> assertThat(browser.findElement(
                By.cssSelector("li[data-kind=" + kind.getKey() + "] .count")).getText()).as(kind.getKey())
                .isEqualTo(kind.getValue().asText()));
        for (JsonNode totals : summary.get("totals")) {
            WebElement difference = browser.findElement(By.cssSelector(
                    "[data-field=difference][data-currency=" + totals.get("currency").asText() + "]"));
            assertThat(new BigDecimal(difference.getAttribute("data-amount")))
                    .isEqualByComparingTo(totals.get("difference").decimalValue());
            assertThat(difference.findElement(By.className("value")).getText()).endsWith(totals.get("currency").asText());
        }
        assertThat(browser.findElements(By.cssSelector("#chart-kinds g.row"))).hasSize(summary.get("discrepanciesByKind").size());
        // The sandbox's ledger bills several currencies: one chart of customers by amount at risk for each.
        List<WebElement> atRisk = browser.findElements(By.cssSelector("[id^=chart-at-risk-]"));
        assertThat(atRisk).isNotEmpty().allSatisfy(chart -> {
            assertThat(chart.findElements(By.cssSelector("g.row"))).isNotEmpty();
            assertThat(chart.findElement(By.tagName("h3")).getText()).startsWith("Top customers by amount at risk, ");
        });
    }

    @Test
    void theTableSortsWithinEachCustomerBothWays() {
        WebElement kindHeader = browser.findElement(By.cssSelector("#discrepancies thead th:nth-child(1)"));
        kindHeader.findElement(By.tagName("button")).click();
        assertThat(kindHeader.getAttribute("aria-sort")).isEqualTo("ascending");
        for (List<String> kinds : kindsPerCustomer()) {
            assertThat(kinds).isSorted();
        }
        kindHeader.findElement(By.tagName("button")).click();
        assertThat(kindHeader.getAttribute("aria-sort")).isEqualTo("descending");
        for (List<String> kinds : kindsPerCustomer()) {
            assertThat(kinds).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }

        WebElement rowsHeader = browser.findElement(By.cssSelector("#discrepancies thead th:nth-child(9)"));
        assertThat(rowsHeader.getText()).isEqualTo("Ledger rows");
        rowsHeader.findElement(By.tagName("button")).click();
        assertThat(kindHeader.getAttribute("aria-sort")).isNull();
        for (WebElement group : browser.findElements(By.cssSelector("#discrepancies tbody.customer"))) {
            List<Long> rows = group.findElements(By.cssSelector("tr:not(.group) td:nth-child(9)")).stream()
                    .map(cell -> Long.parseLong(cell.getText())).toList();
            assertThat(rows).isSorted();
        }
        // Sorting keeps every row and every group.
        assertThat(browser.findElements(By.cssSelector("#discrepancies tbody tr:not(.group)")))
                .hasSize(report.get("discrepancies").size());
    }

    @Test
    void theTableFiltersByKindAndByText() throws IOException {
        long seatMismatches = report.get("summary").get("discrepanciesByKind").get("SEAT_COUNT_MISMATCH").asLong();
        assertThat(seatMismatches).isPositive();
        browser.findElement(By.cssSelector("#kind-filter option[value=SEAT_COUNT_MISMATCH]")).click();
        List<WebElement> shown = visibleRows();
        assertThat(shown).hasSize((int) seatMismatches)
                .allSatisfy(row -> assertThat(row.getAttribute("data-kind")).isEqualTo("SEAT_COUNT_MISMATCH"));
        assertThat(browser.findElement(By.id("shown")).getText()).startsWith(seatMismatches + " of ");
        screenshot("reconcile-report-filtered.png");

        browser.findElement(By.cssSelector("#kind-filter option[value='']")).click();
        JsonNode first = report.get("discrepancies").get(0);
        String customer = first.get("customerId").asText();
        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys(customer);
        long ofCustomer = 0;
        for (JsonNode d : report.get("discrepancies")) {
            ofCustomer += d.get("customerId").asText().equals(customer) ? 1 : 0;
        }
        assertThat(visibleRows()).hasSize((int) ofCustomer);
        List<WebElement> groups = browser.findElements(By.cssSelector("#discrepancies tbody.customer")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(groups).singleElement().satisfies(group -> assertThat(group.getAttribute("data-customer")).isEqualTo(customer));

        filter.clear();
        filter.sendKeys("no such text anywhere");
        assertThat(visibleRows()).isEmpty();
        assertThat(browser.findElement(By.id("shown")).getText()).startsWith("0 of ");
        filter.clear();
        // clear() sends no input event; one keystroke and its deletion bring every row back through the filter.
        filter.sendKeys(" ");
        assertThat(visibleRows()).hasSize(report.get("discrepancies").size());
    }

    @Test
    void printsWithoutTheControlsAndLeavesAScreenshotAndAPdf() throws IOException {
        screenshot("reconcile-report.png");
        String pdf = browser.print(new PrintOptions()).getContent();
        Files.write(EVIDENCE.resolve("reconcile-report.pdf"), Base64.getDecoder().decode(pdf));
        assertThat(Files.size(EVIDENCE.resolve("reconcile-report.pdf"))).isPositive();

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.className("controls")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("discrepancies")).isDisplayed()).isTrue();
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void markupInTheLedgerIsShownAsTextAndNeverRuns() {
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(hostilePage.toUri().toString());

        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        List<WebElement> rows = browser.findElements(By.cssSelector("#discrepancies tr[data-kind=MISSING_IN_PARTNER_CENTER]"))
                .stream().filter(row -> row.findElement(By.cssSelector("td:nth-child(2)")).getText().equals(HOSTILE_ORDER))
                .toList();
        assertThat(rows).hasSize(1);
        assertThat(browser.findElement(By.id("row-errors")).getText()).contains(HOSTILE_OFFER);
        List<String> requested = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            if (entry.getMessage().contains("Network.requestWillBeSent")) {
                requested.add(entry.getMessage());
            }
        }
        assertThat(requested).hasSize(1).allSatisfy(request -> assertThat(request).contains("reconcile-hostile.html"));
    }

    /** One customer, prices and seat counts either side of 10: sorted as text, "10" would come before "9". */
    @Test
    void theLedgerAndPartnerCenterColumnsSortAsNumbers() throws IOException {
        CustomerId customer = CustomerId.parse("4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a");
        OfferId offer = OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF");
        List<Discrepancy> discrepancies = List.of(
                price(customer, offer, "o-1", "10.25", "12.30"),
                seats(customer, offer, "o-2", 10, 9),
                price(customer, offer, "o-3", "9.5", "9.80"),
                seats(customer, offer, "o-4", 9, 10),
                new Discrepancy(DiscrepancyKind.BILLED_BUT_CANCELLED, customer, "o-5", Optional.of(OrderId.of("o-5")),
                        Optional.empty(), offer, List.of(5L), 1, Optional.of("billed"), Optional.of("cancelled"),
                        "billed although the order is cancelled"));
        ReconciliationReport numbers = new ReconciliationReport(0, Map.of(), 0, List.of(), List.of(), discrepancies,
                new ReconciliationReport.Coverage(5, 0, 0), List.of(), new SubscriptionCheck(List.of(customer), List.of(),
                        List.of()));
        Path numbersPage = folder.resolve("numbers.html");
        try (java.io.PrintWriter out = new java.io.PrintWriter(Files.newBufferedWriter(numbersPage))) {
            HtmlReport.write(numbers, new HtmlReport.Run("cache.db", Path.of("ledger.csv"), "partner ledger",
                    Optional.empty(), Optional.empty(), java.time.Instant.parse("2025-02-03T04:05:06Z"), Map.of(), Map.of()),
                    out);
        }
        browser.get(numbersPage.toUri().toString());

        WebElement ledger = browser.findElement(By.cssSelector("#discrepancies thead th:nth-child(6)"));
        assertThat(ledger.getText()).isEqualTo("Ledger");
        ledger.findElement(By.tagName("button")).click();
        // Numbers by value, text ("billed") after them.
        assertThat(column(6)).containsExactly("9 seats", "9.5", "10 seats", "10.25", "billed");
        ledger.findElement(By.tagName("button")).click();
        assertThat(column(6)).containsExactly("billed", "10.25", "10 seats", "9.5", "9 seats");

        WebElement partnerCenter = browser.findElement(By.cssSelector("#discrepancies thead th:nth-child(7)"));
        assertThat(partnerCenter.getText()).isEqualTo("Partner Center");
        partnerCenter.findElement(By.tagName("button")).click();
        assertThat(column(7)).containsExactly("9 seats", "9.80", "10 seats", "12.30", "cancelled");
    }

    private static List<String> column(int column) {
        return browser.findElements(By.cssSelector("#discrepancies tbody tr:not(.group) td:nth-child(" + column + ")"))
                .stream().map(WebElement::getText).toList();
    }

    private static Discrepancy price(CustomerId customer, OfferId offer, String order, String ledger, String partnerCenter) {
        return new Discrepancy(DiscrepancyKind.PRICE_MISMATCH, customer, order, Optional.of(OrderId.of(order)),
                Optional.empty(), offer, List.of(1L), 1, Optional.of(ledger), Optional.of(partnerCenter),
                "the ledger's unit price differs");
    }

    private static Discrepancy seats(CustomerId customer, OfferId offer, String order, long ledger, long cached) {
        return new Discrepancy(DiscrepancyKind.SEAT_COUNT_MISMATCH, customer, order, Optional.of(OrderId.of(order)),
                Optional.empty(), offer, List.of(2L), 1, Optional.of(Long.toString(ledger)),
                Optional.of(Long.toString(cached)), "seats differ", Optional.of(new SubscriptionDetail("sub-" + order,
                        Optional.of("active"), Optional.of(cached), ledger)));
    }

    private static String csvField(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static List<List<String>> kindsPerCustomer() {
        List<List<String>> groups = new ArrayList<>();
        for (WebElement group : browser.findElements(By.cssSelector("#discrepancies tbody.customer"))) {
            groups.add(group.findElements(By.cssSelector("tr:not(.group)")).stream()
                    .map(row -> row.getAttribute("data-kind")).toList());
        }
        return groups;
    }

    private static List<WebElement> visibleRows() {
        return browser.findElements(By.cssSelector("#discrepancies tbody tr:not(.group)")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), EVIDENCE.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
