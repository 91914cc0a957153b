package dev.pcorders.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxServer;
import dev.pcorders.sandbox.SandboxSettings;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cells a spreadsheet would run as formulas (OWASP CSV injection) are neutralised in every CSV; JSON keeps them as they are. */
class SpreadsheetSafeCsvCliTest {

    private static final String CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
    private static final String OFFER = "CFQ7TTC0LH18:0001:CFQ7TTC0K5BF";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static List<NamedCsvRecord> rows(String csv) {
        return CsvReader.builder().ofNamedCsvRecord(csv).stream().toList();
    }

    /** The reconcile CSV's two tables: the discrepancies, and after an empty line the totals. */
    private static List<String> tables(String csv) {
        List<String> lines = csv.lines().toList();
        int blank = lines.indexOf("");
        return List.of(String.join("\n", lines.subList(0, blank)), String.join("\n", lines.subList(blank + 1, lines.size())));
    }

    @Test
    void reconcileCsvNeutralisesFormulaCellsAndKeepsNumbers() throws IOException {
        String db = folder.resolve("cache.db").toString();
        Path ledger = Files.write(folder.resolve("ledger.csv"), List.of("customer_id,order_id,offer_id,quantity,unit_price,currency",
                CUSTOMER + ",\"=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"," + OFFER + ",1,2.00,USD",
                CUSTOMER + ",@SUM(A1)," + OFFER + ",-30,2.00,USD",
                CUSTOMER + ",+1-1," + OFFER + ",2,2.00,USD",
                CUSTOMER + ",-2+3," + OFFER + ",2,2.00,USD",
                CUSTOMER + ",plain-order," + OFFER + ",2,2.00,USD"));
        // A cache of another customer: every row of the ledger's customer is missing in Partner Center.
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(1))) {
            Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "csv-test-token"), "--db", db, "sync", "--quiet",
                    "--base-url", sandbox.baseUrl().toString(), "--customer", sandbox.customerIds().get(0));
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
        }

        Cli.Run csv = Cli.run(Map.of(), "--db", db, "reconcile", "--ledger", ledger.toString(), "--format", "csv");
        Cli.Run json = Cli.run(Map.of(), "--db", db, "reconcile", "--ledger", ledger.toString(), "--format", "json");

        assertThat(csv.exitCode()).as(csv.toString()).isEqualTo(1);
        String discrepancies = tables(csv.out()).get(0);
        assertThat(rows(discrepancies)).extracting(row -> row.getField("orderId")).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://evil.example\",\"open\")", "'@SUM(A1)", "'+1-1", "'-2+3", "plain-order");
        assertThat(rows(discrepancies)).extracting(row -> row.getField("expected")).contains("-30", "2");
        assertThat(JSON.readTree(json.out()).get("discrepancies").findValuesAsText("orderId")).contains(
                "=HYPERLINK(\"http://evil.example\",\"open\")", "@SUM(A1)", "+1-1", "-2+3");
        // The totals table of the same file keeps its negative amounts as numbers.
        assertThat(tables(csv.out()).get(1)).contains("USD,-46.00,0,-46.00,").doesNotContain("'");
    }

    @Test
    @Timeout(60)
    void ordersListCsvNeutralisesFormulaCellsFromPartnerCenter() throws IOException {
        String order = """
                {"id":"o-formula","referenceCustomerId":"%s","billingCycle":"monthly","currencyCode":"USD",
                 "lineItems":[{"lineItemNumber":0,"offerId":"%s","friendlyName":"=cmd|' /C calc'!A0","quantity":1},
                              {"lineItemNumber":1,"offerId":"%s","friendlyName":"\\tTabbed","quantity":2}],
                 "creationDate":"2025-03-14T09:26:53Z","status":"completed","attributes":{"objectType":"Order"}}
                """.formatted(CUSTOMER, OFFER, OFFER);
        WireMockServer partnerCenter = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        partnerCenter.start();
        try {
            partnerCenter.stubFor(get(urlPathEqualTo("/v1/customers/" + CUSTOMER + "/orders"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"totalCount\":1,\"items\":[" + order + "],\"attributes\":{\"objectType\":\"Collection\"}}")));
            String db = folder.resolve("cache.db").toString();
            Cli.Run sync = Cli.run(Map.of("PC_ORDERS_ACCESS_TOKEN", "csv-test-token"), "--db", db, "sync", "--quiet",
                    "--base-url", "http://127.0.0.1:" + partnerCenter.port(), "--customer", CUSTOMER);
            assertThat(sync.exitCode()).as(sync.toString()).isZero();

            Cli.Run csv = Cli.run(Map.of(), "--db", db, "orders", "list", "--format", "csv");
            JsonNode json = JSON.readTree(Cli.run(Map.of(), "--db", db, "orders", "list", "--format", "json").out());

            assertThat(rows(csv.out())).extracting(row -> row.getField("friendlyName"))
                    .containsExactly("'=cmd|' /C calc'!A0", "'\tTabbed");
            assertThat(rows(csv.out())).extracting(row -> row.getField("quantity")).containsExactly("1", "2");
            assertThat(json.findValuesAsText("friendlyName")).containsExactly("=cmd|' /C calc'!A0", "\tTabbed");
        } finally {
            partnerCenter.stop();
        }
    }
}
