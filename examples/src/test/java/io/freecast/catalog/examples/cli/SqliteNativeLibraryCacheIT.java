package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.testing.LauncherProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real launcher process keeps SQLite's native library in the user's cache directory and reuses it, instead
 * of extracting a fresh copy into the temp directory at every start.
 */
class SqliteNativeLibraryCacheIT {

    @TempDir
    Path dir;

    @Test
    void theLauncherLoadsSqliteFromACachedCopyOfTheJarsLibrary() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(),
                "CATALOG_DB", dir.resolve("catalog.db").toString());

        LauncherProcess first = LauncherProcess.start(dir, env, "migrate");
        assertThat(first.waitFor()).as(first.err()).isZero();
        List<Path> copies = libraries(cache);
        assertThat(copies).hasSize(1);
        Path copy = copies.getFirst();
        assertThat(copy.toString()).contains("catalog", "sqlite-jdbc-");
        assertThat(copy).hasBinaryContent(jarCopyOf(copy.getFileName().toString()));
        long written = Files.getLastModifiedTime(copy).toMillis();

        LauncherProcess second = LauncherProcess.start(dir, env, "migrate");
        assertThat(second.waitFor()).as(second.err()).isZero();
        assertThat(second.out()).contains("up to date");
        assertThat(libraries(cache)).containsExactly(copy);
        assertThat(Files.getLastModifiedTime(copy).toMillis()).isEqualTo(written);
    }

    @Test
    void anUnusableCacheDirectoryStillOpensTheCatalog() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-directory"), "x");
        LauncherProcess run = LauncherProcess.start(dir, Map.of("XDG_CACHE_HOME", blocked.toString(),
                "CATALOG_DB", dir.resolve("catalog.db").toString()), "migrate");

        assertThat(run.waitFor()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("schema empty -> \\d+ \\(applied");   // every migration, whatever the latest is
    }

    private static List<Path> libraries(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] jarCopyOf(String fileName) throws IOException {
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + fileName;
        try (InputStream in = SqliteNativeLibraryCacheIT.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
