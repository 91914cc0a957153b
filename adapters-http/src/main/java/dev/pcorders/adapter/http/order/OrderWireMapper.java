package dev.pcorders.adapter.http.order;

import static dev.pcorders.adapter.http.wire.SharedWireMapper.blankToNull;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.coded;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.optional;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.required;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.violation;

import dev.pcorders.adapter.http.order.wire.ClientDto;
import dev.pcorders.adapter.http.order.wire.OrderDto;
import dev.pcorders.adapter.http.order.wire.OrderLineItemDto;
import dev.pcorders.adapter.http.order.wire.PricingDto;
import dev.pcorders.adapter.http.order.wire.PurchaseCommitmentDto;
import dev.pcorders.adapter.http.wire.JsonPath;
import dev.pcorders.adapter.http.wire.SharedWireMapper;
import dev.pcorders.adapter.http.wire.WireDates;
import dev.pcorders.adapter.http.wire.WireFormatViolation;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.ClientContext;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.LineItemTransactionType;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.order.PurchaseCommitment;
import dev.pcorders.domain.order.RenewsTo;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.InputQuote;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds the domain's records from the wire records. Lenient where the contract is open (unknown
 * enum values kept raw, absent or null lists and maps empty, blank optional strings kept as sent) and
 * strict where a value is the order's identity (id, customer, creation date, offer, line numbers):
 * a violation names the JSON path, e.g. {@code items[3].lineItems[0].offerId}.
 */
final class OrderWireMapper {

    // Amounts beyond this scale are not prices; toPlainString of 1e999999999 would also eat the heap.
    private static final int MAX_AMOUNT_SCALE = 64;

    // A customer's line items name a few hundred offers at most, each many times over: parsing an offer id (three
    // substrings, each part checked twice) was the largest part of mapping a line item. OfferId is an immutable value,
    // so the one parsed first serves every later line item with the same text. Emptied when full: ids that never
    // repeat cost a lookup more than before, and the memo never holds more than OFFER_MEMO_LIMIT of them.
    private static final int OFFER_MEMO_LIMIT = 4096;
    private static final Map<String, OfferId> OFFERS = new ConcurrentHashMap<>();

    // Every order of a response names the same customer: the GUID parsed for the previous order nearly always serves.
    private static volatile ParsedCustomer lastCustomer;

    private record ParsedCustomer(String text, CustomerId id) {
    }

    private OrderWireMapper() {
    }

    static Order order(OrderDto dto, JsonPath path) {
        OrderId id = required(dto.id(), path, "id", OrderId::of);
        CustomerId customer = required(dto.referenceCustomerId(), path, "referenceCustomerId", OrderWireMapper::customer);
        OffsetDateTime created = required(dto.creationDate(), path, "creationDate", WireDates::dateTime);
        List<OrderLineItemDto> items = dto.lineItems() == null ? List.of() : dto.lineItems();
        List<OrderLineItem> lineItems = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                lineItems.add(lineItem(items.get(i), path.element("lineItems", i)));
            }
        }
        // The record's constructor, not its builder: the builder copies every field and wraps each again, per order.
        try {
            return new Order(id, Optional.ofNullable(dto.alternateId()), customer,
                    Optional.ofNullable(coded(BillingCycle.class, dto.billingCycle())),
                    Optional.ofNullable(optional(blankToNull(dto.currencyCode()), path, "currencyCode", CurrencyCode::of)),
                    Optional.ofNullable(dto.currencySymbol()), created.toInstant(), created.getOffset(),
                    Optional.ofNullable(coded(OrderStatus.class, dto.status())),
                    Optional.ofNullable(amount(dto.totalPrice(), path, "totalPrice")),
                    Optional.ofNullable(coded(OrderTransactionType.class, dto.transactionType())),
                    Optional.ofNullable(client(dto.client())), lineItems,
                    dto.links() == null ? OrderLinks.NONE : dto.links(),
                    dto.attributes() == null ? ResourceAttributes.NONE : SharedWireMapper.attributes(dto.attributes()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw violation(e, path.toString());
        }
    }

    private static OrderLineItem lineItem(OrderLineItemDto dto, JsonPath path) {
        int number = required(dto.lineItemNumber(), path, "lineItemNumber", Function.identity());
        OfferId offer = required(dto.offerId(), path, "offerId", OrderWireMapper::offer);
        int quantity = required(dto.quantity(), path, "quantity", Function.identity());
        // The record's constructor, not its builder: per line item the builder cost a copy of 17 fields.
        try {
            return new OrderLineItem(number, offer, Optional.ofNullable(dto.subscriptionId()),
                    Optional.ofNullable(dto.parentSubscriptionId()), Optional.ofNullable(dto.termDuration()),
                    Optional.ofNullable(coded(LineItemTransactionType.class, dto.transactionType())),
                    Optional.ofNullable(dto.friendlyName()), quantity, Optional.ofNullable(dto.partnerIdOnRecord()),
                    withoutNulls(dto.provisioningContext()), Optional.ofNullable(pricing(dto.pricing(), path)),
                    Optional.ofNullable(commitment(dto.purchaseCommitment(), path)),
                    dto.renewsTo() == null ? Optional.empty()
                            : Optional.of(new RenewsTo(Optional.ofNullable(dto.renewsTo().termDuration()))),
                    Optional.ofNullable(dto.promotionId()), Optional.ofNullable(dto.attestationAccepted()),
                    Optional.ofNullable(optional(blankToNull(dto.customTermEndDate()), path, "customTermEndDate",
                            WireDates::date)),
                    dto.links() == null ? LineItemLinks.NONE : dto.links());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw violation(e, path.toString());
        }
    }

    private static CustomerId customer(String text) {
        ParsedCustomer last = lastCustomer;
        if (last != null && last.text().equals(text)) {
            return last.id();
        }
        CustomerId parsed = CustomerId.parse(text);
        lastCustomer = new ParsedCustomer(text, parsed);
        return parsed;
    }

    private static OfferId offer(String text) {
        OfferId known = OFFERS.get(text);
        if (known != null) {
            return known;
        }
        OfferId parsed = OfferId.parse(text);
        if (OFFERS.size() >= OFFER_MEMO_LIMIT) {
            OFFERS.clear();
        }
        OFFERS.put(text, parsed);
        return parsed;
    }

    private static Pricing pricing(PricingDto dto, JsonPath item) {
        if (dto == null) {
            return null;
        }
        return new Pricing(Optional.ofNullable(amount(dto.listPrice(), item, "pricing.listPrice")),
                Optional.ofNullable(amount(dto.discountedPrice(), item, "pricing.discountedPrice")),
                Optional.ofNullable(amount(dto.extendedPrice(), item, "pricing.extendedPrice")),
                Optional.ofNullable(amount(dto.price(), item, "pricing.price")),
                Optional.ofNullable(amount(dto.proratedPrice(), item, "pricing.proratedPrice")));
    }

    private static PurchaseCommitment commitment(PurchaseCommitmentDto dto, JsonPath item) {
        if (dto == null) {
            return null;
        }
        return new PurchaseCommitment(Optional.ofNullable(amount(dto.amount(), item, "purchaseCommitment.amount")),
                Optional.ofNullable(optional(blankToNull(dto.currency()), item, "purchaseCommitment.currency",
                        CurrencyCode::of)),
                Optional.ofNullable(dto.grain()));
    }

    private static Amount amount(BigDecimal value, JsonPath owner, String field) {
        if (value == null) {
            return null;
        }
        if (Math.abs(value.scale()) > MAX_AMOUNT_SCALE) {
            throw new WireFormatViolation("amount " + InputQuote.quote(value.toString()) + " is out of range",
                    owner.field(field), null);
        }
        return Amount.of(value);
    }

    private static ClientContext client(ClientDto dto) {
        return dto == null ? null : new ClientContext(Optional.ofNullable(dto.deviceFamily()),
                Optional.ofNullable(dto.marketplaceCountry()), Optional.ofNullable(dto.name()));
    }

    // The domain copies the map in order and rejects nulls, so only a map that holds nulls needs a filtered copy here.
    private static Map<String, String> withoutNulls(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (holdsNoNulls(map)) {
            return map;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static boolean holdsNoNulls(Map<String, String> map) {
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                return false;
            }
        }
        return true;
    }
}
