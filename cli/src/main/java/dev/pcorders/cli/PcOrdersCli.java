package dev.pcorders.cli;

import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine;

/** The {@code pc-orders} command line: {@code java -jar pc-orders.jar COMMAND ...}. */
public final class PcOrdersCli {

    private PcOrdersCli() {
    }

    public static void main(String[] args) {
        // Set before the first logger exists; an explicit -Dlogback.configurationFile still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "pc-orders-cli-logback.xml");
        }
        if (List.of(args).contains("--verbose")) {
            System.setProperty("pc-orders.log.level", "DEBUG");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err, System.getenv()));
    }

    /** Runs one command line as {@code main} would, without exiting; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, environment, EnvironmentCliServices::new);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                   BiFunction<CacheLocation, Map<String, String>, CliServices> servicesFactory) {
        PcOrdersCommand root = new PcOrdersCommand(environment, servicesFactory);
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(LocalDate.class, PcOrdersCli::isoDate)
                .setParameterExceptionHandler((failure, arguments) -> reportUsage(failure, root, err))
                .setExecutionExceptionHandler((failure, line, parseResult) -> report(failure, root, err));
        ownDatabaseHelp(commandLine);
        try {
            return commandLine.execute(args);
        } catch (Error | RuntimeException escaped) {
            // picocli hands only Exceptions to the handler: an Error (OutOfMemoryError above all) would otherwise end the
            // JVM with exit 1, which scripts read as "discrepancies found".
            return report(escaped, root, err);
        } finally {
            root.closeServices();
            out.flush();
            err.flush();
        }
    }

    /**
     * --db is inherited by every subcommand; sandbox opens no database, so it is not offered there, and demo names its
     * own default, since it never uses PC_ORDERS_DB (that names a real cache).
     */
    private static void ownDatabaseHelp(CommandLine commandLine) {
        CommandLine.Model.CommandSpec sandbox = commandLine.getSubcommands().get("sandbox").getCommandSpec();
        sandbox.remove(sandbox.findOption("--db"));
        CommandLine.Model.CommandSpec demo = commandLine.getSubcommands().get("demo").getCommandSpec();
        CommandLine.Model.OptionSpec inherited = demo.findOption("--db");
        demo.remove(inherited);
        demo.addOption(CommandLine.Model.OptionSpec.builder(inherited)
                .description("The demo's database (default: ./" + DemoCommand.DEFAULT_DATABASE + "; never $PC_ORDERS_DB). "
                        + "A file that holds other than demo orders is refused.")
                .build());
    }

    private static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            throw new CommandLine.TypeConversionException("expected a date as YYYY-MM-DD, got '" + text + "'");
        }
    }

    /** A bad flag or value: one line naming it and where the help is, as for every other error; the usage with --verbose. */
    static int reportUsage(CommandLine.ParameterException failure, PcOrdersCommand root, PrintWriter err) {
        CommandLine command = failure.getCommandLine();
        err.println("pc-orders: " + failure.getMessage().replaceAll("[\\r\\n]+", " ").strip()
                + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        if (root.verbose()) {
            command.usage(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** One clear line on stderr and the documented exit code; the stack trace only with --verbose. */
    static int report(Throwable thrown, PcOrdersCommand root, PrintWriter err) {
        Throwable failure = thrown instanceof CommandLine.ExecutionException && thrown.getCause() instanceof Error
                ? thrown.getCause()
                : thrown;
        int exitCode;
        String message;
        if (failure instanceof PartnerCenterException) {
            PartnerCenterException partnerCenter = (PartnerCenterException) failure;
            exitCode = ExitCodes.PARTNER_CENTER;
            message = "Partner Center: " + partnerCenter.getMessage();
        } else if (failure instanceof StoreException) {
            exitCode = ExitCodes.STORAGE;
            message = root.cacheDescription() + ": " + failure.getMessage();
        } else if (failure instanceof LedgerReadException) {
            exitCode = ExitCodes.USAGE;
            message = "ledger " + failure.getMessage();
        } else if (failure instanceof IllegalArgumentException) {
            exitCode = ExitCodes.USAGE;
            message = failure.getMessage();
        } else {
            exitCode = ExitCodes.INTERNAL;
            message = "unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage()
                    + " (run again with --verbose for details)";
        }
        err.println("pc-orders: " + message);
        if (root.verbose()) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return exitCode;
    }
}
