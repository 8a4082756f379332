package io.freecast.catalog.front;

import static io.freecast.catalog.testing.Drafts.movie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.StorageHealth;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryFeedReader;
import io.freecast.catalog.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The front door as an embedder uses it, on the in-memory fixtures: no database, no network. */
class CatalogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);

    @Test
    void anEmbedderImportsAFeedAndReadsItBackAndEveryRunIsRecorded() {
        FeedLocation feed = FeedLocation.parse("movies.json");
        InMemoryFeedReader feeds = new InMemoryFeedReader()
                .movies(feed, InMemoryFeedReader.movieItems(List.of(movie("1", "One"), movie("2", "Two"))));
        try (Catalog catalog = Catalog.builder().storage(store).feedReader(feeds).moviesFeed(feed).clock(clock)
                .nodeName("embedder").build()) {

            TaskReport report = catalog.run(TaskName.IMPORT_MOVIES);

            assertThat(report.succeeded()).isTrue();
            assertThat(catalog.queries().listMovies(ListQuery.firstPage()).total()).isEqualTo(2);
            assertThat(catalog.lastRun(TaskName.IMPORT_MOVIES)).hasValueSatisfying(run -> {
                assertThat(run.status()).isEqualTo(TaskStatus.SUCCEEDED);
                assertThat(run.node()).isEqualTo("embedder");
            });
            assertThat(catalog.taskRuns(TaskName.IMPORT_MOVIES, PageRequest.firstPage()).total()).isEqualTo(1);
            assertThat(catalog.health()).isEqualTo(new StorageHealth(true, "in memory"));
        }
        assertThat(store.isClosed()).as("closing the catalog closes its store").isTrue();
    }

    @Test
    void aCatalogNeedsAStoreAndAStoreMustGiveEveryPort() {
        assertThatThrownBy(() -> Catalog.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call Catalog.builder().storage(…)");
        assertThatThrownBy(() -> StoragePorts.builder().shows(store.ports().shows()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a store must provide every port; missing: movies, ratings, sources, transactions, "
                        + "taskRuns, taskLeases, queries, auditTrail, handEdits, tombstones, items, accounts, "
                        + "apiTokens");
    }

    @Test
    void aStoreWrappingAnothersPortsReplacesOnlyThoseItNames() {
        io.freecast.catalog.port.out.Transactions counted = new io.freecast.catalog.port.out.Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return store.ports().transactions().inTransaction(work);
            }
        };
        StoragePorts real = store.ports();

        StoragePorts wrapped = real.toBuilder().transactions(counted).build();

        assertThat(wrapped.transactions()).isSameAs(counted);
        assertThat(wrapped.shows()).isSameAs(real.shows());
        assertThat(wrapped.queries()).isSameAs(real.queries());
        assertThat(wrapped.auditTrail()).isSameAs(real.auditTrail());
        assertThat(wrapped.items()).isSameAs(real.items());
        assertThat(wrapped.accounts()).isSameAs(real.accounts());
        assertThat(wrapped.apiTokens()).isSameAs(real.apiTokens());
        assertThat(real.transactions()).isNotSameAs(counted);
    }

    @Test
    void aStoreIsAskedForItsPortsOnceWhenTheCatalogIsBuilt() {
        int[] asked = new int[1];
        CatalogStore counting = new CatalogStore() {
            @Override
            public StoragePorts ports() {
                asked[0]++;
                return store.ports();
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
        Catalog catalog = Catalog.builder().storage(counting).build();
        catalog.queries().listShows(ListQuery.firstPage());
        catalog.run(TaskName.UPDATE_RATINGS);
        catalog.tasks().listTasks();

        assertThat(asked[0]).isEqualTo(1);
    }

    @Test
    void aTaskRunWithoutItsFeedFailsAsARecordedRunAndNeverThrows() {
        Catalog catalog = Catalog.builder().storage(store).clock(clock).build();

        TaskReport report = catalog.run(TaskName.IMPORT_SHOWS);

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).isEqualTo("no feed configured: call Catalog.builder().showsFeed(…)");
        assertThat(catalog.lastRun(TaskName.IMPORT_SHOWS)).hasValueSatisfying(
                run -> assertThat(run.error()).isEqualTo(report.error()));
    }
}
