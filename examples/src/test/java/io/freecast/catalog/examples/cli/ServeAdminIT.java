package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.testing.LauncherProcess;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog serve} as a real process serves the web admin: an account made with {@code users add}
 * signs in and sees the pages; a stranger is sent to sign in; a wrong password gets one answer.
 */
class ServeAdminIT {

    private static final String PASSWORD = "a long enough password, typed once";

    @TempDir
    Path dir;

    @Test
    void anAccountMadeWithUsersAddSignsInToTheAdmin() throws Exception {
        String db = dir.resolve("catalog.db").toString();
        LauncherProcess add = LauncherProcess.start(dir, Map.of(), "users", "add", "ada", "--role", "editor", "--db", db);
        try (OutputStream stdin = add.process().getOutputStream()) {
            stdin.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(add.waitFor()).as(add.err()).isZero();

        LauncherProcess serve = LauncherProcess.start(dir, Map.of(), "serve", "--db", db, "--port", "0", "--no-scheduler");
        try {
            URI base = listening(serve);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

            HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(base.resolve("/admin/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stranger.statusCode()).isEqualTo(303);
            assertThat(stranger.headers().firstValue("Location").orElseThrow()).startsWith("/admin/sign-in");

            assertThat(signIn(http, base, "wrong password").statusCode()).isEqualTo(401);
            HttpResponse<String> signedIn = signIn(http, base, PASSWORD);
            assertThat(signedIn.statusCode()).isEqualTo(303);
            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly", "SameSite=Strict");

            HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(base.resolve("/admin/"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("Dashboard", ">ada<", "editor");
            HttpResponse<String> root = http.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(root.body()).contains("href=\"/admin/\"", "href=\"/docs\"", "href=\"/openapi.json\"");
            assertThat(serve.out() + serve.err()).doesNotContain(PASSWORD);
        } finally {
            serve.process().destroy();
            serve.process().waitFor();
        }
    }

    private static HttpResponse<String> signIn(HttpClient http, URI base, String password) throws Exception {
        String form = "name=ada&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(base.resolve("/admin/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where serve says it listens, from its standard output. */
    private static URI listening(LauncherProcess serve) throws Exception {
        Pattern where = Pattern.compile("catalog API on (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = where.matcher(serve.out());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!serve.process().isAlive()) {
                throw new AssertionError("serve exited: " + serve.err());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not say where it listens: " + serve.err());
    }
}
