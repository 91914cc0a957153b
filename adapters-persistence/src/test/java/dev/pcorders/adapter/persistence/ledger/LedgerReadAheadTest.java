package dev.pcorders.adapter.persistence.ledger;

import static dev.pcorders.adapter.persistence.ledger.LedgerFiles.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pcorders.adapter.persistence.store.ReadAhead;
import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.port.out.LedgerReadException.Reason;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger is parsed ahead of its reader on a thread of its own ({@link LedgerReadAhead}); the reader must not be
 * able to tell: the same rows in file order with their line numbers, a failure after exactly the rows before it, and
 * a close that stops the reading thread wherever the reader left off.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LedgerReadAheadTest {

    /** Enough rows for many batches and a queue that fills: the reading thread waits on the reader. */
    private static final int ROWS = ReadAhead.BATCH_SIZE * (ReadAhead.BATCHES_AHEAD + 3) + 17;

    private final CsvLedgerSource source = new CsvLedgerSource();

    @TempDir
    Path folder;

    @Test
    void givesEveryRowInFileOrderWithItsLineAcrossManyBatches() throws IOException {
        Path ledger = ledger(ROWS, -1);

        List<LedgerEntry> entries;
        try (Stream<LedgerEntry> stream = source.read(ledger, false)) {
            entries = stream.toList();
        }

        assertThat(entries).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            LedgerRow row = (LedgerRow) entries.get(i);
            assertThat(row.line()).isEqualTo(i + 2L);
            assertThat(row.orderReference()).isEqualTo("order-" + i);
            assertThat(row.quantity()).isEqualTo(i % 7 + 1L);
        }
        assertThat(readingThreadsAlive()).isZero();
    }

    @Test
    void failsOnTheBadRowAfterGivingEveryRowBeforeIt() throws IOException {
        int bad = ReadAhead.BATCH_SIZE * 2 + 5;
        Path ledger = ledger(ROWS, bad);

        List<LedgerEntry> before = new ArrayList<>();
        LedgerReadException failure;
        try (Stream<LedgerEntry> stream = source.read(ledger, false)) {
            Iterator<LedgerEntry> entries = stream.iterator();
            failure = catchThrowableOfType(() -> entries.forEachRemaining(before::add), LedgerReadException.class);
            assertThat(entries.hasNext()).as("nothing after the failure").isFalse();
        }

        assertThat(before).hasSize(bad);
        assertThat(((LedgerRow) before.get(bad - 1)).line()).isEqualTo(bad + 1L);
        assertThat(failure.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(failure.line()).isEqualTo(OptionalLong.of(bad + 2L));
        assertThat(failure.column()).contains("quantity");
        assertThat(readingThreadsAlive()).isZero();
    }

    @Test
    void lenientReadingGivesTheBadRowInItsPlace() throws IOException {
        int bad = ReadAhead.BATCH_SIZE + 1;
        Path ledger = ledger(ROWS, bad);

        List<LedgerEntry> entries;
        try (Stream<LedgerEntry> stream = source.read(ledger, true)) {
            entries = stream.toList();
        }

        assertThat(entries).hasSize(ROWS);
        assertThat(entries.get(bad)).isInstanceOfSatisfying(LedgerRowError.class,
                error -> assertThat(error.line()).isEqualTo(bad + 2L));
        assertThat(((LedgerRow) entries.get(bad + 1)).line()).isEqualTo(bad + 3L);
    }

    @Test
    void closingPartWayStopsTheReadingThread() throws IOException {
        Path ledger = ledger(ROWS, -1);

        try (Stream<LedgerEntry> stream = source.read(ledger, false)) {
            Iterator<LedgerEntry> entries = stream.iterator();
            assertThat(((LedgerRow) entries.next()).line()).isEqualTo(2L);
            assertThat(readingThreadsAlive()).as("reading ahead while the caller holds the stream").isEqualTo(1);
        }

        assertThat(readingThreadsAlive()).isZero();
    }

    @Test
    void closingBeforeTheFirstRowStopsTheReadingThread() throws IOException {
        Path ledger = ledger(ROWS, -1);

        source.read(ledger, false).close();

        assertThat(readingThreadsAlive()).isZero();
    }

    /** A partner ledger of {@code rows} rows; row {@code bad} (0-based, or -1 for none) has an unreadable quantity. */
    private Path ledger(int rows, int bad) throws IOException {
        StringBuilder text = new StringBuilder("customer_id,order_id,offer_id,quantity,unit_price,currency\n");
        for (int i = 0; i < rows; i++) {
            text.append(CUSTOMER).append(",order-").append(i).append(",CFQ7TTC0LH18:0001:CFQ7TTC0K5BF,")
                    .append(i == bad ? "many" : String.valueOf(i % 7 + 1)).append(",12.50,USD\n");
        }
        Path file = folder.resolve("ledger.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The reading threads of this test's ledger (named after it, so another test's stream cannot count). Close joins the
     * reading thread, so once it has returned the thread is gone: nothing to wait for here.
     */
    private long readingThreadsAlive() {
        String name = LedgerReadAhead.THREAD_NAME + " " + folder.resolve("ledger.csv");
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name) && thread.isAlive())
                .count();
    }
}
