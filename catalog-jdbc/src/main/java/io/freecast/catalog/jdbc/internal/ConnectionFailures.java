package io.freecast.catalog.jdbc.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.io.EOFException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the failures that mean "the database cannot be used right now" from ordinary query errors, and names
 * them in a few plain words (never the driver's message, which may carry a host, a user or a statement).
 *
 * <ul>
 *   <li>An {@link Kind#OUTAGE}: the server cannot be reached, a connection was lost, the server is shutting
 *   down or starting up, the SQLite file cannot be opened or read. Every request that needs the database
 *   would fail the same way, so the {@link StorageCircuit} opens.</li>
 *   <li>A {@link Kind#WRITE_REFUSED}: the disk is full or the file read-only. Reads still work, so only the
 *   write is refused; the circuit stays closed.</li>
 *   <li>A {@link Kind#TOO_SLOW}: PostgreSQL cancelled the statement at its {@code statement_timeout}
 *   ({@link AnswerTimeouts}). The server is there, but busy or the statement costly: only that use is refused;
 *   the circuit stays closed.</li>
 *   <li>{@link Kind#BUSY}: another writer holds what this write needs — on SQLite another program's write past
 *   the busy timeout ({@code SQLITE_BUSY}), on PostgreSQL a row lock past {@code lock_timeout} (55P03). It
 *   passes when that writer commits: only that use is refused; the circuit stays closed.</li>
 * </ul>
 * Anything else (a constraint broken, a syntax error) is no outage and stays as it was.
 */
final class ConnectionFailures {

    /** What a failure means for the requests after it. */
    enum Kind { OUTAGE, WRITE_REFUSED, TOO_SLOW, BUSY }

    /** A failure that passes by itself, and its cause in plain words ("connection refused"). */
    record Failure(Kind kind, String cause) {
    }

    private static final Pattern SQLITE_CODE = Pattern.compile("\\[SQLITE_([A-Z_]+)]");
    private static final int MAX_DEPTH = 16;

    private ConnectionFailures() {
    }

    /** The outage or refused write {@code failure} stands for; empty for any other failure. */
    static Optional<Failure> classify(Throwable failure) {
        if (!fromTheDatabase(failure)) {
            // A refused HTTP connection inside a feed import is the feed's problem, not the database's.
            return Optional.empty();
        }
        if (interrupted(failure)) {
            // A run stopped on purpose (a shutdown interrupts its thread) loses the connection it was using;
            // the database itself is fine, and the run's end must still be written.
            return Optional.empty();
        }
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            Optional<Failure> socket = socketLevel(t);
            if (socket.isPresent()) {
                return socket;
            }
        }
        t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Optional<Failure> known = sqlite(sql).or(() -> postgres(sql.getSQLState()));
                if (known.isPresent()) {
                    return known;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the failure is the calling thread's own interruption rather than anything the database did. */
    private static boolean interrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            // (a SocketTimeoutException is an InterruptedIOException too, but the database's: no answer in time)
            boolean interruptedIo = t instanceof java.io.InterruptedIOException && !(t instanceof SocketTimeoutException);
            if (t instanceof InterruptedException || interruptedIo
                    || t instanceof java.nio.channels.ClosedByInterruptException
                    || (t instanceof SocketException && String.valueOf(t.getMessage()).contains("Closed by interrupt"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromTheDatabase(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Failure> socketLevel(Throwable t) {
        if (t instanceof ConnectException) {
            return outage("connection refused");
        }
        if (t instanceof NoRouteToHostException) {
            return outage("no route to the database server");
        }
        if (t instanceof UnknownHostException) {
            return outage("the database server's name does not resolve");
        }
        if (t instanceof SocketTimeoutException) {
            return outage("the database server did not answer in time");
        }
        if (t instanceof EOFException || t instanceof SocketException) {
            return outage("connection to the database server lost");
        }
        return Optional.empty();
    }

    private static Optional<Failure> postgres(String state) {
        if (state == null) {
            return Optional.empty();
        }
        if (state.equals("08001") || state.equals("08004")) {
            return outage("cannot connect to the database server");
        }
        if (state.startsWith("08")) {
            return outage("connection to the database server lost");
        }
        return switch (state) {
            case "57P01", "57P02" -> outage("the database server shut down");
            case "57P03" -> outage("the database server is starting up or shutting down");
            case "57014" -> Optional.of(new Failure(Kind.TOO_SLOW, "the statement ran past the database's time limit"));
            case "55P03" -> Optional.of(new Failure(Kind.BUSY,
                    "another transaction, such as an import, holds what this statement needs"));
            default -> Optional.empty();
        };
    }

    private static Optional<Failure> sqlite(SQLException sql) {
        String message = sql.getMessage();
        Matcher code = SQLITE_CODE.matcher(message == null ? "" : message);
        if (!code.find()) {
            return Optional.empty();
        }
        String name = code.group(1);
        if (name.equals("FULL")) {
            return Optional.of(new Failure(Kind.WRITE_REFUSED, "disk full"));
        }
        if (name.equals("READONLY_DBMOVED")) {
            return Optional.of(new Failure(Kind.WRITE_REFUSED, "the database file was moved or deleted"));
        }
        if (name.startsWith("READONLY")) {
            return Optional.of(new Failure(Kind.WRITE_REFUSED, "the database file is read-only"));
        }
        if (name.startsWith("BUSY") || name.startsWith("LOCKED")) {
            // Past the busy timeout: another program (an import run from the command line) holds the writer.
            return Optional.of(new Failure(Kind.BUSY, "another program is writing to the database file"));
        }
        if (name.startsWith("CANTOPEN")) {
            return outage("cannot open the database file");
        }
        if (name.startsWith("IOERR")) {
            return outage("disk I/O error on the database file");
        }
        if (name.equals("NOTADB") || name.startsWith("CORRUPT")) {
            return outage("the database file is damaged or not a database");
        }
        return Optional.empty();
    }

    private static Optional<Failure> outage(String cause) {
        return Optional.of(new Failure(Kind.OUTAGE, cause));
    }
}
