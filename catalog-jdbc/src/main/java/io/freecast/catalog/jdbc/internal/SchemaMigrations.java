package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.MigrationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the version this code knows, with Flyway and the scripts in
 * {@code db/migration/<database>}. The folder is chosen from the connection's metadata, and a missing
 * folder fails ({@code failOnMissingLocations}) instead of "no migrations found".
 *
 * <p>A database whose schema is newer than the code (a newer catalog migrated it) is refused and left
 * untouched: an older catalog writing into it could corrupt data it does not understand.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String SETTING = CatalogStorageException.SETTING;

    private final Flyway flyway;
    private final DatabaseUrl url;

    public SchemaMigrations(DataSource dataSource, DatabaseUrl url) {
        this.url = url;
        DatabaseKind kind = detect(dataSource);
        var configuration = Flyway.configure(SchemaMigrations.class.getClassLoader());
        if (url.schema() != null) {
            // currentSchema=… names where the catalog lives; a new deployment's schema is created for it.
            configuration.schemas(url.schema()).createSchemas(true);
        }
        this.flyway = configuration
                .dataSource(dataSource)
                // Through slf4j like the rest of the catalog, not straight to java.util.logging.
                .loggers("slf4j")
                .locations(kind.migrationLocation())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }

    /** Applies pending migrations; refuses a newer schema. */
    public MigrationResult migrate() {
        MigrationInfoService before = info();
        refuseNewerSchema(before);
        try {
            MigrateResult result = flyway.migrate();
            List<String> applied = result.migrations.stream()
                    .map(m -> m.version + " " + m.description)
                    .toList();
            MigrationResult migrated = new MigrationResult(url.display(), result.initialSchemaVersion,
                    currentVersion(info()), applied);
            if (!applied.isEmpty()) {
                LOG.info("{}", migrated.summary());
            }
            return migrated;
        } catch (FlywayException e) {
            throw new CatalogStorageException("migrating " + url.display() + " failed (" + firstLine(e.getMessage())
                    + "); the failed migration was rolled back where the database allows it", e);
        }
    }

    /** For a store opened without migrating: refuses a newer schema, lets an older one be migrated later. */
    public void refuseNewerSchema() {
        refuseNewerSchema(info());
    }

    /** The version now and whether migrations wait, from one read of the schema history. */
    public State state() {
        MigrationInfoService info = info();
        return new State(currentVersion(info), info.pending().length > 0);
    }

    /**
     * @param currentVersion the schema version now; {@code null} for an empty database
     * @param needsMigrating whether migrations are waiting to be applied
     */
    public record State(String currentVersion, boolean needsMigrating) {
    }

    /** Whether migrations are waiting to be applied. */
    public boolean needsMigrating() {
        return info().pending().length > 0;
    }

    /** The schema version now; {@code null} for an empty database. */
    public String currentVersion() {
        return currentVersion(info());
    }

    private MigrationInfoService info() {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            throw new CatalogStorageException("cannot read the schema history of " + url.display() + " ("
                    + firstLine(e.getMessage()) + "); check " + SETTING, e);
        }
    }

    private void refuseNewerSchema(MigrationInfoService info) {
        boolean newer = Arrays.stream(info.applied()).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (newer) {
            throw new CatalogStorageException(url.display() + " has schema version " + currentVersion(info)
                    + ", newer than this catalog knows (" + latestKnown() + "); it was left untouched: use a newer"
                    + " catalog, or point " + SETTING + " at another database");
        }
    }

    private String latestKnown() {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse("none");
    }

    private static String currentVersion(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }

    private static String versionOrEmpty(String version) {
        return version == null ? "empty" : version;
    }

    private static DatabaseKind detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseKind.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new CatalogStorageException("cannot read the database's metadata (" + firstLine(e.getMessage())
                    + "); check " + SETTING, e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
