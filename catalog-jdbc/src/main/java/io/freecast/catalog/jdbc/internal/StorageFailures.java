package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.StorageFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Reads what went wrong from a driver's failure: walks the cause chain for SQLite's result code
 * ({@link SQLiteErrorCode}), PostgreSQL's SQLState and the network exception underneath, and turns it into
 * a {@link CatalogStorageException} whose one-line message starts with the {@link StorageFailure}'s label
 * and says what to do. jOOQ's and HikariCP's wrappers ("Error while running ConnectionCallable", "SQL
 * [insert …]") never reach the message: the driver's own words do, after the condition.
 */
public final class StorageFailures {

    private static final String SETTING = CatalogStorageException.DATABASE_URL;
    private static final int MAX_DETAIL = 300;

    private StorageFailures() {
    }

    /** The condition along {@code failure}'s causes; {@link StorageFailure#OTHER} when none is recognised. */
    public static StorageFailure classify(Throwable failure) {
        StorageFailure fallback = StorageFailure.OTHER;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            StorageFailure found = ofOne(t);
            if (found == StorageFailure.TIMED_OUT && t instanceof SQLTransientConnectionException) {
                // HikariCP's "request timed out": its cause, when it has one, says why no connection came.
                fallback = StorageFailure.TIMED_OUT;
            } else if (found != null) {
                return found;
            }
        }
        return fallback;
    }

    private static StorageFailure ofOne(Throwable t) {
        if (t instanceof SQLiteException sqlite) {
            return ofSqlite(sqlite.getResultCode().name());
        }
        if (t instanceof SQLException sql) {
            String message = sql.getMessage() == null ? "" : sql.getMessage();
            if (message.startsWith("[SQLITE_")) {
                return ofSqlite(message.substring(1, message.indexOf(']') < 0 ? message.length() : message.indexOf(']')));
            }
            if (message.toLowerCase(Locale.ROOT).contains("timed out")) {
                // PostgreSQL's driver: "Connection attempt timed out." (08001), the login timeout passed.
                return StorageFailure.TIMED_OUT;
            }
            StorageFailure byState = ofSqlState(sql.getSQLState());
            if (byState != null) {
                return byState;
            }
            if (t instanceof SQLTimeoutException || t instanceof SQLTransientConnectionException) {
                return StorageFailure.TIMED_OUT;
            }
            return null;
        }
        if (t instanceof ConnectException) {
            return StorageFailure.CONNECTION_REFUSED;
        }
        if (t instanceof UnknownHostException) {
            return StorageFailure.UNKNOWN_HOST;
        }
        if (t instanceof SocketTimeoutException) {
            return StorageFailure.TIMED_OUT;
        }
        if (t instanceof NoRouteToHostException) {
            return StorageFailure.CONNECTION_REFUSED;
        }
        return null;
    }

    /** By SQLite's primary result code (extended codes share its name as a prefix). */
    private static StorageFailure ofSqlite(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        if (c.startsWith("SQLITE_FULL")) {
            return StorageFailure.DISK_FULL;
        }
        if (c.startsWith("SQLITE_READONLY")) {
            return StorageFailure.READ_ONLY;
        }
        if (c.startsWith("SQLITE_BUSY") || c.startsWith("SQLITE_LOCKED")) {
            return StorageFailure.LOCKED;
        }
        if (c.startsWith("SQLITE_NOTADB")) {
            return StorageFailure.NOT_A_DATABASE;
        }
        if (c.startsWith("SQLITE_CORRUPT")) {
            return StorageFailure.CORRUPT;
        }
        if (c.startsWith("SQLITE_IOERR") || c.startsWith("SQLITE_CANTOPEN")) {
            return StorageFailure.IO_ERROR;
        }
        return null;
    }

    /** By PostgreSQL's SQLState (Appendix A of its manual); {@code null} for a state that is no condition here. */
    private static StorageFailure ofSqlState(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "28P01", "28000" -> StorageFailure.AUTHENTICATION_FAILED;
            case "3D000" -> StorageFailure.UNKNOWN_DATABASE;
            case "53100" -> StorageFailure.DISK_FULL;
            case "25006" -> StorageFailure.READ_ONLY;
            case "55P03" -> StorageFailure.LOCKED;
            case "57014" -> StorageFailure.TIMED_OUT;
            // Unable to connect, or refused by the server: a network cause further down says more.
            case "08001", "08004" -> null;
            case "57P01", "57P02", "57P03" -> StorageFailure.CONNECTION_LOST;
            default -> state.startsWith("08") ? StorageFailure.CONNECTION_LOST : null;
        };
    }

    /**
     * A failure met while opening the store: named, with what to fix in {@link CatalogStorageException#DATABASE_URL}.
     */
    public static CatalogStorageException whileOpening(DatabaseUrl url, Throwable failure) {
        return explain(url, failure, true);
    }

    /** A failure met while the store was in use: named, in one line. */
    public static CatalogStorageException inUse(DatabaseUrl url, Throwable failure) {
        return explain(url, failure, false);
    }

    private static CatalogStorageException explain(DatabaseUrl url, Throwable failure, boolean opening) {
        StorageFailure condition = classify(failure);
        if (condition == StorageFailure.OTHER && url.kind() == DatabaseKind.POSTGRESQL && hasSqlState(failure, "08")) {
            // Unable to connect without a network cause of its own: the server is not there to connect to.
            condition = StorageFailure.CONNECTION_REFUSED;
        }
        String db = url.display();
        String detail = detail(failure);
        String message = switch (condition) {
            case DISK_FULL -> db + " cannot be written (" + detail + "); free space on its disk, then run again";
            case READ_ONLY -> db + " cannot be written (" + detail + "); make the file, its directory and its file"
                    + " system writable for this user";
            case LOCKED -> db + " is held by another program (" + detail + "); let it finish or stop it, then run again";
            case CONNECTION_REFUSED -> "cannot reach the database server of " + db + " (" + detail + "); start it or fix "
                    + SETTING;
            case UNKNOWN_HOST -> "cannot reach the database server of " + db + " (" + detail + "); fix the host in "
                    + SETTING;
            case AUTHENTICATION_FAILED -> "the server refused the login to " + db + " (" + detail
                    + "); fix the user or password in " + SETTING;
            case UNKNOWN_DATABASE -> "the database of " + db + " does not exist (" + detail + "); create it or fix "
                    + SETTING;
            case TIMED_OUT -> db + " did not answer in time (" + detail + ")";
            case CONNECTION_LOST -> "the database server of " + db + " went away (" + detail + ")";
            case NOT_A_DATABASE -> db + " is not a SQLite database file; point " + SETTING
                    + " at a catalog database or a new file";
            case NOT_A_CATALOG -> db + " is not a catalog database (" + detail + "); point " + SETTING
                    + " at the catalog's own database or a new file";
            case CORRUPT -> db + " is damaged (" + detail + "); restore it from a backup";
            case IO_ERROR -> db + " could not be read or written (" + detail + "); check its disk and file system";
            case OTHER -> opening ? "cannot open " + db + " (" + detail + "); check " + SETTING
                    : db + " failed (" + detail + ")";
        };
        boolean urlFixesIt = opening && condition != StorageFailure.DISK_FULL && condition != StorageFailure.LOCKED
                && condition != StorageFailure.TIMED_OUT;
        return new CatalogStorageException(condition.label() + ": " + message, failure, urlFixesIt ? SETTING : null,
                condition);
    }

    private static boolean hasSqlState(Throwable failure, String prefix) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The driver's words: the first line of the innermost SQL exception's message (SQLite's starts with
     * its result code), or of the network exception under it; never a wrapper's. Passwords are hidden.
     */
    static String detail(Throwable failure) {
        Throwable best = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && !(t instanceof SQLTransientConnectionException && t.getCause() != null)) {
                best = best == null ? t : best;
            }
            if (t instanceof java.io.IOException && best == null) {
                best = t;
            }
        }
        if (best == null) {
            best = failure;
            while (best.getCause() != null && best.getCause() != best) {
                best = best.getCause();
            }
        }
        String message = best.getMessage() == null || best.getMessage().isBlank() ? best.getClass().getSimpleName()
                : best.getMessage().strip();
        int newline = message.indexOf('\n');
        String line = DatabaseUrl.redact(newline < 0 ? message : message.substring(0, newline));
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }
}
