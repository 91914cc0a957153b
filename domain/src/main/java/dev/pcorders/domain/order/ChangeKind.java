package dev.pcorders.domain.order;

/** How an order differs between two snapshots of the same scope. */
public enum ChangeKind {
    ADDED,
    REMOVED,
    STATUS_CHANGED,
    QUANTITY_CHANGED,
    PRICE_CHANGED,
    LINE_ITEM_ADDED,
    LINE_ITEM_REMOVED,
    /** Anything else the service changed (a name, a link, a term); the order is stored as now sent. */
    DETAILS_CHANGED
}
