package dev.pcorders.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pcorders.domain.subscription.RefundOption;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Prints subscriptions in the three output formats of {@code subscriptions list}. */
final class SubscriptionOutput {

    static final List<String> CSV_HEADER = List.of("customerId", "id", "offerId", "offerName", "friendlyName", "quantity",
            "unitType", "status", "autoRenewEnabled", "billingCycle", "termDuration", "creationDate", "effectiveStartDate",
            "commitmentEndDate", "orderId", "entitlementId", "isTrial", "billingType", "contractType");

    private static final List<ChangeLogOutput.Column> CHANGE_COLUMNS = List.of(
            ChangeLogOutput.Column.number("syncRun", "RUN"), ChangeLogOutput.Column.text("detectedAt", "DETECTED"),
            ChangeLogOutput.Column.text("customerId", "CUSTOMER"), ChangeLogOutput.Column.text("subscriptionId", "SUBSCRIPTION"),
            ChangeLogOutput.Column.text("kind", "CHANGE"), ChangeLogOutput.Column.text("before", "BEFORE"),
            ChangeLogOutput.Column.text("after", "AFTER"));

    private static final JsonFactory JSON = new JsonFactory();

    private SubscriptionOutput() {
    }

    /** The subscriptions to print, handed over one at a time. */
    @FunctionalInterface
    interface SubscriptionSource {
        void forEach(Consumer<Subscription> action);
    }

    /** Partner Center's field names, plus {@code customerId} (the wire leaves it to the URL); absent fields omitted. */
    static void json(SubscriptionSource subscriptions, PrintWriter out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // A listing cut short by a failure must not be closed into valid JSON that looks complete.
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            json.writeStartArray();
            subscriptions.forEach(subscription -> {
                try {
                    write(json, subscription);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            json.writeEndArray();
        }
        out.println();
    }

    private static void write(JsonGenerator json, Subscription subscription) throws IOException {
        json.writeStartObject();
        json.writeStringField("customerId", subscription.customer().toString());
        json.writeStringField("id", subscription.id().toString());
        json.writeStringField("offerId", subscription.offerId());
        string(json, "offerName", subscription.offerName());
        string(json, "friendlyName", subscription.friendlyName());
        json.writeNumberField("quantity", subscription.quantity());
        string(json, "unitType", subscription.unitType());
        json.writeStringField("status", subscription.status().toString());
        bool(json, "autoRenewEnabled", subscription.autoRenewEnabled());
        string(json, "billingCycle", subscription.billingCycle().map(Object::toString));
        string(json, "termDuration", subscription.termDuration());
        json.writeStringField("creationDate", subscription.creationDate().toString());
        string(json, "effectiveStartDate", subscription.effectiveStartDate().map(Object::toString));
        string(json, "commitmentEndDate", subscription.commitmentEndDate().map(Object::toString));
        string(json, "orderId", subscription.orderId().map(Object::toString));
        string(json, "entitlementId", subscription.entitlementId());
        bool(json, "isTrial", subscription.isTrial());
        string(json, "billingType", subscription.billingType());
        string(json, "contractType", subscription.contractType());
        if (!subscription.refundOptions().isEmpty()) {
            json.writeArrayFieldStart("refundOptions");
            for (RefundOption option : subscription.refundOptions()) {
                json.writeStartObject();
                json.writeStringField("type", option.type());
                json.writeStringField("expiresAt", option.expiresAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    static void csv(SubscriptionSource subscriptions, PrintWriter out) {
        SpreadsheetCsv csv = new SpreadsheetCsv(out);
        csv.row(CSV_HEADER);
        try {
            subscriptions.forEach(subscription -> csv.row(row(subscription)));
        } finally {
            // Also when the read fails part-way: end what was written at a whole row.
            csv.flush();
            out.flush();
        }
    }

    private static List<String> row(Subscription s) {
        return List.of(s.customer().toString(), s.id().toString(), s.offerId(), text(s.offerName()), text(s.friendlyName()),
                Integer.toString(s.quantity()), text(s.unitType()), s.status().toString(), text(s.autoRenewEnabled()),
                text(s.billingCycle()), text(s.termDuration()), s.creationDate().toString(), text(s.effectiveStartDate()),
                text(s.commitmentEndDate()), text(s.orderId()), text(s.entitlementId()), text(s.isTrial()),
                text(s.billingType()), text(s.contractType()));
    }

    static void table(SubscriptionSource subscriptions, PrintWriter out) {
        TextTable table = new TextTable(List.of("CUSTOMER", "SUBSCRIPTION", "OFFER", "NAME", "STATUS", "QTY", "CYCLE",
                "CREATED (UTC)"), false, false, false, false, false, true, false, false)
                .streaming(out, OrderOutput.TABLE_FIRST_BATCH);
        long[] count = {0};
        try {
            subscriptions.forEach(s -> {
                count[0]++;
                table.add(List.of(s.customer().toString(), s.id().toString(), s.offerId(),
                        text(s.friendlyName().or(s::offerName)), s.status().toString(), Integer.toString(s.quantity()),
                        // The day in UTC, as orders list shows it; JSON and CSV keep the instant.
                        text(s.billingCycle()), LocalDate.ofInstant(s.creationDate(), ZoneOffset.UTC).toString()));
            });
        } finally {
            // Also when the read fails part-way: the rows read so far are printed, the exit code says the rest is missing.
            if (!table.isEmpty()) {
                table.finish();
            }
            out.flush();
        }
        if (table.isEmpty()) {
            out.println("No cached subscriptions match.");
        } else {
            out.println();
            out.println(count[0] + " subscription(s).");
        }
        out.flush();
    }

    /** The subscription change log in the shapes of {@code changes}: run, when, customer, subscription, kind, before, after. */
    static void changes(List<SubscriptionChange> changes, OutputFormat format, PrintWriter out) throws IOException {
        ChangeLogOutput.print(changes, CHANGE_COLUMNS, change -> List.of(Optional.of(Long.toString(change.run().value())),
                Optional.of(change.detectedAt().toString()), Optional.of(change.customer().toString()),
                Optional.of(change.subscriptionId().toString()), Optional.of(change.kind().name()),
                change.difference().before(), change.difference().after()), "No subscription changes recorded.", format, out);
    }


    private static void string(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    private static void bool(JsonGenerator json, String name, Optional<Boolean> value) throws IOException {
        if (value.isPresent()) {
            json.writeBooleanField(name, value.get());
        }
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse("");
    }
}
