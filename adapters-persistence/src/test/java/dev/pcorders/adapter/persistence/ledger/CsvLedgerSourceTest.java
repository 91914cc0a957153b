package dev.pcorders.adapter.persistence.ledger;

import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.CUSTOMER;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.OTHER_CUSTOMER;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.errors;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.readAll;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.rows;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.write;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.writeBytes;
import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.writeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pcorders.adapter.persistence.store.ReadAhead;
import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.port.out.LedgerReadException.Reason;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import dev.pcorders.domain.reconciliation.Reconciliation;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvLedgerSourceTest {

    /** A realistic export header: the used columns scattered among the others, in Partner Center's order. */
    private static final String INVOICE_HEADER = "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,"
            + "InvoiceNumber,MpnId,ResellerMpnId,OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,"
            + "ChargeType,UnitPrice,Quantity,Subtotal,TaxTotal,Total,Currency,SubscriptionId,AlternateId";

    private static String invoiceRow(String orderId, String chargeType, String quantity, String unitPrice) {
        return "p-1," + CUSTOMER + ",Contoso,contoso.onmicrosoft.com,US,G001,123,,"
                + orderId + ",3/14/2025,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,Basic,Microsoft 365," + chargeType + ","
                + unitPrice + "," + quantity + ",12.50,0,12.50,USD,sub-1,";
    }

    private final CsvLedgerSource source = new CsvLedgerSource();

    @TempDir
    Path folder;

    @Test
    void namesTheFormatItsHeaderRowShowsWithWhatItsOptionalColumnsChange() {
        Path invoice = write(folder, "invoice.csv", INVOICE_HEADER, invoiceRow("ord-1", "new", "1", "2.50"));
        Path partner = write(folder, "partner.csv", "customer_id,order_id,offer_id,quantity", CUSTOMER + ",o,a:b:c,1");
        Path withSubscriptions = write(folder, "partner-subscriptions.csv",
                "customer_id,order_id,offer_id,quantity,subscription_id", CUSTOMER + ",o,a:b:c,1,sub-1");

        assertThat(source.formatOf(invoice)).contains("Partner Center invoice reconciliation export");
        assertThat(source.formatOf(partner)).contains("partner ledger");
        assertThat(source.formatOf(withSubscriptions)).contains("partner ledger (with subscription_id)");
        assertThatThrownBy(() -> source.formatOf(write(folder, "other.csv", "a,b", "1,2")))
                .isInstanceOf(LedgerReadException.class);
    }

    @Test
    void readsAnInvoiceReconciliationExportByColumnName() {
        // Used columns shuffled, unknown columns in between and at both ends.
        Path file = write(folder, "invoice.csv",
                "Total,Currency,Quantity,Brand New Column,availabilityid,SkuId,ProductId,ChargeType,OrderDate,UnitPrice,"
                        + "SubscriptionId,OrderId,CustomerId,PartnerId",
                "12.50,USD,5,x,CFQ7TTC0K5BF,0001,CFQ7TTC0LH18,New,3/14/2025,2.50,sub-1,ord-0001," + CUSTOMER + ",p-1",
                "-2.50,usd,-1, ,CFQ7TTC0K5BF,0001,CFQ7TTC0LH18,cancel,12/1/2025,2.5,,alt-ord-0002," + OTHER_CUSTOMER + ",p-1");

        List<LedgerEntry> entries = readAll(source, file, false);

        assertThat(entries).containsExactly(
                new LedgerRow(2, CustomerId.parse(CUSTOMER), "ord-0001", OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF"), 5,
                        Optional.of(Amount.parse("2.50")), Optional.of(CurrencyCode.of("USD")), Optional.of("sub-1"),
                        Optional.of("New"), Optional.of(LocalDate.of(2025, 3, 14))),
                new LedgerRow(3, CustomerId.parse(OTHER_CUSTOMER), "alt-ord-0002", OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF"),
                        -1, Optional.of(Amount.parse("2.5")), Optional.of(CurrencyCode.of("USD")), Optional.empty(),
                        Optional.of("cancel"), Optional.of(LocalDate.of(2025, 12, 1))));
    }

    @Test
    void theOptionalInvoiceColumnsMayBeLeftOut() {
        Path file = write(folder, "invoice.csv",
                "CustomerId,OrderId,ProductId,SkuId,AvailabilityId,ChargeType,Quantity,UnitPrice,Currency",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,Renew,3,,");

        assertThat(rows(readAll(source, file, false))).singleElement().satisfies(row -> {
            assertThat(row.subscriptionId()).isEmpty();
            assertThat(row.orderDate()).isEmpty();
            assertThat(row.unitPrice()).as("a blank price is no price").isEmpty();
            assertThat(row.currency()).isEmpty();
            assertThat(row.chargeType()).contains("Renew");
        });
    }

    @Test
    void readsAPartnerLedgerWithColumnsInAnyOrder() {
        Path file = write(folder, "ledger.csv",
                "note,quantity,offer_id,currency,order_id,customer_id,unit_price,subscription_id,booked_by",
                "first,5,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,EUR,ord-0001," + CUSTOMER + ",2.50,sub-1,ann",
                ",2,031C9E47-4802-4248-838E-778FB1D2CC05,,alt-ord-0002," + CUSTOMER + ",,,");

        List<LedgerEntry> entries = readAll(source, file, false);

        assertThat(entries).containsExactly(
                new LedgerRow(2, CustomerId.parse(CUSTOMER), "ord-0001", OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF"), 5,
                        Optional.of(Amount.parse("2.50")), Optional.of(CurrencyCode.of("EUR")), Optional.of("sub-1"),
                        Optional.empty(), Optional.empty()),
                new LedgerRow(3, CustomerId.parse(CUSTOMER), "alt-ord-0002", OfferId.parse("031C9E47-4802-4248-838E-778FB1D2CC05"),
                        2, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(((LedgerRow) entries.get(1)).offerId()).isInstanceOf(OfferId.Legacy.class);
    }

    @Test
    void thePartnerLedgerNeedsOnlyItsFourRequiredColumns() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1");

        assertThat(rows(readAll(source, file, false))).singleElement().satisfies(row -> {
            assertThat(row.isPurchase()).as("a partner ledger row is a purchase").isTrue();
            assertThat(row.unitPrice()).isEmpty();
        });
    }

    @Test
    void headerNamesMatchIgnoringCaseAndSurroundingBlanks() {
        Path invoice = write(folder, "invoice.csv",
                " CUSTOMERID ,orderid,PRODUCTID,skuid,AvailabilityID,chargetype,QUANTITY,unitprice,CURRENCY",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,New,3,1.00,USD");
        Path ledger = write(folder, "ledger.csv", "Customer_ID,ORDER_ID,Offer_Id,QuAnTiTy",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,3");

        assertThat(rows(readAll(source, invoice, false))).singleElement().satisfies(row -> assertThat(row.quantity()).isEqualTo(3));
        assertThat(rows(readAll(source, ledger, false))).singleElement().satisfies(row -> assertThat(row.quantity()).isEqualTo(3));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsDropped() {
        Path file = writeText(folder, "bom.csv", "\uFEFFcustomer_id,order_id,offer_id,quantity\n"
                + CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,4\n");

        assertThat(rows(readAll(source, file, false))).singleElement().satisfies(row -> {
            assertThat(row.customer()).isEqualTo(CustomerId.parse(CUSTOMER));
            assertThat(row.line()).isEqualTo(2);
        });
    }

    @Test
    void quotedCommasAndLineBreaksAreValuesAndLineNumbersCountPhysicalLines() {
        Path file = writeText(folder, "quoted.csv", "customer_id,order_id,offer_id,quantity,note\r\n"
                + CUSTOMER + ",\"ord,with,commas\",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1,\"two\r\nlines\"\r\n"
                + CUSTOMER + ",\"ord \"\"quoted\"\"\",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,2,\"three\nlines\n\"\r\n"
                + "\r\n"
                + CUSTOMER + ",ord-3,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,3,plain\n"
                + CUSTOMER + ",ord-4,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,4,\"bare CR\rinside\"\r"
                + CUSTOMER + ",ord-5,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,5,");

        List<LedgerRow> rows = rows(readAll(source, file, false));

        assertThat(rows).extracting(LedgerRow::orderReference)
                .containsExactly("ord,with,commas", "ord \"quoted\"", "ord-3", "ord-4", "ord-5");
        // header 1; row on 2-3; row on 4-6; blank line 7; 8; 9-10 (CR inside); 11.
        assertThat(rows).extracting(LedgerRow::line).containsExactly(2L, 4L, 8L, 9L, 11L);
    }

    @Test
    void aLoneCarriageReturnInsideAQuotedValueNeitherMergesRecordsNorShiftsLines() {
        // FastCSV 4.1.0 on its own loses the record after "ord\r1" and counts the lines below wrongly.
        Path file = writeText(folder, "cr.csv", "customer_id,order_id,offer_id,quantity,note\n"
                + CUSTOMER + ",\"ord\r1\",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1,\"\rx\n\"\n"
                + CUSTOMER + ",ord-2,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,2,\"\ry\"\n"
                + CUSTOMER + ",ord-3,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,3,\n");

        List<LedgerRow> rows = rows(readAll(source, file, false));

        assertThat(rows).extracting(LedgerRow::orderReference).containsExactly("ord\r\n1", "ord-2", "ord-3");
        // header 1; row on 2-5 (CR, CR, LF inside); row on 6-7; row on 8.
        assertThat(rows).extracting(LedgerRow::line).containsExactly(2L, 6L, 8L);
    }

    @Test
    void anEmptyFileFails() {
        Path file = writeText(folder, "empty.csv", "");

        LedgerReadException failure = catchThrowableOfType(LedgerReadException.class, () -> source.read(file, true));

        assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_FORMAT);
        assertThat(failure).hasMessageContaining("empty.csv").hasMessageContaining("header");
    }

    @Test
    void aHeaderWithoutRowsHasNoEntries() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity");

        assertThat(readAll(source, file, false)).isEmpty();
    }

    @Test
    void aMissingColumnFailsAtOnceNamingItAndTheAcceptedFormats() {
        Path invoice = write(folder, "invoice.csv", "CustomerId,OrderId,ProductId,SkuId,ChargeType,Quantity,UnitPrice",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18,0001,New,3,1.00");

        LedgerReadException failure = catchThrowableOfType(LedgerReadException.class, () -> source.read(invoice, true));

        assertThat(failure.reason()).isEqualTo(Reason.MISSING_COLUMN);
        assertThat(failure.file()).isEqualTo(invoice);
        assertThat(failure.line()).hasValue(1);
        assertThat(failure.column()).contains("AvailabilityId, Currency");
        assertThat(failure.getMessage())
                .contains("invoice.csv", "invoice reconciliation export", "lacks the columns AvailabilityId, Currency")
                .contains("partner ledger (columns customer_id, order_id, offer_id, quantity");

        Path ledger = write(folder, "ledger.csv", "customer_id,order_id,quantity", CUSTOMER + ",ord-1,3");
        assertThatThrownBy(() -> source.read(ledger, false))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMN);
                    assertThat(e.column()).contains("offer_id");
                })
                .hasMessageContaining("looks like a partner ledger but lacks the column offer_id");
    }

    @Test
    void aHeaderOfNoKnownFormatFailsListingTheFormats() {
        Path file = write(folder, "other.csv", "Date,Amount,Payee", "1/1/2025,12.00,Contoso");

        LedgerReadException failure = catchThrowableOfType(LedgerReadException.class, () -> source.read(file, true));

        assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_FORMAT);
        assertThat(failure.getMessage()).contains("'Date,Amount,Payee'", "matches no known ledger format",
                "Partner Center invoice reconciliation export (columns CustomerId, OrderId", "partner ledger (columns");
    }

    @Test
    void aUsedColumnNamedTwiceFails() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity,Quantity",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,3,4");

        LedgerReadException failure = catchThrowableOfType(LedgerReadException.class, () -> source.read(file, true));

        assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_FORMAT);
        assertThat(failure.column()).contains("quantity");
        assertThat(failure).hasMessageContaining("appears 2 times");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "CustomerId     | not-a-guid                           | customer id must be a GUID",
            "CustomerId     | 4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8  | customer id must be a GUID",
            "OrderId        | '   '                                | a value is required",
            "ProductId      | CFQ7TTC0-LH18                        | must be letters and digits",
            "ChargeType     | ''                                   | a value is required",
            "Quantity       | five                                 | must be a whole number, got 'five'",
            "Quantity       | 2.5                                  | must be a whole number",
            "Quantity       | 1E3                                  | must be a whole number",
            "UnitPrice      | '12,50'                              | must be a decimal number such as 12.50",
            "UnitPrice      | $12.50                               | must be a decimal number",
            "UnitPrice      | 1e5                                  | must be a decimal number",
            "Currency       | US                                   | currency code must be three letters",
            "Currency       | €                                    | currency code must be three letters",
            "OrderDate      | 2025-03-14                           | must be a date written M/D/YYYY",
            "OrderDate      | 2/30/2025                            | must be a date written M/D/YYYY",
    })
    void aBadValueStopsAStrictReadNamingLineAndColumn(String column, String value, String problem) {
        List<String> names = List.of("CustomerId", "OrderId", "ProductId", "SkuId", "AvailabilityId", "ChargeType", "Quantity",
                "UnitPrice", "Currency", "OrderDate");
        List<String> good = List.of(CUSTOMER, "ord-1", "CFQ7TTC0LH18", "0001", "CFQ7TTC0K5BF", "New", "3", "1.00", "USD",
                "3/14/2025");
        List<String> bad = new ArrayList<>(good);
        bad.set(names.indexOf(column), '"' + value.replace("\"", "\"\"") + '"');
        Path file = write(folder, "invoice.csv", String.join(",", names),
                String.join(",", good),
                "\"" + CUSTOMER + "\",\"ord-2\",CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,New,3,1.00,USD,\"3/14/2025\"",
                String.join(",", bad),
                String.join(",", good));

        List<LedgerEntry> seen = new ArrayList<>();
        LedgerReadException failure;
        try (Stream<LedgerEntry> entries = source.read(file, false)) {
            Iterator<LedgerEntry> iterator = entries.iterator();
            failure = catchThrowableOfType(LedgerReadException.class, () -> iterator.forEachRemaining(seen::add));
        }

        assertThat(seen).as("rows before the bad one are read").extracting(LedgerEntry::line).containsExactly(2L, 3L);
        assertThat(failure.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(failure.line()).hasValue(4);
        assertThat(failure.column()).contains(column);
        assertThat(failure.getMessage()).startsWith(file + ", line 4, column " + column + ": ").contains(problem);
    }

    @Test
    void aLenientReadListsBadRowsAndKeepsTheOthers() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity,unit_price,currency",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1,2.50,USD",
                CUSTOMER + ",ord-2,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,many,2.50,USD",
                CUSTOMER + ",ord-3,CFQ7TTC0LH18:0001,3,2.50,USD",
                "\"" + CUSTOMER + "\",\"ord-4\nspans two lines\",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,4,2.50,USD",
                CUSTOMER + ",ord-5,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,5,2.50,USD,extra",
                "not-a-customer,ord-6,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,6,2.50,USD",
                CUSTOMER + ",ord-7,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,7,2.50,USD");

        List<LedgerEntry> entries = readAll(source, file, true);

        assertThat(entries).extracting(LedgerEntry::line).containsExactly(2L, 3L, 4L, 5L, 7L, 8L, 9L);
        assertThat(rows(entries)).extracting(LedgerRow::orderReference)
                .containsExactly("ord-1", "ord-4\nspans two lines", "ord-7");
        assertThat(errors(entries)).extracting(LedgerRowError::line, LedgerRowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "quantity"),
                        org.assertj.core.groups.Tuple.tuple(4L, "offer_id"),
                        org.assertj.core.groups.Tuple.tuple(7L, "*"),
                        org.assertj.core.groups.Tuple.tuple(8L, "customer_id"));
        assertThat(errors(entries).get(0).problem()).isEqualTo("must be a whole number, got 'many'");
        assertThat(errors(entries).get(1).problem()).contains("PRODUCT:SKU:AVAILABILITY", "'CFQ7TTC0LH18:0001'");
        assertThat(errors(entries).get(2).problem()).contains("7 fields but the header has 6");
    }

    @Test
    void aRowWithFewerFieldsThanTheHeaderIsABadRow() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity,unit_price",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1");

        assertThatThrownBy(() -> readAll(source, file, false))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
                    assertThat(e.line()).hasValue(2);
                })
                .hasMessageContaining("the row has 4 fields but the header has 5");
    }

    @Test
    void chargeTypesOtherThanPurchasesReachTheReportAsNotCompared() {
        Path file = write(folder, "invoice.csv", INVOICE_HEADER,
                invoiceRow("ord-1", "New", "5", "2.50"),
                invoiceRow("ord-1", "cancel", "-5", "2.50"),
                invoiceRow("ord-1", "CycleCharge", "5", "2.50"),
                invoiceRow("ord-2", "ADDQUANTITY", "1", "2.50"),
                invoiceRow("ord-3", "renew", "1", "2.50"),
                invoiceRow("ord-4", "Convert", "1", "2.50"),
                invoiceRow("ord-1", "CustomerCredit", "1", "-2.50"),
                invoiceRow("ord-1", "cancel", "-1", "2.50"));

        List<LedgerRow> rows = rows(readAll(source, file, false));
        assertThat(rows).extracting(LedgerRow::isPurchase).containsExactly(true, false, false, true, true, true, false, false);

        Reconciliation reconciliation = new Reconciliation(Amount.parse("0.01"));
        rows.forEach(reconciliation::addLedgerEntry);
        ReconciliationReport report = reconciliation.report();
        assertThat(report.notComparedByChargeType())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("cancel", 2L, "CycleCharge", 1L, "CustomerCredit", 1L));
        assertThat(report.notCompared()).isEqualTo(4);
    }

    @Test
    void bytesThatAreNotUtf8FailEvenALenientReadWithTheirLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(("customer_id,order_id,offer_id,quantity,note\n"
                + CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1,\"multi\nline\"\n"
                + CUSTOMER + ",ord-2,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,2,").getBytes(StandardCharsets.UTF_8));
        bytes.write("Müller\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes.write((CUSTOMER + ",ord-3,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,3,ok\n").getBytes(StandardCharsets.UTF_8));
        Path file = writeBytes(folder, "latin1.csv", bytes.toByteArray());

        List<LedgerEntry> seen = new ArrayList<>();
        LedgerReadException failure;
        try (Stream<LedgerEntry> entries = source.read(file, true)) {
            Iterator<LedgerEntry> iterator = entries.iterator();
            failure = catchThrowableOfType(LedgerReadException.class, () -> iterator.forEachRemaining(seen::add));
        }

        assertThat(seen).extracting(LedgerEntry::line).containsExactly(2L);
        assertThat(failure.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(failure.line()).hasValue(4);
        assertThat(failure.getMessage()).contains("latin1.csv, line 4", "not valid UTF-8", "FC");
    }

    @Test
    void aHeaderThatIsNotUtf8FailsOnOpening() {
        Path file = writeBytes(folder, "latin1.csv", "Kunden_ID;Menge\n".replace("_", "\u00e4").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> source.read(file, true))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
                    assertThat(e.line()).hasValue(1);
                })
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aQuoteNeverClosedFailsNamingTheLineItOpenedOn() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1",
                CUSTOMER + ",\"ord-2,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,2",
                CUSTOMER + ",ord-3,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,3");

        List<LedgerEntry> seen = new ArrayList<>();
        LedgerReadException failure;
        try (Stream<LedgerEntry> entries = source.read(file, true)) {
            Iterator<LedgerEntry> iterator = entries.iterator();
            failure = catchThrowableOfType(LedgerReadException.class, () -> iterator.forEachRemaining(seen::add));
        }

        assertThat(seen).extracting(LedgerEntry::line).containsExactly(2L);
        assertThat(failure.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(failure.line()).hasValue(3);
        assertThat(failure).hasMessageContaining("broken quoting").hasMessageContaining("never closed");
    }

    @Test
    void textAfterAClosingQuoteFailsNamingTheRecordsLine() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity",
                CUSTOMER + ",\"ord-1\nsecond line\",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1",
                CUSTOMER + ",\"ord-2\"x,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,2");

        assertThatThrownBy(() -> readAll(source, file, true))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
                    assertThat(e.line()).hasValue(4);
                    assertThat(e.getCause()).as("the library's exception is kept only as the cause").isNotNull();
                })
                .hasMessageContaining("broken CSV")
                .hasMessageContaining("after closing quote");
    }

    @Test
    void aHugeFieldIsReadWhole() {
        String huge = "x".repeat(2_000_000) + ",\n\"" + "y".repeat(1000);
        Path file = writeText(folder, "huge.csv", "customer_id,order_id,offer_id,quantity,note\n"
                + CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1,\"" + huge.replace("\"", "\"\"") + "\"\n"
                + CUSTOMER + ",ord-2,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,2,\n");

        assertThat(rows(readAll(source, file, false))).extracting(LedgerRow::orderReference, LedgerRow::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ord-1", 2L), org.assertj.core.groups.Tuple.tuple("ord-2", 4L));
    }

    @Test
    void aRecordBeyondTheLengthLimitFailsInsteadOfFillingMemory() {
        CsvLedgerSource limited = new CsvLedgerSource(64 * 1024);
        Path file = writeText(folder, "long.csv", "customer_id,order_id,offer_id,quantity,note\n"
                + CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1,short\n"
                + CUSTOMER + ",ord-2,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,2,\"" + "z".repeat(200_000) + "\"\n");

        assertThatThrownBy(() -> readAll(limited, file, true))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
                    assertThat(e.line()).hasValue(3);
                })
                .hasMessageContaining("maximum buffer size");
    }

    @Test
    void aMissingFileOrAFolderFailsClearly() {
        Path missing = folder.resolve("nowhere.csv");

        assertThatThrownBy(() -> source.read(missing, true))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
                    assertThat(e.file()).isEqualTo(missing);
                    assertThat(e.line()).isEmpty();
                })
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> source.read(folder, true))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageContaining("is a directory");
    }

    @Test
    void aBadRowFailsOnlyWhenTheStreamReachesIt() {
        Path file = write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity",
                CUSTOMER + ",ord-1,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1",
                CUSTOMER + ",ord-2,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,not a number");

        try (Stream<LedgerEntry> entries = source.read(file, false)) {
            assertThat(entries.findFirst()).hasValueSatisfying(first -> assertThat(first.line()).isEqualTo(2));
        }
    }

    @Test
    void closingTheStreamClosesTheFile() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc to see open files");
        // More rows than are ever read ahead of the caller: the reading thread cannot reach the end and close the file.
        String[] lines = new String[ReadAhead.BATCH_SIZE * (ReadAhead.BATCHES_AHEAD + 2) + 1];
        lines[0] = "customer_id,order_id,offer_id,quantity";
        for (int i = 1; i < lines.length; i++) {
            lines[i] = CUSTOMER + ",ord-" + i + ",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,1";
        }
        Path file = write(folder, "ledger.csv", lines);

        Stream<LedgerEntry> entries = source.read(file, false);
        assertThat(openHandlesOn(file)).isEqualTo(1);
        entries.close();
        assertThat(openHandlesOn(file)).isZero();

        // A header that fails closes the file too, as the caller gets no stream to close.
        Path wrong = write(folder, "wrong.csv", "a,b", "1,2");
        assertThatThrownBy(() -> source.read(wrong, false)).isInstanceOf(LedgerReadException.class);
        assertThat(openHandlesOn(wrong)).isZero();
    }

    private static long openHandlesOn(Path file) throws IOException {
        Path target = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (IOException e) {
                    return false; // closed between listing and reading: not open
                }
            }).count();
        }
    }

    @Test
    void aLargeFileStreamsThrough() throws IOException {
        Path file = folder.resolve("large.csv");
        int rowCount = 100_000;
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("customer_id,order_id,offer_id,quantity,unit_price,currency\n");
            for (int i = 0; i < rowCount; i++) {
                writer.write(CUSTOMER + ",ord-" + i + ",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF," + (i % 7 + 1) + ",2.50,USD\n");
            }
        }

        try (Stream<LedgerEntry> entries = source.read(file, false)) {
            long[] countAndLastLine = new long[2];
            entries.forEach(entry -> {
                countAndLastLine[0]++;
                countAndLastLine[1] = entry.line();
            });
            assertThat(countAndLastLine).containsExactly(rowCount, rowCount + 1);
        }
    }
}
