package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /sources/{id}/check} over a real server and SQLite catalog: what the check finds is recorded and
 * answered, reads show it at once (the response cache is cleared), the audit names the token's account, and
 * broken requests change nothing. Scopes are {@link WriteScopesIT}'s; the document's shape is
 * {@link OpenApiConformanceIT}'s.
 */
class SourceCheckRouteIT {

    @TempDir
    Path dir;
    private WriteApiServer server;
    private ApiClient api;
    private long sourceId;
    private String url;

    @BeforeEach
    void start() {
        server = WriteApiServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(3, 0),
                config -> config.responseCacheTtl(java.time.Duration.ofSeconds(30)));
        api = server.api;
        JsonNode source = api.get("/movies/?limit=1").json().get(0).get("sources").get(0);
        sourceId = source.get("id").asLong();
        url = source.get("url").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Answer check(String path, String token) {
        return api.send("POST", path, "Authorization", "Bearer " + token);
    }

    @Test
    void aGoneLinkIsTurnedOffAndTheAnswerTheReadsAndTheAuditSaySo() {
        JsonNode before = api.get("/sources/" + sourceId).json();
        assertThat(before.get("is_active").asBoolean()).isTrue();
        server.links.answer(url, new LinkProbe.Gone(410));

        ApiClient.Answer checked = check("/sources/" + sourceId + "/check", server.editorToken);

        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.json().get("is_active").asBoolean()).isFalse();
        assertThat(api.get("/sources/" + sourceId).json().get("is_active").asBoolean()).as("not a cached read").isFalse();
        String audit = api.get("/audit?entity=source&entity_id=" + sourceId, "Authorization", "Bearer " + server.adminToken).text();
        assertThat(audit).contains("eddie", "is_active", "last_status", "410");
    }

    @Test
    void passingFailuresAreCountedAndTheSourceStaysOnUntilTheThreshold() {
        server.links.answer(url, new LinkProbe.Failed(FailureKind.TIMEOUT, null, "no answer within 10s"));

        check("/sources/" + sourceId + "/check", server.editorToken);
        ApiClient.Answer second = check("/sources/" + sourceId + "/check", server.adminToken);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("is_active").asBoolean()).isTrue();
        assertThat(server.catalog.editing().findSource(sourceId).orElseThrow().check().consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void brokenAndHostileRequestsAreRefusedAndProbeNothing() {
        for (String path : new String[] {"/sources/0/check", "/sources/-1/check", "/sources/x/check",
                "/sources/99999999999999999999999/check", "/sources/%3Cscript%3E/check"}) {
            assertThat(check(path, server.editorToken).status()).as(path).isEqualTo(400);
        }
        assertThat(check("/sources/999999/check", server.editorToken).status()).isEqualTo(404);
        assertThat(api.send("GET", "/sources/" + sourceId + "/check").status()).isEqualTo(405);
        assertThat(api.send("POST", "/sources/" + sourceId + "/check", "Authorization", "Bearer nonsense").status())
                .isEqualTo(401);
        assertThat(server.links.probed()).isEmpty();
    }

    @Test
    void aTokenAskingForMoreThanThirtyChecksAMinuteGets429WithRetryAfterAndNothingIsProbed() {
        server.links.answer(url, new LinkProbe.Reachable(200));
        String path = "/sources/" + sourceId + "/check";
        for (int i = 0; i < 30; i++) {
            assertThat(check(path, server.editorToken).status()).as("check %d", i + 1).isEqualTo(200);
        }

        ApiClient.Answer refused = check(path, server.editorToken);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After").orElseThrow()).matches("[1-9][0-9]*");
        assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("more than 30 links checked by hand in a minute");
        assertThat(server.links.probed()).hasSize(30);
        assertThat(check(path, server.adminToken).status()).as("another token").isEqualTo(200);
    }
}
