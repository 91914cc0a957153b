package dev.pcorders.sandbox;

import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link SandboxData#writeReconciliationCsv} or {@link SandboxData#writePartnerLedgerCsv} wrote.
 *
 * @param dataRows         rows after the header
 * @param rowsByChargeType rows per ChargeType as written (New, Renew, addQuantity, Convert, Cancel, cycleCharge); empty
 *                         for a partner ledger, which has no ChargeType
 * @param planted          every planted discrepancy, in file order (MISSING_IN_LEDGER where the row would have been)
 * @param plantedSubscriptions the subscription cases the export honours: the data set's {@link PlantedSubscriptions}
 *                         when written with {@link ReconciliationPlan#subscriptionCases()}, none otherwise
 */
public record ReconciliationExport(long dataRows, Map<String, Long> rowsByChargeType, List<PlantedDiscrepancy> planted,
                                   List<PlantedSubscription> plantedSubscriptions) {

    public ReconciliationExport {
        rowsByChargeType = Map.copyOf(rowsByChargeType);
        planted = List.copyOf(planted);
        plantedSubscriptions = List.copyOf(plantedSubscriptions);
    }

    /** An export without subscription cases. */
    public ReconciliationExport(long dataRows, Map<String, Long> rowsByChargeType, List<PlantedDiscrepancy> planted) {
        this(dataRows, rowsByChargeType, planted, List.of());
    }

    /** How many of each kind were planted; every kind is present, with 0 where none could be. */
    public Map<DiscrepancyKind, Long> plantedCounts() {
        Map<DiscrepancyKind, Long> counts = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.orderLevel()) {
            counts.put(kind, 0L);
        }
        planted.forEach(discrepancy -> counts.merge(discrepancy.kind(), 1L, Long::sum));
        return counts;
    }

    public List<PlantedDiscrepancy> planted(DiscrepancyKind kind) {
        return planted.stream().filter(discrepancy -> discrepancy.kind() == kind).collect(Collectors.toList());
    }
}
