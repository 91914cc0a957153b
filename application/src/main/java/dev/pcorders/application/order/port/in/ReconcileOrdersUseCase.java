package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.reconciliation.ReconciliationReport;

/**
 * Compares a ledger (Partner Center's invoice reconciliation export, or the partner's own ledger)
 * with the cached orders, offline. Discrepancies are the expected result, not errors.
 */
public interface ReconcileOrdersUseCase {

    ReconciliationReport reconcileOrders(ReconcileOrdersCommand command);
}
