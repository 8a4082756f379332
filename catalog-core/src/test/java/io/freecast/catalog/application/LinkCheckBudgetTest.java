package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ValidateSourcesUseCase.ValidateSourcesCommand;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import io.freecast.catalog.port.out.TaskScheduleInfo;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryLinkChecker;
import io.freecast.catalog.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * validate-sources within a budget: the most overdue sources first, back-off for links that keep failing, and a
 * deadline after which the run stops and leaves the rest first in line for the next run.
 */
class LinkCheckBudgetTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final int SOURCES = 40;
    private static final int PAGE = 4;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryLinkChecker answers = new InMemoryLinkChecker();

    private void seed(int count) {
        store.ports().movies().upsertAll(IntStream.range(0, count).mapToObj(i -> movie("m" + i, "M" + i, null, null,
                List.of(SourceDraft.of(url(i), null)))).toList());
    }

    private static String url(int i) {
        return "https://cdn.example/" + i + ".mp4";
    }

    private List<Source> sources() {
        return store.ports().sources().listAfter(0, 10_000);
    }

    private Set<Long> checkedSince(Instant since) {
        return sources().stream().filter(s -> s.check().lastCheckedAt() != null && !s.check().lastCheckedAt().isBefore(since))
                .map(Source::id).collect(Collectors.toSet());
    }

    private TaskReport run(LinkChecker checker, Instant deadline) {
        return new ValidateSourcesService(store.ports().sources(), checker, clock, PAGE)
                .validateSources(new ValidateSourcesCommand(3).withDeadline(deadline));
    }

    /** A checker that, on the first URL of {@code trigger}, moves the clock past {@code deadline}. */
    private LinkChecker passingTheDeadlineOn(String trigger, Instant deadline) {
        return urls -> {
            if (urls.contains(URI.create(trigger))) {
                clock.set(deadline.plusSeconds(1));
            }
            return answers.probeAll(urls);
        };
    }

    @Test
    void aRunPastItsDeadlineStopsAfterThePagesUnderWayAndCountsWhatItDidNotReach() {
        seed(SOURCES);
        Instant deadline = T0.plus(Duration.ofMinutes(30));

        TaskReport report = run(passingTheDeadlineOn(url(0), deadline), deadline);

        long checked = report.count("checked");
        assertThat(checked).as("the page that crossed the deadline and at most the one started beside it")
                .isBetween((long) PAGE, 2L * PAGE);
        assertThat(report.count("not_reached")).isEqualTo(SOURCES - checked);
        assertThat(report.notes()).contains("stopped at the deadline " + deadline + ": " + (SOURCES - checked)
                + " due sources not reached; the next run checks them first");
        assertThat(checkedSince(T0)).hasSize((int) checked);
    }

    @Test
    void theNextRunChecksWhatThePreviousDidNotReachFirst() {
        seed(SOURCES);
        Instant firstDeadline = T0.plus(Duration.ofMinutes(30));
        run(passingTheDeadlineOn(url(0), firstDeadline), firstDeadline);
        Set<Long> reachedFirst = checkedSince(T0);

        Instant secondStart = clock.instant().plus(Duration.ofHours(6));
        clock.set(secondStart);
        Instant secondDeadline = secondStart.plus(Duration.ofMinutes(30));
        // The second run crosses its deadline on its first page, whichever sources that page holds.
        TaskReport second = run(urls -> {
            clock.set(secondDeadline.plusSeconds(1));
            return answers.probeAll(urls);
        }, secondDeadline);

        Set<Long> reachedSecond = checkedSince(secondStart);
        assertThat(reachedSecond).hasSize((int) second.count("checked")).isNotEmpty();
        assertThat(reachedSecond).as("never-checked sources come before those checked last run")
                .doesNotContainAnyElementsOf(reachedFirst);
    }

    @Test
    void aDeadlineAlreadyPastChecksNothingAndReportsEveryDueSource() {
        seed(10);
        InMemoryLinkChecker checker = new InMemoryLinkChecker();

        TaskReport report = run(checker, T0.minusSeconds(1));

        assertThat(checker.probed()).isEmpty();
        assertThat(report.count("checked")).isZero();
        assertThat(report.count("not_reached")).isEqualTo(10);
    }

    @Test
    void withoutADeadlineEveryDueSourceIsCheckedAndNothingIsLeft() {
        seed(SOURCES);

        TaskReport report = run(answers, null);

        assertThat(report.count("checked")).isEqualTo(SOURCES);
        assertThat(report.count("not_reached")).isZero();
        assertThat(report.notes()).noneMatch(note -> note.contains("deadline"));
    }

    @Test
    void neverCheckedSourcesComeFirstThenTheLongestWaiting() {
        seed(7);
        List<Source> all = sources();
        // Sources 0–2 were last checked 3, 2 and 1 hours ago; the others ten minutes ago.
        List<SourceCheck> earlier = IntStream.range(0, 7).mapToObj(i -> {
            Instant at = T0.minus(i < 3 ? Duration.ofHours(3 - i) : Duration.ofMinutes(10));
            return new SourceCheck(all.get(i).id(), true, new LinkState(at, 200, 0, null));
        }).toList();
        store.ports().sources().saveChecks(earlier);
        store.ports().movies().upsertAll(List.of(movie("fresh", "Fresh", null, null,
                List.of(SourceDraft.of("https://cdn.example/fresh.mp4", null)))));
        List<Collection<URI>> calls = new CopyOnWriteArrayList<>();

        run(urls -> {
            calls.add(List.copyOf(urls));
            return answers.probeAll(urls);
        }, null);

        // Batches may be probed side by side, so the order they were recorded in says nothing; what they
        // hold does: the never-checked source and the three longest waiting form the first batch, in order.
        assertThat(calls).containsExactlyInAnyOrder(
                List.of(URI.create("https://cdn.example/fresh.mp4"), URI.create(url(0)), URI.create(url(1)),
                        URI.create(url(2))),
                List.of(URI.create(url(3)), URI.create(url(4)), URI.create(url(5)), URI.create(url(6))));
    }

    @Test
    void aFailingSourceWaitsLongerAfterEachFailureAndIsSkippedUntilThen() {
        seed(1);
        answers.answer(url(0), new LinkProbe.Failed(FailureKind.TIMEOUT, null, "no answer"));

        run(answers, null);                                      // failure 1: due again in 1 h
        clock.advance(Duration.ofMinutes(59));
        assertThat(run(answers, null).count("checked")).as("within its first back-off").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(run(answers, null).count("checked")).as("after 1 h").isOne();   // failure 2: due in 2 h
        clock.advance(Duration.ofMinutes(119));
        assertThat(run(answers, null).count("checked")).as("within its second back-off").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(run(answers, null).count("checked")).as("after 2 h").isOne();
    }

    @Test
    void aReachableSourceIsDueAgainAtOnceAndAGoneOneAfterADay() {
        seed(2);
        answers.answer(url(1), new LinkProbe.Gone(404));
        run(answers, null);

        clock.advance(Duration.ofMinutes(1));
        TaskReport soon = run(answers, null);
        assertThat(soon.count("checked")).as("only the reachable one").isOne();

        clock.advance(Duration.ofDays(1));
        assertThat(run(answers, null).count("checked")).isEqualTo(2);
    }

    @Test
    void theBackOffDoublesFromOneHourUpToAWeek() {
        assertThat(SourceCheckRule.backOff(0)).isZero();
        assertThat(SourceCheckRule.backOff(1)).isEqualTo(Duration.ofHours(1));
        assertThat(SourceCheckRule.backOff(2)).isEqualTo(Duration.ofHours(2));
        assertThat(SourceCheckRule.backOff(5)).isEqualTo(Duration.ofHours(16));
        assertThat(SourceCheckRule.backOff(8)).isEqualTo(Duration.ofHours(128));
        assertThat(SourceCheckRule.backOff(9)).isEqualTo(Duration.ofDays(7));
        assertThat(SourceCheckRule.backOff(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aScheduledCatalogStopsItsRunAMinuteBeforeTheNextScheduledOne() {
        seed(3);
        Instant next = T0.plus(Duration.ofHours(6));
        Catalog catalog = Catalog.builder().storage(store).linkChecker(answers).clock(clock).build();
        catalog.attachSchedule(new TaskScheduleInfo() {
            @Override
            public String describe(TaskName task) {
                return "every 6 h";
            }

            @Override
            public Optional<Instant> nextRun(TaskName task) {
                return Optional.of(next);
            }
        });

        TaskReport report = catalog.run(TaskName.VALIDATE_SOURCES);

        assertThat(report.notes()).contains("every due source was checked before the deadline " + next.minus(Duration.ofMinutes(1)));
    }

    @Test
    void anUnscheduledCatalogRunsWithoutADeadline() {
        seed(3);
        Catalog catalog = Catalog.builder().storage(store).linkChecker(answers).clock(clock).build();

        TaskReport report = catalog.run(TaskName.VALIDATE_SOURCES);

        assertThat(report.count("checked")).isEqualTo(3);
        assertThat(report.notes()).noneMatch(note -> note.contains("deadline"));
    }
}
