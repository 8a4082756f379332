package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditBudgetTest {

    private final HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AuditBudget budget = new AuditBudget(clock, 3);

    @Test
    void upToTheBudgetASecondIsWrittenTheRestHeldBackAndCountedInTheNextOneWritten() {
        assertThat(budget.admit("a")).contains("a");
        assertThat(budget.admit("b")).contains("b");
        assertThat(budget.admit("c")).contains("c");
        for (int i = 0; i < 1_000; i++) {
            assertThat(budget.admit("flood")).isEmpty();
        }
        clock.advance(Duration.ofMillis(999));
        assertThat(budget.admit("still the same second")).isEmpty();

        clock.advance(Duration.ofMillis(1));

        assertThat(budget.admit("d")).contains("d (1001 more refused before this, not recorded one by one)");
        assertThat(budget.admit("e")).contains("e");
    }

    @Test
    void aQuietSecondStartsAFreshBudget() {
        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 3; i++) {
                assertThat(budget.admit("x")).isEqualTo(Optional.of("x"));
            }
            clock.advance(Duration.ofSeconds(1));
        }
    }
}
