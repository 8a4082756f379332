package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), CatalogCli.class.getName(),
                "serve", "--db", db.toString(), "--port", "0", "--no-scheduler"));
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        java.util.concurrent.CompletableFuture<URI> listening = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern where = Pattern.compile("catalog API on (http://127\\.0\\.0\\.1:\\d+)");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher m = where.matcher(line);
                    if (m.find()) {
                        listening.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                output.append(e);
            }
            listening.complete(null);
        });
        reader.start();
        try {
            URI base = listening.get(60, TimeUnit.SECONDS);
            assertThat(base).as("serve printed where it listens: %s", output).isNotNull();

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

            // SIGTERM, as a process manager sends it (Process.destroy() would also close our end of the pipe).
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor()).isZero();

            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            reader.join(10_000);
            assertThat(output.toString()).contains("catalog API stopped");
        } finally {
            serve.destroyForcibly();
        }
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
