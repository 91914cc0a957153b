package dev.pcorders.benchmarks.prototype;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pcorders.adapter.http.order.wire.ClientDto;
import dev.pcorders.adapter.http.order.wire.OrderCollectionDto;
import dev.pcorders.adapter.http.order.wire.OrderDto;
import dev.pcorders.adapter.http.order.wire.OrderLineItemDto;
import dev.pcorders.adapter.http.order.wire.PricingDto;
import dev.pcorders.adapter.http.order.wire.PurchaseCommitmentDto;
import dev.pcorders.adapter.http.order.wire.RenewsToDto;
import dev.pcorders.adapter.http.wire.AttributesDto;
import dev.pcorders.adapter.http.wire.CollectionLinksDto;
import dev.pcorders.adapter.http.wire.LinkDto;
import dev.pcorders.adapter.http.wire.LinkHeaderDto;
import dev.pcorders.adapter.http.wire.SharedWireMapper;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.shared.Link;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A measurement, not a decoder: the wire records read straight off a Jackson {@link JsonParser}, with
 * no micronaut-serde in between, to show what serde's {@code Decoder} costs over the parser. It reads
 * the properties the benchmark's orders carry (and their PascalCase spellings) and skips the rest, with
 * none of the production readers' care for repeated names or serde's coercions; never use it to decode.
 */
public final class JacksonWireReader {

    private final JsonFactory factory = new JsonFactory();

    public OrderCollectionDto read(InputStream body) throws IOException {
        try (JsonParser parser = factory.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, parser);
            Integer total = null;
            List<OrderDto> items = null;
            CollectionLinksDto links = null;
            AttributesDto attributes = null;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                switch (name) {
                    case "totalCount", "TotalCount" -> total = parser.nextIntValue(0);
                    case "items", "Items" -> items = list(parser, JacksonWireReader::order);
                    case "links", "Links" -> links = collectionLinks(parser);
                    case "attributes", "Attributes" -> attributes = attributes(parser);
                    default -> skip(parser);
                }
            }
            return new OrderCollectionDto(total, items, links, attributes);
        }
    }

    private interface ElementReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    private static <T> List<T> list(JsonParser parser, ElementReader<T> element) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser.currentToken(), JsonToken.START_ARRAY, parser);
        List<T> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : element.read(parser));
        }
        return list;
    }

    private static OrderDto order(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, parser);
        String id = null, alternateId = null, customer = null, billingCycle = null, currency = null, symbol = null;
        String created = null, status = null, transactionType = null;
        BigDecimal total = null;
        List<OrderLineItemDto> lineItems = null;
        OrderLinks links = null;
        ClientDto client = null;
        AttributesDto attributes = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "id", "Id" -> id = parser.nextTextValue();
                case "alternateId", "AlternateId" -> alternateId = parser.nextTextValue();
                case "referenceCustomerId", "ReferenceCustomerId" -> customer = parser.nextTextValue();
                case "billingCycle", "BillingCycle" -> billingCycle = parser.nextTextValue();
                case "currencyCode", "CurrencyCode" -> currency = parser.nextTextValue();
                case "currencySymbol", "CurrencySymbol" -> symbol = parser.nextTextValue();
                case "creationDate", "CreationDate" -> created = parser.nextTextValue();
                case "status", "Status" -> status = parser.nextTextValue();
                case "transactionType", "TransactionType" -> transactionType = parser.nextTextValue();
                case "totalPrice", "TotalPrice" -> total = decimal(parser);
                case "lineItems", "LineItems" -> lineItems = list(parser, JacksonWireReader::lineItem);
                case "links", "Links" -> links = orderLinks(parser);
                case "client", "Client" -> client = client(parser);
                case "attributes", "Attributes" -> attributes = attributes(parser);
                default -> skip(parser);
            }
        }
        return new OrderDto(id, alternateId, customer, billingCycle, currency, symbol, created, status, total,
                transactionType, client, lineItems, links, attributes);
    }

    private static OrderLineItemDto lineItem(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, parser);
        Integer number = null, quantity = null;
        String offerId = null, subscriptionId = null, parent = null, term = null, transactionType = null;
        String friendlyName = null, partner = null, promotion = null, customEnd = null;
        Boolean attestation = null;
        Map<String, String> context = null;
        PricingDto pricing = null;
        LineItemLinks links = null;
        PurchaseCommitmentDto commitment = null;
        RenewsToDto renewsTo = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "lineItemNumber", "LineItemNumber" -> number = parser.nextIntValue(0);
                case "quantity", "Quantity" -> quantity = parser.nextIntValue(0);
                case "offerId", "OfferId" -> offerId = parser.nextTextValue();
                case "subscriptionId", "SubscriptionId" -> subscriptionId = parser.nextTextValue();
                case "parentSubscriptionId", "ParentSubscriptionId" -> parent = parser.nextTextValue();
                case "termDuration", "TermDuration" -> term = parser.nextTextValue();
                case "transactionType", "TransactionType" -> transactionType = parser.nextTextValue();
                case "friendlyName", "FriendlyName" -> friendlyName = parser.nextTextValue();
                case "partnerIdOnRecord", "PartnerIdOnRecord" -> partner = parser.nextTextValue();
                case "promotionId", "PromotionId" -> promotion = parser.nextTextValue();
                case "customTermEndDate", "CustomTermEndDate" -> customEnd = parser.nextTextValue();
                case "attestationAccepted", "AttestationAccepted" -> attestation = parser.nextBooleanValue();
                case "provisioningContext", "ProvisioningContext" -> context = stringMap(parser);
                case "pricing", "Pricing" -> pricing = pricing(parser);
                case "links", "Links" -> links = lineItemLinks(parser);
                case "purchaseCommitment", "PurchaseCommitment" -> commitment = commitment(parser);
                case "renewsTo", "RenewsTo" -> renewsTo = renewsTo(parser);
                default -> skip(parser);
            }
        }
        return new OrderLineItemDto(number, offerId, subscriptionId, parent, term, transactionType, friendlyName,
                quantity, partner, context, pricing, commitment, renewsTo, promotion, attestation, customEnd, links);
    }

    private static PricingDto pricing(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser.currentToken(), JsonToken.START_OBJECT, parser);
        BigDecimal list = null, discounted = null, extended = null, price = null, prorated = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "listPrice", "ListPrice" -> list = decimal(parser);
                case "discountedPrice", "DiscountedPrice" -> discounted = decimal(parser);
                case "extendedPrice", "ExtendedPrice" -> extended = decimal(parser);
                case "price", "Price" -> price = decimal(parser);
                case "proratedPrice", "ProratedPrice" -> prorated = decimal(parser);
                default -> skip(parser);
            }
        }
        return new PricingDto(list, discounted, extended, price, prorated);
    }

    private static CollectionLinksDto collectionLinks(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        LinkDto self = null, next = null, previous = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "self", "Self" -> self = link(parser);
                case "next", "Next" -> next = link(parser);
                case "previous", "Previous" -> previous = link(parser);
                default -> skip(parser);
            }
        }
        return new CollectionLinksDto(self, next, previous);
    }

    private static AttributesDto attributes(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String etag = null, objectType = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "etag", "Etag" -> etag = parser.nextTextValue();
                case "objectType", "ObjectType" -> objectType = parser.nextTextValue();
                default -> skip(parser);
            }
        }
        return new AttributesDto(etag, objectType);
    }

    private static ClientDto client(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String deviceFamily = null, country = null, name = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            switch (field) {
                case "deviceFamily", "DeviceFamily" -> deviceFamily = parser.nextTextValue();
                case "marketplaceCountry", "MarketplaceCountry" -> country = parser.nextTextValue();
                case "name", "Name" -> name = parser.nextTextValue();
                default -> skip(parser);
            }
        }
        return new ClientDto(deviceFamily, country, name);
    }

    private static PurchaseCommitmentDto commitment(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        BigDecimal amount = null;
        String currency = null, grain = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "amount", "Amount" -> amount = decimal(parser);
                case "currency", "Currency" -> currency = parser.nextTextValue();
                case "grain", "Grain" -> grain = parser.nextTextValue();
                default -> skip(parser);
            }
        }
        return new PurchaseCommitmentDto(amount, currency, grain);
    }

    private static RenewsToDto renewsTo(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String term = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "termDuration", "TermDuration" -> term = parser.nextTextValue();
                default -> skip(parser);
            }
        }
        return new RenewsToDto(term);
    }

    private static OrderLinks orderLinks(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Optional<Link> self = Optional.empty(), provisioning = Optional.empty(), patch = Optional.empty();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "self", "Self" -> self = domainLink(parser);
                case "provisioningStatus", "ProvisioningStatus" -> provisioning = domainLink(parser);
                case "patchOperation", "PatchOperation" -> patch = domainLink(parser);
                default -> skip(parser);
            }
        }
        return new OrderLinks(self, provisioning, patch);
    }

    private static LineItemLinks lineItemLinks(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Optional<Link> product = Optional.empty(), sku = Optional.empty(), availability = Optional.empty();
        Optional<Link> subscription = Optional.empty(), provisioning = Optional.empty(), activation = Optional.empty();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "product", "Product" -> product = domainLink(parser);
                case "sku", "Sku" -> sku = domainLink(parser);
                case "availability", "Availability" -> availability = domainLink(parser);
                case "subscription", "Subscription" -> subscription = domainLink(parser);
                case "provisioningStatus", "ProvisioningStatus" -> provisioning = domainLink(parser);
                case "activationLinks", "ActivationLinks" -> activation = domainLink(parser);
                default -> skip(parser);
            }
        }
        return new LineItemLinks(product, sku, availability, subscription, provisioning, activation);
    }

    private static LinkDto link(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String uri = null, method = null;
        List<LinkHeaderDto> headers = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "uri", "Uri" -> uri = parser.nextTextValue();
                case "method", "Method" -> method = parser.nextTextValue();
                case "headers", "Headers" -> headers = list(parser, JacksonWireReader::header);
                default -> skip(parser);
            }
        }
        return new LinkDto(uri, method, headers, null);
    }

    /** The serde readers read an order's and a line item's links straight into the domain's, by the shared rules. */
    private static Optional<Link> domainLink(JsonParser parser) throws IOException {
        return SharedWireMapper.link(link(parser));
    }

    private static LinkHeaderDto header(JsonParser parser) throws IOException {
        String key = null, value = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "key", "Key" -> key = parser.nextTextValue();
                case "value", "Value" -> value = parser.nextTextValue();
                default -> skip(parser);
            }
        }
        return new LinkHeaderDto(key, value);
    }

    private static Map<String, String> stringMap(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            map.put(key, parser.nextTextValue());
        }
        return map;
    }

    private static BigDecimal decimal(JsonParser parser) throws IOException {
        return parser.nextToken() == JsonToken.VALUE_NULL ? null : parser.getDecimalValue();
    }

    private static void skip(JsonParser parser) throws IOException {
        parser.nextToken();
        parser.skipChildren();
    }

    private static void expect(JsonToken token, JsonToken expected, JsonParser parser) throws IOException {
        if (token != expected) {
            throw new IOException("expected " + expected + " but got " + token + " at " + parser.currentLocation());
        }
    }
}
