package dev.pcorders.application.order.port.out;

import dev.pcorders.domain.reconciliation.LedgerEntry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Ledger files (Partner Center's invoice reconciliation export, or the partner's own ledger), read row by row. */
public interface LedgerSource {

    /**
     * The data rows of {@code ledger}, in file order, read lazily: close the stream to close the file.
     * In {@code lenient} mode a row with a bad value comes as a {@link dev.pcorders.domain.reconciliation.LedgerRowError};
     * otherwise it ends the stream with a {@link LedgerReadException} naming its line and column.
     *
     * @throws LedgerReadException when the file cannot be read or its header matches no known format
     */
    Stream<LedgerEntry> read(Path ledger, boolean lenient);

    /**
     * The title of {@code ledger}'s format as {@link #read} tells it (for example "partner ledger"), for reports that
     * name what they read; empty from a source that does not tell formats apart.
     *
     * @throws LedgerReadException as {@link #read} would for the file and its header
     */
    default Optional<String> formatOf(Path ledger) {
        return Optional.empty();
    }
}
