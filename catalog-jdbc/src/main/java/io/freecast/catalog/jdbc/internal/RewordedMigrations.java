package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Migrations whose comments were reworded after databases had applied them. Flyway keeps a checksum of each
 * applied script and refuses a database whose history disagrees with the scripts; a comment changes that
 * checksum as much as a statement does. For the scripts listed here, and only from the exact checksum they
 * had before, the history is brought to the script's current checksum, so no database ever needs a manual
 * {@code flyway repair}. Any other mismatch is still refused.
 */
public final class RewordedMigrations {

    /** One script's checksum before and after its rewording. */
    public record Reworded(DatabaseKind kind, String version, int before, int after) {
    }

    /** V1's first line named a design document outside the repository; it now points at the README. */
    public static final List<Reworded> ALL = List.of(
            new Reworded(DatabaseKind.SQLITE, "1", 949_839_132, -1_581_692_836),
            new Reworded(DatabaseKind.POSTGRESQL, "1", -1_846_673_304, -1_231_972_913));

    private RewordedMigrations() {
    }

    /**
     * Updates {@code historyTable}'s checksums of this kind's reworded scripts that still carry their old value.
     *
     * @return whether any row changed (the caller then migrates again)
     */
    static boolean accept(DataSource dataSource, String historyTable, DatabaseKind kind) throws SQLException {
        int changed = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + historyTable
                     + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
            for (Reworded reworded : ALL) {
                if (reworded.kind() == kind) {
                    update.setInt(1, reworded.after());
                    update.setString(2, reworded.version());
                    update.setInt(3, reworded.before());
                    changed += update.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return changed > 0;
    }
}
