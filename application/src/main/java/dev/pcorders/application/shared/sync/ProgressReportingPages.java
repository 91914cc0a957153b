package dev.pcorders.application.shared.sync;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import java.util.Iterator;

/** A customer's pages as the cache takes them, counted for {@link SyncProgress} on the way. */
final class ProgressReportingPages<T> implements Iterator<Page<T>> {

    private final Iterator<Page<T>> pages;
    private final CustomerId customer;
    private final SyncProgress progress;
    private long pagesSoFar;
    private long itemsSoFar;

    private ProgressReportingPages(Iterator<Page<T>> pages, CustomerId customer, SyncProgress progress) {
        this.pages = pages;
        this.customer = customer;
        this.progress = progress;
    }

    static <T> Iterator<Page<T>> of(Iterator<Page<T>> pages, CustomerId customer, SyncProgress progress) {
        return progress == SyncProgress.NONE ? pages : new ProgressReportingPages<>(pages, customer, progress);
    }

    @Override
    public boolean hasNext() {
        return pages.hasNext();
    }

    @Override
    public Page<T> next() {
        Page<T> page = pages.next();
        pagesSoFar++;
        itemsSoFar += page.items().size();
        progress.pageFetched(customer, pagesSoFar, itemsSoFar);
        return page;
    }
}
