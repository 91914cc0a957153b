package dev.pcorders.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output FILE [--force]}, shared by every command that prints a listing or a report. */
final class OutputFileOptions {

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to this file instead of stdout, all or nothing (a failure leaves no file).")
    Path file;

    @Option(names = "--force", description = "With --output: replace the file if it exists (default: refuse, exit 2).")
    boolean force;

    /**
     * Before any work (opening the cache, reading a ledger): a format {@code command} does not print, or a refused
     * --output (an existing file without --force, a folder, a folder that does not exist), must cost nothing and touch
     * nothing.
     */
    void check(String command, OutputFormat format, OutputFormat... supported) {
        format.refuseUnless(command, supported);
        if (format == OutputFormat.XLSX && file == null) {
            throw new UsageException("--format xlsx writes a workbook, which is binary and no use on a terminal: "
                    + "give --output FILE.xlsx");
        }
        refuseForceAlone();
        if (file != null) {
            ReportFile.refuseToOverwrite(file, force);
        }
    }

    /** The report on stdout, or into {@code --output} whole, once {@link #check} passed; returns the body's exit code. */
    int print(PcOrdersCommand root, ReportFile.TextBody body) throws IOException {
        if (file == null) {
            return body.print(root.out());
        }
        return ReportFile.text(file, force, body);
    }

    /** As {@link #print}, for formats that are bytes. */
    int write(PcOrdersCommand root, ReportFile.ByteBody body) throws IOException {
        if (file == null) {
            throw new IllegalStateException("a binary format needs --output");
        }
        return ReportFile.bytes(file, force, body);
    }

    private void refuseForceAlone() {
        if (file == null && force) {
            throw new UsageException("--force only says --output may replace its file; give --output FILE too");
        }
    }
}
