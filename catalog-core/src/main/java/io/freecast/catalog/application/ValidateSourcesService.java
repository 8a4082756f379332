package io.freecast.catalog.application;

import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ValidateSourcesUseCase;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.SourceRepository.CheckCursor;
import io.freecast.catalog.port.out.SourceRepository.DueSource;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Checks the sources that are due: walks them most overdue first (never checked, then longest waiting — see
 * {@link SourceRepository#listDue}) in pages, has the {@link LinkChecker} probe each page's distinct URLs,
 * applies {@link SourceCheckRule} and stores each page's outcome in one batch.
 *
 * <p>The next page is probed while the current one is stored, so the checker's concurrency does not
 * drain to zero between pages (a page waits for its slowest link; without the overlap every page would
 * add one timeout to the run). At most two pages are in memory. Each page's checks are stored as they
 * finish: a run that fails half-way keeps what it learned, because every stored check is true.
 *
 * <p>Only sources due before the run started are walked: a source checked by this run is due again at its
 * check time or later, so it never comes round twice. Past the command's deadline no new page is started;
 * the pages under way finish and are stored, and the report counts the due sources not reached. They are
 * still the most overdue, so the next run starts with them.
 */
final class ValidateSourcesService implements ValidateSourcesUseCase {

    static final int PAGE_SIZE = 1000;

    private final SourceRepository sources;
    private final LinkChecker checker;
    private final Clock clock;
    private final int pageSize;
    private final BatchRetry batches;

    ValidateSourcesService(SourceRepository sources, LinkChecker checker, Clock clock) {
        this(sources, checker, clock, PAGE_SIZE);
    }

    ValidateSourcesService(SourceRepository sources, LinkChecker checker, Clock clock, int pageSize) {
        this(sources, checker, clock, pageSize, BatchRetry.sleeping(clock));
    }

    ValidateSourcesService(SourceRepository sources, LinkChecker checker, Clock clock, int pageSize,
                           BatchRetry batches) {
        this.sources = sources;
        this.checker = checker;
        this.clock = clock;
        this.pageSize = pageSize;
        this.batches = batches;
    }

    @Override
    public TaskReport validateSources(ValidateSourcesCommand command) {
        Instant startedAt = clock.instant();
        // Due before the run's first millisecond: stores keep times to the millisecond, and a source this run
        // checks in that same millisecond must not come round again.
        Instant dueBefore = startedAt.truncatedTo(ChronoUnit.MILLIS);
        SourceCheckRule rule = new SourceCheckRule(command.failureThreshold());
        Tally tally = new Tally();
        CheckCursor reached = CheckCursor.START;
        boolean stoppedEarly = pastDeadline(command);
        try (ExecutorService prober = Executors.newVirtualThreadPerTaskExecutor()) {
            List<DueSource> page = stoppedEarly ? List.of() : sources.listDue(dueBefore, reached, pageSize);
            CompletableFuture<Map<URI, LinkProbe>> probes = probe(prober, page);
            while (!page.isEmpty()) {
                // A shutdown stops the run between two pages: the pages stored before it stay checked.
                RunUnderWay.throwIfStopRequested();
                boolean more = page.size() == pageSize;
                stoppedEarly = more && pastDeadline(command);
                List<DueSource> next = more && !stoppedEarly ? sources.listDue(dueBefore, last(page), pageSize) : List.of();
                CompletableFuture<Map<URI, LinkProbe>> nextProbes = probe(prober, next);
                store(page, join(probes), rule, tally);
                reached = last(page);
                command.progress().itemsDone(tally.checked);
                page = next;
                probes = nextProbes;
            }
        }
        long notReached = stoppedEarly ? sources.countDue(dueBefore, reached) : 0;
        return TaskReport.succeeded(TaskName.VALIDATE_SOURCES, startedAt, clock.instant(),
                tally.counts(notReached), List.of(), tally.notes(command, notReached));
    }

    private boolean pastDeadline(ValidateSourcesCommand command) {
        return command.deadline() != null && !clock.instant().isBefore(command.deadline());
    }

    private CompletableFuture<Map<URI, LinkProbe>> probe(ExecutorService prober, List<DueSource> page) {
        Set<URI> urls = new LinkedHashSet<>();
        for (DueSource due : page) {
            URI uri = parse(due.source().url());
            if (uri != null) {
                urls.add(uri);
            }
        }
        if (urls.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return CompletableFuture.supplyAsync(() -> checker.probeAll(urls), prober);
    }

    private void store(List<DueSource> page, Map<URI, LinkProbe> probes, SourceCheckRule rule, Tally tally) {
        Instant checkedAt = clock.instant();
        List<SourceCheck> checks = new ArrayList<>(page.size());
        for (DueSource due : page) {
            Source source = due.source();
            LinkProbe probe = probeOf(source, probes);
            SourceCheck check = rule.apply(source, probe, checkedAt);
            tally.add(source, probe, check);
            checks.add(check);
        }
        // Refused for now (an import holding a source's row on PostgreSQL, a blip): written again (BatchRetry).
        batches.write(() -> sources.saveChecks(checks));
    }

    private static LinkProbe probeOf(Source source, Map<URI, LinkProbe> probes) {
        URI uri = parse(source.url());
        if (uri == null) {
            return new LinkProbe.Failed(FailureKind.INVALID_URL, null, "not a valid absolute URL");
        }
        LinkProbe probe = probes.get(uri);
        if (probe == null) {
            // The port promises a probe for every URL; a checker that breaks that promise must not
            // silently leave a source unchecked.
            throw new IllegalStateException("the link checker returned no result for " + uri);
        }
        return probe;
    }

    /** The URL as a URI when it is an absolute one; {@code null} when it cannot be requested at all. */
    static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.isAbsolute() && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static CheckCursor last(List<DueSource> page) {
        return page.get(page.size() - 1).cursor();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The run's counts: a few numbers, whatever the number of sources. */
    private static final class Tally {
        private long checked;
        private long active;
        private long inactive;
        private long reactivated;
        private long deactivated;
        private long reachable;
        private long gone;
        private long failed;
        private final Map<FailureKind, Long> failures = new EnumMap<>(FailureKind.class);

        void add(Source before, LinkProbe probe, SourceCheck after) {
            checked++;
            if (after.active()) {
                active++;
            } else {
                inactive++;
            }
            if (!before.active() && after.active()) {
                reactivated++;
            }
            if (before.active() && !after.active()) {
                deactivated++;
            }
            switch (probe) {
                case LinkProbe.Reachable r -> reachable++;
                case LinkProbe.Gone g -> gone++;
                case LinkProbe.Failed f -> {
                    failed++;
                    failures.merge(f.kind(), 1L, Long::sum);
                }
            }
        }

        Map<String, Long> counts(long notReached) {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("checked", checked);
            counts.put("active", active);
            counts.put("inactive", inactive);
            counts.put("reactivated", reactivated);
            counts.put("deactivated", deactivated);
            counts.put("reachable", reachable);
            counts.put("gone", gone);
            counts.put("failed", failed);
            // Every kind, zero or not, so a report always has the same keys in the same order.
            for (FailureKind kind : FailureKind.values()) {
                counts.put("failed_" + kind.name().toLowerCase(Locale.ROOT), failures.getOrDefault(kind, 0L));
            }
            counts.put("not_reached", notReached);
            return counts;
        }

        List<String> notes(ValidateSourcesCommand command, long notReached) {
            List<String> notes = new ArrayList<>();
            notes.add("a source is turned off at once on 404/410, and after " + command.failureThreshold()
                    + " consecutive failures otherwise");
            notes.add("a failing source waits 1 h, 2 h, 4 h … (at most 7 days) before its next check, a gone one 1 day");
            if (command.deadline() != null) {
                notes.add(notReached == 0
                        ? "every due source was checked before the deadline " + command.deadline()
                        : "stopped at the deadline " + command.deadline() + ": " + notReached
                                + " due sources not reached; the next run checks them first");
            }
            return notes;
        }
    }
}
