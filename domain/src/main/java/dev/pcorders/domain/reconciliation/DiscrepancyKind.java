package dev.pcorders.domain.reconciliation;

/** The ways a ledger (or invoice export) and the cached Partner Center orders can disagree. */
public enum DiscrepancyKind {
    /** Ordered in Partner Center, never billed or recorded in the ledger. */
    MISSING_IN_LEDGER,
    /** Billed or recorded, but no cached order line has that customer, order and offer. */
    MISSING_IN_PARTNER_CENTER,
    QUANTITY_MISMATCH,
    PRICE_MISMATCH,
    CURRENCY_MISMATCH,
    /** Billed although the order is cancelled. */
    BILLED_BUT_CANCELLED
}
