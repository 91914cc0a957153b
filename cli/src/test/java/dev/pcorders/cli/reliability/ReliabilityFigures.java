package dev.pcorders.cli.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes what each scenario did (faults tried, kills survived, rows checked, payloads fuzzed) to
 * {@code target/reliability-figures.txt}, the source of the figures in docs/RELIABILITY.md. A file, not
 * the console: the tests print nothing.
 */
final class ReliabilityFigures {

    static final Path FILE = Path.of("target", "reliability-figures.txt");

    private ReliabilityFigures() {
    }

    static synchronized void record(String name, long value) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, Instant.now() + " " + name + "=" + value + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
