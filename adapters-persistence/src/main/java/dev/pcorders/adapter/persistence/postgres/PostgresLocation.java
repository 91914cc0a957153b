package dev.pcorders.adapter.persistence.postgres;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a PostgreSQL cache is and who logs in: a {@code jdbc:postgresql://host:port/database} URL, and a user and
 * password when they do not come from the URL's own parameters or the driver's {@code ~/.pgpass}. The password is
 * never part of {@link #toString()} or of {@link #displayName()}, which is what messages name.
 */
public final class PostgresLocation {

    private static final String PREFIX = "jdbc:postgresql:";

    private final String url;
    private final String displayName;
    private final Optional<String> user;
    private final Optional<String> password;

    private PostgresLocation(String url, String displayName, Optional<String> user, Optional<String> password) {
        this.url = url;
        this.displayName = displayName;
        this.user = user;
        this.password = password;
    }

    /** True for the URLs this adapter opens, so a caller can tell them from a file path. */
    public static boolean isPostgresUrl(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /**
     * @throws IllegalArgumentException when {@code url} is not a {@code jdbc:postgresql://host[:port]/database} URL;
     *         the message shows it without its parameters, which may hold a password
     */
    public static PostgresLocation of(String url, Optional<String> user, Optional<String> password) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        String withoutParameters = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (!isPostgresUrl(url)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): "
                    + withoutParameters);
        }
        URI parsed;
        try {
            parsed = URI.create(withoutParameters.substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the PostgreSQL URL " + withoutParameters
                    + " (expected jdbc:postgresql://host:port/database)", e);
        }
        String database = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
        if (parsed.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("a PostgreSQL URL names a host and a database "
                    + "(jdbc:postgresql://host:port/database): " + withoutParameters);
        }
        if (parsed.getUserInfo() != null) {
            throw new IllegalArgumentException("put the user and password in PC_ORDERS_DB_USER and PC_ORDERS_DB_PASSWORD "
                    + "(or the URL's parameters, or ~/.pgpass), not before the host: jdbc:postgresql://"
                    + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort()) + "/" + database);
        }
        String displayName = "postgresql://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort())
                + "/" + database;
        return new PostgresLocation(url, displayName, user.filter(value -> !value.isEmpty()),
                password.filter(value -> !value.isEmpty()));
    }

    /** The URL as given, parameters and all: for the driver only, never for a message. */
    String url() {
        return url;
    }

    Optional<String> user() {
        return user;
    }

    Optional<String> password() {
        return password;
    }

    /** {@code postgresql://host:port/database}: what messages and the CLI show; no user, password or parameter. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
