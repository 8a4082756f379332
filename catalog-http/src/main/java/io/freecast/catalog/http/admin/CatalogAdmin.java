package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.http.server.CatalogHttpConfig;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.CheckSourceUseCase;
import io.freecast.catalog.port.in.TaskAdministration;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The web admin: server-rendered pages under {@code /admin/} of the catalog's HTTP server, for people
 * signed in with an account. Viewers see everything, editors also change the catalog, admins also run
 * tasks. Mount it on a server's configuration:
 *
 * <pre>{@code
 * CatalogAdmin admin = CatalogAdmin.builder(catalog.queries(), store.overview(), catalog.tasks(), authentication)
 *         .editing(catalog.editing())
 *         .build();
 * CatalogHttpServer.create(catalog.queries(), config -> admin.mountOn(config.port(8001)));
 * }</pre>
 */
public final class CatalogAdmin {

    /** Where the admin lives on the server. */
    public static final String PREFIX = "/admin";

    private final AdminHandler handler;
    private final Sessions sessions;

    private CatalogAdmin(Builder builder) {
        AdminSettings settings = new AdminSettings(PREFIX, builder.idleTimeout, builder.recheckEvery,
                Set.copyOf(builder.trustedProxies), builder.authentication);
        this.sessions = new Sessions(builder.idleTimeout, builder.clock);
        Templates templates = new Templates();
        AdminRoutes routes = new AdminRoutes();
        PageContext pages = new PageContext(templates, sessions, settings);
        new SignInPages(pages).register(routes);
        new DashboardPages(pages, builder.overview, builder.tasks).register(routes);
        new MoviePages(pages, builder.queries, builder.overview, builder.editing).register(routes);
        new ShowPages(pages, builder.queries, builder.overview, builder.editing).register(routes);
        new DeadLinkPages(pages, builder.overview, builder.editing != null, builder.sourceChecks != null).register(routes);
        new TaskPages(pages, builder.tasks, builder.overview).register(routes);
        new AuditPages(pages, builder.editing).register(routes);
        if (builder.editing != null) {
            new SourcePages(pages, builder.editing).register(routes);
            EpisodePages episodes = new EpisodePages(pages, builder.queries, builder.editing);
            episodes.register(routes);
            new SourceEditPages(pages, builder.queries, builder.editing, episodes).register(routes);
            new SeasonPages(pages, builder.queries, builder.editing).register(routes);
            new DeletePages(pages, builder.queries, builder.editing).register(routes);
            new UnlockPages(pages, builder.editing).register(routes);
        }
        if (builder.sourceChecks != null) {
            new SourceCheckPages(pages, builder.sourceChecks).register(routes);
        }
        this.handler = new AdminHandler(routes, sessions, templates, settings);
    }

    /**
     * @param authentication signs people in (name and password, throttled) and re-checks their accounts
     */
    public static Builder builder(CatalogQueries queries, CatalogOverview overview, TaskAdministration tasks,
                                  Authentication authentication) {
        return new Builder(queries, overview, tasks, authentication);
    }

    /** Serves the admin under {@value #PREFIX} of the server this configuration builds. */
    public CatalogHttpConfig mountOn(CatalogHttpConfig config) {
        return config.mount(PREFIX + "/", handler);
    }

    /** Signs a caller in without a password: for tests in this package that need a session. */
    String openSession(Caller caller) {
        return sessions.open(caller);
    }

    public static final class Builder {

        private final CatalogQueries queries;
        private final CatalogOverview overview;
        private final TaskAdministration tasks;
        private final Authentication authentication;
        private CatalogEditing editing;
        private CheckSourceUseCase sourceChecks;
        private Duration idleTimeout = Duration.ofMinutes(30);
        private Duration recheckEvery = Duration.ofSeconds(30);
        private final Set<String> trustedProxies = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();

        private Builder(CatalogQueries queries, CatalogOverview overview, TaskAdministration tasks,
                        Authentication authentication) {
            this.authentication = Objects.requireNonNull(authentication, "authentication");
            this.queries = Objects.requireNonNull(queries, "queries");
            this.overview = Objects.requireNonNull(overview, "overview");
            this.tasks = Objects.requireNonNull(tasks, "tasks");
        }

        /**
         * The editing use-cases and the audit log: with them editors edit and the audit page lists changes;
         * without them the admin is read-only (and says so).
         */
        public Builder editing(CatalogEditing editing) {
            this.editing = editing;
            return this;
        }

        /**
         * Checking one source's link now ({@code catalog.sourceChecks()}): with it the dead-links page offers
         * editors and admins <b>Check now</b> on every row.
         */
        public Builder sourceChecks(CheckSourceUseCase sourceChecks) {
            this.sourceChecks = sourceChecks;
            return this;
        }

        /** How long a session lasts without a request; 30 minutes by default. */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, e.g. Duration.ofMinutes(30)");
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * The address of a reverse proxy in front of the server, trusted to say with {@code X-Forwarded-Proto}
         * that the browser used https (so the cookie is marked {@code Secure}) and with {@code X-Forwarded-For}
         * who the client is (for throttling). The headers are ignored from every other address.
         */
        public Builder trustProxy(String address) {
            trustedProxies.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /** How often a session's account is re-checked (disabled, role changed); 30 s by default. */
        Builder recheckEvery(Duration recheckEvery) {
            this.recheckEvery = recheckEvery;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public CatalogAdmin build() {
            return new CatalogAdmin(this);
        }
    }
}
