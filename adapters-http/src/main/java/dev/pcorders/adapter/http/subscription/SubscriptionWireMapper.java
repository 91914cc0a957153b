package dev.pcorders.adapter.http.subscription;

import static dev.pcorders.adapter.http.wire.SharedWireMapper.blankToNull;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.coded;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.optional;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.required;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.violation;

import dev.pcorders.adapter.http.subscription.wire.RefundOptionDto;
import dev.pcorders.adapter.http.subscription.wire.SubscriptionDto;
import dev.pcorders.adapter.http.wire.JsonPath;
import dev.pcorders.adapter.http.wire.LinkDto;
import dev.pcorders.adapter.http.wire.SharedWireMapper;
import dev.pcorders.adapter.http.wire.WireDates;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.ResourceAttributes;
import dev.pcorders.domain.subscription.RefundOption;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the domain's subscriptions from the wire records. Lenient where the contract is open (an unknown
 * {@code status} or {@code billingCycle} kept raw, absent lists and maps empty, blank optional ids and dates absent)
 * and strict where a value is the subscription's identity or a date: a violation names the JSON path, e.g.
 * {@code items[3].creationDate} for {@code "2015-11-25T06: 41: 12Z"}. The wire does not name the customer; it is the
 * one whose subscriptions were asked for.
 */
final class SubscriptionWireMapper {

    private SubscriptionWireMapper() {
    }

    static Subscription subscription(SubscriptionDto dto, CustomerId customer, JsonPath path) {
        SubscriptionId id = required(dto.id(), path, "id", SubscriptionId::of);
        String offerId = required(dto.offerId(), path, "offerId", Function.identity());
        int quantity = required(dto.quantity(), path, "quantity", Function.identity());
        Instant created = required(dto.creationDate(), path, "creationDate", SubscriptionWireMapper::instant);
        try {
            return new Subscription(customer, id, offerId,
                    Optional.ofNullable(dto.offerName()),
                    Optional.ofNullable(dto.friendlyName()),
                    quantity,
                    Optional.ofNullable(dto.unitType()),
                    required(dto.status(), path, "status", SubscriptionStatus::parse),
                    Optional.ofNullable(dto.autoRenewEnabled()),
                    Optional.ofNullable(coded(BillingCycle.class, dto.billingCycle())),
                    Optional.ofNullable(dto.termDuration()),
                    created,
                    optionalInstant(dto.effectiveStartDate(), path, "effectiveStartDate"),
                    optionalInstant(dto.commitmentEndDate(), path, "commitmentEndDate"),
                    Optional.ofNullable(optional(blankToNull(dto.orderId()), path, "orderId", OrderId::of)),
                    Optional.ofNullable(blankToNull(dto.entitlementId())),
                    Optional.ofNullable(dto.isTrial()),
                    Optional.ofNullable(dto.billingType()),
                    Optional.ofNullable(dto.contractType()),
                    refundOptions(dto.refundOptions(), path),
                    links(dto.links()),
                    dto.attributes() == null ? ResourceAttributes.NONE : SharedWireMapper.attributes(dto.attributes()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw violation(e, path.toString());
        }
    }

    private static List<RefundOption> refundOptions(List<RefundOptionDto> options, JsonPath owner) {
        if (options == null || options.isEmpty()) {
            return List.of();
        }
        List<RefundOption> refunds = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            RefundOptionDto option = options.get(i);
            if (option != null) {
                JsonPath path = owner.element("refundOptions", i);
                refunds.add(new RefundOption(required(option.type(), path, "type", Function.identity()),
                        required(option.expiresAt(), path, "expiresAt", SubscriptionWireMapper::instant)));
            }
        }
        return refunds;
    }

    /** Each relation with a usable link, in the order sent; a link without a uri is no link. */
    private static Map<String, Link> links(Map<String, LinkDto> links) {
        if (links == null || links.isEmpty()) {
            return Map.of();
        }
        Map<String, Link> kept = new LinkedHashMap<>();
        links.forEach((relation, link) -> SharedWireMapper.link(link).ifPresent(value -> kept.put(relation, value)));
        return kept;
    }

    private static Optional<Instant> optionalInstant(String text, JsonPath owner, String field) {
        return Optional.ofNullable(optional(blankToNull(text), owner, field, SubscriptionWireMapper::instant));
    }

    private static Instant instant(String text) {
        return WireDates.dateTime(text).toInstant();
    }
}
