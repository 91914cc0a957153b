package dev.pcorders.adapter.http.customer;

/**
 * {@code /customers?size=N}, below the version root. Only the first request is built here: later pages are wherever
 * {@code links.next} says, with the continuation token it carries.
 */
final class CustomerRequestPath {

    /** As Microsoft's samples and SDKs ask. */
    static final int DEFAULT_PAGE_SIZE = 40;
    /** The most that one request is asked for; the service may still send fewer. */
    static final int MAX_PAGE_SIZE = 500;

    private CustomerRequestPath() {
    }

    static String of(int pageSize) {
        return "/customers?size=" + checkedPageSize(pageSize);
    }

    static int checkedPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("customer page size must be 1.." + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        return pageSize;
    }
}
