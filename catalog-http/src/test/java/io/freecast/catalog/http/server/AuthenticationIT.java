package io.freecast.catalog.http.server;

import static io.freecast.catalog.http.server.WriteApiServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer tokens at the door: refused tokens all look alike (unknown, revoked, expired), failures from one
 * address are throttled (429 with {@code Retry-After}, even for a good token while it lasts), and nobody
 * without the admin scope learns which accounts or tokens exist. A token created over the API is shown
 * once, and works at once.
 */
class AuthenticationIT {

    WriteApiServer server;
    ApiClient api;

    @BeforeEach
    void start(@TempDir Path dir) {
        server = WriteApiServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(3, 1));
        api = server.api;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void unknownRevokedAndExpiredTokensGetTheSameAnswer() throws Exception {
        JsonNode toRevoke = createToken("eddie", "to revoke", "edit", null);
        String revoked = toRevoke.get("token").asText();
        JsonNode expiring = createToken("eddie", "short-lived", "edit", Instant.now().plusSeconds(2).toString());
        long revokedId = toRevoke.get("id").asLong();
        assertThat(api.send("DELETE", "/tokens/" + revokedId, bearer(server.adminToken)).json().get("status").asText())
                .isEqualTo("revoked");
        Thread.sleep(2_500);

        ApiClient.Answer unknown = api.sendJson("POST", "/shows/", "{\"title\":\"x\"}", bearer("cat_unknown-token-value"));
        ApiClient.Answer byRevoked = api.sendJson("POST", "/shows/", "{\"title\":\"x\"}", bearer(revoked));
        ApiClient.Answer byExpired = api.sendJson("POST", "/shows/", "{\"title\":\"x\"}", bearer(expiring.get("token").asText()));

        for (ApiClient.Answer answer : new ApiClient.Answer[]{unknown, byRevoked, byExpired}) {
            WriteApiContract.assertProblem(answer, 401);
            assertThat(answer.json().get("detail")).isEqualTo(unknown.json().get("detail"));
            assertThat(answer.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
        }
    }

    @Test
    void failedTokensFromOneAddressAreThrottledWithRetryAfter() {
        ApiClient.Answer last = null;
        int refusedBeforeThrottle = 0;
        for (int i = 0; i < 10; i++) {
            last = api.sendJson("POST", "/shows/", "{\"title\":\"x\"}", bearer("cat_guess-" + i));
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(401);
            refusedBeforeThrottle++;
        }

        WriteApiContract.assertProblem(last, 429);
        assertThat(refusedBeforeThrottle).isBetween(1, 9);
        assertThat(Long.parseLong(last.header("Retry-After").orElseThrow())).isPositive();
        ApiClient.Answer goodTokenMeanwhile = api.sendJson("POST", "/shows/", "{\"title\":\"x\"}", bearer(server.editorToken));
        WriteApiContract.assertProblem(goodTokenMeanwhile, 429);
        assertThat(api.get("/shows/?limit=500").text()).doesNotContain("\"title\":\"x\"");
    }

    @Test
    void nobodyWithoutTheAdminScopeLearnsWhichAccountsOrTokensExist() {
        ApiClient.Answer existing = api.get("/accounts/alice", bearer(server.editorToken));
        ApiClient.Answer missing = api.get("/accounts/nobody", bearer(server.editorToken));
        ApiClient.Answer existingToken = api.send("DELETE", "/tokens/1", bearer(server.editorToken));
        ApiClient.Answer missingToken = api.send("DELETE", "/tokens/999999", bearer(server.editorToken));

        assertThat(existing.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(existing.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(existingToken.status()).isEqualTo(403);
        assertThat(existingToken.json().get("detail")).isEqualTo(missingToken.json().get("detail"));
        assertThat(api.get("/accounts/alice").status()).isEqualTo(401);
        assertThat(api.get("/accounts/nobody").status()).isEqualTo(401);
    }

    @Test
    void aTokenCreatedOverTheApiIsShownOnceAndWorksAtOnce() {
        JsonNode created = createToken("eddie", "deploy", "edit", null);
        String secret = created.get("token").asText();

        assertThat(secret).startsWith("cat_");
        ApiClient.Answer listed = api.get("/tokens?user=eddie", bearer(server.adminToken));
        assertThat(listed.text()).doesNotContain(secret);
        assertThat(listed.json().get(0).has("token")).isFalse();
        assertThat(api.sendJson("POST", "/shows/", "{\"title\":\"By the new token\"}", bearer(secret)).status())
                .isEqualTo(201);
        assertThat(api.get("/audit?actor=token:eddie/deploy", bearer(server.adminToken)).json()).isNotEmpty();
    }

    @Test
    void accountsAreManagedByAdminsAndPasswordsNeverComeBack() {
        String password = "a very long password 12345";
        ApiClient.Answer added = api.sendJson("POST", "/accounts",
                "{\"name\":\"olga\",\"role\":\"editor\",\"password\":\"" + password + "\"}", bearer(server.adminToken));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(added.header("Location")).contains("/accounts/olga");
        assertThat(added.text()).doesNotContain(password);

        ApiClient.Answer disabled = api.sendJson("PATCH", "/accounts/olga", "{\"enabled\":false,\"role\":\"viewer\"}",
                bearer(server.adminToken, "Content-Type", "application/merge-patch+json"));
        assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("role").asText()).isEqualTo("viewer");

        ApiClient.Answer weak = api.sendJson("POST", "/accounts", "{\"name\":\"bad name!\",\"role\":\"root\",\"password\":\"short\"}",
                bearer(server.adminToken));
        WriteApiContract.assertProblem(weak, 422);
        assertThat(weak.text()).doesNotContain("short\"");
        assertThat(api.get("/accounts", bearer(server.adminToken)).json()).hasSize(4);
    }

    private JsonNode createToken(String account, String label, String scope, String expiresAt) {
        ApiClient.Answer answer = api.sendJson("POST", "/tokens", "{\"user\":\"" + account + "\",\"name\":\"" + label
                + "\",\"scope\":\"" + scope + "\",\"expires_at\":" + (expiresAt == null ? "null" : "\"" + expiresAt + "\"") + "}",
                bearer(server.adminToken));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.header("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("/tokens/"));
        return answer.json();
    }
}
