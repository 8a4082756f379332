package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar catalog.jar …} with no JVM flags at all, as a newcomer types it, prints no JVM warning:
 * no {@code sun.misc.Unsafe} notice from a dependency (Undertow's thread pool used to print four lines on
 * JDK 24+) and no native-access notice from SQLite's driver (the jar's manifest allows it). Runs the
 * packaged jar, so it is an integration test that runs after {@code package}.
 */
class PlainJavaJarStartIT {

    private static final Pattern LISTENING = Pattern.compile("catalog API on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void serveStartsAnswersAndStopsWithoutAnyJvmWarning() throws Exception {
        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(java(), "-jar", jar().toString(),
                "serve", "--db", dir.resolve("catalog.db").toString(), "--port", "0", "--no-scheduler")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            URI base = awaitListening(serve, log);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
        assertNoJvmWarning(Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandsHelpAndAMigrationPrintNoJvmWarning() throws Exception {
        for (List<String> arguments : List.of(List.of("--help"), List.of("serve", "--help"),
                List.of("migrate", "--db", dir.resolve("migrated.db").toString()))) {
            Path log = dir.resolve("command.log");
            Process process = new ProcessBuilder(java(), "-jar", jar().toString())
                    .command(concat(List.of(java(), "-jar", jar().toString()), arguments))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", arguments).isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("%s: %s", arguments, output).isZero();
            assertNoJvmWarning(output);
        }
    }

    private static void assertNoJvmWarning(String output) {
        assertThat(output.lines().filter(line -> line.startsWith("WARNING:")))
                .as("JVM warnings in:%n%s", output).isEmpty();
        assertThat(output).doesNotContain("sun.misc.Unsafe").doesNotContain("restricted method");
    }

    private static URI awaitListening(Process serve, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && serve.isAlive()) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                return URI.create(listening.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not say where it listens:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The jar {@code package} built, found from the module's directory where Maven runs the test. */
    private static Path jar() {
        Path jar = Path.of("target", "catalog.jar").toAbsolutePath();
        assertThat(jar).as("the packaged launcher (run after `package`)").exists();
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
