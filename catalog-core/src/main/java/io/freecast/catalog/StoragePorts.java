package io.freecast.catalog;

import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.HandEdits;
import io.freecast.catalog.port.out.ItemReader;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CatalogStore} hands the catalog: one implementation per port, named. It is a list, not a
 * service: {@link Catalog} takes each port out of it and gives every service only the ones it uses.
 *
 * <p>The read side, {@link CatalogQueries}, travels here too: reads carry no business rules, so a store may
 * answer them directly, but it is the catalog (not an outbound port) that offers them to callers.
 *
 * <p>A store that wraps another's ports (a test's store whose ratings do something more) replaces only those:
 * {@code store.ports().toBuilder().ratings(wrapped).build()}.
 *
 * <p><b>Adding a port</b> (as {@code AuditTrail} was): a field, its getter and its builder method here, a line in
 * each of the two copying constructors and in {@link Builder#build()}'s list of missing ports, then one
 * {@code .auditTrail(…)} line in each store ({@code JdbcCatalogStore}, the in-memory store of the test fixtures).
 * A store that forgets it fails when it is built, naming the port.
 */
public final class StoragePorts {

    private final ShowRepository shows;
    private final MovieRepository movies;
    private final RatingRepository ratings;
    private final SourceRepository sources;
    private final Transactions transactions;
    private final TaskRunLog taskRuns;
    private final TaskLeases taskLeases;
    private final CatalogQueries queries;
    private final AuditTrail auditTrail;
    private final HandEdits handEdits;
    private final Tombstones tombstones;
    private final ItemReader items;
    private final AccountRepository accounts;
    private final ApiTokenRepository apiTokens;

    private StoragePorts(Builder builder) {
        this.shows = builder.shows;
        this.movies = builder.movies;
        this.ratings = builder.ratings;
        this.sources = builder.sources;
        this.transactions = builder.transactions;
        this.taskRuns = builder.taskRuns;
        this.taskLeases = builder.taskLeases;
        this.queries = builder.queries;
        this.auditTrail = builder.auditTrail;
        this.handEdits = builder.handEdits;
        this.tombstones = builder.tombstones;
        this.items = builder.items;
        this.accounts = builder.accounts;
        this.apiTokens = builder.apiTokens;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every port of this one, to replace some and keep the rest. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public ShowRepository shows() {
        return shows;
    }

    public MovieRepository movies() {
        return movies;
    }

    public RatingRepository ratings() {
        return ratings;
    }

    public SourceRepository sources() {
        return sources;
    }

    /** The transactions the repositories' writes join. */
    public Transactions transactions() {
        return transactions;
    }

    /** The task-run log; its writes never join a transaction of {@link #transactions()}. */
    public TaskRunLog taskRuns() {
        return taskRuns;
    }

    public TaskLeases taskLeases() {
        return taskLeases;
    }

    /** The read side the catalog offers as {@link Catalog#queries()}. */
    public CatalogQueries queries() {
        return queries;
    }

    /** Where every hand edit and security event is recorded; appends join {@link #transactions()}. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Writing single items by hand; joins {@link #transactions()}. */
    public HandEdits handEdits() {
        return handEdits;
    }

    /** The feeds' items deleted by hand; joins {@link #transactions()}. */
    public Tombstones tombstones() {
        return tombstones;
    }

    /** Single seasons, episodes and sources by id. */
    public ItemReader items() {
        return items;
    }

    /** Accounts and their password hashes; writes join {@link #transactions()}. */
    public AccountRepository accounts() {
        return accounts;
    }

    /** API tokens, kept by the hash of their value; writes join {@link #transactions()}. */
    public ApiTokenRepository apiTokens() {
        return apiTokens;
    }

    /** Collects a store's ports; {@link #build()} refuses a missing one. */
    public static final class Builder {

        private ShowRepository shows;
        private MovieRepository movies;
        private RatingRepository ratings;
        private SourceRepository sources;
        private Transactions transactions;
        private TaskRunLog taskRuns;
        private TaskLeases taskLeases;
        private CatalogQueries queries;
        private AuditTrail auditTrail;
        private HandEdits handEdits;
        private Tombstones tombstones;
        private ItemReader items;
        private AccountRepository accounts;
        private ApiTokenRepository apiTokens;

        private Builder() {
        }

        private Builder(StoragePorts ports) {
            this.shows = ports.shows;
            this.movies = ports.movies;
            this.ratings = ports.ratings;
            this.sources = ports.sources;
            this.transactions = ports.transactions;
            this.taskRuns = ports.taskRuns;
            this.taskLeases = ports.taskLeases;
            this.queries = ports.queries;
            this.auditTrail = ports.auditTrail;
            this.handEdits = ports.handEdits;
            this.tombstones = ports.tombstones;
            this.items = ports.items;
            this.accounts = ports.accounts;
            this.apiTokens = ports.apiTokens;
        }

        public Builder shows(ShowRepository shows) {
            this.shows = Objects.requireNonNull(shows, "shows");
            return this;
        }

        public Builder movies(MovieRepository movies) {
            this.movies = Objects.requireNonNull(movies, "movies");
            return this;
        }

        public Builder ratings(RatingRepository ratings) {
            this.ratings = Objects.requireNonNull(ratings, "ratings");
            return this;
        }

        public Builder sources(SourceRepository sources) {
            this.sources = Objects.requireNonNull(sources, "sources");
            return this;
        }

        public Builder transactions(Transactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        public Builder taskRuns(TaskRunLog taskRuns) {
            this.taskRuns = Objects.requireNonNull(taskRuns, "taskRuns");
            return this;
        }

        public Builder taskLeases(TaskLeases taskLeases) {
            this.taskLeases = Objects.requireNonNull(taskLeases, "taskLeases");
            return this;
        }

        public Builder queries(CatalogQueries queries) {
            this.queries = Objects.requireNonNull(queries, "queries");
            return this;
        }

        public Builder auditTrail(AuditTrail auditTrail) {
            this.auditTrail = Objects.requireNonNull(auditTrail, "auditTrail");
            return this;
        }

        public Builder handEdits(HandEdits handEdits) {
            this.handEdits = Objects.requireNonNull(handEdits, "handEdits");
            return this;
        }

        public Builder tombstones(Tombstones tombstones) {
            this.tombstones = Objects.requireNonNull(tombstones, "tombstones");
            return this;
        }

        public Builder items(ItemReader items) {
            this.items = Objects.requireNonNull(items, "items");
            return this;
        }

        public Builder accounts(AccountRepository accounts) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
            return this;
        }

        public Builder apiTokens(ApiTokenRepository apiTokens) {
            this.apiTokens = Objects.requireNonNull(apiTokens, "apiTokens");
            return this;
        }

        /** @throws IllegalStateException naming every port that was not given */
        public StoragePorts build() {
            List<String> missing = new ArrayList<>();
            require(shows, "shows", missing);
            require(movies, "movies", missing);
            require(ratings, "ratings", missing);
            require(sources, "sources", missing);
            require(transactions, "transactions", missing);
            require(taskRuns, "taskRuns", missing);
            require(taskLeases, "taskLeases", missing);
            require(queries, "queries", missing);
            require(auditTrail, "auditTrail", missing);
            require(handEdits, "handEdits", missing);
            require(tombstones, "tombstones", missing);
            require(items, "items", missing);
            require(accounts, "accounts", missing);
            require(apiTokens, "apiTokens", missing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("a store must provide every port; missing: " + String.join(", ", missing));
            }
            return new StoragePorts(this);
        }

        private static void require(Object port, String name, List<String> missing) {
            if (port == null) {
                missing.add(name);
            }
        }
    }
}
