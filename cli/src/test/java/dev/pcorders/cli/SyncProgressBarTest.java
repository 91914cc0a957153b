package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.domain.shared.CustomerId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/**
 * The sync's progress bar moves within a customer (its orders and pages so far, not only "0/1 customers") and shows the
 * pace: requests a minute and the time left.
 */
class SyncProgressBarTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("8f1b3c2e-4d5a-4b6c-9d7e-0f1a2b3c4d5e");

    private static final CustomerId OTHER = CustomerId.parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    @Test
    void pagesAndOrdersOfTheCustomersInProgressAddUpAndAFailedOneStopsCounting() {
        List<String> rendered = new ArrayList<>();
        try (ProgressBar bar = SyncCommand.progressBar(2, new DelegatingProgressBarConsumer(rendered::add, 200))) {
            SyncProgress progress = new ProgressOfCustomers(bar, "orders", () -> 0, () -> 0);
            progress.pageFetched(CUSTOMER, 1, 1000);
            progress.pageFetched(OTHER, 1, 7);
            progress.pageFetched(CUSTOMER, 2, 2000);
            assertThat(bar.getExtraMessage()).isEqualTo(" 2007 orders in 3 pages");
            progress.customerFinished(OTHER, false);
            assertThat(bar.getExtraMessage()).isEqualTo(" 2000 orders in 2 pages, 1 failed");
            progress.customerFinished(CUSTOMER, true);
            assertThat(bar.getCurrent()).isEqualTo(2);
        }

        assertThat(rendered).isNotEmpty();
        assertThat(rendered.get(rendered.size() - 1)).contains("2/2 customers").contains("2000 orders in 2 pages, 1 failed")
                .as("elapsed / time left").containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");
    }

    @Test
    void theRequestRateCountsOnlyTheRequestsSinceTheBarBeganOverTheTimeSince() {
        AtomicLong requests = new AtomicLong(40);
        AtomicLong now = new AtomicLong(5_000_000_000L);
        try (ProgressBar bar = SyncCommand.progressBar(3, new DelegatingProgressBarConsumer(line -> { }, 200))) {
            SyncProgress progress = new ProgressOfCustomers(bar, "subscriptions", requests::get, now::get);
            now.addAndGet(500_000_000L);
            requests.addAndGet(3);
            progress.pageFetched(CUSTOMER, 1, 10);
            assertThat(bar.getExtraMessage()).as("no rate in the first second").isEqualTo(" 10 subscriptions in 1 pages");

            now.addAndGet(29_500_000_000L);
            requests.addAndGet(247);
            progress.customerFinished(CUSTOMER, true);

            assertThat(bar.getExtraMessage()).isEqualTo(" 10 subscriptions in 1 pages, 500 requests/min");
        }
    }
}
