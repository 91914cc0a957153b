package dev.pcorders.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the command line's cache is: a SQLite file, or a PostgreSQL database named by a
 * {@code jdbc:postgresql://host:port/database} URL whose user and password come from {@code PC_ORDERS_DB_USER} and
 * {@code PC_ORDERS_DB_PASSWORD} (or the URL's parameters, or ~/.pgpass), never from a flag.
 */
record CacheLocation(Optional<Path> file, Optional<String> postgresUrl) {

    static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    static CacheLocation file(Path file) {
        return new CacheLocation(Optional.of(file), Optional.empty());
    }

    /**
     * {@code text} as --db or PC_ORDERS_DB give it ({@code source} names which, for the message).
     *
     * @throws UsageException for an empty value, an in-memory or URI SQLite database, or a URL of another database
     */
    static CacheLocation parse(String text, String source) {
        if (text.isBlank()) {
            throw new UsageException(source + " is empty; name the cache file, e.g. " + PcOrdersCommand.DEFAULT_DATABASE
                    + ", or a PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/pc_orders");
        }
        if (text.startsWith(POSTGRES_PREFIX)) {
            return new CacheLocation(Optional.empty(), Optional.of(text));
        }
        if (text.startsWith("jdbc:")) {
            throw new UsageException(source + " takes a cache file or a jdbc:postgresql:// URL; other databases are not "
                    + "supported: " + withoutParameters(text));
        }
        // SQLite reads ':memory:' (and 'file:' URIs) as something else, and '' as a temporary database.
        if (text.strip().equals(":memory:") || text.startsWith("file:")) {
            throw new UsageException(source + " must name a cache file, got '" + text
                    + "': an in-memory or URI database would lose every sync when the command ends");
        }
        return file(Path.of(text));
    }

    boolean isPostgres() {
        return postgresUrl.isPresent();
    }

    /** The login from the environment: PC_ORDERS_DB_USER and PC_ORDERS_DB_PASSWORD, each only when set and not blank. */
    static Optional<String> user(Map<String, String> environment) {
        return Optional.ofNullable(environment.get("PC_ORDERS_DB_USER")).filter(value -> !value.isBlank());
    }

    /** @throws UsageException when the environment sets a password without a user, which the driver would ignore */
    static void requireUserWithPassword(Map<String, String> environment) {
        if (user(environment).isEmpty() && password(environment).isPresent()) {
            throw new UsageException("PC_ORDERS_DB_PASSWORD is set but PC_ORDERS_DB_USER is not; set both");
        }
    }

    static Optional<String> password(Map<String, String> environment) {
        return Optional.ofNullable(environment.get("PC_ORDERS_DB_PASSWORD")).filter(value -> !value.isEmpty());
    }

    /** As reports name it: the file's absolute path, or the URL without its parameters. */
    String displayName() {
        return file.map(path -> path.toAbsolutePath().toString()).orElseGet(this::toString);
    }

    /** What messages show: the file, or the URL without its parameters (which may hold a password). */
    @Override
    public String toString() {
        return file.map(Path::toString).orElseGet(() -> withoutParameters(postgresUrl.orElseThrow()));
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
