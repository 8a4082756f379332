package io.freecast.catalog.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.examples.cli.CatalogCli;
import io.freecast.catalog.examples.testing.CatalogTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated feeds go through the real import whole: every item accepted, nothing dropped with a warning,
 * and the database holds exactly the rows the generator says it wrote.
 */
class LargeCatalogFeedsImportIT {

    @TempDir
    Path dir;

    @Test
    void theLauncherImportsEveryGeneratedItemWithoutARejectionOrWarning() throws Exception {
        LargeCatalogFeeds.write(dir, 1_000, 40, 13);
        Properties written = new Properties();
        try (var in = Files.newInputStream(dir.resolve("catalog.properties"))) {
            written.load(in);
        }
        String db = dir.resolve("catalog.db").toString();

        JsonNode movies = importFeed("import-movies", db, dir.resolve("movies.json"));
        JsonNode shows = importFeed("import-shows", db, dir.resolve("shows.json"));

        for (JsonNode report : new JsonNode[] {movies, shows}) {
            assertThat(report.at("/counts/rejected").asLong()).isZero();
            assertThat(report.at("/counts/warnings").asLong()).isZero();
        }
        assertThat(movies.at("/counts/created").asLong()).isEqualTo(1_000);
        assertThat(shows.at("/counts/created").asLong()).isEqualTo(40);
        String url = "jdbc:sqlite:" + db;
        assertThat(CatalogTables.count(url, "season")).isEqualTo(Long.parseLong(written.getProperty("seasons")));
        assertThat(CatalogTables.count(url, "episode")).isEqualTo(Long.parseLong(written.getProperty("episodes")));
        assertThat(CatalogTables.count(url, "source")).isEqualTo(Long.parseLong(written.getProperty("movie.sources"))
                + Long.parseLong(written.getProperty("episode.sources")));
    }

    private static JsonNode importFeed(String command, String db, Path feed) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = CatalogCli.execute(command, "--db", db, "--feed", feed.toString(), "--json");
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).as(command + ": " + captured).isZero();
        return new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
    }
}
