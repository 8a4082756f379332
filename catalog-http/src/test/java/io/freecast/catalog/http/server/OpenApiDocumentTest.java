package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.freecast.catalog.domain.TaskName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as the explorer at {@code /docs} renders it: nothing the renderer warns about (a
 * {@code jsonSchemaDialect} other than OpenAPI 3.1's default is shown as a red "Warning" box), every operation
 * in one declared group (tag) instead of "default", and an example for every operation that validates
 * against the schema it illustrates.
 */
class OpenApiDocumentTest {

    private static final String DOC_URI = "https://catalog.test/openapi.json";
    private static final String OAS_31_DEFAULT_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base";
    private static final List<String> GROUPS = List.of("shows", "movies", "episodes and sources", "editing",
            "tombstones", "audit", "accounts and tokens", "tasks", "operations");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    static JsonNode doc;
    static SchemaRegistry schemas;

    @BeforeAll
    static void read() throws IOException {
        String text;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("openapi.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        doc = new ObjectMapper().readTree(text);
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOC_URI, text)));
    }

    /** {@code "get /shows/"} → the operation. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    @Test
    void theDocumentIsOpenApi31WithTheDialectTheExplorerSupports() {
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        JsonNode dialect = doc.path("jsonSchemaDialect");
        assertThat(dialect.isMissingNode() || dialect.asText().equals(OAS_31_DEFAULT_DIALECT))
                .as("jsonSchemaDialect is absent or OpenAPI 3.1's default, not %s", dialect).isTrue();
    }

    @Test
    void everyOperationSitsInExactlyOneDeclaredGroupAndEveryGroupIsUsed() {
        List<String> declared = new ArrayList<>();
        doc.get("tags").forEach(tag -> {
            declared.add(tag.get("name").asText());
            assertThat(tag.path("description").asText()).as("group %s is described", tag).isNotBlank();
        });
        assertThat(declared).containsExactlyElementsOf(GROUPS);

        Set<String> used = new LinkedHashSet<>();
        operations().forEach((name, op) -> {
            assertThat(op.path("tags")).as("%s has one group", name).hasSize(1);
            String tag = op.get("tags").get(0).asText();
            assertThat(declared).as("%s's group", name).contains(tag);
            used.add(tag);
        });
        assertThat(used).containsExactlyInAnyOrderElementsOf(GROUPS);
        assertThat(operations().get("get /shows/").get("tags").get(0).asText()).isEqualTo("shows");
        assertThat(operations().get("patch /movies/{id}").get("tags").get(0).asText()).isEqualTo("editing");
        assertThat(operations().get("get /episodes/{id}/sources").get("tags").get(0).asText())
                .isEqualTo("episodes and sources");
        assertThat(operations().get("post /tasks/{name}/runs").get("tags").get(0).asText()).isEqualTo("tasks");
        assertThat(operations().get("get /health").get("tags").get(0).asText()).isEqualTo("operations");
    }

    @Test
    void everyOperationHasAnExampleOfWhatItAnswersOrTakes() {
        operations().forEach((name, op) -> {
            int examples = 0;
            for (var response : op.get("responses").properties()) {
                JsonNode content = response.getValue().path("content");
                if (response.getKey().startsWith("2") && content.isObject()) {
                    for (var media : content.properties()) {
                        assertThat(media.getValue().has("example")).as("%s %s %s has an example", name,
                                response.getKey(), media.getKey()).isTrue();
                        examples++;
                    }
                }
            }
            for (var media : op.path("requestBody").path("content").properties()) {
                assertThat(media.getValue().has("example")).as("%s request %s has an example", name, media.getKey())
                        .isTrue();
                examples++;
            }
            if (examples == 0) {
                // Nothing in, nothing out (a 204 DELETE): the path and header parameters carry the example.
                for (JsonNode parameter : op.path("parameters")) {
                    if (resolve(parameter).has("example")) {
                        examples++;
                    }
                }
            }
            assertThat(examples).as("%s has an example", name).isPositive();
        });
    }

    @Test
    void everyExampleIsValidForTheSchemaItIllustrates() {
        List<String> checked = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String base = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
            op.getValue().get("responses").properties().forEach(response ->
                    response.getValue().path("content").properties().forEach(media -> checkExample(media.getValue(),
                            base + "/responses/" + response.getKey() + "/content/" + escape(media.getKey()), checked)));
            op.getValue().path("requestBody").path("content").properties().forEach(media -> checkExample(
                    media.getValue(), base + "/requestBody/content/" + escape(media.getKey()), checked));
        }));
        doc.get("components").get("parameters").properties().forEach(parameter -> checkExample(parameter.getValue(),
                "/components/parameters/" + escape(parameter.getKey()), checked));
        assertThat(checked).hasSizeGreaterThan(60);
    }

    @Test
    void theTaskNamesAreTheCatalogsTasks() {
        List<String> tasks = Arrays.stream(TaskName.values()).map(TaskName::wireName).toList();
        for (String pointer : List.of("/components/schemas/TaskRun/properties/task/enum",
                "/components/schemas/Task/properties/task/enum", "/components/parameters/TaskName/schema/enum")) {
            List<String> documented = new ArrayList<>();
            doc.at(pointer).forEach(name -> documented.add(name.asText()));
            assertThat(documented).as(pointer).containsExactlyInAnyOrderElementsOf(tasks);
        }
    }

    private static void checkExample(JsonNode holder, String pointer, List<String> checked) {
        if (!holder.has("example") || !holder.has("schema")) {
            return;
        }
        Schema schema = schemas.getSchema(SchemaLocation.of(DOC_URI + "#" + pointer + "/schema"));
        List<Error> errors = schema.validate(holder.get("example").toString(), InputFormat.JSON,
                (Consumer<ExecutionContext>) context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
        assertThat(errors).as("the example at %s", pointer).isEmpty();
        checked.add(pointer);
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
