package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.InputQuote;
import dev.pcorders.domain.shared.ResellerId;
import dev.pcorders.domain.shared.ResourceKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one fetch of a customer's orders covers: the customer and the filters and flags it was asked
 * with. The cache keeps one view of each order whatever scope brought it; a sync can only tell that an
 * order is gone when its scope {@linkplain #covers covers} that order.
 */
public record OrderScope(
        CustomerId customer,
        Optional<ResellerId> reseller,
        Optional<BillingCycle> billingType,
        boolean includePrice,
        boolean includeSystemPurchases) implements CustomerScope {

    /** The name the cache records order syncs under. */
    public static final ResourceKind KIND = new ResourceKind("orders");

    private static final List<String> KEY_PARTS = List.of("reseller", "billingType", "includePrice", "includeSystemPurchases");

    public OrderScope {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(billingType, "billingType");
        if (billingType.filter(BillingCycle::isUnknown).isPresent()) {
            throw new IllegalArgumentException("billing type filter must be a known billing cycle, not UNKNOWN");
        }
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    /**
     * {@code reseller=<tenant id or empty>;billingType=<BillingCycle name or empty>;includePrice=<true|false>;
     * includeSystemPurchases=<true|false>}, every part always present in this order. Schema migration V4 writes
     * the same text from the columns scopes had before, so both must change together.
     */
    @Override
    public String key() {
        return "reseller=" + reseller.map(ResellerId::toString).orElse("")
                + ";billingType=" + billingType.map(Enum::name).orElse("")
                + ";includePrice=" + includePrice
                + ";includeSystemPurchases=" + includeSystemPurchases;
    }

    /** The scope of {@code customer} whose {@link #key()} is {@code key}. */
    public static OrderScope fromKey(CustomerId customer, String key) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(key, "key");
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : key.split(";", -1)) {
            int equals = part.indexOf('=');
            if (equals < 0 || parts.put(part.substring(0, equals), part.substring(equals + 1)) != null) {
                throw badKey(key);
            }
        }
        if (!List.copyOf(parts.keySet()).equals(KEY_PARTS)) {
            throw badKey(key);
        }
        try {
            String reseller = parts.get("reseller");
            String billingType = parts.get("billingType");
            return new OrderScope(customer,
                    reseller.isEmpty() ? Optional.empty() : Optional.of(ResellerId.parse(reseller)),
                    billingType.isEmpty() ? Optional.empty() : Optional.of(BillingCycle.valueOf(billingType)),
                    flag(parts.get("includePrice"), key), flag(parts.get("includeSystemPurchases"), key));
        } catch (IllegalArgumentException e) {
            IllegalArgumentException bad = badKey(key);
            bad.initCause(e);
            throw bad;
        }
    }

    private static boolean flag(String value, String key) {
        if (!value.equals("true") && !value.equals("false")) {
            throw badKey(key);
        }
        return Boolean.parseBoolean(value);
    }

    private static IllegalArgumentException badKey(String key) {
        return new IllegalArgumentException("not an order scope key: " + InputQuote.quote(key)
                + " (expected reseller=...;billingType=...;includePrice=...;includeSystemPurchases=...)");
    }

    /** Every order of the customer, without prices or system purchases: Partner Center's defaults. */
    public static OrderScope allOrdersOf(CustomerId customer) {
        return new OrderScope(customer, Optional.empty(), Optional.empty(), false, false);
    }

    public OrderScope withReseller(ResellerId value) {
        return new OrderScope(customer, Optional.of(value), billingType, includePrice, includeSystemPurchases);
    }

    public OrderScope withBillingType(BillingCycle value) {
        return new OrderScope(customer, reseller, Optional.of(value), includePrice, includeSystemPurchases);
    }

    public OrderScope withPrices() {
        return new OrderScope(customer, reseller, billingType, true, includeSystemPurchases);
    }

    public OrderScope withSystemPurchases() {
        return new OrderScope(customer, reseller, billingType, includePrice, true);
    }

    /** What a scope leaves out that an earlier one of the same customer fetched. */
    public enum Narrowing {
        /** The earlier sync fetched prices, this one does not refresh them. */
        PRICES,
        /** The earlier sync fetched system purchases, this one does not see them. */
        SYSTEM_PURCHASES,
        /** This sync covers one indirect reseller's orders where the earlier one covered every order. */
        RESELLER_FILTER,
        /** This sync covers one billing cycle where the earlier one covered every cycle. */
        BILLING_TYPE_FILTER
    }

    /** What this scope leaves out compared with {@code earlier}: empty when it fetches at least as much. */
    public Set<Narrowing> narrowingFrom(OrderScope earlier) {
        Objects.requireNonNull(earlier, "earlier");
        Set<Narrowing> narrower = EnumSet.noneOf(Narrowing.class);
        if (earlier.includePrice && !includePrice) {
            narrower.add(Narrowing.PRICES);
        }
        if (earlier.includeSystemPurchases && !includeSystemPurchases) {
            narrower.add(Narrowing.SYSTEM_PURCHASES);
        }
        if (earlier.reseller.isEmpty() && reseller.isPresent()) {
            narrower.add(Narrowing.RESELLER_FILTER);
        }
        if (earlier.billingType.isEmpty() && billingType.isPresent()) {
            narrower.add(Narrowing.BILLING_TYPE_FILTER);
        }
        return Set.copyOf(narrower);
    }

    /**
     * Whether a fetch of this scope would have returned {@code order}, so that its absence from the answer
     * means the order is gone. Partner Center leaves system purchases out unless asked; a billing type filter
     * returns orders of that cycle only; a reseller filter returns the orders that reseller placed, which the
     * order itself does not tell ({@code partnerIdOnRecord} is an MPN id, not the reseller's tenant), so it
     * covers only orders an earlier fetch of the same filter returned ({@code seenUnderReseller}). When in
     * doubt (no billing cycle sent, say) the answer is no: keeping an order is recoverable, losing it is not.
     */
    public boolean covers(Order order, boolean seenUnderReseller) {
        Objects.requireNonNull(order, "order");
        if (!order.referenceCustomerId().equals(customer)) {
            return false;
        }
        if (!includeSystemPurchases && order.transactionType().map(type -> isSystem(type.known())).orElse(false)) {
            return false;
        }
        if (billingType.isPresent() && !order.billingCycle().map(cycle -> cycle.known() == billingType.get()).orElse(false)) {
            return false;
        }
        return reseller.isEmpty() || seenUnderReseller;
    }

    private static boolean isSystem(OrderTransactionType type) {
        return type == OrderTransactionType.SYSTEM_PURCHASE || type == OrderTransactionType.SYSTEM_BILLING;
    }
}
