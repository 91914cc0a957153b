package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.InputQuote;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a line item bought. New-commerce offers are {@code PRODUCT:SKU:AVAILABILITY}
 * ({@code DZH318Z0BQ4B:000Z:DZH318Z0DSPL}); legacy offers are a GUID. Anything else is kept as
 * {@link Other}: an offer id format this build does not know must not break an order.
 * {@link #value()} is always the text exactly as Partner Center sent it.
 */
public sealed interface OfferId permits OfferId.Catalog, OfferId.Legacy, OfferId.Other {

    /** The offer id as sent. */
    String value();

    /** A key for matching across sources that spell ids in different case (an invoice export, a ledger). */
    default String matchKey() {
        return value().toUpperCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a blank id */
    static OfferId parse(String text) {
        Objects.requireNonNull(text, "offer id");
        if (text.isBlank()) {
            throw new IllegalArgumentException("offer id must not be blank");
        }
        String[] parts = text.split(":", -1);
        if (parts.length == 3 && Catalog.isPart(parts[0]) && Catalog.isPart(parts[1]) && Catalog.isPart(parts[2])) {
            return new Catalog(parts[0], parts[1], parts[2]);
        }
        if (Legacy.GUID.matcher(text).matches()) {
            return new Legacy(text);
        }
        return new Other(text);
    }

    /** Joins an invoice reconciliation row's ProductId, SkuId and AvailabilityId. */
    static Catalog of(String productId, String skuId, String availabilityId) {
        return new Catalog(productId, skuId, availabilityId);
    }

    /** A new-commerce offer: product, SKU and availability from the catalog. */
    record Catalog(String productId, String skuId, String availabilityId) implements OfferId {
        private static final Pattern PART = Pattern.compile("[A-Za-z0-9]+");

        public Catalog {
            requirePart(productId, "product id");
            requirePart(skuId, "sku id");
            requirePart(availabilityId, "availability id");
        }

        private static boolean isPart(String text) {
            return PART.matcher(text).matches();
        }

        private static void requirePart(String part, String what) {
            if (part == null || !isPart(part)) {
                throw new IllegalArgumentException(what + " must be letters and digits, got " + InputQuote.quote(part));
            }
        }

        @Override
        public String value() {
            return productId + ":" + skuId + ":" + availabilityId;
        }

        @Override
        public String toString() {
            return value();
        }
    }

    /** A legacy (license-based) offer, identified by a GUID, case kept as sent. */
    record Legacy(String value) implements OfferId {
        private static final Pattern GUID =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        public Legacy {
            if (value == null || !GUID.matcher(value).matches()) {
                throw new IllegalArgumentException("legacy offer id must be a GUID, got " + InputQuote.quote(value));
            }
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** An offer id of a shape this build does not recognise, kept verbatim. */
    record Other(String value) implements OfferId {
        public Other {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("offer id must not be blank");
            }
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
