package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestLineCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /movies/1 HTTP/1.1",
            "GET /movies/?q=caf%C3%A9&limit=5 HTTP/1.1",
            "HEAD / HTTP/1.0",
            "GET /movies/?q=100%25 HTTP/1.1",
            "GET /movies/1 HTTP/1.2",       // a later 1.x: served as 1.1, as RFC 9112 allows
            "OPTIONS * HTTP/1.1",
            "GET http://example.org/movies/ HTTP/1.1",
            "GET /movies/1",                 // no version: the parser's to refuse
            "GARBAGE",
            "GET /movies/1 HTTX/1.1",        // not a version at all: the parser's to refuse
            ""})
    void linesTheParserShouldSeeAsTheyArePass(String line) {
        assertThat(check(line)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/9.9", "HTTP/2.0", "HTTP/0.9", "HTTP/3.1"})
    void otherMajorVersionsAre505(String version) throws IOException {
        RejectionAnswer answer = check("GET /movies/1 " + version);

        assertThat(answer.status()).isEqualTo(505);
        String response = text(answer);
        assertThat(response).startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n")
                .contains("Content-Type: application/problem+json\r\n", "Connection: close\r\n");
        assertThat(body(answer).get("detail").asText()).contains(version);
    }

    @Test
    void aBadEscapeInAQueryParameterNamesTheParameterAsTheHandlersWould() throws IOException {
        RejectionAnswer answer = check("GET /movies/?limit=5&cursor=%%% HTTP/1.1");

        assertThat(answer.status()).isEqualTo(400);
        JsonNode problem = body(answer);
        assertThat(problem.get("parameter").asText()).isEqualTo("cursor");
        assertThat(problem.get("detail").asText()).isEqualTo("query parameter cursor contains a bad percent escape '%%%'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/movies/%zz", "/movies/%", "/movies/%4", "/%G0/x"})
    void aBadEscapeInThePathIsA400ForThePath(String target) throws IOException {
        RejectionAnswer answer = check("GET " + target + " HTTP/1.1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(body(answer).get("detail").asText()).startsWith("the path contains");
        assertThat(body(answer).has("parameter")).isFalse();
    }

    @Test
    void aBadEscapeInAnAbsoluteTargetGetsTheGeneralWords() throws IOException {
        RejectionAnswer answer = check("GET http://example.org/%zz HTTP/1.1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(body(answer).get("detail").asText()).contains("bad percent escape");
    }

    @Test
    void theLineIsReadWhereItLiesInADirectBufferAmongOtherBytes() {
        byte[] before = "xxxx".getBytes(StandardCharsets.US_ASCII);
        byte[] line = "GET /movies/?q=%%% HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer direct = ByteBuffer.allocateDirect(64);
        direct.put(before).put(line).put("\r\nHost: x".getBytes(StandardCharsets.US_ASCII));

        RejectionAnswer answer = RequestLineCheck.check(direct, before.length, before.length + line.length);

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void aHugeTargetIsCheckedWithoutTrouble() {
        String target = "/movies/?q=" + "a".repeat(20_000) + "%";
        assertThat(check("GET " + target + " HTTP/1.1").status()).isEqualTo(400);
        assertThat(check("GET /movies/?q=" + "a".repeat(20_000) + " HTTP/1.1")).isNull();
    }

    private static RejectionAnswer check(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        return RequestLineCheck.check(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    private static String text(RejectionAnswer answer) {
        ByteBuffer buffer = answer.buffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode body(RejectionAnswer answer) throws IOException {
        String response = text(answer);
        return new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }
}
