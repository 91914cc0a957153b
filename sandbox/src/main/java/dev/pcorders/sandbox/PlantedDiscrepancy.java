package dev.pcorders.sandbox;

import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A discrepancy the sandbox put into a reconciliation export on purpose; a correct reconciler reports it
 * and nothing else.
 *
 * @param kind           the kind a reconciler should report
 * @param customerId     the customer's tenant id (lower-case GUID)
 * @param orderReference what the file calls the order (its id or its alternateId); the order id for
 *                       MISSING_IN_LEDGER, whose rows are absent
 * @param orderId        the Partner Center order id; empty for MISSING_IN_PARTNER_CENTER (no such order)
 * @param offerId        {@code PRODUCT:SKU:AVAILABILITY}
 * @param csvLine        the file line of the planted row (header is line 1); empty for MISSING_IN_LEDGER
 * @param expected       the file's value (quantity, unit price, currency, {@code billed}); empty for MISSING_IN_LEDGER
 * @param actual         Partner Center's value; empty for MISSING_IN_PARTNER_CENTER
 */
public record PlantedDiscrepancy(DiscrepancyKind kind, String customerId, String orderReference,
                                 Optional<String> orderId, String offerId, Optional<Long> csvLine,
                                 Optional<String> expected, Optional<String> actual) {

    public PlantedDiscrepancy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(csvLine, "csvLine");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }
}
