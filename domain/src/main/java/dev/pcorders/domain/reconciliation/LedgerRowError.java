package dev.pcorders.domain.reconciliation;

import java.util.Objects;
import java.util.Optional;

/**
 * A ledger row that could not be read, skipped in lenient mode: where it is, what is wrong with it, and
 * (when its customer and order could still be read) which order it billed.
 */
public record LedgerRowError(long line, String column, String problem, Optional<LedgerRowKey> key) implements LedgerEntry {

    public LedgerRowError {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(key, "key");
    }

    public LedgerRowError(long line, String column, String problem) {
        this(line, column, problem, Optional.empty());
    }
}
