package io.freecast.catalog.examples.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every row of the catalog's tables, as text, to prove that a failed or repeated import changed nothing:
 * compare a dump taken before with one taken after. Task-run tables are not catalog content: a failed
 * run is recorded there on purpose.
 */
public final class CatalogTables {

    public static final List<String> TABLES = List.of("show", "season", "episode", "movie", "source");

    private CatalogTables() {
    }

    /** All columns of all rows, ordered by id: byte-for-byte what the database holds, as text. */
    public static List<String> dump(String jdbcUrl) {
        return dump(jdbcUrl, false);
    }

    /**
     * The content only: without ids, foreign ids and timestamps, ordered by content — what two databases
     * that imported the same feed must agree on, whatever order or retries got them there.
     */
    public static List<String> content(String jdbcUrl) {
        return dump(jdbcUrl, true);
    }

    public static long count(String jdbcUrl, String table) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> dump(String jdbcUrl, boolean contentOnly) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            for (String table : TABLES) {
                List<String> tableRows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery(query(table, contentOnly))) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            String column = meta.getColumnLabel(c).toLowerCase(Locale.ROOT);
                            if (contentOnly && isIdOrTime(column)) {
                                continue;
                            }
                            row.append(' ').append(column).append('=').append(rs.getString(c));
                        }
                        tableRows.add(row.toString());
                    }
                }
                if (contentOnly) {
                    tableRows.sort(null);
                }
                rows.addAll(tableRows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump the catalog tables of " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** For content, a child row is identified by its parent's content: join up to the show or movie. */
    private static String query(String table, boolean contentOnly) {
        if (!contentOnly) {
            return "SELECT * FROM " + table + " ORDER BY id";
        }
        return switch (table) {
            case "season" -> "SELECT s.*, sh.feed_key AS parent FROM season s JOIN show sh ON sh.id = s.show_id";
            case "episode" -> "SELECT e.*, sh.feed_key AS parent, s.number AS season_number FROM episode e "
                    + "JOIN season s ON s.id = e.season_id JOIN show sh ON sh.id = s.show_id";
            case "source" -> "SELECT so.*, COALESCE(m.feed_key, sh.feed_key) AS parent, s.number AS season_number, "
                    + "e.number AS episode_number FROM source so LEFT JOIN movie m ON m.id = so.movie_id "
                    + "LEFT JOIN episode e ON e.id = so.episode_id LEFT JOIN season s ON s.id = e.season_id "
                    + "LEFT JOIN show sh ON sh.id = s.show_id";
            default -> "SELECT * FROM " + table;
        };
    }

    private static boolean isIdOrTime(String column) {
        return column.equals("id") || (column.endsWith("_id") && !column.equals("external_id")) || column.endsWith("_at");
    }
}
