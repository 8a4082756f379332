package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.MigrationResult;
import io.freecast.catalog.jdbc.StorageFailure;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the version this code knows, with Flyway and the scripts in
 * {@code db/migration/<database>}. The folder is chosen from the kind of URL, and a missing folder fails
 * ({@code failOnMissingLocations}) instead of "no migrations found". Setting up touches no database.
 *
 * <p>A database whose schema is newer than the code (a newer catalog migrated it) is refused and left
 * untouched: an older catalog writing into it could corrupt data it does not understand.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String SETTING = CatalogStorageException.DATABASE_URL;

    private final Flyway flyway;
    private final DatabaseUrl url;
    private final DataSource dataSource;

    public SchemaMigrations(DataSource dataSource, DatabaseUrl url) {
        this.url = url;
        this.dataSource = dataSource;
        DatabaseKind kind = url.kind();
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
                // Flyway's default ignores applied migrations it does not know ("*:future"). Ignoring none
                // makes migrate's own validation refuse a schema from a newer catalog before it changes
                // anything, without a separate read of the history first.
                .ignoreMigrationPatterns(new String[0])
                .cleanDisabled(true)
                .load();
    }

    /**
     * Applies pending migrations; refuses a newer schema, leaving it untouched. Every read of the schema
     * history resolves the migration scripts, a noticeable part of a cold start, so migrate's own read is
     * the only one on success: the version after is taken from what was applied.
     */
    public MigrationResult migrate() {
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayValidateException e) {
            if (acceptRewordedMigrations()) {
                return migrate();
            }
            // Most likely migrations from a newer catalog: that gets its own message.
            refuseNewerSchema(info());
            throw failed(e);
        } catch (FlywayException e) {
            throw failed(e);
        }
        List<String> applied = result.migrations.stream()
                .map(m -> m.version + " " + m.description)
                .toList();
        MigrationResult migrated = new MigrationResult(url.display(), result.initialSchemaVersion,
                latest(result.initialSchemaVersion, result.migrations.stream().map(m -> m.version)), applied);
        if (!applied.isEmpty()) {
            LOG.info("{}", migrated.summary());
        }
        return migrated;
    }

    private CatalogStorageException failed(FlywayException e) {
        if (isForeign(e)) {
            return notACatalog(e);
        }
        if (StorageFailures.classify(e) != StorageFailure.OTHER) {
            // Disk full, read-only, locked…: the condition, not Flyway's wrapper.
            return StorageFailures.whileOpening(url, e);
        }
        return new CatalogStorageException("migrating " + url.display() + " failed (" + firstLine(e.getMessage())
                + "); the failed migration was rolled back where the database allows it", e);
    }

    /**
     * Flyway's words for a database with tables and no schema history: "Found non-empty schema(s) … but no
     * schema history table. Use baseline() or set baselineOnMigrate to true". Its advice is for a developer
     * adopting an existing schema; for the catalog it means the database is another program's.
     */
    private static boolean isForeign(FlywayException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("no schema history table") || message.contains("baselineOnMigrate");
    }

    private CatalogStorageException notACatalog(FlywayException e) {
        String where = url.kind() == DatabaseKind.SQLITE
                ? "point " + SETTING + " at the catalog's own database file, or at a new file to start an empty catalog"
                : "point " + SETTING + " at the catalog's own database, or at an empty database or schema"
                        + " (currentSchema=…) to start an empty catalog";
        return new CatalogStorageException(StorageFailure.NOT_A_CATALOG.label() + ": " + url.display()
                + " holds tables of another program and no catalog schema history; it was left untouched: " + where,
                e, SETTING, StorageFailure.NOT_A_CATALOG);
    }

    /** The highest of the version before and the versions just applied; {@code null} if there is none. */
    private static String latest(String before, Stream<String> applied) {
        return Stream.concat(Stream.ofNullable(before), applied)
                .filter(version -> version != null && !version.isEmpty())
                .map(MigrationVersion::fromVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse(null);
    }

    /**
     * For a store opened without migrating: refuses a newer schema, lets an older one be migrated later.
     *
     * @return the state read on the way
     */
    public State refuseNewerSchema() {
        MigrationInfoService info = info();
        refuseNewerSchema(info);
        return state(info);
    }

    /** The version now and whether migrations wait, from one read of the schema history. */
    public State state() {
        return state(info());
    }

    private static State state(MigrationInfoService info) {
        return new State(currentVersion(info), info.pending().length > 0);
    }

    /**
     * @param currentVersion the schema version now; {@code null} for an empty database
     * @param needsMigrating whether migrations are waiting to be applied
     */
    public record State(String currentVersion, boolean needsMigrating) {

        /** After a successful migration: at its version, nothing left to apply. */
        public static State migrated(MigrationResult result) {
            return new State(result.versionAfter(), false);
        }
    }

    /** Only after a failed validation, so a start that validates costs nothing more. */
    private boolean acceptRewordedMigrations() {
        String table = flyway.getConfiguration().getTable();
        String history = url.schema() == null ? table : "\"" + url.schema().replace("\"", "\"\"") + "\"." + table;
        try {
            boolean changed = RewordedMigrations.accept(dataSource, history, url.kind());
            if (changed) {
                LOG.info("{}: schema history updated for migrations whose comments were reworded", url.display());
            }
            return changed;
        } catch (SQLException e) {
            return false;
        }
    }

    private MigrationInfoService info() {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            throw new CatalogStorageException("cannot read the schema history of " + url.display() + " ("
                    + firstLine(e.getMessage()) + "); check " + SETTING, e, SETTING);
        }
    }

    private void refuseNewerSchema(MigrationInfoService info) {
        boolean newer = Arrays.stream(info.applied()).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (newer) {
            throw new CatalogStorageException(url.display() + " has schema version " + currentVersion(info)
                    + ", newer than this catalog knows (" + latestKnown() + "); it was left untouched: use a newer"
                    + " catalog, or point " + SETTING + " at another database", null, SETTING);
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

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
