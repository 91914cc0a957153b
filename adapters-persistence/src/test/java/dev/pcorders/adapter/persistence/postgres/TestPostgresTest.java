package dev.pcorders.adapter.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test server itself: a real PostgreSQL that asks for the password, before any store test relies on it. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TestPostgresTest {

    @Test
    void serves_a_fresh_database_and_refuses_a_wrong_password() throws SQLException {
        TestPostgres server = TestPostgres.shared();
        String url = server.newDatabase();
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.SUPERUSER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith("14.");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, TestPostgres.SUPERUSER, "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }
}
