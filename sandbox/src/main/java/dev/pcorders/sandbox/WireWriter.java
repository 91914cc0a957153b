package dev.pcorders.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes Partner Center's order JSON, property by property, in the order and with the names of the
 * published samples (camelCase; links as {uri, method, headers}). This is the sandbox's own reading of
 * the contract; it shares no class with the client's decoder on purpose.
 */
final class WireWriter {

    /** A header a link asks the next request to replay. */
    record Header(String key, String value) {
    }

    private WireWriter() {
    }

    static void writeOrder(JsonGenerator json, GeneratedOrder order, boolean includePrice) throws IOException {
        String customerPath = "/customers/" + order.customerId();
        String orderPath = customerPath + "/orders/" + order.id();
        json.writeStartObject();
        json.writeStringField("id", order.id());
        if (order.alternateId().isPresent()) {
            json.writeStringField("alternateId", order.alternateId().get());
        }
        json.writeStringField("referenceCustomerId", order.customerId());
        json.writeStringField("billingCycle", order.billingCycleText());
        json.writeStringField("currencyCode", order.currencyCode());
        json.writeStringField("currencySymbol", order.currencySymbol());
        json.writeArrayFieldStart("lineItems");
        for (GeneratedOrder.LineItem item : order.lineItems()) {
            writeLineItem(json, item, customerPath, orderPath, includePrice);
        }
        json.writeEndArray();
        json.writeStringField("creationDate", order.creationDate());
        json.writeStringField("status", order.status());
        json.writeStringField("transactionType", order.transactionType());
        if (includePrice) {
            json.writeFieldName("totalPrice");
            json.writeNumber(order.totalPrice());
        }
        if (order.client().isPresent()) {
            GeneratedOrder.Client client = order.client().get();
            json.writeObjectFieldStart("client");
            json.writeStringField("marketplaceCountry", client.marketplaceCountry());
            json.writeStringField("deviceFamily", client.deviceFamily());
            json.writeStringField("name", client.name());
            json.writeEndObject();
        }
        json.writeObjectFieldStart("links");
        writeLink(json, "self", orderPath, "GET", List.of());
        if (order.alternateId().isPresent()) {
            writeLink(json, "provisioningStatus", orderPath + "/provisioningstatus", "GET", List.of());
        }
        if (order.patchable()) {
            writeLink(json, "patchOperation", orderPath, "PATCH", List.of());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("attributes");
        if (order.etag().isPresent()) {
            json.writeStringField("etag", order.etag().get());
        }
        json.writeStringField("objectType", "Order");
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeLineItem(JsonGenerator json, GeneratedOrder.LineItem item, String customerPath,
                                      String orderPath, boolean includePrice) throws IOException {
        json.writeStartObject();
        json.writeNumberField("lineItemNumber", item.number());
        json.writeStringField("offerId", item.offerId());
        optionalString(json, "subscriptionId", item.subscriptionId());
        optionalString(json, "parentSubscriptionId", item.parentSubscriptionId());
        optionalString(json, "termDuration", item.termDuration());
        json.writeStringField("transactionType", item.transactionType());
        json.writeStringField("friendlyName", item.friendlyName());
        json.writeNumberField("quantity", item.quantity());
        optionalString(json, "partnerIdOnRecord", item.partnerIdOnRecord());
        if (!item.provisioningContext().isEmpty()) {
            json.writeObjectFieldStart("provisioningContext");
            for (Map.Entry<String, String> entry : item.provisioningContext().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        if (includePrice) {
            GeneratedOrder.Prices prices = item.pricing();
            json.writeObjectFieldStart("pricing");
            json.writeFieldName("listPrice");
            json.writeNumber(prices.listPrice());
            json.writeFieldName("discountedPrice");
            json.writeNumber(prices.discountedPrice());
            json.writeFieldName("extendedPrice");
            json.writeNumber(prices.extendedPrice());
            json.writeFieldName("price");
            json.writeNumber(prices.price());
            json.writeFieldName("proratedPrice");
            json.writeNumber(prices.proratedPrice());
            json.writeEndObject();
        }
        if (item.purchaseCommitment().isPresent()) {
            GeneratedOrder.Commitment commitment = item.purchaseCommitment().get();
            json.writeObjectFieldStart("purchaseCommitment");
            json.writeFieldName("amount");
            json.writeNumber(commitment.amount());
            json.writeStringField("currency", commitment.currency());
            json.writeStringField("grain", commitment.grain());
            json.writeEndObject();
        }
        if (item.renewsTo().isPresent()) {
            json.writeObjectFieldStart("renewsTo");
            json.writeStringField("termDuration", item.renewsTo().get());
            json.writeEndObject();
        }
        optionalString(json, "promotionId", item.promotionId());
        if (item.attestationAccepted().isPresent()) {
            json.writeBooleanField("attestationAccepted", item.attestationAccepted().get());
        }
        optionalString(json, "customTermEndDate", item.customTermEndDate());
        json.writeObjectFieldStart("links");
        if (item.catalogOffer().isPresent()) {
            OfferCatalog.Offer offer = item.catalogOffer().get();
            String product = "/products/" + offer.productId();
            writeLink(json, "product", product + "?country=US", "GET", List.of());
            writeLink(json, "sku", product + "/skus/" + offer.skuId() + "?country=US", "GET", List.of());
            writeLink(json, "availability", product + "/skus/" + offer.skuId() + "/availabilities/"
                    + offer.availabilityId() + "?country=US", "GET", List.of());
        } else {
            writeLink(json, "sku", "/products/" + item.offerId() + "/skus/" + item.offerId(), "GET", List.of());
        }
        if (item.subscriptionId().isPresent()) {
            writeLink(json, "subscription", customerPath + "/subscriptions/" + item.subscriptionId().get(), "GET",
                    List.of());
        }
        if (item.activationLink()) {
            writeLink(json, "activationLinks", orderPath + "/lineitems/" + item.number() + "/activationlinks", "GET",
                    List.of());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A Customer of the partner's customer list (the list omits billing profiles). */
    static void writeCustomer(JsonGenerator json, SandboxCustomer customer) throws IOException {
        String path = "/customers/" + customer.id();
        json.writeStartObject();
        json.writeStringField("id", customer.id());
        json.writeObjectFieldStart("companyProfile");
        json.writeStringField("tenantId", customer.id());
        json.writeStringField("domain", customer.domain());
        json.writeStringField("companyName", customer.name());
        json.writeObjectFieldStart("links");
        writeLink(json, "self", path + "/profiles/company", "GET", List.of());
        json.writeEndObject();
        json.writeObjectFieldStart("attributes");
        json.writeStringField("objectType", "CustomerCompanyProfile");
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField("relationshipToPartner", "reseller");
        json.writeObjectFieldStart("links");
        writeLink(json, "self", path, "GET", List.of());
        json.writeEndObject();
        json.writeObjectFieldStart("attributes");
        json.writeStringField("objectType", "Customer");
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A Subscription, with the fields of Microsoft's samples. */
    static void writeSubscription(JsonGenerator json, GeneratedSubscription subscription) throws IOException {
        String path = "/customers/" + subscription.customerId() + "/subscriptions/" + subscription.id();
        json.writeStartObject();
        json.writeStringField("id", subscription.id());
        json.writeStringField("offerId", subscription.offerId());
        json.writeStringField("offerName", subscription.offerName());
        json.writeStringField("friendlyName", subscription.friendlyName());
        if (subscription.catalogOffer().isPresent()) {
            String type = productType(subscription.catalogOffer().get().kind());
            json.writeObjectFieldStart("productType");
            json.writeStringField("id", type);
            json.writeStringField("displayName", type);
            json.writeEndObject();
        }
        json.writeNumberField("quantity", subscription.quantity());
        json.writeStringField("unitType", "Licenses");
        json.writeBooleanField("hasPurchasableAddons", false);
        json.writeStringField("creationDate", subscription.creationDate());
        json.writeStringField("effectiveStartDate", subscription.effectiveStartDate());
        json.writeStringField("commitmentEndDate", subscription.commitmentEndDate());
        json.writeStringField("status", subscription.status());
        json.writeBooleanField("autoRenewEnabled", subscription.autoRenewEnabled());
        json.writeBooleanField("isTrial", false);
        json.writeStringField("billingType", "license");
        json.writeStringField("billingCycle", subscription.billingCycle());
        optionalString(json, "termDuration", subscription.termDuration());
        json.writeArrayFieldStart("refundOptions");
        json.writeStartObject();
        json.writeStringField("type", "Full");
        json.writeStringField("expiresAt", subscription.refundExpiresAt());
        json.writeEndObject();
        json.writeEndArray();
        json.writeBooleanField("isMicrosoftProduct", true);
        json.writeStringField("contractType", "subscription");
        json.writeStringField("orderId", subscription.orderId());
        json.writeStringField("entitlementId", subscription.entitlementId());
        json.writeStringField("publisherName", "Microsoft Corporation");
        json.writeBooleanField("attentionNeeded", false);
        json.writeBooleanField("actionTaken", false);
        json.writeObjectFieldStart("links");
        writeLink(json, "offer", "/offers/" + subscription.offerId() + "?country=" + subscription.country(), "GET",
                List.of());
        writeLink(json, "self", path, "GET", List.of());
        json.writeEndObject();
        json.writeObjectFieldStart("attributes");
        json.writeStringField("objectType", "Subscription");
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String productType(OfferCatalog.Kind kind) {
        switch (kind) {
            case SEAT:
                return "OnlineServicesNCE";
            case SOFTWARE:
                return "Software";
            default:
                return "Azure";
        }
    }

    static void writeLink(JsonGenerator json, String name, String uri, String method, List<Header> headers)
            throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("uri", uri);
        json.writeStringField("method", method);
        json.writeArrayFieldStart("headers");
        for (Header header : headers) {
            json.writeStartObject();
            json.writeStringField("key", header.key());
            json.writeStringField("value", header.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void optionalString(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }
}
