package dev.pcorders.cli.reliability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pcorders.sandbox.OrdersQuery;
import dev.pcorders.sandbox.SandboxData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks into a cache file with plain JDBC, below the repository, so a check does not trust the code
 * under test: SQLite's own integrity check, and which run's orders a scope holds.
 */
final class CacheFile {

    /** The live (not removed) orders of a customer's scopes, grouped by the run that stored them. */
    record Holding(long run, long orders, boolean snapshotStored) {
    }

    private CacheFile() {
    }

    static Connection open(Path database) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
        }
        return connection;
    }

    /** {@code PRAGMA integrity_check}: "ok", or SQLite's list of what is broken. */
    static String integrity(Path database) throws SQLException {
        try (Connection connection = open(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> messages = new ArrayList<>();
            while (rows.next()) {
                messages.add(rows.getString(1));
            }
            return String.join("; ", messages);
        }
    }

    /** One entry per run whose orders the customer's scopes hold; a whole snapshot is exactly one entry. */
    static List<Holding> holdings(Path database, String customer) throws SQLException {
        String sql = "SELECT o.stored_by_run, COUNT(*), r.snapshot_stored FROM stored_order o"
                + " JOIN sync_scope s ON s.scope_id = o.scope_id JOIN sync_run r ON r.run_id = o.stored_by_run"
                + " WHERE s.customer_id = ? AND o.removed_by_run IS NULL GROUP BY o.stored_by_run ORDER BY o.stored_by_run";
        try (Connection connection = open(database); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, customer);
            List<Holding> holdings = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    holdings.add(new Holding(rows.getLong(1), rows.getLong(2), rows.getInt(3) == 1));
                }
            }
            return holdings;
        }
    }

    /** How many orders the sandbox serves the customer for a plain sync (no system purchases), read off its own body. */
    static long servedOrders(SandboxData data, String customer) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        data.writeOrders(customer, OrdersQuery.plain(), body);
        try (JsonParser json = new JsonFactory().createParser(body.toByteArray())) {
            long items = 0;
            int depth = 0;
            boolean inItems = false;
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (inItems && depth == 3 && token == JsonToken.START_OBJECT) {
                        items++;
                    }
                    if (depth == 2 && token == JsonToken.START_ARRAY && "items".equals(json.currentName())) {
                        inItems = true;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    if (depth == 2) {
                        inItems = false;
                    }
                    depth--;
                }
            }
            return items;
        }
    }
}
