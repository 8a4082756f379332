package io.freecast.catalog.scheduler;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.StorageHealth;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One node of a deployment, for tests on a real database: a real {@link Catalog} over the node's store
 * (run log and leases in the database), whose tasks do a test's work — recording when it ran, on which
 * node and for which slot, and counting how many runs are under way at once across nodes.
 *
 * <p>The work happens where each task first reaches a port: opening the import's transaction (before it
 * begins, so a hanging import does not hold SQLite's write lock against the other node's leases), the first
 * page of due ratings for update-ratings, the first page of sources for validate-sources. On an empty
 * catalog each is reached exactly once per run, on the running thread.
 */
final class NodeUnderTest implements TaskAdministration {

    /** A run of a slot: its work went from start to end, and the node held the task until released. */
    record Run(String node, Instant slot, Instant start, Instant end, Instant released) {
    }

    /** What every node of one test shares: the runs seen and the number running at once. */
    static final class Shared {
        final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
    }

    private final String node;
    private final Shared shared;
    private final TaskAdministration core;
    private final Duration workTime;
    private final ThreadLocal<Instant[]> workOfThisThread = new ThreadLocal<>();
    volatile CountDownLatch hang;
    final CountDownLatch started = new CountDownLatch(1);

    NodeUnderTest(String node, CatalogStore store, Shared shared, Duration workTime) {
        this.node = node;
        this.shared = shared;
        this.workTime = workTime;
        Clock clock = Clock.systemUTC();
        this.core = Catalog.builder().storage(working(store, clock)).nodeName(node).clock(clock)
                .feedReader(new EmptyFeeds())
                .showsFeed(FeedLocation.parse("shows.json")).moviesFeed(FeedLocation.parse("movies.json"))
                .ratingProvider(new NoRatings()).linkChecker(NodeUnderTest::allReachable)
                .build().tasks();
    }

    /** The node's store with the two first-page reads doing the work. */
    private CatalogStore working(CatalogStore store, Clock clock) {
        StoragePorts real = store.ports();
        RatingRepository ratings = new RatingRepository() {
            @Override
            public List<RatingTarget> listDue(java.util.Set<io.freecast.catalog.domain.RatingField> fields,
                                              Instant ratedBefore, RatingTarget after, int limit) {
                if (after == null) {
                    work(clock);
                }
                return real.ratings().listDue(fields, ratedBefore, after, limit);
            }

            @Override
            public long countDue(java.util.Set<io.freecast.catalog.domain.RatingField> fields, Instant ratedBefore) {
                return real.ratings().countDue(fields, ratedBefore);
            }

            @Override
            public void saveAll(List<RatingUpdate> updates) {
                real.ratings().saveAll(updates);
            }
        };
        SourceRepository sources = new SourceRepository() {
            @Override
            public List<Source> listAfter(long afterId, int limit) {
                return real.sources().listAfter(afterId, limit);
            }

            @Override
            public List<DueSource> listDue(Instant dueBefore, CheckCursor after, int limit) {
                if (after.equals(CheckCursor.START)) {
                    work(clock);
                }
                return real.sources().listDue(dueBefore, after, limit);
            }

            @Override
            public long countDue(Instant dueBefore, CheckCursor after) {
                return real.sources().countDue(dueBefore, after);
            }

            @Override
            public void saveChecks(List<SourceCheck> checks) {
                real.sources().saveChecks(checks);
            }
        };
        Transactions transactions = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                work(clock);
                return real.transactions().inTransaction(work);
            }
        };
        StoragePorts ports = real.toBuilder().ratings(ratings).sources(sources).transactions(transactions).build();
        return new CatalogStore() {
            @Override
            public StoragePorts ports() {
                return ports;
            }

            @Override
            public StorageHealth health() {
                return store.health();
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    private static final class EmptyFeeds implements FeedReader {
        @Override
        public void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink) {
        }

        @Override
        public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
        }
    }

    private static final class NoRatings implements RatingProvider {
        @Override
        public java.util.Set<io.freecast.catalog.domain.RatingField> fills() {
            return io.freecast.catalog.domain.RatingField.all();
        }

        @Override
        public String name() {
            return "none";
        }

        @Override
        public Optional<RatingTarget.RatingPair> findRatings(RatingTarget title) {
            return Optional.empty();
        }
    }

    private static Map<URI, LinkProbe> allReachable(Collection<URI> urls) {
        Map<URI, LinkProbe> probes = new java.util.HashMap<>();
        urls.forEach(url -> probes.put(url, new LinkProbe.Reachable(200)));
        return probes;
    }

    private void work(Clock clock) {
        int now = shared.running.incrementAndGet();
        shared.maxRunning.accumulateAndGet(now, Math::max);
        Instant start = clock.instant();
        started.countDown();
        try {
            CountDownLatch block = hang;
            if (block != null) {
                block.await();
            } else {
                Thread.sleep(workTime);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shared.running.decrementAndGet();
        }
        Instant end = clock.instant();
        Instant[] work = workOfThisThread.get();
        if (work != null) {
            work[0] = start;
            work[1] = end;
        }
    }

    @Override
    public Optional<TaskReport> runSlot(TaskName task, Instant slot, Duration leaseFor) {
        Instant[] work = new Instant[2];
        workOfThisThread.set(work);
        try {
            Optional<TaskReport> report = core.runSlot(task, slot, leaseFor);
            if (report.isPresent() && work[0] != null) {
                shared.runs.add(new Run(node, slot, work[0], work[1], Instant.now()));
            }
            return report;
        } finally {
            workOfThisThread.remove();
        }
    }

    @Override
    public List<TaskOverview> listTasks() {
        return core.listTasks();
    }

    @Override
    public TaskOverview getTask(TaskName task) {
        return core.getTask(task);
    }

    @Override
    public Page<TaskRun> listRuns(TaskName task, PageRequest page) {
        return core.listRuns(task, page);
    }

    @Override
    public TaskReport runNow(TaskName task) {
        return core.runNow(task);
    }

    @Override
    public CompletableFuture<TaskReport> startNow(TaskName task) {
        return core.startNow(task);
    }

    @Override
    public TaskReport runNow(TaskName task, Duration leaseFor, java.util.function.Supplier<TaskReport> work) {
        return core.runNow(task, leaseFor, work);
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return core.awaitIdle(timeout);
    }

    @Override
    public boolean stopRuns(String reason, Duration wait) throws InterruptedException {
        return core.stopRuns(reason, wait);
    }
}
