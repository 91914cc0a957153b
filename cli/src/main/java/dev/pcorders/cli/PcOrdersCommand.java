package dev.pcorders.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "pc-orders", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Get, keep and reconcile Microsoft Partner Center orders.",
        subcommands = {SyncCommand.class, OrdersCommand.class, SubscriptionsCommand.class, CustomersCommand.class, ChangesCommand.class, ReconcileCommand.class,
                SandboxCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:reconcile found discrepancies",
                "2:usage or input error (bad flag, bad GUID, unreadable ledger, missing credentials, sandbox port in use)",
                "3:Partner Center failed for at least one customer (the others are stored)",
                "4:local storage error (also: reading a cache file that does not exist)", "70:unexpected internal error"})
final class PcOrdersCommand {

    static final String DEFAULT_DATABASE = "pc-orders.db";

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", scope = ScopeType.INHERIT, converter = DatabaseConverter.class,
            description = "The SQLite cache (default: $PC_ORDERS_DB, else ./" + DEFAULT_DATABASE + ").")
    Path database;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print error details and debug logging.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress output.")
    boolean quiet;

    private final Map<String, String> environment;
    private final BiFunction<Path, Map<String, String>, CliServices> servicesFactory;
    private CliServices services;

    PcOrdersCommand(Map<String, String> environment, BiFunction<Path, Map<String, String>, CliServices> servicesFactory) {
        this.environment = Map.copyOf(environment);
        this.servicesFactory = servicesFactory;
    }

    Path database() {
        return explicitDatabase().orElse(Path.of(DEFAULT_DATABASE));
    }

    /** The database named by --db on this command line, if it was given. */
    Optional<Path> databaseFlag() {
        return Optional.ofNullable(database);
    }

    /** The database named by --db or PC_ORDERS_DB, if either was given. */
    private Optional<Path> explicitDatabase() {
        if (database != null) {
            return Optional.of(database);
        }
        return Optional.ofNullable(environment.get("PC_ORDERS_DB")).filter(value -> !value.isBlank())
                .map(value -> databaseFile(value, "PC_ORDERS_DB"));
    }

    /** A cache must be a file: SQLite reads ':memory:' (and 'file:' URIs) as something else, and '' as a temporary database. */
    static Path databaseFile(String text, String source) {
        if (text.isBlank()) {
            throw new UsageException(source + " is empty; name the cache file, e.g. " + DEFAULT_DATABASE);
        }
        if (text.strip().equals(":memory:") || text.startsWith("file:")) {
            throw new UsageException(source + " must name a cache file, got '" + text
                    + "': an in-memory or URI database would lose every sync when the command ends");
        }
        return Path.of(text);
    }

    /** Checks --db as it is parsed, so a bad one is a usage error before any command runs. */
    static final class DatabaseConverter implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            try {
                return databaseFile(value, "--db");
            } catch (UsageException bad) {
                throw new CommandLine.TypeConversionException(bad.getMessage());
            }
        }
    }

    Map<String, String> environment() {
        return environment;
    }

    boolean verbose() {
        return verbose;
    }

    boolean quiet() {
        return quiet;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Opens the database on first use only, so --help, --version and sandbox never create a file. */
    synchronized CliServices services() {
        if (services == null) {
            services = servicesFactory.apply(database(), environment);
        }
        return services;
    }

    synchronized void closeServices() {
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
