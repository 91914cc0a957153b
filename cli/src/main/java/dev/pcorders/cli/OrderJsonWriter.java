package dev.pcorders.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.shared.Amount;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/**
 * Writes orders as JSON with Partner Center's own property names, so a script can treat the output as it
 * would the service's. Amounts are JSON numbers with every decimal as received (never exponent form),
 * enums the string the service sent, absent fields omitted.
 */
final class OrderJsonWriter implements AutoCloseable {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonGenerator json;

    OrderJsonWriter(Writer out) throws IOException {
        this.json = JSON.createGenerator(out).useDefaultPrettyPrinter();
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // A listing cut short by a failure must not be closed into valid JSON that looks complete.
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
    }

    JsonGenerator generator() {
        return json;
    }

    /**
     * The order with Partner Center's field names, and {@code pricesAsOf} (not Partner Center's: when the cache
     * fetched the prices shown, which a sync without prices keeps) when it has prices.
     */
    void writeOrder(CachedOrder cached) throws IOException {
        Order order = cached.order();
        json.writeStartObject();
        json.writeStringField("id", order.id().value());
        string("alternateId", order.alternateId());
        json.writeStringField("referenceCustomerId", order.referenceCustomerId().toString());
        string("billingCycle", order.billingCycle().map(Object::toString));
        string("currencyCode", order.currencyCode().map(Object::toString));
        string("currencySymbol", order.currencySymbol());
        json.writeStringField("creationDate", order.creationDateAsSent().toString());
        string("status", order.status().map(Object::toString));
        amount("totalPrice", order.totalPrice());
        string("pricesAsOf", cached.pricesAsOf().map(Object::toString));
        string("transactionType", order.transactionType().map(Object::toString));
        if (order.client().isPresent()) {
            json.writeObjectFieldStart("client");
            string("deviceFamily", order.client().get().deviceFamily());
            string("marketplaceCountry", order.client().get().marketplaceCountry());
            string("name", order.client().get().name());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("lineItems");
        for (OrderLineItem item : order.lineItems()) {
            writeLineItem(item);
        }
        json.writeEndArray();
        if (order.links().self().isPresent() || order.links().provisioningStatus().isPresent()
                || order.links().patchOperation().isPresent()) {
            json.writeObjectFieldStart("links");
            link("self", order.links().self());
            link("provisioningStatus", order.links().provisioningStatus());
            link("patchOperation", order.links().patchOperation());
            json.writeEndObject();
        }
        if (order.attributes().etag().isPresent() || order.attributes().objectType().isPresent()) {
            json.writeObjectFieldStart("attributes");
            string("etag", order.attributes().etag());
            string("objectType", order.attributes().objectType());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void writeLineItem(OrderLineItem item) throws IOException {
        json.writeStartObject();
        json.writeNumberField("lineItemNumber", item.lineItemNumber());
        json.writeStringField("offerId", item.offerId().value());
        string("subscriptionId", item.subscriptionId());
        string("parentSubscriptionId", item.parentSubscriptionId());
        string("termDuration", item.termDuration());
        string("transactionType", item.transactionType().map(Object::toString));
        string("friendlyName", item.friendlyName());
        json.writeNumberField("quantity", item.quantity());
        string("partnerIdOnRecord", item.partnerIdOnRecord());
        if (!item.provisioningContext().isEmpty()) {
            json.writeObjectFieldStart("provisioningContext");
            for (Map.Entry<String, String> entry : item.provisioningContext().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        if (item.pricing().isPresent()) {
            json.writeObjectFieldStart("pricing");
            amount("listPrice", item.pricing().get().listPrice());
            amount("discountedPrice", item.pricing().get().discountedPrice());
            amount("extendedPrice", item.pricing().get().extendedPrice());
            amount("price", item.pricing().get().price());
            amount("proratedPrice", item.pricing().get().proratedPrice());
            json.writeEndObject();
        }
        if (item.purchaseCommitment().isPresent()) {
            json.writeObjectFieldStart("purchaseCommitment");
            amount("amount", item.purchaseCommitment().get().amount());
            string("currency", item.purchaseCommitment().get().currency().map(Object::toString));
            string("grain", item.purchaseCommitment().get().grain());
            json.writeEndObject();
        }
        if (item.renewsTo().isPresent()) {
            json.writeObjectFieldStart("renewsTo");
            string("termDuration", item.renewsTo().get().termDuration());
            json.writeEndObject();
        }
        string("promotionId", item.promotionId());
        if (item.attestationAccepted().isPresent()) {
            json.writeBooleanField("attestationAccepted", item.attestationAccepted().get());
        }
        string("customTermEndDate", item.customTermEndDate().map(Object::toString));
        var links = item.links();
        if (links.product().isPresent() || links.sku().isPresent() || links.availability().isPresent()
                || links.subscription().isPresent() || links.provisioningStatus().isPresent()
                || links.activationLinks().isPresent()) {
            json.writeObjectFieldStart("links");
            link("product", links.product());
            link("sku", links.sku());
            link("availability", links.availability());
            link("subscription", links.subscription());
            link("provisioningStatus", links.provisioningStatus());
            link("activationLinks", links.activationLinks());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void link(String name, Optional<Link> link) throws IOException {
        if (link.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart(name);
        json.writeStringField("uri", link.get().uri());
        json.writeStringField("method", link.get().method());
        json.writeArrayFieldStart("headers");
        for (Link.Header header : link.get().headers()) {
            json.writeStartObject();
            json.writeStringField("key", header.key());
            json.writeStringField("value", header.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        string("body", link.get().body());
        json.writeEndObject();
    }

    private void string(String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    private void amount(String name, Optional<Amount> value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.get().value());
        }
    }

    @Override
    public void close() throws IOException {
        json.flush();
        json.close();
    }
}
