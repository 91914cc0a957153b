package dev.pcorders.domain.shared.archfixture;

/** Violates rule 10a: a shared package that knows one resource is no longer shared. */
public final class SharedKernelNamingAnOrder {
    public dev.pcorders.domain.order.OrderId order;
}
