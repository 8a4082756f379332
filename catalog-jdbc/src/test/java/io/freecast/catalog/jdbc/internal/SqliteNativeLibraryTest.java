package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/** The cached copy of SQLite's native library is the jar's bytes, written once and repaired when it differs. */
class SqliteNativeLibraryTest {

    private static final String NAME = LibraryLoaderUtil.getNativeLibName();
    private static final String RESOURCE = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + NAME;

    @TempDir
    Path cache;

    @Test
    void theFirstCallWritesTheJarsBytesAndLaterCallsReuseThem() throws IOException {
        Path directory = cache.resolve("catalog").resolve("sqlite");

        Path copy = SqliteNativeLibrary.cachedCopy(RESOURCE, directory, NAME);
        assertThat(copy).hasParent(directory).hasBinaryContent(jarBytes());
        FileTime written = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(copy, written);

        assertThat(SqliteNativeLibrary.cachedCopy(RESOURCE, directory, NAME)).isEqualTo(copy);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(written);
        assertThat(directory).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aCopyThatDiffersFromTheJarIsReplaced() throws IOException {
        Path directory = cache.resolve("lib");
        Path copy = SqliteNativeLibrary.cachedCopy(RESOURCE, directory, NAME);
        byte[] tampered = jarBytes();
        tampered[tampered.length / 2] ^= 0x5a;
        Files.write(copy, tampered);

        assertThat(SqliteNativeLibrary.cachedCopy(RESOURCE, directory, NAME)).hasBinaryContent(jarBytes());

        Files.write(copy, new byte[] {1, 2, 3});
        assertThat(SqliteNativeLibrary.cachedCopy(RESOURCE, directory, NAME)).hasBinaryContent(jarBytes());
    }

    @Test
    void aMissingResourceOrAnUnwritableCacheIsAnIOExceptionTheCallerFallsBackOn() throws IOException {
        assertThatThrownBy(() -> SqliteNativeLibrary.cachedCopy("/org/sqlite/native/Nowhere/none.so", cache, NAME))
                .isInstanceOf(IOException.class).hasMessageContaining("Nowhere");
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");
        assertThatThrownBy(() -> SqliteNativeLibrary.cachedCopy(RESOURCE, notADirectory.resolve("sub"), NAME))
                .isInstanceOf(IOException.class);
    }

    private static byte[] jarBytes() throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        }
    }
}
