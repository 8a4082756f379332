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
import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.jdbc.testing.TestDatabase;
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
    private static final String ADMIN_TOKEN = "conformance-test-token";

    SeededServer server;
    Catalog catalog;
    ApiClient api;
    JsonNode doc;
    SchemaRegistry schemas;
    final Set<String> exercised = new HashSet<>();

    @BeforeAll
    void startServer(@TempDir Path dir) {
        // The task routes are served over a catalog on the same database, with an administration token.
        TestDatabase database = TestDatabases.sqlite(dir);
        catalog = Catalog.builder().storage(database.open()).build();
        catalog.tasks().runNow(TaskName.IMPORT_MOVIES); // fails (no feed) and is recorded: a run to show
        server = SeededServer.start(database, CatalogSeed.of(60, 12),
                config -> config.routes(new TaskResources(catalog.tasks(), ADMIN_TOKEN)::register));
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
        JsonNode operation = doc.path("paths").path(template).path(method);
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, template).isFalse();
        String status = Integer.toString(answer.status());
        JsonNode response = resolve(operation.path("responses").path(status));
        assertThat(response.isMissingNode()).as("%s documents status %s (%s)", template, status, answer).isFalse();
        if (answer.status() == 304) {
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

    @Test
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
    void taskTriggersAnswerWhatTheDocumentSays() {
        String runs = "/tasks/{name}/runs";
        conforms("post", runs, api.send("POST", "/tasks/import-shows/runs"));
        conforms("post", runs, api.send("POST", "/tasks/import-shows/runs", "Authorization", "Bearer wrong"));
        conforms("post", runs, api.send("POST", "/tasks/nope/runs", "Authorization", "Bearer " + ADMIN_TOKEN));
        ApiClient.Answer started = conforms("post", runs,
                api.send("POST", "/tasks/import-shows/runs", "Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(started.status()).isEqualTo(202);
    }

    @Test
    void writesAreDocumentedAsNotAllowed() {
        ApiClient.Answer answer = api.send("DELETE", "/movies/1");
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
                "/tasks", "/tasks/{name}", "/tasks/{name}/runs"));

        assertThat(new TreeSet<>(documentedPaths())).isEqualTo(served);
        for (String path : served) {
            String concrete = path.replace("{id}", "1").replace("{name}", "update-ratings");
            assertThat(api.get(concrete).status()).as(concrete).isNotEqualTo(405).isLessThan(500);
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
