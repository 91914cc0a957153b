package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.SyncProgress;
import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.shared.CustomerId;
import java.util.Iterator;

/** A customer's pages as the cache takes them, counted for {@link SyncProgress} on the way. */
final class ProgressReportingPages implements Iterator<OrderPage> {

    private final Iterator<OrderPage> pages;
    private final CustomerId customer;
    private final SyncProgress progress;
    private long pagesSoFar;
    private long ordersSoFar;

    private ProgressReportingPages(Iterator<OrderPage> pages, CustomerId customer, SyncProgress progress) {
        this.pages = pages;
        this.customer = customer;
        this.progress = progress;
    }

    static Iterator<OrderPage> of(Iterator<OrderPage> pages, CustomerId customer, SyncProgress progress) {
        return progress == SyncProgress.NONE ? pages : new ProgressReportingPages(pages, customer, progress);
    }

    @Override
    public boolean hasNext() {
        return pages.hasNext();
    }

    @Override
    public OrderPage next() {
        OrderPage page = pages.next();
        pagesSoFar++;
        ordersSoFar += page.orders().size();
        progress.pageFetched(customer, pagesSoFar, ordersSoFar);
        return page;
    }
}
