package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Wrong or missing settings of update-ratings and validate-sources: exit 2, one line, nothing sent. */
class CheckCommandsConfigurationIT {

    @TempDir
    Path dir;

    private HttpServer api;
    private final AtomicInteger requests = new AtomicInteger();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        api.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        api.start();
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    private int run(String... args) {
        CommandLine cli = CatalogCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String apiUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    private String db() {
        return dir.resolve("catalog.db").toString();
    }

    @Test
    void updateRatingsWithoutAProviderSaysHowToChooseOne() {
        assumeThat(System.getenv("CATALOG_RATINGS_PROVIDER")).as("CATALOG_RATINGS_PROVIDER is set").isNull();

        int exit = run("update-ratings", "--db", db());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--provider kinopoisk|omdb").contains("--provider random")
                .contains("CATALOG_RATINGS_PROVIDER");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aProviderThatNeedsAKeyWithoutOneIsAConfigurationErrorBeforeAnyRequest() {
        assumeThat(System.getenv("CATALOG_RATINGS_API_KEY")).as("CATALOG_RATINGS_API_KEY is set").isNull();
        for (String provider : new String[] {"kinopoisk", "omdb"}) {

            int exit = run("update-ratings", "--db", db(), "--provider", provider, "--ratings-url", apiUrl(),
                    "--allow-private");

            assertThat(exit).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).contains("the " + provider + " ratings provider needs an API key")
                    .contains("CATALOG_RATINGS_API_KEY");
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void anUnknownProviderOrABadSettingIsAConfigurationError() {
        assertThat(run("update-ratings", "--db", db(), "--provider", "imdb-scraper")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown ratings provider 'imdb-scraper'");

        assertThat(run("update-ratings", "--db", db(), "--provider", "omdb", "--ratings-key", "k",
                "--ratings-url", "ftp://ratings.example.org")).isEqualTo(ExitCode.USAGE);
        assertThat(run("update-ratings", "--db", db(), "--provider", "omdb", "--ratings-key", "k",
                "--rate-limit", "-1")).isEqualTo(ExitCode.USAGE);
        assertThat(run("update-ratings", "--db", db(), "--provider", "random", "--stale-after", "soon"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(requests).hasValue(0);
    }

    @Test
    void validateSourcesRefusesSettingsThatMakeNoSense() {
        assertThat(run("validate-sources", "--db", db(), "--concurrency", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("concurrency");
        assertThat(run("validate-sources", "--db", db(), "--per-host", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(run("validate-sources", "--db", db(), "--failure-threshold", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--failure-threshold must be 1 or more");
        assertThat(run("validate-sources", "--db", db(), "--timeout", "forever")).isEqualTo(ExitCode.USAGE);
        assertThat(run("validate-sources", "--db", db(), "--timeout", "0s")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void durationsReadShortAndIsoForms() {
        DurationConverter converter = new DurationConverter();

        assertThat(converter.convert("1500ms")).hasMillis(1500);
        assertThat(converter.convert("10s")).hasSeconds(10);
        assertThat(converter.convert("30m")).hasMinutes(30);
        assertThat(converter.convert("24h")).hasHours(24);
        assertThat(converter.convert("7d")).hasDays(7);
        assertThat(converter.convert("PT10S")).hasSeconds(10);
    }
}
