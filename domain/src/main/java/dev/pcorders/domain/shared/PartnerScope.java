package dev.pcorders.domain.shared;

/**
 * A scope of the partner's own tenant, owned by no customer: {@code GET /v1/customers} lists every customer of the
 * partner. A resource of this kind has one current view per partner, and each item is one of the partner's.
 */
public non-sealed interface PartnerScope extends SyncScope {
}
