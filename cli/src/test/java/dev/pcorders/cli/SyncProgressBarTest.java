package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.shared.port.in.SyncProgress;
import dev.pcorders.domain.shared.CustomerId;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** The sync's progress bar moves within a customer: its orders and pages so far, not only "0/1 customers". */
class SyncProgressBarTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("8f1b3c2e-4d5a-4b6c-9d7e-0f1a2b3c4d5e");

    @Test
    void pagesAndOrdersOfTheCustomerInProgressAreShown() {
        List<String> rendered = new ArrayList<>();
        try (ProgressBar bar = SyncCommand.progressBar(1, new DelegatingProgressBarConsumer(rendered::add, 200))) {
            SyncProgress progress = SyncCommand.pageByPage(bar, 10, 2);
            progress.pageFetched(CUSTOMER, 1, 1000);
            progress.pageFetched(CUSTOMER, 2, 2000);
        }

        assertThat(rendered).isNotEmpty();
        assertThat(rendered.get(rendered.size() - 1)).contains("0/1 customers")
                .contains("2010 orders in 4 pages (customer " + CUSTOMER + ": 2000 orders so far)");
    }
}
