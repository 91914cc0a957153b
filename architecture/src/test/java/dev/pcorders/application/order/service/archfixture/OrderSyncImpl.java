package dev.pcorders.application.order.service.archfixture;

/** Violates rules 6c and 6d: a grab-bag name, and a non-service in a service package. */
public final class OrderSyncImpl {
}
