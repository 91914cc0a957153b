package dev.pcorders.adapter.http.order;

import dev.pcorders.adapter.http.order.wire.AttributesDto;
import dev.pcorders.adapter.http.order.wire.ClientDto;
import dev.pcorders.adapter.http.order.wire.LineItemLinksDto;
import dev.pcorders.adapter.http.order.wire.LinkDto;
import dev.pcorders.adapter.http.order.wire.LinkHeaderDto;
import dev.pcorders.adapter.http.order.wire.OrderCollectionDto;
import dev.pcorders.adapter.http.order.wire.OrderDto;
import dev.pcorders.adapter.http.order.wire.OrderLineItemDto;
import dev.pcorders.adapter.http.order.wire.OrderLinksDto;
import dev.pcorders.adapter.http.order.wire.PricingDto;
import dev.pcorders.adapter.http.order.wire.PurchaseCommitmentDto;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.ClientContext;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.order.LineItemTransactionType;
import dev.pcorders.domain.order.Link;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.order.PurchaseCommitment;
import dev.pcorders.domain.order.RenewsTo;
import dev.pcorders.domain.order.ResourceAttributes;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.InputQuote;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the domain's records from the wire records. Lenient where the contract is open (unknown
 * enum values kept raw, absent or null lists and maps empty, blank optional strings kept as sent) and
 * strict where a value is the order's identity (id, customer, creation date, offer, line numbers):
 * a violation names the JSON path, e.g. {@code items[3].lineItems[0].offerId}.
 */
final class OrderWireMapper {

    // Amounts beyond this scale are not prices; toPlainString of 1e999999999 would also eat the heap.
    private static final int MAX_AMOUNT_SCALE = 64;

    private OrderWireMapper() {
    }

    static OrderPage page(OrderCollectionDto collection, int pageNumber) {
        List<Order> orders = new ArrayList<>();
        List<OrderDto> items = collection.items() == null ? List.of() : collection.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                orders.add(order(items.get(i), "items[" + i + "]"));
            }
        }
        Integer total = collection.totalCount();
        if (total != null && total < 0) {
            throw new WireFormatViolation("totalCount must not be negative, got " + total, "totalCount", null);
        }
        return new OrderPage(pageNumber, orders, total == null ? OptionalInt.empty() : OptionalInt.of(total));
    }

    static Optional<Link> next(OrderCollectionDto collection) {
        return collection.links() == null ? Optional.empty() : link(collection.links().next(), "links.next");
    }

    static Order order(OrderDto dto, String path) {
        OrderId id = required(dto.id(), path + ".id", OrderId::of);
        CustomerId customer = required(dto.referenceCustomerId(), path + ".referenceCustomerId", CustomerId::parse);
        OffsetDateTime created = required(dto.creationDate(), path + ".creationDate", OrderWireMapper::dateTime);
        List<OrderLineItem> lineItems = new ArrayList<>();
        List<OrderLineItemDto> items = dto.lineItems() == null ? List.of() : dto.lineItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                lineItems.add(lineItem(items.get(i), path + ".lineItems[" + i + "]"));
            }
        }
        return at(path, () -> Order.builder(id, customer, created.toInstant())
                .creationDate(created)
                .alternateId(dto.alternateId())
                .billingCycle(OrderWireMapper.<String, Coded<BillingCycle>>optional(dto.billingCycle(), path + ".billingCycle",
                        raw -> Coded.parse(BillingCycle.class, raw)))
                .currencyCode(optional(blankToNull(dto.currencyCode()), path + ".currencyCode", CurrencyCode::of))
                .currencySymbol(dto.currencySymbol())
                .status(OrderWireMapper.<String, Coded<OrderStatus>>optional(dto.status(), path + ".status",
                        raw -> Coded.parse(OrderStatus.class, raw)))
                .totalPrice(amount(dto.totalPrice(), path + ".totalPrice"))
                .transactionType(optional(dto.transactionType(), path + ".transactionType",
                        raw -> Coded.parse(OrderTransactionType.class, raw)))
                .client(client(dto.client()))
                .lineItems(lineItems)
                .links(orderLinks(dto.links(), path + ".links"))
                .attributes(attributes(dto.attributes()))
                .build());
    }

    private static OrderLineItem lineItem(OrderLineItemDto dto, String path) {
        int number = required(dto.lineItemNumber(), path + ".lineItemNumber", Function.identity());
        OfferId offer = required(dto.offerId(), path + ".offerId", OfferId::parse);
        int quantity = required(dto.quantity(), path + ".quantity", Function.identity());
        return at(path, () -> OrderLineItem.builder(number, offer, quantity)
                .subscriptionId(dto.subscriptionId())
                .parentSubscriptionId(dto.parentSubscriptionId())
                .termDuration(dto.termDuration())
                .transactionType(optional(dto.transactionType(), path + ".transactionType",
                        raw -> Coded.parse(LineItemTransactionType.class, raw)))
                .friendlyName(dto.friendlyName())
                .partnerIdOnRecord(dto.partnerIdOnRecord())
                .provisioningContext(withoutNulls(dto.provisioningContext()))
                .pricing(pricing(dto.pricing(), path + ".pricing"))
                .purchaseCommitment(commitment(dto.purchaseCommitment(), path + ".purchaseCommitment"))
                .renewsTo(dto.renewsTo() == null ? null : new RenewsTo(Optional.ofNullable(dto.renewsTo().termDuration())))
                .promotionId(dto.promotionId())
                .attestationAccepted(dto.attestationAccepted())
                .customTermEndDate(optional(blankToNull(dto.customTermEndDate()), path + ".customTermEndDate",
                        OrderWireMapper::date))
                .links(lineItemLinks(dto.links(), path + ".links"))
                .build());
    }

    private static Pricing pricing(PricingDto dto, String path) {
        if (dto == null) {
            return null;
        }
        return new Pricing(Optional.ofNullable(amount(dto.listPrice(), path + ".listPrice")),
                Optional.ofNullable(amount(dto.discountedPrice(), path + ".discountedPrice")),
                Optional.ofNullable(amount(dto.extendedPrice(), path + ".extendedPrice")),
                Optional.ofNullable(amount(dto.price(), path + ".price")),
                Optional.ofNullable(amount(dto.proratedPrice(), path + ".proratedPrice")));
    }

    private static PurchaseCommitment commitment(PurchaseCommitmentDto dto, String path) {
        if (dto == null) {
            return null;
        }
        return new PurchaseCommitment(Optional.ofNullable(amount(dto.amount(), path + ".amount")),
                Optional.ofNullable(optional(blankToNull(dto.currency()), path + ".currency", CurrencyCode::of)),
                Optional.ofNullable(dto.grain()));
    }

    private static Amount amount(BigDecimal value, String path) {
        if (value == null) {
            return null;
        }
        if (Math.abs(value.scale()) > MAX_AMOUNT_SCALE) {
            throw new WireFormatViolation("amount " + InputQuote.quote(value.toString()) + " is out of range", path, null);
        }
        return Amount.of(value);
    }

    private static ClientContext client(ClientDto dto) {
        return dto == null ? null : new ClientContext(Optional.ofNullable(dto.deviceFamily()),
                Optional.ofNullable(dto.marketplaceCountry()), Optional.ofNullable(dto.name()));
    }

    private static ResourceAttributes attributes(AttributesDto dto) {
        return dto == null ? null : new ResourceAttributes(Optional.ofNullable(dto.etag()), Optional.ofNullable(dto.objectType()));
    }

    private static OrderLinks orderLinks(OrderLinksDto dto, String path) {
        return dto == null ? null : new OrderLinks(link(dto.self(), path + ".self"),
                link(dto.provisioningStatus(), path + ".provisioningStatus"),
                link(dto.patchOperation(), path + ".patchOperation"));
    }

    private static LineItemLinks lineItemLinks(LineItemLinksDto dto, String path) {
        return dto == null ? null : new LineItemLinks(link(dto.product(), path + ".product"), link(dto.sku(), path + ".sku"),
                link(dto.availability(), path + ".availability"), link(dto.subscription(), path + ".subscription"),
                link(dto.provisioningStatus(), path + ".provisioningStatus"),
                link(dto.activationLinks(), path + ".activationLinks"));
    }

    /** A link without a uri is no link; a missing method means GET, the only one the service lists. */
    private static Optional<Link> link(LinkDto dto, String path) {
        if (dto == null || dto.uri() == null) {
            return Optional.empty();
        }
        List<Link.Header> headers = new ArrayList<>();
        List<LinkHeaderDto> wireHeaders = dto.headers() == null ? List.of() : dto.headers();
        for (LinkHeaderDto header : wireHeaders) {
            if (header != null && header.key() != null) {
                headers.add(new Link.Header(header.key(), header.value() == null ? "" : header.value()));
            }
        }
        Optional<String> body = dto.body() != null && dto.body().isString()
                ? Optional.of(dto.body().getStringValue()) : Optional.empty();
        return Optional.of(new Link(dto.uri(), dto.method() == null ? "GET" : dto.method(), headers, body));
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /**
     * ISO-8601 with 0 to 9 fraction digits and {@code Z} or an offset. A value without an offset is
     * read as UTC, which is what the service's own clocks write.
     */
    static OffsetDateTime dateTime(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        }
    }

    /** A calendar date, or the date part of a date-time. */
    static LocalDate date(String text) {
        String value = text.strip();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            return dateTime(value).toLocalDate();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static <W, D> D required(W value, String path, Function<W, D> convert) {
        if (value == null) {
            throw new WireFormatViolation("required value is missing", path, null);
        }
        return converted(value, path, convert);
    }

    private static <W, D> D optional(W value, String path, Function<W, D> convert) {
        return value == null ? null : converted(value, path, convert);
    }

    private static <W, D> D converted(W value, String path, Function<W, D> convert) {
        try {
            return convert.apply(value);
        } catch (DateTimeParseException e) {
            throw new WireFormatViolation("not an ISO-8601 date or date-time: " + InputQuote.quote(e.getParsedString()), path, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatViolation(e.getMessage() == null ? "invalid value" : e.getMessage(), path, e);
        }
    }

    // The domain's own checks (duplicate line numbers, negative quantities) name the rule; the path says where.
    private static <D> D at(String path, Supplier<D> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatViolation(e.getMessage() == null ? "invalid value" : e.getMessage(), path, e);
        }
    }
}
