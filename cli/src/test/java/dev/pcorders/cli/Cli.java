package dev.pcorders.cli;

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

    /** {@code sync} of every customer {@code sandbox} serves into {@code database}, with any {@code extra} flags. */
    static Run syncAll(dev.pcorders.sandbox.SandboxServer sandbox, String database, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--db", database, "sync", "--quiet",
                "--base-url", sandbox.baseUrl().toString()));
        sandbox.customerIds().forEach(id -> args.addAll(java.util.List.of("--customer", id)));
        args.addAll(java.util.List.of(extra));
        return run(Map.of("PC_ORDERS_ACCESS_TOKEN", "cli-sync-token"), args.toArray(String[]::new));
    }

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PcOrdersCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
