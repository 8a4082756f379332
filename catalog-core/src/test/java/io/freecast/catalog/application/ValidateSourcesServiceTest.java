package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.movie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ValidateSourcesUseCase.ValidateSourcesCommand;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.SourceRepository.CheckCursor;
import io.freecast.catalog.port.out.SourceRepository.DueSource;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryLinkChecker;
import io.freecast.catalog.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link-check rules through the catalog, on the in-memory store and checker. */
class ValidateSourcesServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String ALIVE = "https://cdn.example/alive.mp4";
    private static final String FLAKY = "https://cdn.example/flaky.mp4";
    private static final String GONE = "https://cdn.example/gone.mp4";
    private static final String REMOVED = "https://cdn.example/removed.mp4";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryLinkChecker checker = new InMemoryLinkChecker();
    private final Catalog catalog = Catalog.builder().storage(store).linkChecker(checker).clock(clock).build();

    @BeforeEach
    void seed() {
        store.ports().movies().upsertAll(List.of(movie("1", "One", null, null, List.of(SourceDraft.of(ALIVE, null),
                SourceDraft.of(FLAKY, null), SourceDraft.of(GONE, null), SourceDraft.of(REMOVED, null)))));
    }

    private Map<String, Source> sources() {
        Map<String, Source> byUrl = new LinkedHashMap<>();
        store.ports().sources().listAfter(0, 100).forEach(s -> byUrl.put(s.url(), s));
        return byUrl;
    }

    private TaskReport run(int threshold) {
        return runAfter(Duration.ofMinutes(10), threshold);
    }

    /** A run {@code wait} after the last one: failing sources are skipped until their back-off has passed. */
    private TaskReport runAfter(Duration wait, int threshold) {
        clock.advance(wait);
        return catalog.validateSources(new ValidateSourcesCommand(threshold));
    }

    @Test
    void failuresCountToTheThresholdThenTheSourceGoesOffAndASuccessBringsItBack() {
        checker.answer(FLAKY, new LinkProbe.Failed(FailureKind.TIMEOUT, null, "no answer within 10s"));

        runAfter(Duration.ofDays(1), 3);
        runAfter(Duration.ofDays(1), 3);
        assertThat(sources().get(FLAKY).active()).as("two failures of three").isTrue();
        assertThat(sources().get(FLAKY).check().consecutiveFailures()).isEqualTo(2);

        TaskReport third = runAfter(Duration.ofDays(1), 3);
        Source off = sources().get(FLAKY);
        assertThat(off.active()).isFalse();
        assertThat(off.check()).isEqualTo(new LinkState(clock.instant(), null, 3, "timeout: no answer within 10s"));
        assertThat(third.counts()).containsEntry("deactivated", 1L).containsEntry("failed", 1L)
                .containsEntry("failed_timeout", 1L);

        checker.answer(FLAKY, new LinkProbe.Reachable(200));
        TaskReport back = runAfter(Duration.ofDays(1), 3);
        assertThat(sources().get(FLAKY).active()).isTrue();
        assertThat(sources().get(FLAKY).check()).isEqualTo(new LinkState(clock.instant(), 200, 0, null));
        assertThat(back.counts()).containsEntry("reactivated", 1L).containsEntry("inactive", 0L).containsEntry("active", 4L);
    }

    @Test
    void notFoundAndGoneTurnASourceOffAtOnce() {
        checker.answer(GONE, new LinkProbe.Gone(410)).answer(REMOVED, new LinkProbe.Gone(404));

        TaskReport report = run(3);

        assertThat(sources().get(GONE).active()).isFalse();
        assertThat(sources().get(GONE).check().lastError()).isEqualTo("HTTP 410: the link is gone");
        assertThat(sources().get(REMOVED).active()).isFalse();
        assertThat(sources().get(REMOVED).check().lastStatus()).isEqualTo(404);
        assertThat(sources().get(ALIVE).active()).isTrue();
        assertThat(report.counts()).containsEntry("checked", 4L).containsEntry("gone", 2L)
                .containsEntry("deactivated", 2L).containsEntry("active", 2L).containsEntry("inactive", 2L);
        assertThat(report.notes()).containsExactly(
                "a source is turned off at once on 404/410, and after 3 consecutive failures otherwise",
                "a failing source waits 1 h, 2 h, 4 h … (at most 7 days) before its next check, a gone one 1 day");
    }

    @Test
    void aReportHasEveryFailureKindEvenWhenNothingFailed() {
        TaskReport report = run(3);

        for (FailureKind kind : FailureKind.values()) {
            assertThat(report.counts()).containsEntry("failed_" + kind.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
    }

    @Test
    void everySourceIsCheckedOncePageByPageAndEachDistinctUrlProbedOncePerPage() {
        String shared = "https://cdn.example/shared.mp4";
        store.ports().movies().upsertAll(IntStream.range(0, 25).mapToObj(i -> movie("p" + i, "P" + i, null, null,
                List.of(SourceDraft.of(shared, null), SourceDraft.of("https://cdn.example/p" + i + ".mp4", null))))
                .toList());
        ValidateSourcesService paged = new ValidateSourcesService(store.ports().sources(), checker, clock, 7);
        List<Long> progress = new ArrayList<>();

        TaskReport report = paged.validateSources(new ValidateSourcesCommand(3, progress::add));

        assertThat(report.count("checked")).isEqualTo(54);
        assertThat(sources().values()).allSatisfy(s -> assertThat(s.check().lastCheckedAt()).isEqualTo(T0));
        assertThat(checker.probed().stream().filter(u -> u.toString().equals(shared)).count())
                .as("once per page at most").isLessThanOrEqualTo(8);
        assertThat(progress).isSorted().last().isEqualTo(54L);
    }

    @Test
    void anEmptyCatalogProbesNothingAndUrlsThatCannotBeRequestedAreToldApart() {
        ValidateSourcesService service = new ValidateSourcesService(store.ports().sources(),
                urls -> {
                    throw new AssertionError("nothing to probe");
                }, clock);
        store.ports().movies().upsertAll(List.of(movie("1", "One", null, null, List.of())));   // drop the seeded URLs
        assertThat(store.ports().sources().listAfter(0, 10)).isEmpty();

        TaskReport report = service.validateSources(new ValidateSourcesCommand(3));
        assertThat(report.count("checked")).isZero();
        assertThat(ValidateSourcesService.parse("not a url")).isNull();
        assertThat(ValidateSourcesService.parse("https://cdn.example/a b")).isNull();
        assertThat(ValidateSourcesService.parse("/relative/path.mp4")).isNull();
        assertThat(ValidateSourcesService.parse(" https://cdn.example/ok.mp4 ")).isEqualTo(URI.create("https://cdn.example/ok.mp4"));
    }

    @Test
    void aPageTheStorageRefusesForNowIsStoredAgainAndTheRunGoesOn() {
        SourceRepository real = store.ports().sources();
        AtomicInteger refusals = new AtomicInteger(1);
        SourceRepository busyOnce = new SourceRepository() {
            @Override
            public List<Source> listAfter(long afterId, int limit) {
                return real.listAfter(afterId, limit);
            }

            @Override
            public List<DueSource> listDue(Instant dueBefore, CheckCursor after, int limit) {
                return real.listDue(dueBefore, after, limit);
            }

            @Override
            public long countDue(Instant dueBefore, CheckCursor after) {
                return real.countDue(dueBefore, after);
            }

            @Override
            public void saveChecks(List<SourceCheck> checks) {
                if (refusals.getAndDecrement() > 0) {
                    // As behind an import holding a source's row on PostgreSQL.
                    throw new StorageUnavailableException("the database is busy (an import); try again in 10 s",
                            Duration.ofSeconds(10), null);
                }
                real.saveChecks(checks);
            }
        };
        List<Duration> paused = new ArrayList<>();
        ValidateSourcesService service = new ValidateSourcesService(busyOnce, checker, clock,
                ValidateSourcesService.PAGE_SIZE, new BatchRetry(clock, duration -> {
                    paused.add(duration);
                    clock.advance(duration);
                }));

        TaskReport report = service.validateSources(new ValidateSourcesCommand(3));

        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(paused).containsExactly(Duration.ofSeconds(10));
        assertThat(sources().values()).allSatisfy(source -> assertThat(source.check().lastCheckedAt()).isEqualTo(T0));
    }

    @Test
    void aCheckerThatSkipsAUrlFailsTheRunRatherThanLeaveASourceUnchecked() {
        ValidateSourcesService service = new ValidateSourcesService(store.ports().sources(), urls -> Map.of(), clock);

        assertThatThrownBy(() -> service.validateSources(new ValidateSourcesCommand(3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned no result for");
    }
}
