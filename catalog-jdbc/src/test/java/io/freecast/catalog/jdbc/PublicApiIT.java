package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shows the public Java API of the storage adapter as an embedder writes it; it must compile and read well. */
class PublicApiIT {

    @TempDir
    Path dir;

    @Test
    void anEmbedderOpensAStoreAndBuildsACatalogOnIt() {
        String db = dir.resolve("catalog.db").toString();      // or "jdbc:postgresql://host/db?user=…"

        try (JdbcCatalogStore store = JdbcCatalogStore.builder(db)
                .poolSize(4)
                .connectionTimeout(Duration.ofSeconds(5))
                .open();
             Catalog catalog = Catalog.builder().storage(store).build()) {

            store.ports().movies().upsertAll(List.of(Drafts.movie("501", "Copper Valley")));

            Page<MovieTree> page = catalog.queries().listMovies(
                    new ListQuery(new Sort(SortField.TITLE, false), "copper", PageRequest.first(20)));
            assertThat(page.items()).extracting(m -> m.movie().title()).containsExactly("Copper Valley");
            assertThat(catalog.health().up()).isTrue();
            assertThat(store.poolStats().max()).isEqualTo(4);
        }
    }
}
