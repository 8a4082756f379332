package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.freecast.catalog.jdbc.testing.TableSnapshot;
import io.freecast.catalog.jdbc.internal.DatabaseKind;
import io.freecast.catalog.jdbc.internal.RewordedMigrations;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store: every way the {@code --db} setting can be wrong gives one line that says what is
 * wrong and which setting to fix; a database with a newer schema is refused and left as it was.
 */
class OpeningIT {

    /** Every migration, as a migration result lists it, and the version they lead to. */
    private static final List<String> MIGRATIONS = List.of("1 catalog schema", "2 accounts and tokens",
            "3 hand edits", "4 admin indexes", "5 ratings checked per provider", "6 title search index and counts",
            "7 task run interrupted", "9 locked title indexes", "10 link check due",
            "11 import indexes new titles per batch", "12 title search statistics", "13 catalog counts", "14 inactive sources by owner",
            "15 short searches through the title index", "16 title index pending lists kept short");
    private static final String LATEST = MIGRATIONS.getLast().split(" ")[0];

    @TempDir
    Path dir;

    @Test
    void aPlainPathIsASqliteFileThatIsCreatedAndMigrated() {
        Path file = dir.resolve("catalog.db");
        try (JdbcCatalogStore store = JdbcCatalogStore.open(file.toString())) {
            assertThat(store.isSqlite()).isTrue();
            assertThat(store.description()).isEqualTo("SQLite " + file.toAbsolutePath());
            assertThat(store.health().up()).isTrue();
            assertThat(store.health().detail()).endsWith("schema " + LATEST);
            assertThat(store.migrate().applied()).isEmpty();
            assertThat(store.migrate().summary()).endsWith("schema " + LATEST + " (up to date)");
        }
        assertThat(file).exists();
    }

    @Test
    void aMissingDirectoryNamesTheDirectoryAndTheSetting() {
        String path = dir.resolve("no/such/dir/catalog.db").toString();
        assertThatThrownBy(() -> JdbcCatalogStore.open(path))
                .isInstanceOf(CatalogStorageException.class)
                .hasMessageContaining(dir.resolve("no/such/dir").toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        assertThatThrownBy(() -> JdbcCatalogStore.open("jdbc:sqlite:" + path)).hasMessageContaining("does not exist");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsNamed() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere: nothing to test");
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThatThrownBy(() -> JdbcCatalogStore.open(readOnly.resolve("catalog.db").toString()))
                .hasMessageContaining("is not writable")
                .hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
    }

    @Test
    void aDirectoryOrAFileThatIsNotADatabaseIsRefused() throws IOException {
        assertThatThrownBy(() -> JdbcCatalogStore.open(dir.toString()))
                .hasMessageContaining("is a directory").hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        Path text = Files.writeString(dir.resolve("notes.txt"), "these are not the tables you are looking for\n".repeat(100));
        assertThatThrownBy(() -> JdbcCatalogStore.open(text.toString()))
                .isInstanceOf(CatalogStorageException.class)
                .hasMessageContaining("is not a SQLite database")
                .hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        assertThat(Files.readString(text)).startsWith("these are not");
    }

    @Test
    void unsupportedMalformedAndInMemoryUrlsAreRefusedBeforeConnecting() {
        assertThatThrownBy(() -> JdbcCatalogStore.open("jdbc:mysql://localhost/catalog"))
                .hasMessageContaining("unsupported database URL").hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        assertThatThrownBy(() -> JdbcCatalogStore.open("postgres://localhost/catalog"))
                .hasMessageContaining("jdbc:postgresql://").hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        assertThatThrownBy(() -> JdbcCatalogStore.open("jdbc:postgresql://localhost:notaport/catalog"))
                .hasMessageContaining("malformed PostgreSQL URL").hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        assertThatThrownBy(() -> JdbcCatalogStore.open("jdbc:sqlite::memory:"))
                .hasMessageContaining("in-memory").hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        assertThatThrownBy(() -> JdbcCatalogStore.open("  ")).hasMessageContaining("no database given");
        assertThatThrownBy(() -> JdbcCatalogStore.open(null)).hasMessageContaining("no database given");
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsPassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/catalog?user=catalog&password=s3cret";
        assertThatThrownBy(() -> JdbcCatalogStore.builder(url).connectionTimeout(Duration.ofSeconds(2)).open())
                .isInstanceOf(CatalogStorageException.class)
                .hasMessageContaining("cannot reach the database server")
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aSqliteDatabaseWithANewerSchemaIsRefusedAndLeftUntouched() {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            refusesNewerSchema(db);
        }
    }

    @Test
    void aPostgresDatabaseWithANewerSchemaIsRefusedAndLeftUntouched() {
        try (TestDatabase db = TestDatabases.postgres()) {
            refusesNewerSchema(db);
        }
    }

    @Test
    void aSqliteDatabaseMigratedBeforeV1sCommentWasRewordedOpensAndAnyOtherMismatchIsRefused() {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            acceptsTheRewordedV1(db, DatabaseKind.SQLITE);
        }
    }

    @Test
    void aPostgresDatabaseMigratedBeforeV1sCommentWasRewordedOpensAndAnyOtherMismatchIsRefused() {
        try (TestDatabase db = TestDatabases.postgres()) {
            acceptsTheRewordedV1(db, DatabaseKind.POSTGRESQL);
        }
    }

    private static void acceptsTheRewordedV1(TestDatabase db, DatabaseKind kind) {
        db.open().close();
        RewordedMigrations.Reworded v1 = RewordedMigrations.ALL.stream().filter(r -> r.kind() == kind).findFirst()
                .orElseThrow();
        assertThat(TableSnapshot.execute(db, "UPDATE flyway_schema_history SET checksum = " + v1.before()
                + " WHERE version = '1' AND checksum = " + v1.after())).as("a new database has V1's current checksum")
                .isEqualTo(1);

        db.open().close();

        assertThat(TableSnapshot.execute(db, "UPDATE flyway_schema_history SET checksum = 12345"
                + " WHERE version = '1' AND checksum = " + v1.after())).as("the history now has the current checksum")
                .isEqualTo(1);
        assertThatThrownBy(db::open).as("any other checksum is still refused").isInstanceOf(CatalogStorageException.class);
    }

    private static void refusesNewerSchema(TestDatabase db) {
        db.open().close();
        TableSnapshot.execute(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                + " 'V99__from_the_future.sql', 0, 'test', 0, TRUE)");
        var before = TableSnapshot.of(db, List.of("flyway_schema_history", "show", "movie"));

        assertThatThrownBy(db::open)
                .isInstanceOf(CatalogStorageException.class)
                .hasMessageContaining("schema version 99, newer than this catalog knows (" + LATEST + ")")
                .hasMessageContaining("left untouched")
                .hasMessageContaining(CatalogStorageException.DATABASE_URL).hasFieldOrPropertyWithValue("setting", CatalogStorageException.DATABASE_URL);
        assertThatThrownBy(() -> db.open(b -> b.migrateOnOpen(false))).hasMessageContaining("newer than this catalog");
        assertThat(TableSnapshot.of(db, List.of("flyway_schema_history", "show", "movie"))).isEqualTo(before);
    }

    @Test
    void withoutMigrateOnOpenTheSchemaWaitsForMigrateWhichReportsWhatItApplied() {
        Path fresh = dir.resolve("fresh.db");
        try (JdbcCatalogStore store = JdbcCatalogStore.builder(fresh.toString()).migrateOnOpen(false).open()) {
            assertThat(store.health().up()).isFalse();
            assertThat(store.health().detail()).endsWith("schema empty, needs migrating");

            MigrationResult result = store.migrate();
            assertThat(result.versionBefore()).isNull();
            assertThat(result.versionAfter()).isEqualTo(LATEST);
            assertThat(result.applied()).containsExactlyElementsOf(MIGRATIONS);
            assertThat(result.summary()).isEqualTo("SQLite " + fresh.toAbsolutePath()
                    + ": schema empty -> " + LATEST + " (applied " + String.join(", ", MIGRATIONS) + ")");
            assertThat(store.health().up()).isTrue();

            MigrationResult again = store.migrate();
            assertThat(again.versionBefore()).isEqualTo(LATEST);
            assertThat(again.applied()).isEmpty();
            assertThat(again.summary()).endsWith("schema " + LATEST + " (up to date)");
        }
    }

    @Test
    void aPostgresSchemaNamedInTheUrlIsCreatedByTheFirstMigration() throws Exception {
        String server = TestDatabases.postgresServerUrl();
        String schema = "catalog_new_" + Long.toHexString(System.nanoTime());
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (JdbcCatalogStore store = JdbcCatalogStore.open(url)) {
            assertThat(store.health().up()).isTrue();
            assertThat(store.health().detail()).contains("(schema " + schema + ")").endsWith("schema " + LATEST);
            store.ports().movies().upsertAll(List.of(io.freecast.catalog.testing.Drafts.movie("1", "In its own schema")));
            assertThat(store.ports().queries().listMovies(io.freecast.catalog.domain.ListQuery.firstPage()).total()).isEqualTo(1);
        } finally {
            try (var connection = java.sql.DriverManager.getConnection(server);
                 var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void poolStatsDescribeThePool() {
        try (JdbcCatalogStore store = JdbcCatalogStore.builder(dir.resolve("p.db").toString()).poolSize(3).open()) {
            store.ports().queries().listMovies(io.freecast.catalog.domain.ListQuery.firstPage());
            PoolStats stats = store.poolStats();
            assertThat(stats.max()).isEqualTo(3);
            assertThat(stats.total()).isBetween(1, 3);
            assertThat(stats.active()).isZero();
            assertThat(stats.idle()).isEqualTo(stats.total());
            assertThat(stats.waiting()).isZero();
        }
    }

    @Test
    void aValueThatIsNoUsableDatabaseIsRefusedAsAnInvalidUrlBeforeAnyConnection() {
        for (String bad : List.of("jdbc:mysql://db/catalog", "postgres://db/catalog", "jdbc:sqlite::memory:", " ")) {
            assertThatThrownBy(() -> JdbcCatalogStore.open(bad))
                    .as(bad)
                    .isInstanceOf(InvalidDatabaseUrlException.class)
                    .satisfies(e -> assertThat(((CatalogStorageException) e).setting())
                            .contains(CatalogStorageException.DATABASE_URL))
                    .message().doesNotContain("--db", "CATALOG_DB");
        }
    }
}
