package io.freecast.catalog.examples.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.outage.ServeUnderLoad.Sample;
import io.freecast.catalog.jdbc.testing.TcpRelay;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 14: {@code catalog serve} on PostgreSQL through a {@link TcpRelay}, under 32
 * loopback clients, while the relay is cut for five seconds (every connection closed, new ones refused) and
 * restored — the PostgreSQL server itself is never touched. Skipped, with the reason, without
 * CATALOG_TEST_POSTGRES_URL.
 *
 * <p>Bounds are generous ("answered within 3 s", /health down within the 2 s the issue asks) on purpose: what is proven is "at once rather than after
 * the pool's 10 s", not a latency figure.
 */
class PostgresOutageUnderLoadIT {

    private static final int CLIENTS = 32;
    /** "At once" rather than after the pool's 10 s, with room for a shared two-core machine under load. */
    private static final Duration ANSWERED = Duration.ofSeconds(3);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** Put in the database URL: the server accepts it (trust) and it must never show. */
    private static final String PLANTED_PASSWORD = "planted-outage-password-7f3a";
    static final List<String> NO_DATABASE = List.of("/metrics", "/docs", "/openapi.json", "/", "/docs/swagger-ui.css",
            "/admin/assets/admin.css");
    static final List<String> DATABASE = List.of("/movies/", "/shows/", "/movies/1", "/shows/1/seasons");

    @TempDir
    Path dir;

    @Test
    void noDatabaseRoutesStayFastDatabaseRoutesAnswer503AndItComesBackByItself() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             ServeUnderLoad serve = ServeUnderLoad.start(dir, relay.jdbcUrl(db.url()) + "&password=" + PLANTED_PASSWORD)) {
            assertThat(serve.get("/health").status()).isEqualTo(200);
            serve.warmUp(interleaved());

            serve.startLoad(CLIENTS, interleaved());
            Thread.sleep(2_000);
            long judged = System.nanoTime();
            relay.cut();
            long cut = System.nanoTime();
            Sample down = serve.await("/health", s -> s.status() == 503, Duration.ofSeconds(10));
            long healthDown = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis());
            List<Sample> healthWhileAway = List.of(serve.get("/health"), serve.get("/health/"));
            Sample signIn = serve.postForm("/admin/sign-in", "name=ada&password=not-checked-while-away");
            relay.restore();
            long restored = System.nanoTime();
            Sample up = serve.await("/health", s -> s.status() == 200, Duration.ofSeconds(15));
            Sample served = serve.await("/movies/", s -> s.status() == 200, Duration.ofSeconds(15));
            long recovered = System.nanoTime();
            Thread.sleep(1_000);
            serve.stopLoad();
            String log = serve.log();
            System.out.printf("/health 503 %d ms after the cut; /health 200 %d ms and /movies/ 200 %d ms after the restore%n",
                    Duration.ofNanos(healthDown - cut).toMillis(), Duration.ofNanos(up == null ? 0 : up.answeredNanos() - restored).toMillis(),
                    Duration.ofNanos(recovered - restored).toMillis());
            System.out.println("serve's log:\n" + log);

            assertThat(down).as("/health said 503").isNotNull();
            assertThat(Duration.ofNanos(healthDown - cut)).as("/health said 503 within 2 s of the cut")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(down.contentType()).startsWith("application/json");
            assertThat(down.body()).contains("\"status\":\"down\"").contains("unavailable for");
            assertThat(healthWhileAway).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(503);
                assertThat(s.took()).isLessThan(ANSWERED);
            });

            // Judged from a second before the cut: the first answers of a cold JVM under a sudden load of 32
            // clients on a shared machine say nothing about outages.
            assertThat(signIn.status()).as("the admin's sign-in, which reads the accounts: %s", signIn.body()).isEqualTo(503);
            assertThat(signIn.retryAfter()).matches("[1-9][0-9]*");
            assertThat(signIn.contentType()).startsWith("text/html");
            assertThat(signIn.body()).contains("Database unavailable").doesNotContain(PLANTED_PASSWORD);

            List<Sample> noDatabase = serve.samples(s -> NO_DATABASE.contains(s.path()) && s.askedNanos() - judged > 0);
            assertThat(noDatabase).hasSizeGreaterThan(100);
            assertThat(noDatabase).as("routes that need no database answer, at once, all along").allSatisfy(s -> {
                assertThat(s.status()).as(s.toString()).isEqualTo(200);
                assertThat(s.took()).as(s.toString()).isLessThan(ANSWERED);
            });

            List<Sample> duringOutage = serve.samples(s -> DATABASE.contains(s.path()) && s.askedNanos() - cut > 0
                    && restored - s.answeredNanos() > 0);
            assertThat(duringOutage).as("database routes asked while it was away").hasSizeGreaterThan(100);
            assertThat(duringOutage).as("database routes answer 503 with Retry-After, at once").allSatisfy(s -> {
                assertThat(s.status()).as(s.toString()).isEqualTo(503);
                assertThat(s.took()).as(s.toString()).isLessThan(ANSWERED);
                assertThat(s.retryAfter()).as(s.toString()).matches("[1-9][0-9]*");
                assertThat(s.contentType()).as(s.toString()).startsWith("application/problem+json");
                assertThat(s.body()).as(s.toString()).contains("the database is unavailable");
            });

            assertThat(up).as("/health back to 200 by itself").isNotNull();
            assertThat(served).as("/movies/ served again by itself").isNotNull();
            assertThat(Duration.ofNanos(recovered - restored)).as("back within seconds").isLessThan(Duration.ofSeconds(10));

            List<Sample> all = serve.samples(s -> true);
            assertThat(all).as("no 500, no unanswered request, all along")
                    .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isIn(200, 404, 503));
            assertThat(all).allSatisfy(s -> assertThat(s.body()).doesNotContain(PLANTED_PASSWORD));

            OutageLog.assertOneOutage(log, 0, 1);
            assertThat(log).doesNotContain(PLANTED_PASSWORD);
        }
    }

    /**
     * The other way a database goes away: it stops answering but closes nothing (frozen, or cut off by a network
     * that drops packets) — the relay holds every byte. Once it has been silent for the store's answer timeout
     * (5 s by default) its connections are given up and it is known to be away: from then on database routes are
     * answered 503 at once, and it comes back by itself when it answers again. Requests asked before then wait at
     * most that long; none is left unanswered and none gets a 500.
     */
    @Test
    void aDatabaseThatFallsSilentIsKnownAwayWithinTheAnswerTimeoutAndComesBackByItself() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             ServeUnderLoad serve = ServeUnderLoad.start(dir, relay.jdbcUrl(db.url()))) {
            serve.warmUp(interleaved());
            serve.startLoad(CLIENTS, interleaved());
            Thread.sleep(2_000);
            relay.freeze();
            long frozen = System.nanoTime();
            Sample down = serve.await("/health", s -> s.status() == 503, Duration.ofSeconds(20));
            long healthDown = System.nanoTime();
            Thread.sleep(3_000);
            long judgedFrom = System.nanoTime();
            Thread.sleep(3_000);
            relay.thaw();
            long thawed = System.nanoTime();
            Sample up = serve.await("/health", s -> s.status() == 200, Duration.ofSeconds(20));
            Sample served = serve.await("/movies/", s -> s.status() == 200, Duration.ofSeconds(20));
            long recovered = System.nanoTime();
            serve.stopLoad();
            String log = serve.log();
            System.out.printf("/health 503 %d ms after the server fell silent; /movies/ 200 %d ms after it answered again%n",
                    Duration.ofNanos(healthDown - frozen).toMillis(), Duration.ofNanos(recovered - thawed).toMillis());

            assertThat(down).as("/health said 503").isNotNull();
            assertThat(Duration.ofNanos(healthDown - frozen)).as("known away within the 5 s answer timeout and some")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(down.body()).contains("\"status\":\"down\"");
            List<Sample> whileKnownAway = serve.samples(s -> DATABASE.contains(s.path()) && s.askedNanos() - judgedFrom > 0
                    && thawed - s.answeredNanos() > 0);
            assertThat(whileKnownAway).as("database routes asked once it was known away").hasSizeGreaterThan(100)
                    .allSatisfy(s -> {
                        assertThat(s.status()).as(s.toString()).isEqualTo(503);
                        assertThat(s.took()).as(s.toString()).isLessThan(ANSWERED);
                    });
            List<Sample> noDatabase = serve.samples(s -> NO_DATABASE.contains(s.path()) && s.askedNanos() - frozen > 0);
            assertThat(noDatabase).as("routes that need no database answer, at once, all along").hasSizeGreaterThan(100)
                    .allSatisfy(s -> {
                        assertThat(s.status()).as(s.toString()).isEqualTo(200);
                        assertThat(s.took()).as(s.toString()).isLessThan(ANSWERED);
                    });
            assertThat(up).as("/health back to 200 by itself").isNotNull();
            assertThat(served).as("/movies/ served again by itself").isNotNull();
            assertThat(serve.samples(s -> true)).as("no 500, no unanswered request, all along")
                    .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isIn(200, 404, 503));
            OutageLog.assertNoStackTrace(log);
        }
    }

    /** Database and no-database routes alternating, so every client asks both kinds. */
    private static List<String> interleaved() {
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(NO_DATABASE.size(), DATABASE.size()); i++) {
            paths.add(NO_DATABASE.get(i % NO_DATABASE.size()));
            paths.add(DATABASE.get(i % DATABASE.size()));
        }
        return paths;
    }
}
