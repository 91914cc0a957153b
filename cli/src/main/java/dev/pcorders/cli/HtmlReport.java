package dev.pcorders.cli;

import dev.pcorders.domain.reconciliation.CurrencyTotals;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionCheck;
import dev.pcorders.domain.reconciliation.SubscriptionDetail;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A reconciliation as one self-contained HTML page for people: to read on a laptop, filter and sort, print, and send
 * on. Everything is inline (CSS, the charts as SVG drawn here, a little script) and a Content-Security-Policy forbids
 * any fetch, so the page works offline and shows the same wherever it is opened.
 *
 * <p>Every value comes from a ledger or from Partner Center, which anyone who can place an order or hand over a ledger
 * can write into. The table is rendered here, escaped ({@link #escape}); the script only sorts and filters rows that
 * are already there and reads no data of its own, so no value is ever placed into a script. The script and the style
 * are allowed by their hashes, not by {@code 'unsafe-inline'}: markup that slipped through escaping still could not run.
 */
final class HtmlReport {

    /** What the run was: shown in the header, so a printed page says what it was made from. */
    record Run(String cache, Path ledger, String ledgerFormat, Optional<LocalDate> from, Optional<LocalDate> to,
               Instant generated, Map<CustomerId, String> customerNames, Map<String, String> offerNames) {

        Run {
            customerNames = Map.copyOf(customerNames);
            offerNames = Map.copyOf(offerNames);
        }

        Optional<String> customerName(CustomerId customer) {
            return Optional.ofNullable(customerNames.get(customer)).filter(name -> !name.equals(customer.toString()));
        }

        Optional<String> offerName(String offerId) {
            return Optional.ofNullable(offerNames.get(offerKey(offerId)));
        }

        static String offerKey(String offerId) {
            return offerId.toUpperCase(Locale.ROOT);
        }
    }

    /** The customers a chart names at most: more bars would not fit a printed page. */
    static final int TOP_CUSTOMERS = 10;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            :root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee8; --bg: #f5f7fb; --card: #fff;
                    --bad: #b42318; --good: #067647; --accent: #2f5bd3; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                   color: var(--ink); background: var(--bg); }
            main { max-width: 1280px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 22px; margin: 0 0 8px; }
            h2 { font-size: 17px; margin: 28px 0 10px; }
            .run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; color: var(--muted); }
            .run dt { font-weight: 600; } .run dd { margin: 0; overflow-wrap: anywhere; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; margin-bottom: 12px; }
            .cards.wide { grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); align-items: start; }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
            .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .card .value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
            .card.money .value { font-size: 21px; white-space: nowrap; }
            .card.bad .value { color: var(--bad); } .card.good .value { color: var(--good); }
            .card ul { list-style: none; margin: 6px 0 0; padding: 0; font-size: 13px; }
            .card li { display: flex; justify-content: space-between; gap: 8px; }
            .card li span:last-child, .num { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
            .chart { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 0; }
            .chart h3 { font-size: 14px; margin: 0 0 6px; }
            .chart svg { width: 100%; height: auto; }
            .chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
            .chart rect.bar { fill: var(--accent); }
            .clean { background: var(--card); border: 2px solid var(--good); border-radius: 8px; padding: 24px;
                     font-size: 18px; color: var(--good); }
            .note { background: #fff8e6; border: 1px solid #f5d48b; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
            table { border-collapse: collapse; width: 100%; background: var(--card); }
            th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
            thead th { position: sticky; top: 0; background: #e9edf5; font-size: 12px; }
            thead th button { all: unset; cursor: pointer; font-weight: 700; }
            thead th button::after { content: " \\2195"; color: var(--muted); }
            thead th[aria-sort="ascending"] button::after { content: " \\2191"; }
            thead th[aria-sort="descending"] button::after { content: " \\2193"; }
            tr.group th { background: #f0f3f9; font-size: 13px; }
            .muted { color: var(--muted); font-size: 12px; }
            .kind { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
            .id { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
            .controls { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
            .controls input, .controls select { font: inherit; padding: 4px 8px; }
            [hidden] { display: none !important; }
            @media print {
              body { background: #fff; font-size: 11px; } main { max-width: none; padding: 0; }
              .controls { display: none; }
              .card, .chart, .clean { break-inside: avoid; border-color: #999; }
              thead th { position: static; }
              thead th button::after { content: ""; }
              tr { break-inside: avoid; }
              tbody.customer { break-inside: auto; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    /** Sorts and filters the rows rendered above; it reads no data but the page's own text. */
    private static final String SCRIPT = """
            (function () {
              'use strict';
              var table = document.getElementById('discrepancies');
              if (!table) { return; }
              var groups = Array.prototype.slice.call(table.tBodies);
              var filter = document.getElementById('filter');
              var kindFilter = document.getElementById('kind-filter');
              var shown = document.getElementById('shown');
              function rowsOf(group) {
                return Array.prototype.filter.call(group.rows, function (row) { return row.className !== 'group'; });
              }
              function sortKey(row, column) {
                var cell = row.cells[column];
                var value = cell.getAttribute('data-sort');
                return value !== null ? value : cell.textContent.trim().toLowerCase();
              }
              function compare(a, b, numeric) {
                if (numeric) {
                  var x = parseFloat(a), y = parseFloat(b);
                  if (isNaN(x) !== isNaN(y)) { return isNaN(x) ? 1 : -1; }
                  if (!isNaN(x) && x !== y) { return x - y; }
                }
                return a < b ? -1 : a > b ? 1 : 0;
              }
              var headers = table.tHead.rows[0].cells;
              Array.prototype.forEach.call(headers, function (header, column) {
                var button = header.querySelector('button');
                if (!button) { return; }
                button.addEventListener('click', function () {
                  var descending = header.getAttribute('aria-sort') === 'ascending';
                  Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
                  header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
                  var numeric = header.getAttribute('data-type') === 'number';
                  groups.forEach(function (group) {
                    var rows = rowsOf(group).map(function (row, index) { return { row: row, index: index }; });
                    rows.sort(function (a, b) {
                      var order = compare(sortKey(a.row, column), sortKey(b.row, column), numeric);
                      return (descending ? -order : order) || a.index - b.index;
                    });
                    rows.forEach(function (entry) { group.appendChild(entry.row); });
                  });
                });
              });
              function applyFilter() {
                var text = filter.value.trim().toLowerCase();
                var kind = kindFilter.value;
                var visible = 0;
                groups.forEach(function (group) {
                  var groupText = group.rows[0].textContent.toLowerCase();
                  var any = false;
                  rowsOf(group).forEach(function (row) {
                    var match = (kind === '' || row.getAttribute('data-kind') === kind)
                      && (text === '' || groupText.indexOf(text) >= 0 || row.textContent.toLowerCase().indexOf(text) >= 0);
                    row.hidden = !match;
                    if (match) { any = true; visible++; }
                  });
                  group.hidden = !any;
                });
                shown.textContent = visible + ' of ' + table.getAttribute('data-total') + ' shown';
              }
              filter.addEventListener('input', applyFilter);
              kindFilter.addEventListener('change', applyFilter);
              applyFilter();
            })();
            """;

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; script-src '" + sha256(SCRIPT) + "'; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    static void write(ReconciliationReport report, Run run, PrintWriter out) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(escape(CONTENT_SECURITY_POLICY))
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"pc-orders reconcile --format html\">\n")
                .append("<title>Reconciliation of ").append(escape(fileName(run.ledger()))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        header(run, html);
        summary(report, html);
        notes(report, html);
        if (report.isClean()) {
            html.append("<section id=\"clean\" class=\"clean\"><strong>No discrepancies.</strong> Every compared ledger row "
                    + "agrees with the cached orders")
                    .append(report.subscriptions().isInPlay() ? " and subscriptions" : "")
                    .append(".</section>\n");
        } else {
            charts(report, run, html);
            table(report, run, html);
        }
        totals(report, html);
        rowErrors(report, html);
        html.append("</main>\n");
        if (!report.isClean()) {
            html.append("<script>").append(SCRIPT).append("</script>\n");
        }
        html.append("</body>\n</html>\n");
        out.print(html);
        out.flush();
    }

    private static void header(Run run, StringBuilder html) {
        html.append("<header>\n<h1>Reconciliation report</h1>\n<dl class=\"run\">\n");
        definition(html, "Cache", run.cache(), "cache");
        definition(html, "Ledger", run.ledger().toAbsolutePath().toString(), "ledger");
        definition(html, "Ledger format", run.ledgerFormat(), "ledger-format");
        String window = run.from().isEmpty() && run.to().isEmpty() ? "every cached order (no --from, no --to)"
                : "orders created " + run.from().map(day -> "from " + day).orElse("")
                + (run.from().isPresent() && run.to().isPresent() ? " " : "")
                + run.to().map(day -> "to " + day).orElse("") + " (UTC, inclusive)";
        definition(html, "Window", window, "window");
        definition(html, "Generated", GENERATED.format(run.generated()), "generated");
        html.append("</dl>\n</header>\n");
    }

    private static void definition(StringBuilder html, String term, String value, String field) {
        html.append("<dt>").append(escape(term)).append("</dt><dd data-run=\"").append(field).append("\"><bdi>")
                .append(escape(value)).append("</bdi></dd>\n");
    }

    private static void summary(ReconciliationReport report, StringBuilder html) {
        html.append("<section aria-label=\"Summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        card(html, "ledgerRowsRead", "Ledger rows read", report.coverage().ledgerRowsRead(), "");
        card(html, "matched", "Matched order lines", report.matched(), "");
        card(html, "discrepancies", "Discrepancies", report.discrepancies().size(), report.isClean() ? "good" : "bad");
        card(html, "notCompared", "Rows not compared", report.notCompared(), "");
        card(html, "rowsOutsideWindow", "Rows outside the window", report.rowsOutsideWindow(), "");
        card(html, "rowsInError", "Rows in error", report.rowsInError().size(), report.rowsInError().isEmpty() ? "" : "bad");
        html.append("</div>\n<div class=\"cards wide\">\n");
        html.append("<div class=\"card\" data-field=\"discrepanciesByKind\"><div class=\"label\">Discrepancies by kind</div><ul>\n");
        report.countsByKind().forEach((kind, count) -> html.append("<li data-kind=\"").append(kind.name())
                .append("\"><span class=\"kind\">").append(kind.name()).append("</span><span class=\"count\">")
                .append(count).append("</span></li>\n"));
        html.append("</ul></div>\n");
        for (CurrencyTotals totals : report.totals()) {
            String code = totals.currency().toString();
            html.append("<div class=\"card money").append(totals.difference().signum() == 0 ? "" : " bad")
                    .append("\" data-field=\"difference\" data-currency=\"").append(escape(code))
                    .append("\" data-amount=\"").append(totals.difference().toPlainString())
                    .append("\"><div class=\"label\">Money at risk, ").append(escape(code))
                    .append(" (ledger &minus; Partner Center)</div><div class=\"value\">")
                    .append(escape(money(totals.difference(), code))).append("</div><ul>")
                    .append("<li><span>ledger</span><span data-amount=\"").append(totals.ledger().toPlainString()).append("\">")
                    .append(escape(money(totals.ledger(), code))).append("</span></li>")
                    .append("<li><span>Partner Center</span><span data-amount=\"").append(totals.partnerCenter().toPlainString())
                    .append("\">").append(escape(money(totals.partnerCenter(), code))).append("</span></li>");
            BigDecimal gross = report.atRiskByCustomer().values().stream()
                    .map(amounts -> amounts.getOrDefault(totals.currency(), BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            // Net, the difference can hide an overbilled customer behind an underbilled one; gross cannot.
            html.append("<li data-figure=\"gross\"><span>discrepancies, gross</span><span data-amount=\"")
                    .append(gross.toPlainString()).append("\">").append(escape(money(gross, code))).append("</span></li>")
                    .append("</ul></div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void card(StringBuilder html, String field, String label, long value, String tone) {
        html.append("<div class=\"card").append(tone.isEmpty() ? "" : " " + tone).append("\" data-field=\"").append(field)
                .append("\"><div class=\"label\">").append(escape(label)).append("</div><div class=\"value\">")
                .append(value).append("</div></div>\n");
    }

    private static void notes(ReconciliationReport report, StringBuilder html) {
        if (!report.systemPurchasesNeverSynced().isEmpty()) {
            note(html, report.systemPurchasesNeverSynced().size() + " customer(s) with MISSING_IN_PARTNER_CENTER rows ("
                    + joined(report.systemPurchasesNeverSynced()) + ") were never synced with --include-system-purchases: "
                    + ReportOutput.SYSTEM_PURCHASES_HINT);
        }
        SubscriptionCheck check = report.subscriptions();
        if (!check.withoutCachedSubscriptions().isEmpty()) {
            note(html, check.withoutCachedSubscriptions().size() + " customer(s) have no cached subscriptions ("
                    + joined(check.withoutCachedSubscriptions()) + "): " + ReportOutput.SUBSCRIPTIONS_NOT_CACHED_HINT);
        }
        if (!check.withoutSubscriptionsInLedger().isEmpty()) {
            note(html, "No ledger row of " + check.withoutSubscriptionsInLedger().size() + " customer(s) with cached "
                    + "subscriptions names a subscription (" + joined(check.withoutSubscriptionsInLedger()) + "): "
                    + ReportOutput.NO_SUBSCRIPTIONS_IN_LEDGER_HINT);
        }
        if (report.coverage().ledgerRowsRead() == 0) {
            note(html, "The ledger has a header and no data rows; nothing in it was compared.");
        }
    }

    private static void note(StringBuilder html, String text) {
        html.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    }

    private static void charts(ReconciliationReport report, Run run, StringBuilder html) {
        html.append("<section class=\"charts\" aria-label=\"Charts\">\n");
        List<Bar> byKind = new ArrayList<>();
        report.countsByKind().forEach((kind, count) -> byKind.add(Bar.count(kind.name(), count)));
        chart(html, "chart-kinds", "Discrepancies by kind", byKind);
        Map<CurrencyCode, List<Map.Entry<CustomerId, BigDecimal>>> atRisk = atRiskByCurrency(report);
        // Amounts in different currencies cannot share one axis: one chart per currency.
        atRisk.forEach((currency, customers) -> chart(html, "chart-at-risk-" + currency, "Top customers by amount at risk, "
                + currency, customers.stream().limit(TOP_CUSTOMERS).map(entry -> new Bar(customerLabel(run, entry.getKey()),
                        entry.getValue(), money(entry.getValue(), currency.toString()))).toList()));
        if (atRisk.isEmpty()) {
            // Seat discrepancies only: they carry no money, so customers are ranked by how many they have.
            Map<CustomerId, Long> perCustomer = report.discrepancies().stream()
                    .collect(Collectors.groupingBy(Discrepancy::customer, LinkedHashMap::new, Collectors.counting()));
            chart(html, "chart-customers", "Top customers by discrepancies", perCustomer.entrySet().stream()
                    .sorted(Map.Entry.<CustomerId, Long>comparingByValue().reversed()
                            .thenComparing(entry -> entry.getKey().toString()))
                    .limit(TOP_CUSTOMERS).map(entry -> Bar.count(customerLabel(run, entry.getKey()), entry.getValue()))
                    .toList());
        }
        html.append("</section>\n");
    }

    /** Per currency, the customers with an amount at risk in it, the largest first. */
    private static Map<CurrencyCode, List<Map.Entry<CustomerId, BigDecimal>>> atRiskByCurrency(ReconciliationReport report) {
        Map<CurrencyCode, List<Map.Entry<CustomerId, BigDecimal>>> byCurrency = new TreeMap<>();
        report.atRiskByCustomer().forEach((customer, amounts) -> amounts.forEach((currency, amount) ->
                byCurrency.computeIfAbsent(currency, c -> new ArrayList<>()).add(Map.entry(customer, amount))));
        byCurrency.values().forEach(customers -> customers.sort(Map.Entry.<CustomerId, BigDecimal>comparingByValue()
                .reversed().thenComparing(entry -> entry.getKey().toString())));
        return byCurrency;
    }

    private static String customerLabel(Run run, CustomerId customer) {
        return run.customerName(customer).orElse(customer.toString());
    }

    private record Bar(String label, BigDecimal value, String shown) {
        static Bar count(String label, long count) {
            return new Bar(label, BigDecimal.valueOf(count), Long.toString(count));
        }
    }

    /** A horizontal bar chart as inline SVG; the labels are text nodes, escaped like every other value. */
    private static void chart(StringBuilder html, String id, String title, List<Bar> bars) {
        int labelWidth = 250;
        int barArea = 300;
        int rowHeight = 24;
        int width = labelWidth + barArea + 160;
        int height = Math.max(1, bars.size()) * rowHeight + 8;
        BigDecimal max = bars.stream().map(Bar::value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        html.append("<figure class=\"chart\" id=\"").append(escape(id)).append("\"><h3>").append(escape(title)).append("</h3>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-label=\"").append(escape(title)).append("\">\n");
        int y = 4;
        for (Bar bar : bars) {
            // Pixels from the exact amounts; only the bar's length is rounded.
            int length = max.signum() == 0 || bar.value().signum() == 0 ? 0 : Math.max(2, bar.value()
                    .multiply(BigDecimal.valueOf(barArea)).divide(max, 0, RoundingMode.HALF_UP).intValue());
            String label = bar.label().codePointCount(0, bar.label().length()) > 36
                    ? bar.label().substring(0, bar.label().offsetByCodePoints(0, 35)) + "\u2026" : bar.label();
            // A tooltip is plain text, where <bdi> cannot go: FSI..PDI isolate the label, so a right-to-left name cannot
            // carry the amount after it to its side.
            html.append("<g class=\"row\"><title>").append(FIRST_STRONG_ISOLATE).append(escape(bar.label()))
                    .append(POP_DIRECTIONAL_ISOLATE).append(": ").append(escape(bar.shown()))
                    .append("</title><text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(escape(label)).append("</text>")
                    .append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(length).append("\" height=\"").append(rowHeight - 8).append("\"/>")
                    .append("<text class=\"value\" x=\"").append(labelWidth + length + 6).append("\" y=\"").append(y + 16)
                    .append("\">").append(escape(bar.shown())).append("</text></g>\n");
            y += rowHeight;
        }
        html.append("</svg></figure>\n");
    }

    private static final char FIRST_STRONG_ISOLATE = '\u2068';
    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private static final List<String> COLUMNS = List.of("Kind", "Order", "Offer", "Subscription", "Status", "Ledger",
            "Partner Center", "Ledger lines", "Ledger rows", "Message");
    /** Sorted as numbers (10 seats after 9 seats), by each cell's data-sort where its text is more than the number. */
    private static final List<String> NUMBER_COLUMNS = List.of("Ledger", "Partner Center", "Ledger lines", "Ledger rows");

    private static void table(ReconciliationReport report, Run run, StringBuilder html) {
        Map<CustomerId, List<Discrepancy>> byCustomer = report.discrepancies().stream()
                .collect(Collectors.groupingBy(Discrepancy::customer, LinkedHashMap::new, Collectors.toList()));
        html.append("<section aria-label=\"Discrepancies\">\n<h2>Discrepancies by customer</h2>\n")
                .append("<div class=\"controls\"><label>Filter <input type=\"search\" id=\"filter\" "
                        + "placeholder=\"customer, order, offer, text\" autocomplete=\"off\"></label>")
                .append("<label>Kind <select id=\"kind-filter\"><option value=\"\">every kind</option>");
        report.countsByKind().forEach((kind, count) -> {
            if (count > 0) {
                html.append("<option value=\"").append(kind.name()).append("\">").append(kind.name()).append(" (")
                        .append(count).append(")</option>");
            }
        });
        html.append("</select></label><span id=\"shown\" class=\"muted\"></span></div>\n")
                .append("<table id=\"discrepancies\" data-total=\"").append(report.discrepancies().size()).append("\">\n")
                .append("<thead><tr>");
        for (String column : COLUMNS) {
            html.append("<th scope=\"col\"").append(NUMBER_COLUMNS.contains(column) ? " data-type=\"number\"" : "")
                    .append("><button type=\"button\">").append(escape(column)).append("</button></th>");
        }
        html.append("</tr></thead>\n");
        byCustomer.forEach((customer, discrepancies) -> {
            html.append("<tbody class=\"customer\" data-customer=\"").append(escape(customer.toString())).append("\">\n")
                    .append("<tr class=\"group\"><th colspan=\"").append(COLUMNS.size()).append("\" scope=\"rowgroup\">");
            run.customerName(customer).ifPresent(name -> html.append("<bdi class=\"customer-name\">").append(escape(name))
                    .append("</bdi> "));
            html.append("<span class=\"id\">").append(escape(customer.toString())).append("</span> <span class=\"muted\">")
                    .append(discrepancies.size()).append(" discrepanc").append(discrepancies.size() == 1 ? "y" : "ies");
            Map<CurrencyCode, BigDecimal> atRisk = new TreeMap<>(report.atRiskByCustomer().getOrDefault(customer, Map.of()));
            if (!atRisk.isEmpty()) {
                html.append(", at risk <span class=\"at-risk\">").append(escape(atRisk.entrySet().stream()
                        .map(entry -> money(entry.getValue(), entry.getKey().toString()))
                        .collect(Collectors.joining(" \u00B7 ")))).append("</span>");
            }
            html.append("</span></th></tr>\n");
            discrepancies.forEach(d -> row(d, run, html));
            html.append("</tbody>\n");
        });
        html.append("</table>\n</section>\n");
    }

    private static void row(Discrepancy d, Run run, StringBuilder html) {
        Optional<SubscriptionDetail> subscription = d.subscription();
        String order = d.subscription().isPresent() ? d.orderReference()
                : d.orderId().map(Object::toString).orElse(d.orderReference());
        html.append("<tr data-kind=\"").append(d.kind().name()).append("\">");
        html.append("<td class=\"kind\">").append(d.kind().name()).append("</td>");
        html.append("<td><bdi class=\"id\">").append(escape(order)).append("</bdi>");
        d.alternateId().ifPresent(alternate -> html.append("<div class=\"muted\">alternate id <bdi>").append(escape(alternate))
                .append("</bdi></div>"));
        html.append("</td>");
        html.append("<td>");
        run.offerName(d.offerId().value()).ifPresent(name -> html.append("<bdi class=\"offer-name\">").append(escape(name))
                .append("</bdi><br>"));
        html.append("<bdi class=\"id\">").append(escape(d.offerId().value())).append("</bdi></td>");
        html.append("<td><bdi class=\"id\">").append(escape(subscription.map(SubscriptionDetail::subscriptionId).orElse("")))
                .append("</bdi></td>");
        html.append("<td>").append(escape(subscription.map(s -> s.status().orElse("not in Partner Center")).orElse("")))
                .append("</td>");
        if (subscription.isPresent()) {
            SubscriptionDetail seats = subscription.get();
            html.append("<td class=\"num\" data-sort=\"").append(seats.ledgerQuantity()).append("\">")
                    .append(seats.ledgerQuantity()).append(" seats</td>");
            html.append("<td class=\"num\" data-sort=\"").append(seats.cachedQuantity().map(String::valueOf).orElse(""))
                    .append("\">").append(escape(seats.cachedQuantity().map(q -> q + " seats").orElse(""))).append("</td>");
        } else {
            valueCell(html, d.expected());
            valueCell(html, d.actual());
        }
        String lines = d.ledgerLines().stream().map(String::valueOf).collect(Collectors.joining(" "));
        html.append("<td class=\"num\" data-sort=\"").append(d.ledgerLines().isEmpty() ? "" : d.ledgerLines().get(0))
                .append("\">").append(lines)
                .append(d.omittedLedgerLines() == 0 ? "" : " (+" + d.omittedLedgerLines() + " more)").append("</td>");
        html.append("<td class=\"num\">").append(d.ledgerRows()).append("</td>");
        html.append("<td><bdi>").append(escape(d.message())).append("</bdi></td>");
        html.append("</tr>\n");
    }

    /** A ledger or Partner Center value: a number (a quantity, a price) sorts as one, text ("billed") after them. */
    private static void valueCell(StringBuilder html, Optional<String> value) {
        html.append("<td class=\"num\"");
        value.flatMap(HtmlReport::number).ifPresent(number -> html.append(" data-sort=\"").append(number).append('"'));
        html.append("><bdi>").append(escape(value.orElse(""))).append("</bdi></td>");
    }

    private static Optional<String> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()).toPlainString());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static void totals(ReconciliationReport report, StringBuilder html) {
        if (report.totals().isEmpty()) {
            return;
        }
        html.append("<section aria-label=\"Totals\">\n<h2>Totals per currency</h2>\n")
                .append("<p class=\"muted\">Every decimal as summed; the kinds and the residue add up to the difference.</p>\n")
                .append("<table id=\"totals\"><thead><tr><th scope=\"col\">Figure</th>");
        for (CurrencyTotals totals : report.totals()) {
            html.append("<th scope=\"col\" class=\"num\">").append(escape(totals.currency().toString())).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        totalsRow(report, html, "ledger: compared rows", "ledger", CurrencyTotals::ledger);
        totalsRow(report, html, "Partner Center: cached lines", "partnerCenter", CurrencyTotals::partnerCenter);
        totalsRow(report, html, "difference", "difference", CurrencyTotals::difference);
        for (DiscrepancyKind kind : DiscrepancyKind.orderLevel()) {
            totalsRow(report, html, "\u2003" + kind.name(), kind.name(), totals -> totals.byKind().get(kind));
        }
        totalsRow(report, html, "\u2003explained by no kind (residue)", "residue", CurrencyTotals::residue);
        totalsRow(report, html, "not compared (charge types)", "notCompared", CurrencyTotals::notCompared);
        totalsRow(report, html, "outside the window", "outsideWindow", CurrencyTotals::outsideWindow);
        html.append("</tbody></table>\n");
        ReconciliationReport.Coverage coverage = report.coverage();
        if (coverage.rowsWithoutAmount() > 0 || coverage.cachedLinesWithoutAmount() > 0) {
            html.append("<p class=\"muted\">Not in the totals: ").append(coverage.rowsWithoutAmount())
                    .append(" compared ledger rows without a unit price or currency, ")
                    .append(coverage.cachedLinesWithoutAmount()).append(" cached lines without a price or currency.</p>\n");
        }
        if (!report.notComparedByChargeType().isEmpty()) {
            // Each charge type as the ledger spells it, isolated: right-to-left text cannot take its count with it.
            html.append("<p class=\"muted\">Not compared, by charge type: ").append(report.notComparedByChargeType()
                    .entrySet().stream().map(e -> "<bdi class=\"charge-type\">" + escape(e.getKey()) + "</bdi> " + e.getValue())
                    .collect(Collectors.joining(", "))).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private static void totalsRow(ReconciliationReport report, StringBuilder html, String label, String field,
                                  java.util.function.Function<CurrencyTotals, BigDecimal> figure) {
        html.append("<tr data-figure=\"").append(escape(field)).append("\"><th scope=\"row\">").append(escape(label)).append("</th>");
        for (CurrencyTotals totals : report.totals()) {
            BigDecimal amount = figure.apply(totals);
            html.append("<td class=\"num\" data-currency=\"").append(escape(totals.currency().toString()))
                    .append("\" data-amount=\"").append(amount.toPlainString()).append("\">")
                    .append(escape(money(amount, totals.currency().toString()))).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static void rowErrors(ReconciliationReport report, StringBuilder html) {
        if (report.rowsInError().isEmpty()) {
            return;
        }
        html.append("<section aria-label=\"Rows in error\">\n<h2>Ledger rows in error</h2>\n<table id=\"row-errors\">")
                .append("<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Column</th><th scope=\"col\">Problem</th>")
                .append("</tr></thead><tbody>\n");
        for (LedgerRowError error : report.rowsInError()) {
            html.append("<tr><td class=\"num\">").append(error.line()).append("</td><td><bdi>").append(escape(error.column()))
                    .append("</bdi></td><td><bdi>").append(escape(error.problem())).append("</bdi></td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    /**
     * An amount with its code, grouped, in at least the currency's own decimals (ISO 4217: JPY 0, USD 2) and never
     * fewer than it has: {@code 0.125 USD} stays {@code 0.125 USD}, nothing is rounded away.
     */
    static String money(BigDecimal amount, String currencyCode) {
        int scale = CurrencyDecimals.shown(amount, currencyCode);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(amount.setScale(scale, RoundingMode.UNNECESSARY)) + " " + currencyCode;
    }

    /**
     * Text for an element's content or a double-quoted attribute value: the five characters HTML gives meaning to are
     * replaced by references, everything else (RTL text and emoji included) is kept as it is, the page being UTF-8.
     */
    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String reference = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (reference != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (reference != null) {
                    escaped.append(reference);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static String joined(List<CustomerId> customers) {
        return customers.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every Java runtime has SHA-256", absent);
        }
    }
}
