package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.jdbc.internal.DatabaseUrl;
import io.freecast.catalog.jdbc.internal.StorageFailures;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Every database condition an operator meets is named in one line — "disk full", "read-only database",
 * "database locked by another program", "connection refused", "authentication failed", "unknown
 * database", "timed out", "not a catalog database" — with the driver's words after it, never jOOQ's
 * "Error while running ConnectionCallable" or Flyway's "use baseline()". Each is made real: a small tmpfs
 * that fills up, a read-only bind mount, a second connection holding SQLite's lock, a PostgreSQL role that
 * does not exist, a closed port, a server that never answers.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StorageFailuresIT {

    @TempDir
    Path dir;

    private static final String PADDING = "x".repeat(16_000);

    private static void assertOneLineNaming(CatalogStorageException e, StorageFailure condition) {
        assertThat(e.failure()).as(e.getMessage()).isEqualTo(condition);
        assertThat(e.getMessage()).startsWith(condition.label() + ": ").doesNotContain("\n")
                .doesNotContain("ConnectionCallable").doesNotContain("SQL [");
    }

    // --- SQLite -------------------------------------------------------------------------------------

    @Test
    void aFullDiskIsDiskFull() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small-disk"));
        assumeMounted(mount, "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString());
        try {
            try (JdbcCatalogStore store = JdbcCatalogStore.open(mount.resolve("catalog.db").toString())) {
                fill(mount.resolve("filler"));
                StorageUnavailableException refused = null;
                for (int i = 0; i < 10_000 && refused == null; i++) {
                    try {
                        long run = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node", Instant.now());
                        store.ports().taskRuns().recordFinish(run, TaskReport.failed(TaskName.IMPORT_MOVIES,
                                Instant.now(), Instant.now(), PADDING));
                    } catch (StorageUnavailableException e) {
                        refused = e;
                    }
                }
                // The core's term for "not now" (a 503 with Retry-After over HTTP), in one line naming the
                // condition, with the store's named failure as its cause.
                assertThat(refused).as("a write on a full disk fails").isNotNull();
                assertThat(refused.getMessage()).contains("disk full").doesNotContain("\n");
                assertThat(refused.getCause()).isInstanceOf(CatalogStorageException.class);
                CatalogStorageException full = (CatalogStorageException) refused.getCause();
                assertOneLineNaming(full, StorageFailure.DISK_FULL);
                assertThat(full.getMessage()).contains("SQLite " + mount.resolve("catalog.db")).contains("SQLITE_FULL");
            }
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void aReadOnlyFileIsReadOnly() throws Exception {
        Path writable = Files.createDirectory(dir.resolve("writable"));
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        JdbcCatalogStore.open(writable.resolve("catalog.db").toString()).close();
        // As root, chmod stops nothing: a read-only bind mount does.
        assumeMounted(readOnly, "--bind", writable.toString(), readOnly.toString());
        try {
            Assumptions.assumeTrue(run("mount", "-o", "remount,bind,ro", readOnly.toString()) == 0,
                    "cannot remount the bind mount read-only here: the read-only case is not tested");
            CatalogStorageException e = catchThrowableOfType(CatalogStorageException.class,
                    () -> JdbcCatalogStore.open(readOnly.resolve("catalog.db").toString()));
            assertOneLineNaming(e, StorageFailure.READ_ONLY);
            assertThat(e.getMessage()).contains("read-only file system").contains(CatalogStorageException.DATABASE_URL);
        } finally {
            run("umount", readOnly.toString());
        }
    }

    @Test
    void aWriteRefusedAsReadOnlyBySqliteIsReadOnly() throws Exception {
        // SQLITE_READONLY itself, from the engine: a connection opened read-only, asked to write.
        Path file = dir.resolve("catalog.db");
        JdbcCatalogStore.open(file.toString()).close();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLException refused;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
             Statement statement = connection.createStatement()) {
            refused = catchThrowableOfType(SQLException.class,
                    () -> statement.execute("insert into task_run (task, node, started_at, status) values ('x','y','z','running')"));
        }
        CatalogStorageException e = StorageFailures.inUse(DatabaseUrl.parse(file.toString()),
                new org.jooq.exception.DataAccessException("Error while running ConnectionCallable", refused));

        assertOneLineNaming(e, StorageFailure.READ_ONLY);
        assertThat(e.getMessage()).contains("SQLITE_READONLY");
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsLocked() throws Exception {
        Path file = dir.resolve("catalog.db");
        try (JdbcCatalogStore store = JdbcCatalogStore.builder(file.toString()).busyTimeout(Duration.ofMillis(300)).open();
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement lock = other.createStatement()) {
            lock.execute("begin exclusive");
            try {
                // Busy, not broken: the caller is told to come back (a 503 over HTTP), the naming kept as the cause.
                StorageUnavailableException busy = catchThrowableOfType(StorageUnavailableException.class,
                        () -> store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node", Instant.now()));
                assertThat(busy).hasMessage("the database is busy (another program is writing to the database file); "
                        + "try again in 10 s");
                assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                CatalogStorageException e = (CatalogStorageException) busy.getCause();
                assertOneLineNaming(e, StorageFailure.LOCKED);
                assertThat(e.getMessage()).contains("SQLITE_BUSY").contains("SQLite " + file);
            } finally {
                lock.execute("rollback");
            }
            // The lock gone, the same store writes again.
            assertThat(store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node", Instant.now())).isPositive();
        }
    }

    @Test
    void aForeignSqliteFileIsNotACatalogAndIsLeftUntouched() throws Exception {
        Path file = dir.resolve("someone-elses.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("create table invoices (id integer primary key, amount real)");
            statement.execute("insert into invoices (amount) values (12.5)");
        }

        CatalogStorageException e = catchThrowableOfType(CatalogStorageException.class,
                () -> JdbcCatalogStore.open(file.toString()));

        assertOneLineNaming(e, StorageFailure.NOT_A_CATALOG);
        assertThat(e.getMessage()).contains("SQLite " + file).contains("a new file")
                .contains(CatalogStorageException.DATABASE_URL).doesNotContainIgnoringCase("baseline");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             var tables = statement.executeQuery("select group_concat(name) from sqlite_master where type = 'table'")) {
            tables.next();
            assertThat(tables.getString(1)).isEqualTo("invoices");
        }
    }

    // --- PostgreSQL ---------------------------------------------------------------------------------

    /** {@code jdbc:postgresql://HOST:PORT} of the test server. */
    private static String serverAddress() {
        Matcher m = Pattern.compile("(?i)^(jdbc:postgresql://[^/?]+)").matcher(TestDatabases.postgresServerUrl());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String serverDatabase() {
        Matcher m = Pattern.compile("(?i)^jdbc:postgresql://[^/?]+/([^/?]*)").matcher(TestDatabases.postgresServerUrl());
        return m.find() ? m.group(1) : "postgres";
    }

    private static CatalogStorageException opening(String url) {
        return catchThrowableOfType(CatalogStorageException.class,
                () -> JdbcCatalogStore.builder(url).connectionTimeout(Duration.ofSeconds(2)).open());
    }

    @Test
    void aRoleThatDoesNotExistIsAnAuthenticationFailure() {
        String role = "no_such_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = "planted-pw-" + UUID.randomUUID();
        CatalogStorageException e = opening(serverAddress() + "/" + serverDatabase() + "?user=" + role
                + "&password=" + password);

        assertOneLineNaming(e, StorageFailure.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).contains(role).contains("fix the user or password").doesNotContain(password);
        assertThat(e.setting()).contains(CatalogStorageException.DATABASE_URL);
    }

    @Test
    void aDatabaseThatDoesNotExistIsAnUnknownDatabase() {
        String db = "no_such_db_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        CatalogStorageException e = opening(serverAddress() + "/" + db + "?user=postgres");

        assertOneLineNaming(e, StorageFailure.UNKNOWN_DATABASE);
        assertThat(e.getMessage()).contains(db);
    }

    @Test
    void aClosedPortIsConnectionRefusedEvenWithThePasswordInUserInfo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CatalogStorageException e = opening("jdbc:postgresql://catalog:pl%40nted-S3cret@127.0.0.1:" + port + "/catalog");

        assertOneLineNaming(e, StorageFailure.CONNECTION_REFUSED);
        assertThat(e.getMessage()).contains("127.0.0.1:" + port).doesNotContain("pl%40nted").doesNotContain("pl@nted")
                .doesNotContain("S3cret").doesNotContain("unknown host");
        assertThat(stackTrace(e)).doesNotContain("S3cret");
    }

    @Test
    void aHostThatDoesNotResolveIsAnUnknownHost() {
        CatalogStorageException e = opening("jdbc:postgresql://db.no-such-host.invalid:5432/catalog?user=catalog");

        assertOneLineNaming(e, StorageFailure.UNKNOWN_HOST);
        assertThat(e.getMessage()).contains("db.no-such-host.invalid");
    }

    @Test
    void aServerThatNeverAnswersTimedOut() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            CatalogStorageException e = opening("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/catalog?user=x");

            assertOneLineNaming(e, StorageFailure.TIMED_OUT);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aPasswordInUserInfoIsReadAsThePasswordAndNeverShown() {
        try (TestDatabase db = TestDatabases.postgres()) {
            // The test server trusts local connections: the password is sent and ignored, the login works.
            String url = db.url().replaceFirst("(?i)^jdbc:postgresql://", "jdbc:postgresql://postgres:Planted%2FS3cret@")
                    .replaceFirst("([?&])user=postgres&?", "$1");
            try (JdbcCatalogStore store = JdbcCatalogStore.open(url)) {
                assertThat(store.health().up()).isTrue();
                assertThat(store.description()).startsWith("PostgreSQL 127.0.0.1:").doesNotContain("S3cret")
                        .doesNotContain("postgres:");
                assertThat(store.health().detail()).doesNotContain("S3cret");
                assertThat(store.toString()).doesNotContain("S3cret");
            }
        }
    }

    @Test
    void aForeignPostgresSchemaIsNotACatalogAndIsLeftUntouched() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); Connection connection = db.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("create table invoices (id serial primary key, amount numeric)");

            CatalogStorageException e = catchThrowableOfType(CatalogStorageException.class, db::open);

            assertOneLineNaming(e, StorageFailure.NOT_A_CATALOG);
            assertThat(e.getMessage()).contains("empty database or schema").doesNotContainIgnoringCase("baseline");
            try (var rows = statement.executeQuery("select count(*) from information_schema.tables"
                    + " where table_schema = current_schema()")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** Writes until the disk says no more. */
    private static void fill(Path file) {
        byte[] block = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: the disk is full, as wanted.
        }
    }

    private static void assumeMounted(Path mountPoint, String... mountArguments) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "not running as root: cannot mount a small tmpfs or a read-only bind mount, so this condition is not tested");
        String[] command = new String[mountArguments.length + 1];
        command[0] = "mount";
        System.arraycopy(mountArguments, 0, command, 1, mountArguments.length);
        Assumptions.assumeTrue(run(command) == 0, "mount " + String.join(" ", mountArguments)
                + " failed (no CAP_SYS_ADMIN here?): this condition is not tested");
        assertThat(mountPoint).isDirectory();
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
