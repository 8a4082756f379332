package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteOpenMode;

/** The settings every pooled SQLite connection opens with, read back from a real connection. */
class SqliteSettingsIT {

    @TempDir
    Path dir;

    @Test
    void aConnectionOpensWithTheSettingsTheStoreReliesOn() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.db"),
                SqliteSettings.connectionProperties(Duration.ofSeconds(7)))) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).isEqualTo("1"); // NORMAL
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("7000");
            assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
            assertThat(Long.parseLong(pragma(connection, "mmap_size")))
                    .as("memory-mapped reads are on (the driver's build may cap the size)")
                    .isPositive()
                    .isLessThanOrEqualTo(SqliteSettings.MMAP_SIZE);
            assertThat(connection.unwrap(SQLiteConnection.class).getDatabase().getConfig().getOpenModeFlags()
                    & SQLiteOpenMode.NOMUTEX.flag)
                    .as("opened without SQLite's own per-connection mutex (the driver serialises each connection)")
                    .isEqualTo(SQLiteOpenMode.NOMUTEX.flag);
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            assertThat(rs.next()).as(name).isTrue();
            return rs.getString(1);
        }
    }
}
