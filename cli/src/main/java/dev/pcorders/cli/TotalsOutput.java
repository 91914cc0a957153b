package dev.pcorders.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pcorders.domain.reconciliation.CurrencyTotals;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A reconciliation's per-currency tie-out in the three formats. JSON and CSV keep every decimal as summed;
 * the table rounds to the currency's own decimals (ISO 4217, as {@link java.util.Currency} knows them, through {@link CurrencyDecimals}) with grouping.
 */
final class TotalsOutput {

    private TotalsOutput() {
    }

    /** The fields {@code totals}, {@code notComparedTotals} and the coverage counts, inside the open summary object. */
    static void json(ReconciliationReport report, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("totals");
        for (CurrencyTotals totals : report.totals()) {
            json.writeStartObject();
            json.writeStringField("currency", totals.currency().toString());
            json.writeNumberField("ledger", totals.ledger());
            json.writeNumberField("partnerCenter", totals.partnerCenter());
            json.writeNumberField("difference", totals.difference());
            json.writeObjectFieldStart("byKind");
            for (Map.Entry<DiscrepancyKind, BigDecimal> part : totals.byKind().entrySet()) {
                json.writeNumberField(part.getKey().name(), part.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("residue", totals.residue());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notComparedTotals");
        for (CurrencyTotals totals : report.totals()) {
            if (totals.notCompared().signum() != 0 || totals.outsideWindow().signum() != 0) {
                json.writeStartObject();
                json.writeStringField("currency", totals.currency().toString());
                json.writeNumberField("notCompared", totals.notCompared());
                json.writeNumberField("outsideWindow", totals.outsideWindow());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeNumberField("ledgerRowsRead", report.coverage().ledgerRowsRead());
        json.writeNumberField("rowsWithoutAmount", report.coverage().rowsWithoutAmount());
        json.writeNumberField("cachedLinesWithoutAmount", report.coverage().cachedLinesWithoutAmount());
    }

    /** One row per currency, after the discrepancies and an empty line. */
    static void csv(ReconciliationReport report, SpreadsheetCsv csv) {
        List<String> header = new ArrayList<>(List.of("currency", "ledger", "partnerCenter", "difference"));
        DiscrepancyKind.orderLevel().stream().map(DiscrepancyKind::name).forEach(header::add);
        header.addAll(List.of("residue", "notCompared", "outsideWindow"));
        csv.emptyLine();
        csv.row(header);
        for (CurrencyTotals totals : report.totals()) {
            List<String> row = new ArrayList<>(List.of(totals.currency().toString(), plain(totals.ledger()),
                    plain(totals.partnerCenter()), plain(totals.difference())));
            totals.byKind().values().forEach(amount -> row.add(plain(amount)));
            row.addAll(List.of(plain(totals.residue()), plain(totals.notCompared()), plain(totals.outsideWindow())));
            csv.row(row);
        }
    }

    static void table(ReconciliationReport report, PrintWriter out) {
        if (report.totals().isEmpty()) {
            return;
        }
        out.println();
        out.println("Totals (rounded to each currency's decimals; --format json or csv gives them exactly):");
        TextTable table = new TextTable(List.of("CURRENCY", "FIGURE", "AMOUNT"), false, false, true);
        for (CurrencyTotals totals : report.totals()) {
            String code = totals.currency().toString();
            table.add(List.of(code, "ledger: compared rows", money(totals.ledger(), code)));
            table.add(List.of(code, "Partner Center: cached lines", money(totals.partnerCenter(), code)));
            table.add(List.of(code, "difference", money(totals.difference(), code)));
            totals.byKind().forEach((kind, amount) -> {
                if (amount.signum() != 0) {
                    table.add(List.of(code, "  " + kind.name(), money(amount, code)));
                }
            });
            if (totals.residue().signum() != 0) {
                table.add(List.of(code, "  explained by no kind (residue)", money(totals.residue(), code)));
            }
            if (totals.notCompared().signum() != 0) {
                table.add(List.of(code, "not compared (charge types)", money(totals.notCompared(), code)));
            }
            if (totals.outsideWindow().signum() != 0) {
                table.add(List.of(code, "outside the window", money(totals.outsideWindow(), code)));
            }
        }
        table.print(out);
        ReconciliationReport.Coverage coverage = report.coverage();
        if (coverage.rowsWithoutAmount() > 0 || coverage.cachedLinesWithoutAmount() > 0) {
            out.println("Not in the totals: " + coverage.rowsWithoutAmount() + " compared ledger rows without a unit price or "
                    + "currency, " + coverage.cachedLinesWithoutAmount() + " cached lines without a price or currency");
        }
    }

    /** In the currency's own decimals with grouping (JPY 0, USD 2); a code the JDK does not know keeps its decimals. */
    static String money(BigDecimal amount, String currencyCode) {
        int scale = CurrencyDecimals.of(currencyCode).orElse(Math.max(amount.scale(), 0));
        return String.format(Locale.ROOT, "%,." + scale + "f", amount);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
