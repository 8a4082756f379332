package io.freecast.catalog.scheduler;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.out.TaskScheduleInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the catalog's tasks on their schedules, one virtual thread per scheduled task.
 *
 * <pre>{@code
 * try (CatalogScheduler scheduler = CatalogScheduler.builder(catalog)
 *         .schedule(TaskName.UPDATE_RATINGS, Schedule.parse("*&#47;5 * * * *"))
 *         .build()) {
 *     scheduler.start();
 *     …
 * } // close() lets a running task finish (up to the shutdown timeout)
 * }</pre>
 *
 * <p>What it guarantees:
 * <ul>
 * <li>Defaults are the reference schedule ({@link #referenceSchedules()}).</li>
 * <li>A task never overlaps itself: a slot that comes while the task is still running (a slow run, or a
 *     run started by hand) is <em>skipped</em>, not queued; the next run is the first slot after the run
 *     ended. Across nodes sharing one database, each slot is claimed through the storage's task lease
 *     before it runs, so exactly one node runs it; the running node renews the lease while it runs,
 *     and a node that dies holds the task for at most one lease ({@link Builder#lease(Duration)}).</li>
 * <li>Every run is recorded in the task-run log by the core; a failed run does not stop the schedule, and
 *     may be retried before the next slot ({@link RetryPolicy}).</li>
 * <li>Missed runs: when it starts, for each task without a start-up run that has run before but not
 *     since its newest past slot (the node was down), it runs that slot once at once — at most one
 *     catch-up however many slots were missed. A node that wakes late (a long pause) likewise runs the
 *     slot it woke for once and continues with the next future slot.</li>
 * <li>{@link #close()} wakes the idle tasks, lets running ones finish within the shutdown timeout, and
 *     leaves a task still running after it to its caller: {@link TaskAdministration#stopRuns} stops it and
 *     records it as interrupted (what {@code catalog serve} does after its grace); a process that exits
 *     without that leaves its lease to expire.</li>
 * </ul>
 */
public final class CatalogScheduler implements TaskScheduleInfo, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogScheduler.class);

    public static final Duration DEFAULT_LEASE = TaskAdministration.DEFAULT_LEASE;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final TaskAdministration tasks;
    private final Map<TaskName, Schedule> schedules;
    private final Map<TaskName, Duration> leases;
    private final RetryPolicy retry;
    private final boolean catchUp;
    private final Duration shutdownTimeout;
    private final TimeSource time;
    private final Consumer<TaskScheduleInfo> onStart;
    private final Consumer<TaskScheduleInfo> onStop;

    /** Set once by start(); read without the scheduler's lock, which stop() holds while it waits. */
    private volatile Map<TaskName, TaskLoop> loops = Map.of();
    private final Map<TaskName, Thread> threads = new EnumMap<>(TaskName.class);
    private volatile boolean started;
    private volatile boolean stopped;

    private CatalogScheduler(Builder builder) {
        this.tasks = builder.tasks;
        this.schedules = Collections.unmodifiableMap(new EnumMap<>(builder.schedules));
        this.leases = new EnumMap<>(builder.leases);
        this.retry = builder.retry;
        this.catchUp = builder.catchUp;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.time = builder.time;
        this.onStart = builder.onStart;
        this.onStop = builder.onStop;
    }

    /** A scheduler for {@code catalog}'s tasks; it shows its plans in {@code catalog.tasks()} while it runs. */
    public static Builder builder(Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        Builder builder = new Builder(catalog.tasks());
        builder.onStart = catalog::attachSchedule;
        builder.onStop = catalog::detachSchedule;
        return builder;
    }

    /** A scheduler driving any implementation of the task administration port. */
    public static Builder builder(TaskAdministration tasks) {
        return new Builder(Objects.requireNonNull(tasks, "tasks"));
    }

    /**
     * The reference deployment's schedule (README, "Scheduling and task status"): import-shows and import-movies at start-up and
     * every 24 h, update-ratings (and update-imdb-ratings, update-kinopoisk-ratings) every 3 minutes, validate-sources at minute 0 of every 6th hour (UTC).
     */
    public static Map<TaskName, Schedule> referenceSchedules() {
        Map<TaskName, Schedule> reference = new EnumMap<>(TaskName.class);
        reference.put(TaskName.IMPORT_SHOWS, Schedule.every(Duration.ofHours(24)).atStartup());
        reference.put(TaskName.IMPORT_MOVIES, Schedule.every(Duration.ofHours(24)).atStartup());
        reference.put(TaskName.UPDATE_RATINGS, Schedule.every(Duration.ofMinutes(3)));
        // The per-field rating tasks run when a deployment has one provider per field, as often as update-ratings.
        reference.put(TaskName.UPDATE_IMDB_RATINGS, Schedule.every(Duration.ofMinutes(3)));
        reference.put(TaskName.UPDATE_KINOPOISK_RATINGS, Schedule.every(Duration.ofMinutes(3)));
        reference.put(TaskName.VALIDATE_SOURCES, Schedule.cron("0 */6 * * *"));
        return Collections.unmodifiableMap(reference);
    }

    /** Starts a thread per scheduled task. Only once: a stopped scheduler is not restarted. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("this scheduler was already started; build a new one");
        }
        Instant now = time.now();
        Map<TaskName, TaskLoop> running = new EnumMap<>(TaskName.class);
        for (Map.Entry<TaskName, Schedule> entry : schedules.entrySet()) {
            TaskName task = entry.getKey();
            Schedule schedule = entry.getValue();
            if (schedule.equals(Schedule.off())) {
                continue;
            }
            TaskLoop loop = new TaskLoop(task, schedule, tasks, time, leases.getOrDefault(task, DEFAULT_LEASE),
                    retry, catchUp, now);
            running.put(task, loop);
            threads.put(task, loop.start());
        }
        loops = Collections.unmodifiableMap(running);
        started = true;
        onStart.accept(this);
        LOG.info("scheduler started: {}", plan());
    }

    /**
     * Stops scheduling: idle tasks stop at once, running ones may finish within {@code timeout}.
     *
     * @return true when every task had stopped within the timeout
     */
    public synchronized boolean stop(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!started || stopped) {
            stopped = true;
            return true;
        }
        stopped = true;
        onStop.accept(this);
        loops.values().forEach(TaskLoop::requestStop);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean allEnded = true;
        for (Map.Entry<TaskName, Thread> entry : threads.entrySet()) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            try {
                if (!entry.getValue().join(left)) {
                    allEnded = false;
                    LOG.info("{} is still running after the scheduler's stop timeout ({}); the scheduler no longer "
                            + "waits for it: TaskAdministration.stopRuns stops it and records it as interrupted, and "
                            + "its lease expires by itself if the process exits first", entry.getKey(), timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.info("scheduler stopped{}", allEnded ? "" : " (some tasks were still running)");
        return allEnded;
    }

    /** {@link #stop(Duration)} with the configured shutdown timeout. */
    @Override
    public void close() {
        stop(shutdownTimeout);
    }

    public Map<TaskName, Schedule> schedules() {
        return schedules;
    }

    /** Whether a scheduled run of {@code task} is under way on this node. */
    public boolean isRunning(TaskName task) {
        TaskLoop loop = loopFor(task);
        return loop != null && loop.isRunningTask();
    }

    @Override
    public String describe(TaskName task) {
        return schedules.getOrDefault(task, Schedule.off()).describe();
    }

    /**
     * When the task runs next: the slot a started scheduler waits for; for one not yet started, the next
     * slot of its schedule (what it would do — the CLI's {@code tasks} shows that); empty once stopped.
     */
    @Override
    public Optional<Instant> nextRun(TaskName task) {
        if (stopped) {
            return Optional.empty();
        }
        if (!started) {
            return schedules.getOrDefault(task, Schedule.off()).nextSlotAfter(time.now());
        }
        TaskLoop loop = loopFor(task);
        return loop == null ? Optional.empty() : loop.nextRun();
    }

    private TaskLoop loopFor(TaskName task) {
        return loops.get(task);
    }

    private String plan() {
        Map<String, String> plan = new LinkedHashMap<>();
        schedules.forEach((task, schedule) -> plan.put(task.wireName(), schedule.describe()));
        return plan.toString();
    }

    /** Settings, each with a default; {@link #build()} returns the scheduler, not yet started. */
    public static final class Builder {

        private final TaskAdministration tasks;
        private final Map<TaskName, Schedule> schedules = new EnumMap<>(referenceSchedules());
        private final Map<TaskName, Duration> leases = new EnumMap<>(TaskName.class);
        private RetryPolicy retry = RetryPolicy.none();
        private boolean catchUp = true;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private TimeSource time = TimeSource.system();
        private Consumer<TaskScheduleInfo> onStart = info -> { };
        private Consumer<TaskScheduleInfo> onStop = info -> { };

        private Builder(TaskAdministration tasks) {
            this.tasks = tasks;
        }

        /** Replaces one task's schedule ({@link Schedule#off()} to not schedule it). */
        public Builder schedule(TaskName task, Schedule schedule) {
            schedules.put(Objects.requireNonNull(task, "task"), Objects.requireNonNull(schedule, "schedule"));
            return this;
        }

        /** Replaces the schedules of the tasks in {@code overrides}; the others keep theirs. */
        public Builder schedules(Map<TaskName, Schedule> overrides) {
            overrides.forEach(this::schedule);
            return this;
        }

        /** Schedules nothing but the given tasks. */
        public Builder onlyTasks(List<TaskName> scheduled) {
            for (TaskName task : TaskName.values()) {
                if (!scheduled.contains(task)) {
                    schedules.put(task, Schedule.off());
                }
            }
            return this;
        }

        /**
         * The task lease for every task: a running node renews it every third of this, so it is how long a
         * node that died mid-run (or lost the database) holds the task up. It must exceed the longest
         * pause a live node may have (GC, a slow database round trip). Default 2 minutes.
         */
        public Builder lease(Duration lease) {
            for (TaskName task : TaskName.values()) {
                lease(task, lease);
            }
            return this;
        }

        public Builder lease(TaskName task, Duration lease) {
            Objects.requireNonNull(lease, "lease");
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("a lease must be positive, got " + lease);
            }
            leases.put(Objects.requireNonNull(task, "task"), lease);
            return this;
        }

        /** Retries of a failed scheduled run before its next slot; none by default. */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Whether one missed slot is run at start-up (default true); see {@link CatalogScheduler}. */
        public Builder catchUpMissedRuns(boolean catchUp) {
            this.catchUp = catchUp;
            return this;
        }

        /** How long {@link CatalogScheduler#close()} waits for running tasks. Default 30 s. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdownTimeout must not be negative");
            }
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /** The scheduler's clock and sleeps; the system clock by default, a manual one in tests. */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        public CatalogScheduler build() {
            return new CatalogScheduler(this);
        }
    }
}
