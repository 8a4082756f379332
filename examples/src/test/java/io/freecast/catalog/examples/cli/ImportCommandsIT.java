package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.examples.testing.CatalogTables;
import io.freecast.catalog.examples.testing.FeedGenerator;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate}, {@code import-shows} and {@code import-movies} run in-process: exit codes, stdout, stderr. */
class ImportCommandsIT {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("catalog.db").toString();
    }

    private String url() {
        return "jdbc:sqlite:" + db();
    }

    @Test
    void migrateCreatesTheSchemaAndSaysSo() {
        CliRun run = CliRun.of("migrate", "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("SQLite ").contains(": schema empty -> ").contains("(applied ");
        assertThat(run.err()).isEmpty();
        assertThat(CatalogTables.count(url(), "movie")).isZero();

        CliRun again = CliRun.of("migrate", "--db", db());
        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).endsWith("(up to date)" + System.lineSeparator());
    }

    @Test
    void aTaskCommandRefusesToRunWhileAnotherNodeHoldsTheTaskAndChangesNothing() {
        assertThat(CliRun.of("migrate", "--db", db()).exitCode()).isEqualTo(ExitCode.OK);
        Instant now = Instant.now();
        try (JdbcCatalogStore server = JdbcCatalogStore.open(db())) {
            // A server's scheduled import is under way: it holds the task's lease in the shared database.
            assertThat(server.ports().taskLeases().tryClaim(TaskName.IMPORT_MOVIES, now, "server-node", now,
                    Duration.ofMinutes(5))).isTrue();

            CliRun refused = CliRun.of("import-movies", "--db", db());
            assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(refused.err()).contains("import-movies is already running on another node");
            assertThat(CatalogTables.count(url(), "movie")).isZero();
            assertThat(CatalogTables.count(url(), "task_run")).isZero();

            server.ports().taskLeases().release(TaskName.IMPORT_MOVIES, "server-node");
            CliRun after = CliRun.of("import-movies", "--db", db());
            assertThat(after.exitCode()).as(after.err()).isEqualTo(ExitCode.OK);
            assertThat(CatalogTables.count(url(), "movie")).isEqualTo(10);
        }
    }

    @Test
    void aBadTaskLeaseIsAUsageErrorBeforeAnythingOpens() {
        for (String lease : List.of("0s", "soon", "-5m")) {
            CliRun run = CliRun.of("import-movies", "--db", db(), "--task-lease", lease);
            assertThat(run.exitCode()).as(lease).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(lease).contains("--task-lease");
        }
        assertThat(dir.resolve("catalog.db")).doesNotExist();
    }

    @Test
    void importMoviesWithJsonPrintsTheWholeReportOnStdout() throws IOException {
        CliRun run = CliRun.of("import-movies", "--db", db(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("task").asText()).isEqualTo("import-movies");
        assertThat(report.get("status").asText()).isEqualTo("succeeded");
        assertThat(report.at("/counts/read").asLong()).isEqualTo(10);
        assertThat(report.at("/counts/created").asLong()).isEqualTo(10);
        assertThat(report.get("rejections")).isEmpty();
        assertThat(report.get("error").isNull()).isTrue();
        assertThat(report.get("duration_ms").asLong()).isNotNegative();
    }

    @Test
    void importShowsPrintsASummaryAndAddsPlaceholdersByDefault() {
        CliRun run = CliRun.of("import-shows", "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines().findFirst().orElseThrow()).matches("import-shows succeeded in \\d+[.,]\\d s");
        assertThat(run.out()).containsPattern("\\n  read +8\\n").containsPattern("\\n  created +8\\n")
                .containsPattern("\\n  rejected +0\\n").containsPattern("\\n  show_web_sources_not_stored +3\\n")
                .contains("  note: 3 web sources given for whole shows");
        assertThat(CatalogTables.count(url(), "season")).isEqualTo(4 + 5 * 2);
    }

    @Test
    void noPlaceholdersTurnsThemOffAndPlaceholdersTurnsThemOn() {
        assertThat(CliRun.of("import-shows", "--db", db(), "--no-placeholders").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(CatalogTables.count(url(), "season")).isEqualTo(4);

        CliRun on = CliRun.of("import-shows", "--db", db(), "--placeholders");
        assertThat(on.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(on.out()).containsPattern("\\n  updated +5\\n").containsPattern("\\n  unchanged +3\\n");
        assertThat(CatalogTables.count(url(), "season")).isEqualTo(4 + 5 * 2);
    }

    @Test
    void reportsRejectedItemsButStillSucceeds() throws IOException {
        Path feed = Files.writeString(dir.resolve("feed.json"), "[{\"id\": 1, \"name\": \"Fine\"}, {\"id\": 2}, 42]");

        CliRun run = CliRun.of("import-movies", "--db", db(), "--feed", feed.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).containsPattern("\\n  read +3\\n").containsPattern("\\n  created +1\\n")
                .containsPattern("\\n  rejected +2\\n")
                .contains("  rejected #1 (2): no usable title: 'name' (or 'title') must be a non-empty string")
                .contains("  rejected #2: the item is a number, not a JSON object");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnreadableFeedExitsOneWithTheReasonOnOneLineOfStderr() {
        String missing = dir.resolve("missing.json").toString();
        CliRun run = CliRun.of("import-movies", "--db", db(), "--feed", missing);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).isEqualTo("catalog: import-movies failed: feed " + missing + ": no such feed file: " + missing
                + System.lineSeparator());
        assertThat(run.out()).startsWith("import-movies FAILED in ");
    }

    @Test
    void aFailedRunWithJsonStillPrintsTheReport() throws IOException {
        try (LoopbackFeedServer server = new LoopbackFeedServer()) {
            server.serve("/movies", 200, "text/html", "<html>Login</html>");
            CliRun run = CliRun.of("import-movies", "--db", db(), "--feed", server.url("/movies"), "--allow-private", "--json");

            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.get("status").asText()).isEqualTo("failed");
            assertThat(report.get("error").asText()).isEqualTo("feed " + server.url("/movies")
                    + ": the feed server answered an HTML page (text/html, HTTP 200), not JSON");
            assertThat(run.err().lines().toList()).containsExactly("catalog: import-movies failed: " + report.get("error").asText());
        }
    }

    @Test
    void aLoopbackFeedIsRefusedWithoutAllowPrivateBeforeAnyRequestAndReadWithIt() {
        try (LoopbackFeedServer server = new LoopbackFeedServer()) {
            server.serve("/movies.json", 200, "application/json", "[{\"id\": 1, \"name\": \"Local\"}]");

            CliRun refused = CliRun.of("import-movies", "--db", db(), "--feed", server.url("/movies.json"));
            assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(refused.err()).contains("refusing to contact 127.0.0.1").contains("--allow-private");
            assertThat(server.requests()).isZero();

            CliRun allowed = CliRun.of("import-movies", "--db", db(), "--feed", server.url("/movies.json"), "--allow-private");
            assertThat(allowed.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(server.requests()).isEqualTo(1);
            assertThat(CatalogTables.count(url(), "movie")).isEqualTo(1);
        }
    }

    @Test
    void aMoviesFeedLargerThanMaxFeedSizeFailsAndChangesNothingAndImportsWithTheLimitRaised() throws IOException {
        assertThat(CliRun.of("import-movies", "--db", db()).exitCode()).isEqualTo(ExitCode.OK);
        List<String> before = CatalogTables.dump(url());
        Path feed = FeedGenerator.movies(dir.resolve("movies-2000.json"), 2_000);
        long size = Files.size(feed);
        assertThat(size).as("the feed's size").isBetween(64L * 1024 + 1, 512L * 1024 * 1024);

        CliRun small = CliRun.of("import-movies", "--db", db(), "--feed", feed.toString(), "--max-feed-size", "64KiB");
        assertThat(small.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(small.err().lines().toList()).singleElement().asString().startsWith("catalog: import-movies failed: feed "
                + feed + ": the feed is larger than the limit of 64 KiB (after ");
        assertThat(CatalogTables.dump(url())).isEqualTo(before);

        CliRun oneByteShort = CliRun.of("import-movies", "--db", db(), "--feed", feed.toString(),
                "--max-feed-size", Long.toString(size - 1));
        assertThat(oneByteShort.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(oneByteShort.err()).contains("the feed is larger than the limit of " + (size - 1) + " bytes (after ");
        assertThat(CatalogTables.dump(url())).isEqualTo(before);

        CliRun exactly = CliRun.of("import-movies", "--db", db(), "--feed", feed.toString(),
                "--max-feed-size", Long.toString(size));
        assertThat(exactly.exitCode()).as(exactly.err()).isEqualTo(ExitCode.OK);
        assertThat(exactly.out()).containsPattern("\\n  created +2000\\n");
        assertThat(CatalogTables.count(url(), "movie")).isEqualTo(10 + 2_000);
    }

    @Test
    void aShowsFeedLargerThanMaxFeedSizeFailsAndChangesNothingAndImportsWithTheLimitRaised() throws IOException {
        Path feed = FeedGenerator.shows(dir.resolve("shows-500.json"), 500);
        assertThat(Files.size(feed)).isGreaterThan(16L * 1024);

        CliRun small = CliRun.of("import-shows", "--db", db(), "--feed", feed.toString(), "--max-feed-size", "16KiB");
        assertThat(small.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(small.err()).contains("the feed is larger than the limit of 16 KiB (after ");
        assertThat(CatalogTables.count(url(), "show")).isZero();
        assertThat(CatalogTables.count(url(), "season")).isZero();

        CliRun raised = CliRun.of("import-shows", "--db", db(), "--feed", feed.toString(), "--max-feed-size", "1MB");
        assertThat(raised.exitCode()).as(raised.err()).isEqualTo(ExitCode.OK);
        assertThat(CatalogTables.count(url(), "show")).isEqualTo(500);
    }

    @Test
    void usageAndConfigurationErrorsExitTwoWithOneLine() {
        CliRun scheme = CliRun.of("import-movies", "--db", db(), "--feed", "ftp://example.org/movies.json");
        assertThat(scheme.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(scheme.err().lines().toList()).containsExactly("catalog: a feed URL must be http or https: ftp://example.org/movies.json");

        CliRun unknown = CliRun.of("import-movies", "--db", db(), "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'");

        CliRun database = CliRun.of("import-movies", "--db", "jdbc:nosuchdb://x");
        assertThat(database.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(database.err().lines().toList()).hasSize(1);
        assertThat(database.out()).isEmpty();
    }

    @Test
    void theHelpListsTheImportCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("migrate", "import-shows", "import-movies");
        assertThat(List.of(CliRun.of("import-shows", "--help").out())).anySatisfy(help ->
                assertThat(help).contains("--feed", "--[no-]placeholders", "--json", "--allow-private", "--db"));
    }
}
