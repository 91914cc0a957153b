package dev.pcorders.cli;

import java.io.PrintWriter;

/**
 * The command line in a child JVM (see {@link CliProcess#start}), on the real cache, except that the orders cache read
 * hands over every order, prints {@value #STALLED} and waits for the end of the JVM: a report caught mid-write, for
 * a test to end the JVM with a signal there, and only there.
 */
public final class StallingOrdersCli {

    static final String STALLED = "stalled mid-report";

    private StallingOrdersCli() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(PcOrdersCli.run(args, out, err, System.getenv(), (database, environment) -> OrdersReadWrapped.wrap(
                new EnvironmentCliServices(database, environment), (criteria, action, real) -> {
                    real.forEachCachedOrder(criteria, action);
                    System.out.println(STALLED);
                    System.out.flush();
                    // Until the test ends this JVM. Not on stdin: Process.destroy() closes it as it signals, which
                    // would let the report finish while the JVM shuts down. Should the test's JVM end first, this one
                    // goes with it.
                    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().join());
                    Runtime.getRuntime().halt(ExitCodes.INTERNAL);
                })));
    }
}
