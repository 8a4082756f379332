package io.freecast.catalog.examples.imports;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.http.client.JsonFeedReader;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import io.freecast.catalog.port.in.ImportShowsUseCase.ImportShowsCommand;

/** A catalog on a real test database with the real feed reader (private targets allowed: feeds come from 127.0.0.1). */
final class CatalogImportFixture implements AutoCloseable {

    static final String SHOWS = "classpath:feeds/shows.json";
    static final String MOVIES = "classpath:feeds/movies.json";

    final TestDatabase db;
    final OutboundHttp http;
    final Catalog catalog;

    CatalogImportFixture(TestDatabase db) {
        this(db, JsonFeedReader.DEFAULT_MAX_BYTES);
    }

    CatalogImportFixture(TestDatabase db, long maxFeedBytes) {
        this.db = db;
        this.http = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));
        this.catalog = Catalog.builder().storage(db.open()).feedReader(new JsonFeedReader(http, maxFeedBytes)).build();
    }

    TaskReport importShows(String feed, boolean placeholders) {
        return catalog.importShows(new ImportShowsCommand(FeedLocation.parse(feed), placeholders));
    }

    TaskReport importMovies(String feed) {
        return catalog.importMovies(new ImportMoviesCommand(FeedLocation.parse(feed)));
    }

    String url() {
        return db.url();
    }

    @Override
    public void close() {
        catalog.close();
        http.close();
        db.close();
    }
}
