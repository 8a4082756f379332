package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.internal.ConnectionFailures.Failure;
import io.freecast.catalog.jdbc.internal.ConnectionFailures.Kind;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionFailuresTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedConnectionIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001",
                new ConnectException("Connection refused"));

        assertThat(ConnectionFailures.classify(refused)).contains(new Failure(Kind.OUTAGE, "connection refused"));
    }

    @Test
    void aConnectionClosedByTheThreadsOwnInterruptIsNoOutage() throws Exception {
        // A shutdown interrupts a run's thread; the socket it was reading closes, the database is fine.
        SQLException closedByInterrupt = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new java.net.SocketException("Closed by interrupt"));
        assertThat(ConnectionFailures.classify(closedByInterrupt)).isEmpty();

        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new java.net.SocketException("Connection reset"));
        Thread.currentThread().interrupt();
        try {
            assertThat(ConnectionFailures.classify(lost)).as("on an interrupted thread").isEmpty();
        } finally {
            Thread.interrupted();
        }
        assertThat(ConnectionFailures.classify(lost)).contains(new Failure(Kind.OUTAGE, "connection to the database server lost"));
    }

    @Test
    void theRealPostgresqlDriverRefusedOnAClosedLoopbackPortIsAnOutage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SQLException failure = null;
        try {
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/x?user=u&password=secret&connectTimeout=2")
                    .close();
        } catch (SQLException e) {
            failure = e;
        }

        assertThat((Object) failure).isNotNull();
        assertThat(ConnectionFailures.classify(failure)).contains(new Failure(Kind.OUTAGE, "connection refused"));
    }

    @Test
    void theRealSqliteDriverThatCannotOpenTheFileIsAnOutage() {
        String url = "jdbc:sqlite:" + dir.resolve("missing-directory").resolve("catalog.db");
        SQLException failure = null;
        try {
            DriverManager.getConnection(url).close();
        } catch (SQLException e) {
            failure = e;
        }

        assertThat((Object) failure).isNotNull();
        assertThat(ConnectionFailures.classify(failure)).contains(new Failure(Kind.OUTAGE, "cannot open the database file"));
    }

    @Test
    void aConnectionLostMidQueryIsAnOutage() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new EOFException());
        SQLException shutDown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException starting = new SQLException("the database system is starting up", "57P03");
        SQLException noAnswer = new SQLException("read timed out", "08006", new SocketTimeoutException("Read timed out"));

        assertThat(ConnectionFailures.classify(new RuntimeException("jOOQ wraps it", lost)))
                .contains(new Failure(Kind.OUTAGE, "connection to the database server lost"));
        assertThat(ConnectionFailures.classify(shutDown)).contains(new Failure(Kind.OUTAGE, "the database server shut down"));
        assertThat(ConnectionFailures.classify(starting)).map(Failure::kind).contains(Kind.OUTAGE);
        assertThat(ConnectionFailures.classify(noAnswer))
                .contains(new Failure(Kind.OUTAGE, "the database server did not answer in time"));
    }

    @Test
    void thePoolTimingOutAfterAConnectionFailureIsAnOutage() {
        SQLException refused = new SQLException("Connection refused", "08001", new ConnectException("Connection refused"));
        SQLException timeout = new SQLTransientConnectionException("catalog-1 - Connection is not available, request "
                + "timed out after 500ms", "08001", refused);

        assertThat(ConnectionFailures.classify(timeout)).contains(new Failure(Kind.OUTAGE, "connection refused"));
    }

    @Test
    void aBusyPoolIsNoOutage() {
        SQLException busy = new SQLTransientConnectionException("catalog-1 - Connection is not available, request "
                + "timed out after 500ms (total=10, active=10, idle=0, waiting=54)");

        assertThat(ConnectionFailures.classify(busy)).isEmpty();
    }

    @Test
    void ordinaryQueryErrorsAreNoOutage() {
        assertThat(ConnectionFailures.classify(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(ConnectionFailures.classify(new SQLException("syntax error", "42601"))).isEmpty();
        assertThat(ConnectionFailures.classify(new SQLException("[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed")))
                .isEmpty();
        assertThat(ConnectionFailures.classify(new SQLException((String) null))).isEmpty();
        assertThat(ConnectionFailures.classify(new IllegalStateException("no SQL at all"))).isEmpty();
    }

    @Test
    void aRefusedConnectionThatIsNotTheDatabasesIsNoOutage() {
        // A feed server refusing the import's HTTP connection says nothing about the database.
        assertThat(ConnectionFailures.classify(new UncheckedIOException(new ConnectException("Connection refused"))))
                .isEmpty();
    }

    @Test
    void aStatementCancelledAtPostgresqlsTimeLimitIsTooSlowNotAnOutage() {
        assertThat(ConnectionFailures.classify(new SQLException("ERROR: canceling statement due to statement timeout",
                "57014"))).contains(new Failure(Kind.TOO_SLOW, "the statement ran past the database's time limit"));
    }

    @Test
    void aWriteHeldUpByAnotherWriterIsBusyNotAnOutage() {
        assertThat(ConnectionFailures.classify(new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)")))
                .contains(new Failure(Kind.BUSY, "another program is writing to the database file"));
        assertThat(ConnectionFailures.classify(new SQLException("ERROR: canceling statement due to lock timeout", "55P03")))
                .contains(new Failure(Kind.BUSY, "another transaction, such as an import, holds what this statement needs"));
    }

    @Test
    void aFullDiskOrReadOnlyFileRefusesWritesWithoutBeingAnOutage() {
        assertThat(ConnectionFailures.classify(new SQLException(
                "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)")))
                .contains(new Failure(Kind.WRITE_REFUSED, "disk full"));
        assertThat(ConnectionFailures.classify(new SQLException(
                "[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)")))
                .contains(new Failure(Kind.WRITE_REFUSED, "the database file is read-only"));
        assertThat(ConnectionFailures.classify(new SQLException("[SQLITE_READONLY_DBMOVED] the file moved")))
                .contains(new Failure(Kind.WRITE_REFUSED, "the database file was moved or deleted"));
    }

    @Test
    void anUnreadableOrDamagedSqliteFileIsAnOutage() {
        assertThat(ConnectionFailures.classify(new SQLException("[SQLITE_IOERR_READ] disk I/O error")))
                .contains(new Failure(Kind.OUTAGE, "disk I/O error on the database file"));
        assertThat(ConnectionFailures.classify(new SQLException("[SQLITE_NOTADB] file is not a database")))
                .contains(new Failure(Kind.OUTAGE, "the database file is damaged or not a database"));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        SQLException first = new SQLException("first", "42000");
        SQLException second = new SQLException("second", "42000", first);
        first.initCause(second);

        assertThat(ConnectionFailures.classify(first)).isEqualTo(Optional.empty());
    }
}
