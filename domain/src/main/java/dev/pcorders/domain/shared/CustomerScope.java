package dev.pcorders.domain.shared;

/** A scope within one customer of the partner: what the customer-scoped operations of Partner Center return. */
public non-sealed interface CustomerScope extends SyncScope {

    CustomerId customer();
}
