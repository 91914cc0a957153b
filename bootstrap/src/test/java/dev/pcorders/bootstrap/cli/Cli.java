package dev.pcorders.bootstrap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line through its real entry point, capturing stdout, stderr and the exit code. */
final class Cli {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PcOrdersCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
