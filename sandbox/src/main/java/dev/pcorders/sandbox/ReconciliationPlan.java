package dev.pcorders.sandbox;

/**
 * What {@link SandboxData#writeReconciliationCsv} writes.
 *
 * @param perKind                how many discrepancies of each {@code DiscrepancyKind} to plant (fewer if the data
 *                               have too few eligible lines; the export lists exactly what was planted)
 * @param includeSystemPurchases whether orders of transactionType SystemPurchase/SystemBilling are billed. Must match
 *                               the {@code include_system_purchases} of the sync that filled the cache being
 *                               reconciled, or every system purchase shows up as an unplanted discrepancy
 * @param byteOrderMark          start the file with a UTF-8 BOM, as Partner Center's downloads do
 */
public record ReconciliationPlan(int perKind, boolean includeSystemPurchases, boolean byteOrderMark) {

    public ReconciliationPlan {
        if (perKind < 0) {
            throw new IllegalArgumentException("discrepancies per kind must not be negative, got " + perKind);
        }
    }

    /** {@code perKind} of each kind, with a BOM. */
    public static ReconciliationPlan of(int perKind, boolean includeSystemPurchases) {
        return new ReconciliationPlan(perKind, includeSystemPurchases, true);
    }

    public ReconciliationPlan withByteOrderMark(boolean value) {
        return new ReconciliationPlan(perKind, includeSystemPurchases, value);
    }
}
