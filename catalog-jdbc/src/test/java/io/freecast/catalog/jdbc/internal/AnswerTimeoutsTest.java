package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounds {@link AnswerTimeouts} derives from the store's, and which ones a store accepts. */
class AnswerTimeoutsTest {

    private static AnswerTimeouts postgres(Duration ordinary) {
        return new AnswerTimeouts(DatabaseKind.POSTGRESQL, ordinary);
    }

    @Test
    void longWorkWaitsTenMinutesOrTheStoresBoundWhenLongerAndNoBoundMeansNoneForLongWorkEither() {
        assertThat(postgres(Duration.ofSeconds(10)).longWork()).isEqualTo(Duration.ofMinutes(10));
        assertThat(postgres(Duration.ofHours(1)).longWork()).isEqualTo(Duration.ofHours(1));
        assertThat(postgres(Duration.ZERO).longWork()).isZero();
    }

    @Test
    void theDriverIsGivenWholeSecondsAndZeroForNoBound() {
        assertThat(postgres(Duration.ofSeconds(10)).driverSeconds()).isEqualTo("10");
        assertThat(postgres(Duration.ofMillis(1_500)).driverSeconds()).isEqualTo("1");
        assertThat(postgres(Duration.ZERO).driverSeconds()).isEqualTo("0");
    }

    @Test
    void aStoreTakesNoBoundOrOneOfAtLeastASecondAndAtMost24Days() {
        assertThat(config(Duration.ZERO).answerTimeout()).isZero();
        assertThat(config(Duration.ofSeconds(1)).answerTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config(Duration.ofDays(24)).answerTimeout()).isEqualTo(Duration.ofDays(24));
        for (Duration refused : new Duration[] {Duration.ofMillis(999), Duration.ofSeconds(-1), Duration.ofDays(25),
                Duration.ofSeconds(Long.MAX_VALUE)}) {
            assertThatThrownBy(() -> config(refused)).as("%s", refused).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("JdbcCatalogStore.answerTimeout must be 0 (no bound) or between 1s and 24d");
        }
    }

    private static StoreConfig config(Duration answerTimeout) {
        return new StoreConfig(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1/catalog"), 2, false,
                Duration.ofSeconds(10), Duration.ofSeconds(60), answerTimeout, Clock.systemUTC());
    }
}
