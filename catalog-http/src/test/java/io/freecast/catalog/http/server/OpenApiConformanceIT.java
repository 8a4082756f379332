package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} describes what the server does: real responses of every documented path — successes
 * and errors — validate against the schemas the document gives for that path, status and media type
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses, with format assertions on); the documented parameters'
 * allowed values are exactly the ones the server accepts; and every path is both documented and served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiConformanceIT {

    private static final String DOC_URI = "https://catalog.test/openapi.json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    WriteApiServer server;
    ApiClient api;
    JsonNode doc;
    SchemaRegistry schemas;
    final Set<String> exercised = new HashSet<>();
    /** {@code "patch /movies/{id}"}: every documented operation must be tried at least once. */
    final Set<String> exercisedOperations = new HashSet<>();

    @BeforeAll
    void startServer(@TempDir Path dir) {
        server = WriteApiServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(60, 12));
        server.catalog.tasks().runNow(TaskName.IMPORT_MOVIES); // fails (no feed) and is recorded: a run to show
        api = server.api;
        ApiClient.Answer answer = api.get("/openapi.json");
        doc = answer.json();
        String text = answer.text();
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOC_URI, text)));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Requests {@code target}, finds {@code template}'s documented response for the status, validates. */
    ApiClient.Answer conforms(String template, String target) {
        return conforms("get", template, api.get(target));
    }

    /** Checks an answer to a {@code method} request of {@code template} against the document. */
    ApiClient.Answer conforms(String method, String template, ApiClient.Answer answer) {
        exercised.add(template);
        exercisedOperations.add(method + " " + template);
        JsonNode operation = doc.path("paths").path(template).path(method);
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, template).isFalse();
        String status = Integer.toString(answer.status());
        JsonNode response = resolve(operation.path("responses").path(status));
        assertThat(response.isMissingNode()).as("%s documents status %s (%s)", template, status, answer).isFalse();
        if (answer.status() == 304 || answer.status() == 204) {
            assertThat(answer.body()).as("%s %s has no body", template, status).isEmpty();
            assertThat(response.has("content")).as("%s %s documents no content", template, status).isFalse();
            return answer;
        }
        String mediaType = answer.contentType().split(";")[0].strip();
        JsonNode content = response.path("content").path(mediaType);
        assertThat(content.isMissingNode()).as("%s %s documents %s", template, status, mediaType).isFalse();
        response.path("headers").fieldNames().forEachRemaining(header ->
                assertThat(answer.header(header)).as("%s %s documents header %s", template, status, header).isPresent());
        if (mediaType.endsWith("json")) {
            String pointer = pointerTo(content.path("schema"), method, template, status, mediaType);
            Schema schema = schemas.getSchema(SchemaLocation.of(DOC_URI + "#" + pointer));
            List<Error> errors = schema.validate(answer.text(), InputFormat.JSON,
                    (Consumer<ExecutionContext>) context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
            assertThat(errors).as("%s %s body %s", template, status, abbreviate(answer.text())).isEmpty();
        }
        return answer;
    }

    /** The JSON pointer of a response's schema: the schema itself, or the component it refers to. */
    private String pointerTo(JsonNode schema, String method, String template, String status, String mediaType) {
        if (schema.has("$ref")) {
            return schema.get("$ref").asText().substring(1);
        }
        return "/paths/" + escape(template) + "/" + method + "/responses/" + status + "/content/" + escape(mediaType)
                + "/schema";
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            return doc.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    void everyPathAnswersWhatTheDocumentSays() {
        JsonNode show = api.get("/shows/?limit=500").json().get(0);
        long showId = show.get("id").asLong();
        long movieId = api.get("/movies/?limit=1").json().get(0).get("id").asLong();
        long episodeId = firstEpisodeId();

        conforms("/shows/", "/shows/");
        conforms("/shows/", "/shows/?limit=3&sort=-imdb_rating&q=copper");
        conforms("/shows/", "/shows/?limit=0");
        conforms("/shows/", "/shows/?sort=nope");
        conforms("/shows/{id}", "/shows/" + showId);
        conforms("/shows/{id}", "/shows/999999");
        conforms("/shows/{id}", "/shows/x");
        conforms("/shows/{id}/seasons", "/shows/" + showId + "/seasons");
        conforms("/shows/{id}/seasons", "/shows/999999/seasons");
        conforms("/shows/{id}/episodes", "/shows/" + showId + "/episodes?limit=2");
        conforms("/shows/{id}/episodes", "/shows/" + showId + "/episodes?season=1");
        conforms("/shows/{id}/episodes", "/shows/" + showId + "/episodes?season=zero");
        conforms("/shows/{id}/episodes", "/shows/999999/episodes");
        conforms("/episodes/{id}/sources", "/episodes/" + episodeId + "/sources");
        conforms("/episodes/{id}/sources", "/episodes/" + episodeId + "/sources?active=false");
        conforms("/episodes/{id}/sources", "/episodes/999999/sources");
        conforms("/shows/episodes/{id}/sources", "/shows/episodes/" + episodeId + "/sources?active=true");
        conforms("/shows/episodes/{id}/sources", "/shows/episodes/0/sources");
        conforms("/movies/", "/movies/?limit=500");
        conforms("/movies/", "/movies/?sort=release_year&cursor=garbage");
        conforms("/movies/", "/movies/?q=" + "x".repeat(9000));
        conforms("/movies/{id}", "/movies/" + movieId);
        conforms("/movies/{id}", "/movies/999999");
        conforms("/movies/{id}/sources", "/movies/" + movieId + "/sources");
        conforms("/movies/{id}/sources", "/movies/" + movieId + "/sources?active=maybe");
        conforms("/health", "/health");
        conforms("/metrics", "/metrics");
        conforms("/openapi.json", "/openapi.json");
        conforms("/docs", "/docs");
        conforms("/tasks", "/tasks");
        conforms("/tasks/{name}", "/tasks/import-movies");
        conforms("/tasks/{name}", "/tasks/import-everything");
        conforms("/tasks/{name}/runs", "/tasks/import-movies/runs?limit=1");
        conforms("/tasks/{name}/runs", "/tasks/import-movies/runs?cursor=garbage");
        conforms("/tasks/{name}/runs", "/tasks/nope/runs");
        String etag = api.get("/movies/" + movieId).header("ETag").orElseThrow();
        assertThat(conformsWith("/movies/{id}", "/movies/" + movieId, "If-None-Match", etag).status()).isEqualTo(304);

        assertThat(exercised).as("every documented path was exercised")
                .containsExactlyInAnyOrderElementsOf(documentedPaths());
    }

    @Test
    void everyOperationAnswersWhatTheDocumentSays() {
        exerciseTaskTriggers();
        exerciseItemWrites();
        exerciseTrails();
        exerciseAccess();
        everyPathAnswersWhatTheDocumentSays();

        assertThat(exercisedOperations).as("every documented operation was tried")
                .containsAll(documentedOperations());
    }

    void exerciseTaskTriggers() {
        String runs = "/tasks/{name}/runs";
        conforms("post", runs, api.send("POST", "/tasks/import-shows/runs"));
        conforms("post", runs, api.send("POST", "/tasks/import-shows/runs", "Authorization", "Bearer " + server.editorToken));
        conforms("post", runs, api.send("POST", "/tasks/nope/runs", "Authorization", "Bearer " + server.adminToken));
        ApiClient.Answer started = conforms("post", runs,
                api.send("POST", "/tasks/import-shows/runs", "Authorization", "Bearer " + server.adminToken));
        assertThat(started.status()).isEqualTo(202);
        conforms("get", "/tasks/{name}/runs/{id}", api.get(started.header("Location").orElseThrow()));
        conforms("get", "/tasks/{name}/runs/{id}", api.get("/tasks/import-shows/runs/999999"));
        conforms("get", "/tasks/{name}/runs/{id}", api.get("/tasks/import-shows/runs/x"));
    }

    void exerciseItemWrites() {
        String editor = "Bearer " + server.editorToken;
        ApiClient.Answer movie = conforms("post", "/movies/", api.sendJson("POST", "/movies/",
                "{\"title\":\"Conformance\",\"sources\":[{\"url\":\"https://cdn.example.com/c.mp4\"}]}", "Authorization", editor));
        assertThat(movie.status()).isEqualTo(201);
        String moviePath = movie.header("Location").orElseThrow();
        conforms("post", "/movies/", api.sendJson("POST", "/movies/", "{\"title\":\"\",\"id\":3}", "Authorization", editor));
        conforms("post", "/movies/", api.sendJson("POST", "/movies/", "{\"title\":\"x\"}"));
        conforms("post", "/movies/", api.sendJson("POST", "/movies/", "{\"title\":\"x\"}", "Authorization", "Bearer " + server.readToken));
        conforms("post", "/movies/", api.sendJson("POST", "/movies/", "title=x", "Authorization", editor,
                "Content-Type", "application/x-www-form-urlencoded"));
        conforms("post", "/movies/", api.sendJson("POST", "/movies/", "not json", "Authorization", editor));
        conforms("post", "/movies/", api.sendBody("POST", "/movies/", new byte[2 * 1024 * 1024], "Authorization", editor));
        String etag = api.get(moviePath).header("ETag").orElseThrow();
        conforms("patch", "/movies/{id}", api.sendJson("PATCH", moviePath, "{\"title\":\"x\"}", "Authorization", editor,
                "Content-Type", MERGE_PATCH));
        ApiClient.Answer changed = conforms("patch", "/movies/{id}", api.sendJson("PATCH", moviePath, "{\"imdb_rating\":7.5}",
                "Authorization", editor, "Content-Type", MERGE_PATCH, "If-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        conforms("patch", "/movies/{id}", api.sendJson("PATCH", moviePath, "{\"imdb_rating\":7}",
                "Authorization", editor, "Content-Type", MERGE_PATCH, "If-Match", etag));
        String changedTag = changed.header("ETag").orElseThrow();
        conforms("patch", "/movies/{id}", api.sendJson("PATCH", moviePath, "{\"imdb_rating\":70}",
                "Authorization", editor, "If-Match", changedTag));
        conforms("patch", "/movies/{id}", api.sendJson("PATCH", "/movies/999999", "{}", "Authorization", editor, "If-Match", changedTag));
        ApiClient.Answer unlocked = conforms("delete", "/movies/{id}/locks/{field}",
                api.send("DELETE", moviePath + "/locks/imdb_rating", "Authorization", editor, "If-Match", changedTag));
        assertThat(unlocked.status()).isEqualTo(200);
        long sourceId = unlocked.json().get("sources").get(0).get("id").asLong();
        conforms("post", "/movies/{id}/sources", api.sendJson("POST", moviePath + "/sources",
                "{\"url\":\"https://cdn.example.com/c2.mp4\"}", "Authorization", editor));
        conforms("get", "/sources/{id}", api.get("/sources/" + sourceId));
        conforms("get", "/sources/{id}", api.get("/sources/999999"));
        String check = "/sources/" + sourceId + "/check";
        conforms("post", "/sources/{id}/check", api.send("POST", check));
        conforms("post", "/sources/{id}/check", api.send("POST", check, "Authorization", "Bearer " + server.readToken));
        conforms("post", "/sources/{id}/check", api.send("POST", "/sources/999999/check", "Authorization", editor));
        conforms("post", "/sources/{id}/check", api.send("POST", "/sources/x/check", "Authorization", editor));
        assertThat(conforms("post", "/sources/{id}/check", api.send("POST", check, "Authorization", editor)).status())
                .isEqualTo(200);
        String sourceTag = api.get("/sources/" + sourceId).header("ETag").orElseThrow();
        ApiClient.Answer off = conforms("patch", "/sources/{id}", api.sendJson("PATCH", "/sources/" + sourceId,
                "{\"is_active\":false}", "Authorization", editor, "If-Match", sourceTag));
        ApiClient.Answer on = conforms("delete", "/sources/{id}/locks/{field}", api.send("DELETE",
                "/sources/" + sourceId + "/locks/is_active", "Authorization", editor, "If-Match", off.header("ETag").orElseThrow()));
        conforms("delete", "/sources/{id}", api.send("DELETE", "/sources/" + sourceId, "Authorization", editor,
                "If-Match", on.header("ETag").orElseThrow()));
        conforms("delete", "/movies/{id}", api.send("DELETE", moviePath, "Authorization", editor));
        conforms("delete", "/movies/{id}", api.send("DELETE", moviePath, "Authorization", editor, "If-Match",
                api.get(moviePath).header("ETag").orElseThrow()));

        ApiClient.Answer show = conforms("post", "/shows/", api.sendJson("POST", "/shows/", "{\"title\":\"Conformance show\"}",
                "Authorization", editor));
        String showPath = show.header("Location").orElseThrow();
        ApiClient.Answer renamed = conforms("patch", "/shows/{id}", api.sendJson("PATCH", showPath, "{\"title\":\"Renamed\"}",
                "Authorization", editor, "If-Match", show.header("ETag").orElseThrow()));
        conforms("delete", "/shows/{id}/locks/{field}", api.send("DELETE", showPath + "/locks/title", "Authorization", editor,
                "If-Match", renamed.header("ETag").orElseThrow()));
        ApiClient.Answer season = conforms("post", "/shows/{id}/seasons", api.sendJson("POST", showPath + "/seasons",
                "{\"number\":1}", "Authorization", editor));
        String seasonPath = season.header("Location").orElseThrow();
        conforms("get", "/seasons/{id}", api.get(seasonPath));
        conforms("get", "/seasons/{id}", api.get("/seasons/x"));
        ApiClient.Answer described = conforms("patch", "/seasons/{id}", api.sendJson("PATCH", seasonPath,
                "{\"description\":\"First\"}", "Authorization", editor, "If-Match", season.header("ETag").orElseThrow()));
        ApiClient.Answer seasonUnlocked = conforms("delete", "/seasons/{id}/locks/{field}", api.send("DELETE",
                seasonPath + "/locks/description", "Authorization", editor, "If-Match", described.header("ETag").orElseThrow()));
        ApiClient.Answer episode = conforms("post", "/seasons/{id}/episodes", api.sendJson("POST", seasonPath + "/episodes",
                "{\"number\":1,\"title\":\"Pilot\"}", "Authorization", editor));
        String episodePath = episode.header("Location").orElseThrow();
        conforms("get", "/episodes/{id}", api.get(episodePath));
        conforms("get", "/episodes/{id}", api.get("/episodes/999999"));
        conforms("post", "/episodes/{id}/sources", api.sendJson("POST", episodePath + "/sources",
                "{\"url\":\"https://cdn.example.com/e.m3u8\"}", "Authorization", editor));
        ApiClient.Answer retitled = conforms("patch", "/episodes/{id}", api.sendJson("PATCH", episodePath,
                "{\"title\":\"The Pilot\"}", "Authorization", editor, "If-Match", api.get(episodePath).header("ETag").orElseThrow()));
        ApiClient.Answer episodeUnlocked = conforms("delete", "/episodes/{id}/locks/{field}", api.send("DELETE",
                episodePath + "/locks/title", "Authorization", editor, "If-Match", retitled.header("ETag").orElseThrow()));
        conforms("delete", "/episodes/{id}", api.send("DELETE", episodePath, "Authorization", editor,
                "If-Match", episodeUnlocked.header("ETag").orElseThrow()));
        conforms("delete", "/seasons/{id}", api.send("DELETE", seasonPath, "Authorization", editor,
                "If-Match", api.get(seasonPath).header("ETag").orElseThrow()));
        conforms("delete", "/shows/{id}", api.send("DELETE", showPath, "Authorization", editor,
                "If-Match", api.get(showPath).header("ETag").orElseThrow()));
    }

    void exerciseTrails() {
        JsonNode movie = api.get("/movies/?limit=1").json().get(0);
        String path = "/movies/" + movie.get("id").asLong();
        api.send("DELETE", path, "Authorization", "Bearer " + server.editorToken, "If-Match", api.get(path).header("ETag").orElseThrow());
        ApiClient.Answer tombstones = conforms("get", "/tombstones", api.get("/tombstones?limit=5", "Authorization",
                "Bearer " + server.readToken));
        conforms("get", "/tombstones", api.get("/tombstones?kind=planet", "Authorization", "Bearer " + server.readToken));
        conforms("get", "/tombstones", api.get("/tombstones"));
        long tombstone = tombstones.json().get(0).get("id").asLong();
        conforms("post", "/tombstones/{id}/restore", api.send("POST", "/tombstones/" + tombstone + "/restore",
                "Authorization", "Bearer " + server.readToken));
        conforms("post", "/tombstones/{id}/restore", api.send("POST", "/tombstones/" + tombstone + "/restore",
                "Authorization", "Bearer " + server.editorToken));
        conforms("post", "/tombstones/{id}/restore", api.send("POST", "/tombstones/" + tombstone + "/restore",
                "Authorization", "Bearer " + server.editorToken));
        conforms("get", "/audit", api.get("/audit?limit=3&entity=movie", "Authorization", "Bearer " + server.adminToken));
        conforms("get", "/audit", api.get("/audit?until=never", "Authorization", "Bearer " + server.adminToken));
        conforms("get", "/audit", api.get("/audit", "Authorization", "Bearer " + server.editorToken));
    }

    void exerciseAccess() {
        String admin = "Bearer " + server.adminToken;
        conforms("get", "/accounts", api.get("/accounts", "Authorization", admin));
        conforms("get", "/accounts", api.get("/accounts", "Authorization", "Bearer " + server.editorToken));
        conforms("post", "/accounts", api.sendJson("POST", "/accounts",
                "{\"name\":\"conformance\",\"role\":\"viewer\",\"password\":\"a long enough password\"}", "Authorization", admin));
        conforms("post", "/accounts", api.sendJson("POST", "/accounts", "{\"name\":\"\"}", "Authorization", admin));
        conforms("get", "/accounts/{name}", api.get("/accounts/conformance", "Authorization", admin));
        conforms("get", "/accounts/{name}", api.get("/accounts/nobody", "Authorization", admin));
        conforms("patch", "/accounts/{name}", api.sendJson("PATCH", "/accounts/conformance", "{\"role\":\"editor\"}",
                "Authorization", admin));
        ApiClient.Answer token = conforms("post", "/tokens", api.sendJson("POST", "/tokens",
                "{\"user\":\"conformance\",\"name\":\"ci\",\"scope\":\"edit\"}", "Authorization", admin));
        conforms("post", "/tokens", api.sendJson("POST", "/tokens", "{\"user\":\"conformance\"}", "Authorization", admin));
        conforms("get", "/tokens", api.get("/tokens?user=conformance", "Authorization", admin));
        conforms("delete", "/tokens/{id}", api.send("DELETE", "/tokens/" + token.json().get("id").asLong(), "Authorization", admin));
        conforms("delete", "/tokens/{id}", api.send("DELETE", "/tokens/999999", "Authorization", admin));
    }

    @Test
    void otherMethodsAreDocumentedAsNotAllowed() {
        ApiClient.Answer answer = api.send("PUT", "/movies/1");
        JsonNode response = resolve(doc.at("/paths/~1movies~1{id}/get/responses/405"));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(response.path("headers").has("Allow")).isTrue();
        Schema problem = schemas.getSchema(SchemaLocation.of(DOC_URI + "#/components/schemas/Problem"));
        assertThat(problem.validate(answer.text(), InputFormat.JSON)).isEmpty();
    }

    @Test
    void theDocumentedSortValuesAreExactlyTheAcceptedOnes() {
        assertThat(enumOf("ShowSort")).isEqualTo(sortValues(SortField.forShows()));
        assertThat(enumOf("MovieSort")).isEqualTo(sortValues(SortField.forMovies()));
        for (String sort : enumOf("MovieSort")) {
            assertThat(api.get("/movies/?limit=1&sort=" + sort).status()).as(sort).isEqualTo(200);
        }
        for (String sort : enumOf("ShowSort")) {
            assertThat(api.get("/shows/?limit=1&sort=" + sort).status()).as(sort).isEqualTo(200);
        }
    }

    @Test
    void theDocumentedLimitsAreTheServers() {
        JsonNode limit = doc.at("/components/parameters/Limit/schema");

        assertThat(limit.get("maximum").asInt()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThat(limit.get("default").asInt()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(api.get("/movies/?limit=" + PageRequest.MAX_LIMIT).status()).isEqualTo(200);
        assertThat(api.get("/movies/?limit=" + (PageRequest.MAX_LIMIT + 1)).status()).isEqualTo(400);
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
    }

    @Test
    void everyServedRouteIsDocumented() {
        Set<String> served = new TreeSet<>(List.of("/shows/", "/shows/{id}", "/shows/{id}/seasons",
                "/shows/{id}/episodes", "/episodes/{id}/sources", "/shows/episodes/{id}/sources", "/movies/",
                "/movies/{id}", "/movies/{id}/sources", "/health", "/metrics", "/openapi.json", "/docs",
                "/tasks", "/tasks/{name}", "/tasks/{name}/runs", "/tasks/{name}/runs/{id}", "/seasons/{id}", "/episodes/{id}", "/sources/{id}",
                "/shows/{id}/locks/{field}", "/movies/{id}/locks/{field}", "/seasons/{id}/locks/{field}",
                "/episodes/{id}/locks/{field}", "/sources/{id}/locks/{field}", "/sources/{id}/check", "/seasons/{id}/episodes",
                "/tombstones", "/tombstones/{id}/restore", "/audit", "/accounts", "/accounts/{name}", "/tokens",
                "/tokens/{id}"));

        assertThat(new TreeSet<>(documentedPaths())).isEqualTo(served);
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' ')).toUpperCase(java.util.Locale.ROOT);
            String concrete = operation.substring(operation.indexOf(' ') + 1).replace("{id}", "1")
                    .replace("{name}", "update-ratings").replace("{field}", "title");
            assertThat(api.send(method, concrete).status()).as(operation).isNotEqualTo(405).isLessThan(500);
        }
    }

    private ApiClient.Answer conformsWith(String template, String target, String header, String value) {
        ApiClient.Answer answer = api.get(target, header, value);
        JsonNode response = resolve(doc.path("paths").path(template).path("get").path("responses")
                .path(Integer.toString(answer.status())));
        assertThat(response.isMissingNode()).as("%s documents %s", template, answer.status()).isFalse();
        return answer;
    }

    private long firstEpisodeId() {
        for (JsonNode show : api.get("/shows/?limit=500").json()) {
            for (JsonNode season : show.get("seasons")) {
                if (!season.get("episodes").isEmpty()) {
                    return season.get("episodes").get(0).get("id").asLong();
                }
            }
        }
        throw new AssertionError("the seed has episodes");
    }

    private List<String> documentedPaths() {
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(method + " " + path.getKey())));
        return operations;
    }

    @Test
    void theSecuritySchemeIsDeclaredAndEveryWriteNamesItsScope() {
        assertThat(doc.at("/components/securitySchemes/bearerToken/scheme").asText()).isEqualTo("bearer");
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            if (!method.equals("get")) {
                JsonNode security = doc.get("paths").get(operation.substring(operation.indexOf(' ') + 1)).get(method)
                        .get("security");
                assertThat(security).as(operation).isNotNull();
                assertThat(security.get(0).get("bearerToken")).as(operation).isNotEmpty();
            }
        }
    }

    private Set<String> enumOf(String parameter) {
        Set<String> values = new TreeSet<>();
        doc.at("/components/parameters/" + parameter + "/schema/enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> sortValues(Set<SortField> fields) {
        return fields.stream().flatMap(f -> java.util.stream.Stream.of(f.wireName(), "-" + f.wireName()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
