package dev.pcorders.domain.shared;

/**
 * What one fetch of a customer-scoped resource covers: the customer, and the filters and flags the fetch was
 * asked with. The cache records sync runs by ({@link #kind()}, customer, {@link #key()}), so a resource adds
 * filters without adding columns.
 */
public interface CustomerScope {

    CustomerId customer();

    /** The resource this scope fetches. */
    ResourceKind kind();

    /**
     * The filters and flags in one canonical text: two scopes of the same customer and kind are the same
     * fetch exactly when their keys are equal, and the resource can read the scope back from it.
     */
    String key();
}
