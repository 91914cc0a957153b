package dev.pcorders.cli;

import dev.pcorders.bootstrap.CacheMigration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy a SQLite cache (every resource, sync run, change and job) into a PostgreSQL database, all or "
                + "nothing, and check every table's count. Repeating it copies nothing new.",
                "The login comes from PC_ORDERS_DB_USER and PC_ORDERS_DB_PASSWORD (or the URL's parameters, or ~/.pgpass)."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    PcOrdersCommand root;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The SQLite cache file to copy.")
    Path from;

    @Option(names = "--to", paramLabel = "URL", required = true,
            description = "The PostgreSQL database: jdbc:postgresql://host:port/database.")
    String to;

    @Override
    public Integer call() {
        CacheLocation target = CacheLocation.parse(to, "--to");
        if (!target.isPostgres()) {
            throw new UsageException("--to takes a PostgreSQL database (jdbc:postgresql://host:port/database), got " + target);
        }
        CacheLocation.requireUserWithPassword(root.environment());
        root.describeCacheAs("migrate " + from + " to " + target);
        List<CacheMigration.CopiedTable> tables;
        try {
            tables = CacheMigration.copySqliteToPostgres(from, to, CacheLocation.user(root.environment()),
                    CacheLocation.password(root.environment()));
        } catch (IllegalArgumentException bad) {
            throw new UsageException("--to: " + bad.getMessage());
        }
        PrintWriter out = root.out();
        out.printf(Locale.ROOT, "%-28s %12s %12s %12s%n", "table", "in the file", "in postgres", "copied now");
        long copied = 0;
        for (CacheMigration.CopiedTable table : tables) {
            out.printf(Locale.ROOT, "%-28s %12d %12d %12d%n", table.table(), table.inFile(), table.inDatabase(),
                    table.copied());
            copied += table.copied();
        }
        out.println("Copied " + copied + " row(s) from " + from + " into " + target + "; every table holds as many rows"
                + " as the file" + (copied == 0 ? " (it had been copied before)." : "."));
        out.flush();
        return ExitCodes.OK;
    }
}
