package io.freecast.catalog.testing.contract;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.testing.MutableClock;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import io.freecast.catalog.port.in.ImportShowsUseCase.ImportShowsCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the editing contracts share: a catalog on a fresh, empty store of the kind under test, with a feed the
 * test sets and callers of each scope. A subclass says how to open the store (the in-memory store, SQLite,
 * PostgreSQL), as for {@link StorageContract}.
 */
public abstract class EditingFixture {

    protected static final Instant T0 = Instant.parse("2026-04-01T09:00:00.125Z");
    static final Caller EDITOR = new Caller(Actor.account(1, "alice", Channel.API), Scope.EDIT);
    static final Caller ADMIN = new Caller(Actor.account(2, "root", Channel.WEB), Scope.ADMIN);
    static final Caller VIEWER = new Caller(Actor.token(3, "vic", "read-only", Channel.API), Scope.READ);

    protected final MutableClock clock = new MutableClock(T0);
    protected CatalogStore store;
    Catalog catalog;
    CatalogEditing editing;
    final ListFeedReader feed = new ListFeedReader();

    /** A fresh, empty store of the kind under test, stamping created and updated times with {@code clock}. */
    protected abstract CatalogStore openStore(Clock clock);

    /** Releases what {@link #openStore} opened. */
    protected void closeStore() {
        store.close();
    }

    @BeforeEach
    void openCatalog() {
        store = openStore(clock);
        catalog = Catalog.builder().storage(store).feedReader(feed).clock(clock).build();
        editing = catalog.editing();
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            closeStore();
        }
    }

    TaskReport importMovies() {
        TaskReport report = catalog.importMovies(new ImportMoviesCommand(FeedLocation.parse("movies.json")));
        if (!report.succeeded()) {
            throw new AssertionError("import failed: " + report.error());
        }
        return report;
    }

    TaskReport importShows() {
        TaskReport report = catalog.importShows(new ImportShowsCommand(FeedLocation.parse("shows.json"), false));
        if (!report.succeeded()) {
            throw new AssertionError("import failed: " + report.error());
        }
        return report;
    }

    List<MovieTree> movies() {
        return catalog.queries().listMovies(new ListQuery(Sort.BY_ID, null, PageRequest.first(500))).items();
    }

    MovieTree movie(String title) {
        return movies().stream().filter(m -> m.movie().title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no movie titled " + title + " in " + movies()));
    }

    MovieTree movie(long id) {
        return catalog.queries().findMovie(id).orElseThrow();
    }

    ShowTree show(long id) {
        return catalog.queries().findShow(id).orElseThrow();
    }

    List<ShowTree> shows() {
        return catalog.queries().listShows(new ListQuery(Sort.BY_ID, null, PageRequest.first(500))).items();
    }

    List<AuditEntry> audit() {
        return editing.listAudit(ADMIN, AuditQuery.all(PageRequest.first(500))).items();
    }
}
