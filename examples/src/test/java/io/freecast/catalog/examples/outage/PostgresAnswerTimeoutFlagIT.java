package io.freecast.catalog.examples.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.outage.ServeUnderLoad.Sample;
import io.freecast.catalog.jdbc.testing.TcpRelay;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --db-answer-timeout} reaches the store: with 1s, a read asked of a PostgreSQL server that has just
 * fallen silent (a {@link TcpRelay} holding every byte) is refused as unavailable well before the default 5 s
 * would let it. Skipped, with the reason, without CATALOG_TEST_POSTGRES_URL.
 */
class PostgresAnswerTimeoutFlagIT {

    @TempDir
    Path dir;

    @Test
    void aShorterAnswerTimeoutRefusesReadsOfASilentDatabaseSooner() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             ServeUnderLoad serve = ServeUnderLoad.start(dir, relay.jdbcUrl(db.url()), "--db-answer-timeout", "1s")) {
            assertThat(serve.get("/movies/").status()).isEqualTo(200);

            relay.freeze();
            Sample first = serve.get("/movies/");
            System.out.printf("a read of the silent database refused after %d ms%n", first.took().toMillis());

            assertThat(first.status()).as(first.toString()).isEqualTo(503);
            assertThat(first.took()).as("1s and some, not the default 5 s").isLessThan(Duration.ofMillis(4_000));
            relay.thaw();
            assertThat(serve.await("/movies/", s -> s.status() == 200, Duration.ofSeconds(20))).isNotNull();
        }
    }
}
