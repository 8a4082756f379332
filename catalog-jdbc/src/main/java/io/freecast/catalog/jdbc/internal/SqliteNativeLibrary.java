package io.freecast.catalog.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Lets sqlite-jdbc load its native library from a copy kept in the user's cache directory
 * ({@code $XDG_CACHE_HOME} or {@code ~/.cache}, then {@code catalog/sqlite-jdbc-<version>/<platform>}).
 *
 * <p>Left to itself, sqlite-jdbc extracts the library (about 1 MB) from its jar into the temp directory
 * under a new random name at every start, then reads both copies back a byte at a time to compare them:
 * a noticeable part of a cold {@code serve}, most of it spent compiling that loop. Here the copy is
 * checked against the jar's bytes in one comparison and rewritten only when it is missing or differs.
 *
 * <p>Nothing here can stop the catalog from opening: when the cache cannot be used, or the application
 * set {@code org.sqlite.lib.path} / {@code org.sqlite.lib.name} itself, sqlite-jdbc does what it always does.
 */
final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String NATIVE_ROOT = "/org/sqlite/native/";

    private SqliteNativeLibrary() {
    }

    /** Points sqlite-jdbc at the cached copy; to be called before the process's first SQLite connection. */
    static synchronized void useCachedCopy() {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            String folder = LibraryLoaderUtil.getNativeLibResourcePath();
            String platform = folder.startsWith(NATIVE_ROOT) ? folder.substring(NATIVE_ROOT.length()) : folder;
            Path directory = cacheRoot().resolve("catalog").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                    .resolve(platform.replace('/', '-'));
            Path copy = cachedCopy(folder + "/" + name, directory, name);
            System.setProperty(PATH_PROPERTY, copy.getParent().toString());
            System.setProperty(NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's native library is not cached; sqlite-jdbc extracts it as usual", e);
        }
    }

    /**
     * The copy of the classpath resource {@code resource} as {@code directory/fileName}, written (atomically,
     * readable by this user only where the file system allows) when it is missing or differs from the resource.
     */
    static Path cachedCopy(String resource, Path directory, String fileName) throws IOException {
        byte[] library = read(resource);
        Path copy = directory.resolve(fileName);
        if (Files.isRegularFile(copy) && Files.size(copy) == library.length
                && Arrays.equals(Files.readAllBytes(copy), library)) {
            return copy;
        }
        createPrivateDirectories(directory);
        Path partial = Files.createTempFile(directory, fileName, ".partial");
        try {
            Files.write(partial, library);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return copy;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static Path cacheRoot() throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || !Path.of(home).isAbsolute()) {
            throw new IOException("no home directory");
        }
        return Path.of(home, ".cache");
    }
}
