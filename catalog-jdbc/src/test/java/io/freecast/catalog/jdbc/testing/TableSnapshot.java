package io.freecast.catalog.jdbc.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of the catalog's tables, read with plain JDBC: two snapshots are equal only if no row was
 * added, removed or changed in any column, timestamps included.
 */
public final class TableSnapshot {

    public static final List<String> CATALOG_TABLES = List.of("show", "season", "episode", "movie", "source");

    private TableSnapshot() {
    }

    public static Map<String, List<List<String>>> of(TestDatabase db, List<String> tables) {
        Map<String, List<List<String>>> snapshot = new LinkedHashMap<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.add(meta.getColumnLabel(c) + "=" + rs.getString(c));
                        }
                        rows.add(row);
                    }
                }
                snapshot.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return snapshot;
    }

    public static Map<String, List<List<String>>> of(TestDatabase db) {
        return of(db, CATALOG_TABLES);
    }

    /** Row count of one table. */
    public static int count(TestDatabase db, String table) {
        return of(db, List.of(table)).get(table).size();
    }

    /** Runs one statement (a test tampering with data directly, e.g. a DELETE to check cascades). */
    public static int execute(TestDatabase db, String sql) {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
