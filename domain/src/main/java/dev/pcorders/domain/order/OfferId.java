package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.GuidFormat;
import dev.pcorders.domain.shared.InputQuote;
import java.util.Locale;
import java.util.Objects;

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
        // Plain character loops: this runs for every line item of every page fetched.
        int firstColon = text.indexOf(':');
        if (firstColon < 0) {
            return GuidFormat.isGuid(text) ? new Legacy(text) : new Other(text);
        }
        int secondColon = text.indexOf(':', firstColon + 1);
        if (secondColon > 0 && text.indexOf(':', secondColon + 1) < 0 && Catalog.isPart(text, 0, firstColon)
                && Catalog.isPart(text, firstColon + 1, secondColon) && Catalog.isPart(text, secondColon + 1, text.length())) {
            return new Catalog(text.substring(0, firstColon), text.substring(firstColon + 1, secondColon),
                    text.substring(secondColon + 1));
        }
        return new Other(text);
    }

    /** Joins an invoice reconciliation row's ProductId, SkuId and AvailabilityId. */
    static Catalog of(String productId, String skuId, String availabilityId) {
        return new Catalog(productId, skuId, availabilityId);
    }

    /** A new-commerce offer: product, SKU and availability from the catalog. */
    record Catalog(String productId, String skuId, String availabilityId) implements OfferId {
        public Catalog {
            requirePart(productId, "product id");
            requirePart(skuId, "sku id");
            requirePart(availabilityId, "availability id");
        }

        /** ASCII letters and digits only, at least one: the catalog's ids are never anything else. */
        private static boolean isPart(String text, int from, int to) {
            if (from >= to) {
                return false;
            }
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                    return false;
                }
            }
            return true;
        }

        private static void requirePart(String part, String what) {
            if (part == null || !isPart(part, 0, part.length())) {
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
        public Legacy {
            if (!GuidFormat.isGuid(value)) {
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
