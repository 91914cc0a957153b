package dev.pcorders.cli;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.domain.shared.CustomerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;

/**
 * The progress bar of a sync of many customers, some at once: customers done (the bar, with the time left at the pace
 * so far), the items and pages fetched so far over all of them, failures, and the requests a minute sent since the
 * bar began (against the rate limit, the figure that bounds a large sync). Told from every worker thread.
 */
final class ProgressOfCustomers implements SyncProgress {

    private record SoFar(long pages, long items) {
    }

    private final ProgressBar bar;
    private final String itemsName;
    private final Map<CustomerId, SoFar> perCustomer = new ConcurrentHashMap<>();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private final LongSupplier requestsSent;
    private final LongSupplier nanoTime;
    private final long requestsAtStart;
    private final long startedAt;

    /** {@code requestsSent} counts every request to Partner Center, as the rate limiter lets it through. */
    ProgressOfCustomers(ProgressBar bar, String itemsName, LongSupplier requestsSent) {
        this(bar, itemsName, requestsSent, System::nanoTime);
    }

    ProgressOfCustomers(ProgressBar bar, String itemsName, LongSupplier requestsSent, LongSupplier nanoTime) {
        this.bar = bar;
        this.itemsName = itemsName;
        this.requestsSent = requestsSent;
        this.nanoTime = nanoTime;
        this.requestsAtStart = requestsSent.getAsLong();
        this.startedAt = nanoTime.getAsLong();
    }

    @Override
    public void pageFetched(CustomerId customer, long customerPages, long customerItems) {
        SoFar before = perCustomer.put(customer, new SoFar(customerPages, customerItems));
        pages.addAndGet(customerPages - (before == null ? 0 : before.pages()));
        items.addAndGet(customerItems - (before == null ? 0 : before.items()));
        show();
    }

    @Override
    public void customerFinished(CustomerId customer, boolean stored) {
        if (!stored) {
            // A failed customer stored nothing: its items no longer count.
            SoFar fetched = perCustomer.getOrDefault(customer, new SoFar(0, 0));
            pages.addAndGet(-fetched.pages());
            items.addAndGet(-fetched.items());
            failed.incrementAndGet();
        }
        perCustomer.remove(customer);
        bar.step();
        show();
    }

    private void show() {
        long failures = failed.get();
        bar.setExtraMessage(" " + items.get() + " " + itemsName + " in " + pages.get() + " pages"
                + (failures == 0 ? "" : ", " + failures + " failed") + requestRate());
    }

    /** Requests a minute over the whole sync so far; nothing in its first second, when a rate means little. */
    private String requestRate() {
        long elapsed = nanoTime.getAsLong() - startedAt;
        if (elapsed < 1_000_000_000L) {
            return "";
        }
        long requests = requestsSent.getAsLong() - requestsAtStart;
        return ", " + Math.round(requests * 60e9 / elapsed) + " requests/min";
    }
}
