package io.freecast.catalog;

import io.freecast.catalog.application.UseCases;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.CheckSourceUseCase;
import io.freecast.catalog.port.in.TokenAdministration;
import io.freecast.catalog.port.in.ImportMoviesUseCase;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import io.freecast.catalog.port.in.ImportShowsUseCase;
import io.freecast.catalog.port.in.ImportShowsUseCase.ImportShowsCommand;
import io.freecast.catalog.port.in.UpdateRatingsUseCase;
import io.freecast.catalog.port.in.UpdateRatingsUseCase.UpdateRatingsCommand;
import io.freecast.catalog.port.in.ValidateSourcesUseCase;
import io.freecast.catalog.port.in.ValidateSourcesUseCase.ValidateSourcesCommand;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.StorageHealth;
import io.freecast.catalog.port.out.TaskScheduleInfo;
import io.freecast.catalog.port.in.TaskAdministration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The catalog: its read side and its four tasks, built by an embedder from adapters.
 *
 * <pre>{@code
 * try (Catalog catalog = Catalog.builder()
 *         .storage(JdbcCatalogStore.open("jdbc:sqlite:catalog.db"))
 *         .feedReader(feeds)
 *         .build()) {
 *     TaskReport report = catalog.importMovies(new ImportMoviesCommand(FeedLocation.parse("movies.json")));
 *     Page<MovieTree> movies = catalog.queries().listMovies(ListQuery.firstPage());
 * }
 * }</pre>
 *
 * <p>The catalog is the one front door; behind it, {@link io.freecast.catalog.application.UseCases} builds each
 * service from exactly the ports it uses, taken from the store's {@link StoragePorts}.
 *
 * <p>Every task run through this class is recorded in the task-run log, and never throws: a run that
 * fails returns a failed {@link TaskReport} with the reason. A task whose adapter was not given fails
 * that way too, saying which builder method to call. When the run log's database cannot be reached as a
 * run ends (or starts), the run's outcome is kept in memory and written as soon as it can be, so the log
 * ends up saying what really happened rather than keeping a {@code running} row.
 */
public final class Catalog implements AutoCloseable {

    private final CatalogStore store;
    private final StoragePorts ports;
    private final FeedReader feedReader;
    private final RatingProvider ratingProvider;
    private final Map<RatingField, RatingProvider> ratingSources;
    private final LinkChecker linkChecker;
    private final Clock clock;
    private final CatalogSettings settings;
    private final AtomicReference<TaskScheduleInfo> schedule = new AtomicReference<>();
    private final UseCases.Recorder recorder;
    private final TaskAdministration tasks;
    private final CatalogEditing editing;
    /** One for every caller: it keeps how many checks each asked for (CheckNowLimits). */
    private final CheckSourceUseCase sourceChecks;
    private final String bootstrapToken;
    /** Built on first use: a catalog that never authenticates anyone (a CLI task) pays nothing for it. */
    private volatile UseCases.Access access;

    private Catalog(Builder builder, StoragePorts ports) {
        this.store = builder.store;
        this.ports = ports;
        this.feedReader = builder.feedReader;
        this.ratingProvider = builder.ratingProvider;
        this.ratingSources = Map.copyOf(builder.ratingSources);
        this.linkChecker = builder.linkChecker;
        this.clock = builder.clock;
        this.settings = new CatalogSettings(builder.showsFeed, builder.moviesFeed, builder.placeholders,
                builder.ratingsStaleAfter, builder.failureThreshold, builder.nodeName);
        this.recorder = UseCases.recorder(ports.taskRuns(), clock, settings.nodeName());
        this.tasks = UseCases.taskAdministration(this::run, recorder, ports.taskRuns(), ports.taskLeases(),
                schedule::get, clock, settings.nodeName());
        this.bootstrapToken = builder.bootstrapToken;
        this.editing = UseCases.editing(ports.transactions(), ports.handEdits(), ports.tombstones(), ports.auditTrail(),
                ports.queries(), ports.items(), clock);
        this.sourceChecks = linkChecker == null
                ? (caller, sourceId) -> {
                    throw adapterMissing("linkChecker");
                }
                : UseCases.checkSource(ports.transactions(), ports.handEdits(), ports.items(), ports.sources(),
                        ports.auditTrail(), linkChecker, clock, settings.failureThreshold());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The read side: shows, movies, seasons, episodes and sources, paged and sorted. */
    public CatalogQueries queries() {
        return ports.queries();
    }

    /**
     * Changing the catalog by hand: create, change and delete shows, seasons, episodes, movies and sources,
     * unlock fields, list and restore tombstones, read the audit trail. Every call takes the {@link
     * io.freecast.catalog.domain.Caller} it acts for and checks its scope itself.
     */
    public CatalogEditing editing() {
        return editing;
    }

    /**
     * Checking one source's link now, by hand (the web admin's and the API's "check now"): the same checker,
     * rules and storage as {@link #validateSources}, audited as the caller's change. It needs the {@link
     * Builder#linkChecker link checker}; without one each call fails with an {@link IllegalStateException}
     * saying so.
     */
    public CheckSourceUseCase sourceChecks() {
        return sourceChecks;
    }

    /**
     * Who is calling: bearer tokens (an account's API token or the {@link Builder#bootstrapToken bootstrap
     * token}) and account sign-ins, throttled and audited.
     */
    public Authentication authentication() {
        return access().authentication();
    }

    /** Accounts and their roles and passwords; every method checks the caller's scope. */
    public AccountAdministration accounts() {
        return access().accounts();
    }

    /** API tokens: created (shown once), listed, revoked; every method checks the caller's scope. */
    public TokenAdministration apiTokens() {
        return access().tokens();
    }

    private UseCases.Access access() {
        UseCases.Access built = access;
        if (built == null) {
            synchronized (this) {
                built = access;
                if (built == null) {
                    built = UseCases.access(ports.accounts(), ports.apiTokens(), ports.auditTrail(),
                            ports.transactions(), clock, bootstrapToken);
                    access = built;
                }
            }
        }
        return built;
    }

    public CatalogSettings settings() {
        return settings;
    }

    public TaskReport importShows(ImportShowsCommand command) {
        return record(TaskName.IMPORT_SHOWS, () -> UseCases.importShows(ports.shows(), ports.tombstones(), ports.transactions(),
                require(feedReader, "feedReader"), clock).importShows(command));
    }

    public TaskReport importMovies(ImportMoviesCommand command) {
        return record(TaskName.IMPORT_MOVIES, () -> UseCases.importMovies(ports.movies(), ports.tombstones(), ports.transactions(),
                require(feedReader, "feedReader"), clock).importMovies(command));
    }

    public TaskReport updateRatings(UpdateRatingsCommand command) {
        return record(TaskName.UPDATE_RATINGS, () -> UseCases.updateRatings(ports.ratings(), ports.transactions(),
                require(ratingProvider, "ratingProvider"), clock).updateRatings(command));
    }

    /**
     * Refreshes {@code field} from the provider that is its source ({@link Builder#ratingSources}), recorded as
     * that field's task ({@link TaskName#updatingRatingsOf}): {@code update-imdb-ratings} or
     * {@code update-kinopoisk-ratings}.
     */
    public TaskReport updateRatings(RatingField field, UpdateRatingsCommand command) {
        Objects.requireNonNull(field, "field");
        TaskName task = TaskName.updatingRatingsOf(field);
        return record(task, () -> UseCases.updateRatings(task, ports.ratings(), ports.transactions(),
                require(ratingSources.get(field), "ratingSources"), clock).updateRatings(command));
    }

    /** The provider that is the source of {@code field} in this catalog, if one was given. */
    public Optional<RatingProvider> ratingSource(RatingField field) {
        return Optional.ofNullable(ratingSources.get(field));
    }

    public TaskReport validateSources(ValidateSourcesCommand command) {
        return record(TaskName.VALIDATE_SOURCES, () -> UseCases.validateSources(ports.sources(),
                require(linkChecker, "linkChecker"), clock).validateSources(command));
    }

    /**
     * Runs a task with the settings this catalog was built with, unconditionally (the CLI's task commands).
     * To run it only when it is not already running here or on another node, use {@link #tasks()}.
     */
    public TaskReport run(TaskName task) {
        return switch (task) {
            case IMPORT_SHOWS -> settings.showsFeed() == null ? missingFeed(task, "showsFeed")
                    : importShows(new ImportShowsCommand(settings.showsFeed(), settings.placeholders()));
            case IMPORT_MOVIES -> settings.moviesFeed() == null ? missingFeed(task, "moviesFeed")
                    : importMovies(new ImportMoviesCommand(settings.moviesFeed()));
            case UPDATE_RATINGS -> updateRatings(new UpdateRatingsCommand(settings.ratingsStaleAfter()));
            case VALIDATE_SOURCES -> validateSources(new ValidateSourcesCommand(settings.failureThreshold())
                    .withDeadline(beforeNextScheduledRun(task).orElse(null)));
            case UPDATE_IMDB_RATINGS, UPDATE_KINOPOISK_RATINGS ->
                    updateRatings(task.ratingField(), new UpdateRatingsCommand(settings.ratingsStaleAfter()));
        };
    }

    /**
     * A little before the task's next scheduled run (a tenth of the time left, at most a minute), so a run
     * that cannot finish makes way for the next one instead of overlapping it; empty when no scheduler is
     * attached or the task is not scheduled.
     */
    private Optional<Instant> beforeNextScheduledRun(TaskName task) {
        TaskScheduleInfo info = schedule.get();
        if (info == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return info.nextRun(task).filter(next -> next.isAfter(now)).map(next -> {
            Duration margin = Duration.between(now, next).dividedBy(10);
            return next.minus(margin.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : margin);
        });
    }

    /**
     * The tasks as an operator handles them: schedule, last and next run, last result, and running one
     * now without ever running it twice at once (here or on another node). Unlike {@link #run}, which
     * runs unconditionally, {@code tasks().runNow(…)} refuses while the task is running.
     */
    public TaskAdministration tasks() {
        return tasks;
    }

    /**
     * Lets a scheduler tell {@link #tasks()} its plans (schedule, next run). One scheduler at a time;
     * attaching another replaces it.
     */
    public void attachSchedule(TaskScheduleInfo scheduleInfo) {
        schedule.set(Objects.requireNonNull(scheduleInfo, "scheduleInfo"));
    }

    /** Forgets {@code scheduleInfo} if it is the one attached (a scheduler that stopped). */
    public void detachSchedule(TaskScheduleInfo scheduleInfo) {
        schedule.compareAndSet(scheduleInfo, null);
    }

    /** Runs of a task, newest first. */
    public Page<TaskRun> taskRuns(TaskName task, PageRequest page) {
        return ports.taskRuns().listRuns(task, page);
    }

    public Optional<TaskRun> lastRun(TaskName task) {
        return ports.taskRuns().findLatest(task);
    }

    public StorageHealth health() {
        return store.health();
    }

    /**
     * Closes the store. Run outcomes that still wait for the run log (its database unreachable) get a last
     * attempt first; those that cannot be written then are logged.
     */
    @Override
    public void close() {
        try {
            recorder.close();
        } finally {
            store.close();
        }
    }

    private TaskReport record(TaskName task, Supplier<TaskReport> work) {
        return recorder.record(task, work);
    }

    /** A run without a feed fails like any other run: recorded, with the reason, never thrown. */
    private TaskReport missingFeed(TaskName task, String setting) {
        return record(task, () -> {
            throw new IllegalStateException("no feed configured: call Catalog.builder()." + setting + "(…)");
        });
    }

    private static <T> T require(T adapter, String builderMethod) {
        if (adapter == null) {
            throw adapterMissing(builderMethod);
        }
        return adapter;
    }

    private static IllegalStateException adapterMissing(String builderMethod) {
        return new IllegalStateException("this task needs an adapter: call Catalog.builder()."
                + builderMethod + "(…) when building the catalog");
    }

    /** Collects adapters and settings; {@link #build()} checks them. Only {@link #storage} is required. */
    public static final class Builder {

        private CatalogStore store;
        private String bootstrapToken;
        private FeedReader feedReader;
        private RatingProvider ratingProvider;
        private final Map<RatingField, RatingProvider> ratingSources = new EnumMap<>(RatingField.class);
        private LinkChecker linkChecker;
        private Clock clock = Clock.systemUTC();
        private FeedLocation showsFeed;
        private FeedLocation moviesFeed;
        private boolean placeholders;
        private Duration ratingsStaleAfter = CatalogSettings.DEFAULT_RATINGS_STALE_AFTER;
        private int failureThreshold = ValidateSourcesCommand.DEFAULT_FAILURE_THRESHOLD;
        private String nodeName = CatalogSettings.defaultNodeName();

        private Builder() {
        }

        /** Where the catalog is kept; {@link Catalog#close()} closes it. */
        public Builder storage(CatalogStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder feedReader(FeedReader feedReader) {
            this.feedReader = feedReader;
            return this;
        }

        public Builder ratingProvider(RatingProvider ratingProvider) {
            this.ratingProvider = ratingProvider;
            return this;
        }

        /**
         * Providers for the per-field rating tasks: each is the source of exactly one rating field
         * ({@link RatingProvider#fills()}), no two of the same field, and each field's task
         * ({@code update-imdb-ratings}, {@code update-kinopoisk-ratings}) runs its provider on its own schedule.
         * Replaces any given before.
         *
         * @throws IllegalArgumentException when a provider is the source of no field or of both, or two
         *                                  providers are the source of one field
         */
        public Builder ratingSources(Collection<? extends RatingProvider> providers) {
            Map<RatingField, RatingProvider> bySource = new EnumMap<>(RatingField.class);
            for (RatingProvider provider : providers) {
                Set<RatingField> fields = provider.fills();
                if (fields == null || fields.size() != 1) {
                    throw new IllegalArgumentException("the ratings provider '" + provider.name() + "' is the source of "
                            + (fields == null || fields.isEmpty() ? "no rating field" : "both rating fields")
                            + "; a per-field rating task needs a provider that is the source of exactly one");
                }
                RatingField field = fields.iterator().next();
                RatingProvider other = bySource.put(field, provider);
                if (other != null) {
                    throw new IllegalArgumentException("the ratings providers '" + other.name() + "' and '"
                            + provider.name() + "' are both the source of " + field.fieldName() + "; keep one");
                }
            }
            ratingSources.clear();
            ratingSources.putAll(bySource);
            return this;
        }

        public Builder linkChecker(LinkChecker linkChecker) {
            this.linkChecker = linkChecker;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder showsFeed(FeedLocation showsFeed) {
            this.showsFeed = showsFeed;
            return this;
        }

        public Builder moviesFeed(FeedLocation moviesFeed) {
            this.moviesFeed = moviesFeed;
            return this;
        }

        /** Give shows without seasons the reference's placeholder hierarchy (off by default). */
        public Builder placeholders(boolean placeholders) {
            this.placeholders = placeholders;
            return this;
        }

        public Builder ratingsStaleAfter(Duration ratingsStaleAfter) {
            this.ratingsStaleAfter = Objects.requireNonNull(ratingsStaleAfter, "ratingsStaleAfter");
            return this;
        }

        public Builder failureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
            return this;
        }

        public Builder nodeName(String nodeName) {
            this.nodeName = nodeName;
            return this;
        }

        /**
         * An operator-chosen secret that authenticates as an admin before any account exists (the way to set
         * up a fresh installation over HTTP); {@code null} (the default) for none. It is compared in constant
         * time and never stored. At least 16 characters, or {@link #build()} refuses it.
         */
        public Builder bootstrapToken(String bootstrapToken) {
            this.bootstrapToken = bootstrapToken;
            return this;
        }

        /**
         * @throws IllegalStateException when no storage was given, or the store lacks a port;
         *                               IllegalArgumentException for bad settings
         */
        public Catalog build() {
            if (store == null) {
                throw new IllegalStateException("a catalog needs storage: call Catalog.builder().storage(…), "
                        + "e.g. with JdbcCatalogStore.open(\"jdbc:sqlite:catalog.db\")");
            }
            UseCases.checkBootstrapToken(bootstrapToken);
            return new Catalog(this, Objects.requireNonNull(store.ports(), "the store's ports"));
        }
    }
}
