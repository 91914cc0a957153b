package dev.pcorders.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pcorders.domain.customer.CachedCustomer;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Prints the partner's cached customers, and their change log, in the three output formats. */
final class CustomerOutput {

    static final List<String> CSV_HEADER = List.of("id", "tenantId", "domain", "companyName", "relationshipToPartner",
            "removed");

    private static final List<ChangeLogOutput.Column> CHANGE_COLUMNS = List.of(
            ChangeLogOutput.Column.number("syncRun", "RUN"), ChangeLogOutput.Column.text("detectedAt", "DETECTED"),
            ChangeLogOutput.Column.text("customerId", "CUSTOMER"), ChangeLogOutput.Column.text("kind", "CHANGE"),
            ChangeLogOutput.Column.text("before", "BEFORE"), ChangeLogOutput.Column.text("after", "AFTER"));

    private static final JsonFactory JSON = new JsonFactory();

    private CustomerOutput() {
    }

    /**
     * Partner Center's field names and nesting ({@code companyProfile}); absent fields omitted. A customer a later sync
     * no longer found is marked removed, in every format.
     */
    static void list(List<CachedCustomer> customers, OutputFormat format, PrintWriter out) throws IOException {
        switch (format) {
            case JSON -> json(customers, out);
            case CSV -> csv(customers, out);
            case TABLE -> table(customers, out);
        }
        out.flush();
    }

    private static void json(List<CachedCustomer> customers, PrintWriter out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
            for (CachedCustomer cached : customers) {
                Customer customer = cached.customer();
                json.writeStartObject();
                json.writeStringField("id", customer.id().toString());
                json.writeObjectFieldStart("companyProfile");
                string(json, "tenantId", customer.companyProfile().tenantId());
                string(json, "domain", customer.companyProfile().domain());
                string(json, "companyName", customer.companyProfile().companyName());
                json.writeEndObject();
                string(json, "relationshipToPartner", customer.relationshipToPartner().map(Object::toString));
                if (cached.isRemoved()) {
                    json.writeBooleanField("removed", true);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        out.println();
    }

    private static void csv(List<CachedCustomer> customers, PrintWriter out) {
        SpreadsheetCsv csv = new SpreadsheetCsv(out);
        csv.row(CSV_HEADER);
        for (CachedCustomer cached : customers) {
            Customer customer = cached.customer();
            csv.row(List.of(customer.id().toString(), text(customer.companyProfile().tenantId()),
                    text(customer.companyProfile().domain()), text(customer.companyProfile().companyName()),
                    text(customer.relationshipToPartner()), Boolean.toString(cached.isRemoved())));
        }
        csv.flush();
    }

    private static void table(List<CachedCustomer> customers, PrintWriter out) {
        if (customers.isEmpty()) {
            out.println("No cached customers; list them with sync --all-customers.");
            return;
        }
        TextTable table = new TextTable(List.of("CUSTOMER", "NAME", "DOMAIN", "RELATIONSHIP"), false, false, false, false);
        for (CachedCustomer cached : customers) {
            Customer customer = cached.customer();
            table.add(List.of(customer.id().toString(),
                    customer.displayName() + (cached.isRemoved() ? " (removed)" : ""),
                    text(customer.companyProfile().domain()), text(customer.relationshipToPartner())));
        }
        table.print(out);
        out.println();
        long removed = customers.stream().filter(CachedCustomer::isRemoved).count();
        out.println((customers.size() - removed) + " customer(s)" + (removed == 0 ? "." : ", and " + removed
                + " no longer in the partner's list."));
    }

    /** The customer change log in the shapes of {@code changes}: run, when, customer, kind, before, after. */
    static void changes(List<CustomerChange> changes, OutputFormat format, PrintWriter out) throws IOException {
        ChangeLogOutput.print(changes, CHANGE_COLUMNS, change -> List.of(Optional.of(Long.toString(change.run().value())),
                Optional.of(change.detectedAt().toString()), Optional.of(change.customer().toString()),
                Optional.of(change.kind().name()), change.difference().before(), change.difference().after()),
                "No customer changes recorded.", format, out);
    }


    private static void string(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse("");
    }
}
