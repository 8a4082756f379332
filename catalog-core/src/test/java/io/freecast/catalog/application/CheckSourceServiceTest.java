package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.movie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.NotPermittedException;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryLinkChecker;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Check this source now": the validate-sources rules for one source, by hand, audited; on the in-memory store. */
class CheckSourceServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String URL = "https://cdn.example/one.mp4";
    private static final Caller EDITOR = new Caller(Actor.account(1, "alice", Channel.WEB), Scope.EDIT);
    private static final Caller ADMIN = new Caller(Actor.account(2, "root", Channel.WEB), Scope.ADMIN);
    private static final Caller VIEWER = new Caller(Actor.account(3, "vic", Channel.WEB), Scope.READ);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryLinkChecker checker = new InMemoryLinkChecker();
    private final Catalog catalog = Catalog.builder().storage(store).linkChecker(checker).clock(clock)
            .failureThreshold(3).build();
    private long sourceId;

    @BeforeEach
    void seed() {
        store.ports().movies().upsertAll(List.of(movie("1", "One", null, null, List.of(SourceDraft.of(URL, null)))));
        sourceId = source().id();
    }

    private Source source() {
        return store.ports().sources().listAfter(0, 10).getFirst();
    }

    private Source check(Caller caller) {
        clock.advance(Duration.ofMinutes(5));
        return catalog.sourceChecks().checkSource(caller, sourceId);
    }

    /** The source's audit entries: field → [before, after], with who made them. */
    private List<AuditEntry> audit() {
        return catalog.editing().listAudit(ADMIN, new AuditQuery("source", sourceId, null, null, null,
                PageRequest.firstPage())).items();
    }

    @Test
    void aGoneLinkIsTurnedOffAtOnceAndTheCheckIsAuditedAsTheCallersChange() {
        checker.answer(URL, new LinkProbe.Gone(404));

        Source checked = check(EDITOR);

        assertThat(checked.active()).isFalse();
        assertThat(checked.check()).isEqualTo(new LinkState(clock.instant(), 404, 0, "HTTP 404: the link is gone"));
        assertThat(source()).isEqualTo(checked);
        assertThat(checker.probed()).extracting(Object::toString).containsExactly(URL);
        List<AuditEntry> entries = audit();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor().label()).isEqualTo("account:alice");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
        Map<String, List<String>> changes = entries.stream().collect(Collectors.toMap(AuditEntry::field,
                e -> java.util.Arrays.asList(e.before(), e.after())));
        assertThat(changes).containsEntry("is_active", List.of("true", "false"))
                .containsEntry("last_status", java.util.Arrays.asList(null, "404"))
                .containsEntry("last_error", java.util.Arrays.asList(null, "HTTP 404: the link is gone"))
                .containsEntry("last_checked_at", java.util.Arrays.asList(null, clock.instant().toString()))
                .doesNotContainKey("consecutive_failures");
    }

    @Test
    void passingFailuresCountTowardsTheSameThresholdAsARun() {
        checker.answer(URL, new LinkProbe.Failed(FailureKind.TIMEOUT, null, "no answer within 10s"));

        check(EDITOR);
        Source second = check(EDITOR);
        assertThat(second.active()).as("two failures of three").isTrue();
        assertThat(second.check()).isEqualTo(new LinkState(clock.instant(), null, 2, "timeout: no answer within 10s"));

        Source third = check(EDITOR);
        assertThat(third.active()).isFalse();
        assertThat(third.check().consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void aDeadLinkThatAnswersAgainComesBackWithItsFailuresReset() {
        checker.answer(URL, new LinkProbe.Failed(FailureKind.SERVER_ERROR, 503, "Service Unavailable"));
        check(EDITOR);
        check(EDITOR);
        check(EDITOR);
        assertThat(source().active()).isFalse();

        checker.answer(URL, new LinkProbe.Reachable(200));
        Source back = check(ADMIN);

        assertThat(back.active()).isTrue();
        assertThat(back.check()).isEqualTo(new LinkState(clock.instant(), 200, 0, null));
    }

    @Test
    void aSourceSwitchedOffByHandStaysOffButWhatTheCheckFoundIsRecorded() {
        catalog.editing().setSourceActive(EDITOR, sourceId, Versioned.any(), false);
        checker.answer(URL, new LinkProbe.Reachable(200));

        Source checked = check(EDITOR);

        assertThat(checked.active()).isFalse();
        assertThat(checked.lockedFields()).contains("is_active");
        assertThat(checked.check()).isEqualTo(new LinkState(clock.instant(), 200, 0, null));
    }

    @Test
    void aViewerMayNotCheckAndNothingIsProbedOrRecorded() {
        Source before = source();

        assertThatThrownBy(() -> check(VIEWER)).isInstanceOf(NotPermittedException.class);

        assertThat(checker.probed()).isEmpty();
        assertThat(source()).isEqualTo(before);
        assertThat(audit()).isEmpty();
    }

    @Test
    void anUnknownSourceIsNotFoundAndNothingIsProbed() {
        assertThatThrownBy(() -> catalog.sourceChecks().checkSource(EDITOR, 999_999))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(checker.probed()).isEmpty();
    }

    @Test
    void aUrlChangedWhileItWasProbedIsAConflictAndRecordsNothing() {
        String moved = "https://cdn.example/moved.mp4";
        LinkChecker changesTheUrlMeanwhile = urls -> {
            catalog.editing().changeSource(EDITOR, sourceId, Versioned.any(),
                    SourceFields.NONE.withUrl(FieldEdit.set(moved)));
            return checker.answer(URL, new LinkProbe.Gone(410)).probeAll(urls);
        };
        Catalog racing = Catalog.builder().storage(store).linkChecker(changesTheUrlMeanwhile).clock(clock).build();

        assertThatThrownBy(() -> racing.sourceChecks().checkSource(EDITOR, sourceId))
                .isInstanceOf(EditConflictException.class)
                .satisfies(e -> assertThat(((Source) ((EditConflictException) e).current()).url()).isEqualTo(moved));

        assertThat(source().url()).isEqualTo(moved);
        assertThat(source().active()).isTrue();
        assertThat(source().check()).isEqualTo(LinkState.NEVER_CHECKED);
        assertThat(audit()).extracting(AuditEntry::field).doesNotContain("last_status", "last_checked_at");
    }

    @Test
    void aSourceDeletedWhileItWasProbedIsNotFound() {
        LinkChecker deletesMeanwhile = urls -> {
            catalog.editing().deleteSource(EDITOR, sourceId, Versioned.any());
            return checker.probeAll(urls);
        };
        Catalog racing = Catalog.builder().storage(store).linkChecker(deletesMeanwhile).clock(clock).build();

        assertThatThrownBy(() -> racing.sourceChecks().checkSource(EDITOR, sourceId))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void withoutALinkCheckerACheckFailsSayingWhichBuilderMethodToCall() {
        Catalog without = Catalog.builder().storage(store).clock(clock).build();

        assertThatThrownBy(() -> without.sourceChecks().checkSource(EDITOR, sourceId))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("linkChecker");
    }

    @Test
    void aCallerWhoAsksForMoreThanThirtyChecksAMinuteIsToldWhenToComeBackAndNothingIsProbed() {
        checker.answer(URL, new LinkProbe.Reachable(200));
        for (int i = 0; i < CheckNowLimits.PER_MINUTE; i++) {
            catalog.sourceChecks().checkSource(EDITOR, sourceId);
        }
        int probed = checker.probed().size();

        assertThatThrownBy(() -> catalog.sourceChecks().checkSource(EDITOR, sourceId))
                .isInstanceOf(io.freecast.catalog.port.in.TooManyChecksException.class)
                .hasMessageContaining("try again in 2 s");
        assertThat(checker.probed()).hasSize(probed);
        assertThat(catalog.sourceChecks().checkSource(ADMIN, sourceId).active()).as("another caller").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(catalog.sourceChecks().checkSource(EDITOR, sourceId).active()).isTrue();
    }

    @Test
    void aCheckThatFailsStillEndsSoTheSourceCanBeCheckedAgain() {
        LinkChecker broken = urls -> Map.of();
        Catalog withBroken = Catalog.builder().storage(store).linkChecker(broken).clock(clock).build();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> withBroken.sourceChecks().checkSource(EDITOR, sourceId))
                    .as("not refused as under way").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("returned no result");
        }
    }
}
