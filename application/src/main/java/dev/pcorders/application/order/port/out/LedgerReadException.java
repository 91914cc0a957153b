package dev.pcorders.application.order.port.out;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A ledger file that cannot be reconciled as it is: unreadable, of an unknown format, or with a bad row. */
public final class LedgerReadException extends RuntimeException {

    /** What is wrong, so a caller can tell a missing file from a bad row. */
    public enum Reason { UNREADABLE, UNKNOWN_FORMAT, MISSING_COLUMN, BAD_VALUE }

    private final Reason reason;
    private final Path file;
    private final OptionalLong line;
    private final Optional<String> column;

    public LedgerReadException(Reason reason, Path file, OptionalLong line, Optional<String> column, String problem,
                               Throwable cause) {
        super(describe(file, line, column, problem), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = Objects.requireNonNull(file, "file");
        this.line = Objects.requireNonNull(line, "line");
        this.column = Objects.requireNonNull(column, "column");
    }

    private static String describe(Path file, OptionalLong line, Optional<String> column, String problem) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        line.ifPresent(number -> where.append(", line ").append(number));
        column.ifPresent(name -> where.append(", column ").append(name));
        return where.append(": ").append(problem).toString();
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    public OptionalLong line() {
        return line;
    }

    public Optional<String> column() {
        return column;
    }
}
