package dev.pcorders.domain.shared;

/**
 * What one sync of a resource covers: either one customer's items ({@link CustomerScope}: orders, subscriptions) or
 * the partner's own ({@link PartnerScope}: its customer list). The cache records sync runs by ({@link #kind()},
 * owner, {@link #key()}), so a resource adds filters without adding columns. Sealed so that a store maps every
 * scope to its owner without a default case.
 */
public sealed interface SyncScope permits CustomerScope, PartnerScope {

    /** The resource this scope fetches. */
    ResourceKind kind();

    /**
     * The filters and flags in one canonical text: two scopes of the same owner and kind are the same fetch exactly
     * when their keys are equal, and the resource can read the scope back from it.
     */
    String key();
}
