package dev.pcorders.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a command prints its result: aligned for people, JSON / CSV for scripts, HTML for a report to read and print,
 * XLSX for a spreadsheet (binary, so only into --output).
 */
enum OutputFormat {
    TABLE, JSON, CSV, HTML, XLSX;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every command parses every format, so that the refusal names the command and what it does print. */
    void refuseUnless(String command, OutputFormat... supported) {
        if (!Arrays.asList(supported).contains(this)) {
            throw new UsageException(command + " does not print " + label() + "; use --format "
                    + Arrays.stream(supported).map(OutputFormat::label).collect(Collectors.joining(", ")));
        }
    }
}
