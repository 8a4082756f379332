package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.freecast.catalog.examples.testing.LauncherProcess;
import io.freecast.catalog.examples.testing.ServeProcess;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted ratings key and a planted database password, and a ratings provider that echoes every request
 * — its URL with the key, its headers — in its error bodies and in a redirect. The real launcher runs
 * {@code update-ratings} from the command line (with {@code --json}) and {@code serve} runs it on its
 * schedule and when triggered over HTTP. Then every output channel is searched for both secrets, as given
 * and percent-encoded: stdout and stderr of every process (the log goes to stderr, at DEBUG here), the JSON
 * report, every row of the run log, every {@code /tasks} answer, {@code /health}, the {@code tasks}
 * command's table, and the process list while {@code serve} runs. None may hold either.
 */
class PlantedSecretsIT {

    private static final String KEY = "PlantedKey+/=7f3a9c";
    private static final String PASSWORD = "Planted-Db-Pw-5e1d";
    private static final String TOKEN = "planted-secrets-test-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Everything any channel said, by channel. */
    private final Map<String, String> channels = new LinkedHashMap<>();

    /** An OMDb-style API that refuses every lookup, quoting the request back; every third one redirects to itself with the key. */
    private static HttpServer echoingProvider(AtomicInteger asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            int n = asked.incrementAndGet();
            String query = exchange.getRequestURI().getRawQuery();
            if (n % 3 == 2 && query != null && !query.contains("again")) {
                exchange.getResponseHeaders().add("Location", "/?" + query + "&again=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + (query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8)) + " "
                    + exchange.getRequestHeaders().entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
            respond(exchange, 401, "{\"Response\":\"False\",\"Error\":" + JSON.writeValueAsString("Invalid API key! " + echo) + "}");
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void neitherTheRatingsKeyNorTheDatabasePasswordReachesAnyOutput() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer provider = echoingProvider(asked);
        try (TestDatabase db = TestDatabases.postgres()) {
            // The test server trusts local connections: a password is sent and ignored, so the catalog works.
            String queryForm = db.url() + "&password=" + PASSWORD;
            String userInfoForm = db.url().replaceFirst("(?i)^jdbc:postgresql://", "jdbc:postgresql://postgres:" + PASSWORD + "@")
                    .replaceFirst("([?&])user=postgres&?", "$1");
            String ratingsUrl = "http://127.0.0.1:" + provider.getAddress().getPort();
            Map<String, String> env = new HashMap<>(Map.of(
                    "CATALOG_DB", queryForm,
                    "CATALOG_RATINGS_API_KEY", KEY,
                    "CATALOG_RATINGS_PROVIDER", "omdb",
                    "CATALOG_RATINGS_URL", ratingsUrl,
                    "CATALOG_ALLOW_PRIVATE_TARGETS", "true",
                    "CATALOG_LOG_LEVEL", "DEBUG"));

            run("import-movies", env, 0, "import-movies");
            run("update-ratings (query-string password)", env, 1, "update-ratings", "--json");
            env.put("CATALOG_DB", userInfoForm);
            run("update-ratings (user-info password)", env, 1, "update-ratings");
            run("tasks", env, 0, "tasks");
            run("a refused database login, user-info form", Map.of("CATALOG_DB",
                    "jdbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/test"), 2, "tasks");

            serveAndAskEverything(env);

            channels.put("run log rows", runLogRows(db));
        } finally {
            provider.stop(0);
        }

        assertThat(asked.get()).as("the provider was asked, and so was sent the key").isPositive();
        assertThat(channels.get("run log rows")).as("the runs are recorded, with their errors")
                .contains("update-ratings").contains("omdb refused");
        assertThat(channels.get("update-ratings (query-string password) stdout")).as("the --json report")
                .contains("\"status\" : \"failed\"").contains("omdb refused");
        List<String> forms = List.of(KEY, URLEncoder.encode(KEY, StandardCharsets.UTF_8), PASSWORD);
        channels.forEach((channel, text) -> {
            for (String secret : forms) {
                assertThat(text).as("%s must not contain a planted secret", channel).doesNotContain(secret);
            }
        });
        assertThat(channels).hasSizeGreaterThan(15);
    }

    private void run(String name, Map<String, String> env, int expectedExit, String... args) throws Exception {
        LauncherProcess process = LauncherProcess.start(dir, env, args);
        channels.put(name + " process list", commandLineOf(process.process().pid()));
        int exit = process.waitFor();
        channels.put(name + " stdout", process.out());
        channels.put(name + " stderr", process.err());
        assertThat(exit).as("%s exit code; stderr: %s", name, process.err()).isEqualTo(expectedExit);
    }

    private void serveAndAskEverything(Map<String, String> env) throws Exception {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("CATALOG_ADMIN_TOKEN", TOKEN);
        environment.put("CATALOG_SCHEDULE_IMPORT_SHOWS", "off");
        environment.put("CATALOG_SCHEDULE_IMPORT_MOVIES", "off");
        environment.put("CATALOG_SCHEDULE_VALIDATE_SOURCES", "off");
        environment.put("CATALOG_SCHEDULE_UPDATE_RATINGS", "startup+24h");
        try (ServeProcess serve = ServeProcess.start(dir, environment)) {
            try {
                askEverything(serve);
            } finally {
                channels.put("serve stdout and stderr (the log)", serve.output());
            }
        }
    }

    /** The process list, the runs (scheduled and triggered), every task and health page, then SIGTERM. */
    private void askEverything(ServeProcess serve) throws Exception {
        URI base = serve.base();
        channels.put("serve process list", commandLineOf(serve.process().pid()));
        channels.put("ps", processList());
        // The two command-line runs, the scheduled run at start-up, then one triggered over HTTP.
        awaitRuns(base, 3);
        HttpResponse<String> triggered = http.send(HttpRequest.newBuilder(base.resolve("/tasks/update-ratings/runs"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        channels.put("POST /tasks/update-ratings/runs", triggered.statusCode() + " " + triggered.headers().map() + " " + triggered.body());
        assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(202);
        JsonNode runs = awaitRuns(base, 4);
        for (String path : List.of("/tasks", "/tasks/update-ratings", "/tasks/update-ratings/runs",
                "/tasks/update-ratings/runs?limit=1", "/health", "/metrics")) {
            channels.put("GET " + path, get(base, path));
        }
        for (JsonNode run : runs) {
            String path = "/tasks/update-ratings/runs/" + run.get("id").asText();
            channels.put("GET " + path, get(base, path));
            assertThat(channels.get("GET " + path)).contains("omdb refused");
        }
        serve.terminate();
    }

    /** Waits until the update-ratings runs list holds {@code count} finished runs; answers it. */
    private JsonNode awaitRuns(URI base, int count) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            JsonNode body = JSON.readTree(answer(base, "/tasks/update-ratings/runs").body());
            JsonNode runs = body.isArray() ? body : body.path("items");
            int finished = 0;
            for (JsonNode run : runs) {
                if (!"running".equals(run.path("status").asText())) {
                    finished++;
                }
            }
            if (finished >= count) {
                return runs;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("never " + count + " finished update-ratings runs: " + body);
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> answer(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(URI base, String path) throws Exception {
        HttpResponse<String> response = answer(base, path);
        return response.statusCode() + " " + response.headers().map() + " " + response.body();
    }

    private static String runLogRows(TestDatabase db) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select * from task_run order by id")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    rows.append(meta.getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                }
                rows.append('\n');
            }
        }
        return rows.toString();
    }

    private static String commandLineOf(long pid) throws IOException {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        return Files.exists(cmdline) ? Files.readString(cmdline).replace('\0', ' ') : "";
    }

    private static String processList() throws Exception {
        Process ps = new ProcessBuilder("ps", "-eo", "pid,args", "--width", "100000").redirectErrorStream(true).start();
        String list = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor(10, TimeUnit.SECONDS);
        return list;
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
