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
        subcommands = {SyncCommand.class, OrdersCommand.class, SubscriptionsCommand.class, CustomersCommand.class, ChangesCommand.class, ReconcileCommand.class, MigrateCommand.class,
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

    @Option(names = "--db", paramLabel = "FILE|URL", scope = ScopeType.INHERIT, converter = DatabaseConverter.class,
            description = "The cache: a SQLite file, or a PostgreSQL database (jdbc:postgresql://host:port/database; "
                    + "login from $PC_ORDERS_DB_USER and $PC_ORDERS_DB_PASSWORD) (default: $PC_ORDERS_DB, else ./"
                    + DEFAULT_DATABASE + ").")
    CacheLocation database;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print error details and debug logging.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress output.")
    boolean quiet;

    private final Map<String, String> environment;
    private final BiFunction<CacheLocation, Map<String, String>, CliServices> servicesFactory;
    private CliServices services;
    /** Set by a command that works on other caches than --db's (migrate), for its failure messages. */
    private String cacheInUse;

    PcOrdersCommand(Map<String, String> environment, BiFunction<CacheLocation, Map<String, String>, CliServices> servicesFactory) {
        this.environment = Map.copyOf(environment);
        this.servicesFactory = servicesFactory;
    }

    CacheLocation database() {
        return explicitDatabase().orElse(CacheLocation.file(Path.of(DEFAULT_DATABASE)));
    }

    /** What a store failure's message names: the cache of --db, unless the command works on others (migrate). */
    String cacheDescription() {
        return cacheInUse != null ? cacheInUse : "local cache " + database();
    }

    void describeCacheAs(String description) {
        cacheInUse = description;
    }

    /** The database named by --db on this command line, if it was given. */
    Optional<CacheLocation> databaseFlag() {
        return Optional.ofNullable(database);
    }

    /** The database named by --db or PC_ORDERS_DB, if either was given. */
    private Optional<CacheLocation> explicitDatabase() {
        if (database != null) {
            return Optional.of(database);
        }
        return Optional.ofNullable(environment.get("PC_ORDERS_DB")).filter(value -> !value.isBlank())
                .map(value -> CacheLocation.parse(value, "PC_ORDERS_DB"));
    }

    /** Checks --db as it is parsed, so a bad one is a usage error before any command runs. */
    static final class DatabaseConverter implements CommandLine.ITypeConverter<CacheLocation> {
        @Override
        public CacheLocation convert(String value) {
            try {
                return CacheLocation.parse(value, "--db");
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
