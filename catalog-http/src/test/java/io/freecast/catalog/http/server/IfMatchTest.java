package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Versioned;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A change names the version it changes by its ETag, or is refused (428) before anything is read. */
class IfMatchTest {

    private static final byte[] ITEM = "{\"id\":1,\"title\":\"Heat\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theItemsCurrentTagMatchesInEitherForm() {
        String etag = ETags.of(ITEM);

        assertThat(IfMatch.required(request(Map.of("If-Match", etag))).matches(etag)).isTrue();
        assertThat(IfMatch.required(request(Map.of("If-Match", ETags.gzipped(etag)))).matches(etag)).isTrue();
        assertThat(IfMatch.required(request(Map.of("If-Match", "\"other\", " + etag))).matches(etag)).isTrue();
        assertThat(IfMatch.required(request(Map.of("If-Match", "\"other\""))).matches(etag)).isFalse();
    }

    @Test
    void theExpectationRendersTheCurrentItemAndComparesTags() {
        Versioned<String> expectation = IfMatch.required(request(Map.of("If-Match", ETags.of(ITEM))))
                .versioned(text -> text.getBytes(StandardCharsets.UTF_8));

        assertThat(expectation.matches(new String(ITEM, StandardCharsets.UTF_8))).isTrue();
        assertThat(expectation.matches("{\"id\":1,\"title\":\"Heat!\"}")).isFalse();
    }

    @Test
    void noTagOrAWildcardIs428AndAWeakOrMalformedTag400() {
        JsonBodyTest.assertProblem(() -> IfMatch.required(request(Map.of())), 428, "If-Match");
        JsonBodyTest.assertProblem(() -> IfMatch.required(request(Map.of("If-Match", " "))), 428, "If-Match");
        JsonBodyTest.assertProblem(() -> IfMatch.required(request(Map.of("If-Match", "*"))), 428, "*");
        JsonBodyTest.assertProblem(() -> IfMatch.required(request(Map.of("If-Match", "W/\"abc\""))), 400, "strong ETag");
        JsonBodyTest.assertProblem(() -> IfMatch.required(request(Map.of("If-Match", "abc"))), 400, "strong ETag");
    }

    /** A request with only headers, for the parts of the API that read nothing else. */
    static ApiRequest request(Map<String, String> headers) {
        return new ApiRequest() {
            @Override
            public String route() {
                return "/test";
            }

            @Override
            public String path() {
                return "/test";
            }

            @Override
            public String pathParameter(String name) {
                throw new IllegalArgumentException(name);
            }

            @Override
            public long idParameter(String name) {
                throw new IllegalArgumentException(name);
            }

            @Override
            public Optional<String> query(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(headers.get(name));
            }

            @Override
            public String clientAddress() {
                return "127.0.0.1";
            }

            @Override
            public byte[] body() {
                return new byte[0];
            }
        };
    }
}
