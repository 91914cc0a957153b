package dev.pcorders.adapter.persistence.ledger;

import dev.pcorders.application.order.port.out.LedgerSource;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: ledger files written as given, and read back whole. */
final class LedgerFiles {

    static final String CUSTOMER = "4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a";
    static final String OTHER_CUSTOMER = "0f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098";

    private LedgerFiles() {
    }

    /** Writes {@code lines} joined by LF, with a final LF. */
    static Path write(Path folder, String name, String... lines) {
        return writeText(folder, name, String.join("\n", lines) + "\n");
    }

    static Path writeText(Path folder, String name, String text) {
        return writeBytes(folder, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path folder, String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LedgerEntry> readAll(LedgerSource source, Path file, boolean lenient) {
        try (Stream<LedgerEntry> entries = source.read(file, lenient)) {
            return entries.toList();
        }
    }

    static List<LedgerRow> rows(List<LedgerEntry> entries) {
        return entries.stream().filter(LedgerRow.class::isInstance).map(LedgerRow.class::cast).toList();
    }

    static List<LedgerRowError> errors(List<LedgerEntry> entries) {
        return entries.stream().filter(LedgerRowError.class::isInstance).map(LedgerRowError.class::cast).toList();
    }
}
