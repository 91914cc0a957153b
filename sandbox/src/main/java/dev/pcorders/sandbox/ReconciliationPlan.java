package dev.pcorders.sandbox;

/**
 * What {@link SandboxData#writeReconciliationCsv} and {@link SandboxData#writePartnerLedgerCsv} write.
 *
 * @param perKind                how many discrepancies of each {@code DiscrepancyKind} to plant (fewer if the data
 *                               have too few eligible lines; the export lists exactly what was planted)
 * @param includeSystemPurchases whether orders of transactionType SystemPurchase/SystemBilling are billed. Must match
 *                               the {@code include_system_purchases} of the sync that filled the cache being
 *                               reconciled, or every system purchase shows up as an unplanted discrepancy
 * @param byteOrderMark          start the file with a UTF-8 BOM, as Partner Center's downloads do
 * @param subscriptionCases      honour the data set's {@link PlantedSubscriptions}: no row for the not-billed
 *                               subscription's line (listed as a MISSING_IN_LEDGER discrepancy as well, so order-level
 *                               reconciliation stays exact), and no order-level discrepancy on the planted subscriptions'
 *                               lines. Off by default: with it off the export is the same, byte for byte, as before
 *                               subscriptions existed
 */
public record ReconciliationPlan(int perKind, boolean includeSystemPurchases, boolean byteOrderMark,
                                 boolean subscriptionCases) {

    public ReconciliationPlan {
        if (perKind < 0) {
            throw new IllegalArgumentException("discrepancies per kind must not be negative, got " + perKind);
        }
    }

    /** A plan without subscription cases. */
    public ReconciliationPlan(int perKind, boolean includeSystemPurchases, boolean byteOrderMark) {
        this(perKind, includeSystemPurchases, byteOrderMark, false);
    }

    /** {@code perKind} of each kind, with a BOM. */
    public static ReconciliationPlan of(int perKind, boolean includeSystemPurchases) {
        return new ReconciliationPlan(perKind, includeSystemPurchases, true);
    }

    public ReconciliationPlan withByteOrderMark(boolean value) {
        return new ReconciliationPlan(perKind, includeSystemPurchases, value, subscriptionCases);
    }

    /** With or without the planted subscription cases (see {@link PlantedSubscriptions}). */
    public ReconciliationPlan withSubscriptionCases(boolean value) {
        return new ReconciliationPlan(perKind, includeSystemPurchases, byteOrderMark, value);
    }
}
