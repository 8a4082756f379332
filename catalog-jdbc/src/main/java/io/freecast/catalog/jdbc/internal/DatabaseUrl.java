package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.InvalidDatabaseUrlException;
import io.freecast.catalog.jdbc.StorageFailure;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database path or JDBC URL a store is opened with, checked before any connection is tried: a plain path is a
 * SQLite file, {@code jdbc:sqlite:…} and {@code jdbc:postgresql:…} are taken as given, anything else is
 * refused with a message that says what to write instead.
 *
 * @param jdbcUrl the URL to connect with
 * @param kind    which database it is
 * @param display where it is, for messages and health: never contains a password
 * @param schema  PostgreSQL's {@code currentSchema} from the URL, created on first migration if missing;
 *                {@code null} otherwise
 */
public record DatabaseUrl(String jdbcUrl, DatabaseKind kind, String display, String schema) {

    private static final String SETTING = CatalogStorageException.DATABASE_URL;
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final Pattern SECRET = Pattern.compile("(?i)(password|passwd|pwd|sslpassword|sslkey)=[^&;]*");
    /** From {@code //} to the last {@code @}: a password may hold {@code /} or {@code @} itself. */
    private static final Pattern USER_INFO = Pattern.compile("//.*@");
    private static final String POSTGRES_AUTHORITY = "jdbc:postgresql://";

    /**
     * @throws InvalidDatabaseUrlException for a blank, malformed or unsupported value, or a SQLite file that
     *                                 cannot be created or written where it is
     */
    public static DatabaseUrl parse(String dbPathOrJdbcUrl) {
        if (dbPathOrJdbcUrl == null || dbPathOrJdbcUrl.isBlank()) {
            throw new InvalidDatabaseUrlException("no database given: set " + SETTING
                    + " to a SQLite file path or a jdbc:sqlite: / jdbc:postgresql: URL");
        }
        String value = dbPathOrJdbcUrl.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SQLITE_PREFIX)) {
            return sqlite(value.substring(SQLITE_PREFIX.length()));
        }
        if (lower.startsWith(POSTGRES_PREFIX)) {
            return postgres(value);
        }
        if (lower.startsWith("jdbc:")) {
            throw new InvalidDatabaseUrlException("unsupported database URL '" + redact(value)
                    + "': the catalog runs on jdbc:sqlite: and jdbc:postgresql: URLs; fix " + SETTING);
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            throw new InvalidDatabaseUrlException("'" + redact(value) + "' is not a JDBC URL: write it as jdbc:postgresql://HOST:PORT/DB?user=…; fix "
                    + SETTING);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
            throw new InvalidDatabaseUrlException("unsupported database URL '" + redact(value)
                    + "': give a SQLite file path or a jdbc:sqlite: / jdbc:postgresql: URL; fix " + SETTING);
        }
        return sqliteFile(value, "");
    }

    /** Never the password: a record's own toString would print the JDBC URL as given. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + redact(jdbcUrl) + "]";
    }

    /**
     * Hides passwords, in the query string ({@code password=}, {@code sslpassword=}, …) and in user-info
     * ({@code //user:password@host}, all of it up to the last {@code @}), so a URL can be logged and printed.
     */
    public static String redact(String url) {
        return USER_INFO.matcher(SECRET.matcher(url).replaceAll("$1=***")).replaceAll("//***@");
    }

    private static DatabaseUrl sqlite(String rest) {
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        String params = query < 0 ? "" : rest.substring(query);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        return sqliteFile(path, params);
    }

    private static DatabaseUrl sqliteFile(String pathText, String params) {
        if (pathText.isBlank() || pathText.contains(":memory:") || pathText.contains("mode=memory")) {
            throw new InvalidDatabaseUrlException("an in-memory SQLite database lives and dies with one connection and"
                    + " cannot be shared by a pool: give a file path in " + SETTING);
        }
        Path path;
        try {
            path = Path.of(pathText).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidDatabaseUrlException("'" + pathText + "' is not a valid file path (" + e.getReason()
                    + "); fix " + SETTING);
        }
        checkSqliteFile(path);
        return new DatabaseUrl(SQLITE_PREFIX + path + params, DatabaseKind.SQLITE, "SQLite " + path, null);
    }

    /** Says precisely why a SQLite file cannot be used, instead of the driver's "out of memory" or "unable to open". */
    private static void checkSqliteFile(Path path) {
        Path dir = path.getParent();
        if (Files.isDirectory(path)) {
            throw new InvalidDatabaseUrlException("SQLite database " + path + " is a directory; give a file path in "
                    + SETTING);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidDatabaseUrlException("cannot create SQLite database " + path + ": directory " + dir
                    + " does not exist; create it or fix " + SETTING);
        }
        if (Files.exists(path)) {
            if (onReadOnlyFileSystem(path)) {
                throw new InvalidDatabaseUrlException(StorageFailure.READ_ONLY.label() + ": SQLite database " + path
                        + " is on a read-only file system; mount it writable, copy the file somewhere writable,"
                        + " or fix " + SETTING, StorageFailure.READ_ONLY);
            }
            if (Files.isReadable(path) && !Files.isWritable(path)) {
                throw new InvalidDatabaseUrlException(StorageFailure.READ_ONLY.label() + ": SQLite database " + path
                        + " is not writable by this user; fix its permissions or " + SETTING, StorageFailure.READ_ONLY);
            }
            if (!Files.isReadable(path) || !Files.isWritable(path)) {
                throw new InvalidDatabaseUrlException("SQLite database " + path + " is not readable and writable by this"
                        + " user; fix its permissions or " + SETTING);
            }
        } else if (!Files.isWritable(dir)) {
            throw new InvalidDatabaseUrlException("cannot create SQLite database " + path + ": directory " + dir
                    + " is not writable; fix its permissions or " + SETTING);
        }
    }

    /**
     * Whether the file sits on a read-only file system (a read-only mount, a bind mount made read-only).
     * Asked of the file system itself, by opening the file for writing: the mount table can name the wrong
     * mount for a bind mount, and as root the permission bits say nothing.
     */
    private static boolean onReadOnlyFileSystem(Path path) {
        if (Files.isWritable(path)) {
            return false;
        }
        try (var channel = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE)) {
            return false;
        } catch (java.nio.file.FileSystemException e) {
            return e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("read-only file system");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * PostgreSQL: the URL's own {@code socketTimeout} (whole seconds; 0 for none), which the store then takes as
     * its answer timeout ({@link AnswerTimeouts}); empty when the URL has none or one the driver would refuse.
     */
    public Optional<Duration> socketTimeout() {
        if (kind != DatabaseKind.POSTGRESQL) {
            return Optional.empty();
        }
        java.util.Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, null);
        String seconds = parsed == null ? null : parsed.getProperty("socketTimeout");
        if (seconds == null || !seconds.matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Integer.parseInt(seconds)));
    }

    private static DatabaseUrl postgres(String given) {
        String url = withoutUserInfo(given);
        java.util.Properties parsed;
        try {
            parsed = org.postgresql.Driver.parseURL(url, null);
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null) {
            throw new InvalidDatabaseUrlException("malformed PostgreSQL URL '" + redact(given)
                    + "': expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=…]; fix " + SETTING);
        }
        String host = parsed.getProperty("PGHOST", "localhost");
        String port = parsed.getProperty("PGPORT", "5432");
        String db = parsed.getProperty("PGDBNAME", "");
        String schema = parsed.getProperty("currentSchema");
        String display = "PostgreSQL " + host + ":" + port + "/" + db + (schema == null ? "" : " (schema " + schema + ")");
        String firstSchema = schema == null || schema.isBlank() ? null : schema.split(",")[0].strip();
        return new DatabaseUrl(url, DatabaseKind.POSTGRESQL, display, firstSchema);
    }

    /**
     * {@code jdbc:postgresql://user:password@host/db} as PostgreSQL's driver reads it:
     * {@code jdbc:postgresql://host/db?user=user&password=password}. The driver itself takes no user-info —
     * it would look up {@code user:password@host} as a host name, fail with "unknown host", and print the
     * password in that message — while libpq, psql and most tools take this form, so an operator writes it.
     * Percent-encoded user-info is decoded, as in any URL.
     */
    static String withoutUserInfo(String url) {
        if (!url.regionMatches(true, 0, POSTGRES_AUTHORITY, 0, POSTGRES_AUTHORITY.length())) {
            return url;
        }
        String rest = url.substring(POSTGRES_AUTHORITY.length());
        int query = rest.indexOf('?');
        int at = rest.lastIndexOf('@', query < 0 ? rest.length() - 1 : query);
        if (at < 0) {
            return url;
        }
        String userInfo = rest.substring(0, at);
        String hostAndRest = rest.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        StringBuilder rebuilt = new StringBuilder(POSTGRES_AUTHORITY).append(hostAndRest)
                .append(hostAndRest.indexOf('?') < 0 ? '?' : '&');
        rebuilt.append("user=").append(encode(user));
        if (password != null) {
            rebuilt.append("&password=").append(encode(password));
        }
        return rebuilt.toString();
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
