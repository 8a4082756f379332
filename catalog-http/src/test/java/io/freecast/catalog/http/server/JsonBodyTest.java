package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A write's body is one strict JSON object of a JSON media type; everything else is a 4xx naming why. */
class JsonBodyTest {

    private static final Set<String> PATCH = Set.of(JsonBody.MERGE_PATCH, JsonBody.JSON);

    @Test
    void aJsonObjectIsRead() {
        ObjectNode body = parse("application/merge-patch+json", "{\"title\":\"Heat\",\"imdb_rating\":null}");

        assertThat(body.get("title").asText()).isEqualTo("Heat");
        assertThat(body.get("imdb_rating").isNull()).isTrue();
        assertThat(parse("application/json; charset=UTF-8", "{}").isEmpty()).isTrue();
    }

    @Test
    void otherMediaTypesAre415() {
        assertProblem(() -> parse(null, "{}"), 415, "Content-Type");
        assertProblem(() -> parse("text/plain", "{}"), 415, "text/plain");
        assertProblem(() -> parse("application/x-www-form-urlencoded", "title=x"), 415, "application/json");
        assertProblem(() -> parse("application/json; charset=latin1", "{}"), 415, "UTF-8");
        assertProblem(() -> JsonBody.parse("application/merge-patch+json", bytes("{}"), Set.of(JsonBody.JSON)), 415,
                "application/json");
    }

    @Test
    void whatIsNotOneJsonObjectIs400() {
        assertProblem(() -> parse("application/json", ""), 400, "no body");
        assertProblem(() -> parse("application/json", "not json"), 400, "not valid JSON");
        assertProblem(() -> parse("application/json", "{\"title\":"), 400, "not valid JSON");
        assertProblem(() -> parse("application/json", "[1,2]"), 400, "an array");
        assertProblem(() -> parse("application/json", "\"x\""), 400, "a string");
        assertProblem(() -> parse("application/json", "null"), 400, "null");
        assertProblem(() -> parse("application/json", "{} {}"), 400, "not valid JSON");
        assertProblem(() -> parse("application/json", "{\"title\":\"a\",\"title\":\"b\"}"), 400, "not valid JSON");
    }

    @Test
    void deepNestingIs400WithoutReadingOn() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

        assertProblem(() -> parse("application/json", deep), 400, "nested deeper than " + JsonBody.MAX_DEPTH);
    }

    @Test
    void aParseErrorNeverEchoesTheBody() {
        String secretLooking = "{\"title\": SECRET-" + "x".repeat(5000) + "}";

        assertThatThrownBy(() -> parse("application/json", secretLooking))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.detail())
                        .doesNotContain("SECRET").hasSizeLessThan(200));
    }

    private static ObjectNode parse(String contentType, String body) {
        return JsonBody.parse(contentType, bytes(body), PATCH);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void assertProblem(Runnable action, int status, String detailContains) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.detail()).contains(detailContains);
        });
    }
}
