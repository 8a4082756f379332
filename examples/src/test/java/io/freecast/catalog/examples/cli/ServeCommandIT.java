package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.examples.testing.ServeProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog serve}: starts the API on the database given, answers, and stops cleanly on SIGTERM. */
class ServeCommandIT {

    @TempDir
    Path dir;

    @Test
    void overSqliteRequestsRunOnAboutTwoThreadsPerCore() {
        assertThat(ServeCommand.sqliteRequestThreads(1)).isEqualTo(4);
        assertThat(ServeCommand.sqliteRequestThreads(2)).isEqualTo(4);
        assertThat(ServeCommand.sqliteRequestThreads(16)).isEqualTo(32);
    }

    @Test
    void servesTheApiAndStopsGracefullyOnSigterm() throws Exception {
        Path db = dir.resolve("catalog.db");
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "--db", db.toString(), "--no-scheduler")) {
            URI base = serve.base();

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"up\"");
            HttpResponse<String> movies = http.send(HttpRequest.newBuilder(base.resolve("/movies/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(movies.statusCode()).isEqualTo(200);
            assertThat(movies.headers().firstValue("X-Total-Count")).contains("0");
            assertThat(Files.exists(db)).isTrue();

            // SIGTERM, as a process manager sends it.
            serve.terminate();
            assertThat(serve.output()).contains("catalog API stopped");
        }
    }

    @Test
    void servesOnTheRequestThreadsItIsGivenAndRefusesABadNumberBeforeOpeningTheDatabase() throws Exception {
        Path db = dir.resolve("threads.db");
        try (ServeProcess serve = ServeProcess.start(dir, Map.of("CATALOG_REQUEST_THREADS", "2"), "--db", db.toString(),
                "--no-scheduler")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> movies = http.send(HttpRequest.newBuilder(serve.base().resolve("/movies/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(movies.statusCode()).isEqualTo(200);
            }
            assertThat(serve.output()).contains("2 request threads");
            serve.terminate();
        }

        Path untouched = dir.resolve("untouched.db");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = CatalogCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute("serve", "--db", untouched.toString(), "--no-scheduler", "--request-threads", "0");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--request-threads / CATALOG_REQUEST_THREADS");
        assertThat(Files.exists(untouched)).as("nothing opened").isFalse();
    }

    @Test
    void aPortInUseIsAConfigurationErrorNamingTheSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine cli = CatalogCli.commandLine();
            cli.setErr(new java.io.PrintWriter(err, true));

            int exit = cli.execute("serve", "--db", dir.resolve("c.db").toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(taken.getLocalPort()), "--no-scheduler");

            assertThat(exit).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).contains("--port").contains(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CatalogCli.execute("serve", "--port", "http")).isEqualTo(ExitCode.USAGE);
        assertThat(CatalogCli.execute("serve", "--db", dir.resolve("c.db").toString(), "--port", "70000",
                "--no-scheduler")).isEqualTo(ExitCode.USAGE);
        assertThatThrownBy(() -> ServeCommand.parseDuration("soon")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--response-cache");
        assertThat(ServeCommand.parseDuration("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServeCommand.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ServeCommand.parseDuration("0")).isEqualTo(Duration.ZERO);
    }
}
