package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A clock turned by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);

    @Test
    void aSessionLivesWhileUsedAndEndsAfterTheIdleTimeout() {
        String id = sessions.open(TestAccounts.caller("ada", Role.ADMIN));
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(id)).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(id)).as("each use restarts the idle timeout").isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(sessions.find(id)).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void idsAreRandomAndOnlyTheirHashesAreKept() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(sessions.open(TestAccounts.caller("ada", Role.ADMIN)));
        }
        assertThat(ids).hasSize(100).allMatch(id -> id.length() == 43);
        String id = ids.iterator().next();
        Session session = sessions.find(id).orElseThrow();
        assertThat(session.idHash()).isEqualTo(Sessions.hash(id)).isNotEqualTo(id);
        assertThat(session.csrfToken()).hasSize(43).isNotEqualTo(id);
    }

    @Test
    void unknownMalformedAndClosedIdsFindNothing() {
        String id = sessions.open(TestAccounts.caller("vera", Role.VIEWER));
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find("x".repeat(10_000))).isEmpty();
        assertThat(sessions.find(id + "x")).isEmpty();
        sessions.close(sessions.find(id).orElseThrow());
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void aFlashIsShownOnce() {
        Session session = sessions.find(sessions.open(TestAccounts.caller("eddie", Role.EDITOR))).orElseThrow();
        sessions.flash(session, "Saved.");
        assertThat(sessions.takeFlash(session)).isEqualTo("Saved.");
        assertThat(sessions.takeFlash(session)).isNull();
    }

    @Test
    void tokensAreComparedExactly() {
        assertThat(Sessions.sameToken("abc", "abc")).isTrue();
        assertThat(Sessions.sameToken("abc", "abd")).isFalse();
        assertThat(Sessions.sameToken("abc", null)).isFalse();
        assertThat(Sessions.sameToken("abc", "")).isFalse();
    }
}
