package io.freecast.catalog.application;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.MovieFields;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.HandEdits;
import io.freecast.catalog.port.out.ItemReader;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.util.Optional;

/** Every editing use-case behind one front, each answered by the service that owns it. */
final class CatalogEditingService implements CatalogEditing {

    private final ShowEditing shows;
    private final MovieEditing movies;
    private final SourceEditing sources;
    private final LockAndTombstoneEditing undo;
    private final ItemReader items;
    private final CatalogQueries queries;
    private final HandEdits edits;

    CatalogEditingService(Transactions transactions, HandEdits edits, Tombstones tombstones, AuditTrail audit,
                          CatalogQueries queries, ItemReader items, Clock clock) {
        EditSupport support = new EditSupport(transactions, edits, tombstones, audit, clock);
        this.sources = new SourceEditing(support, queries, items);
        this.shows = new ShowEditing(support, queries, items);
        this.movies = new MovieEditing(support, queries, sources);
        this.undo = new LockAndTombstoneEditing(support, queries, items);
        this.items = items;
        this.queries = queries;
        this.edits = edits;
    }

    @Override
    public ShowTree createShow(Caller caller, ShowFields show) {
        return shows.createShow(caller, show);
    }

    @Override
    public ShowTree changeShow(Caller caller, long showId, Versioned<ShowTree> expected, ShowFields changes) {
        return shows.changeShow(caller, showId, expected, changes);
    }

    @Override
    public void deleteShow(Caller caller, long showId, Versioned<ShowTree> expected) {
        shows.deleteShow(caller, showId, expected);
    }

    @Override
    public SeasonTree createSeason(Caller caller, long showId, SeasonFields season) {
        return shows.createSeason(caller, showId, season);
    }

    @Override
    public SeasonTree changeSeason(Caller caller, long seasonId, Versioned<SeasonTree> expected, SeasonFields changes) {
        return shows.changeSeason(caller, seasonId, expected, changes);
    }

    @Override
    public void deleteSeason(Caller caller, long seasonId, Versioned<SeasonTree> expected) {
        shows.deleteSeason(caller, seasonId, expected);
    }

    @Override
    public EpisodeTree createEpisode(Caller caller, long seasonId, EpisodeFields episode) {
        return shows.createEpisode(caller, seasonId, episode);
    }

    @Override
    public EpisodeTree changeEpisode(Caller caller, long episodeId, Versioned<EpisodeTree> expected,
                                     EpisodeFields changes) {
        return shows.changeEpisode(caller, episodeId, expected, changes);
    }

    @Override
    public void deleteEpisode(Caller caller, long episodeId, Versioned<EpisodeTree> expected) {
        shows.deleteEpisode(caller, episodeId, expected);
    }

    @Override
    public MovieTree createMovie(Caller caller, NewMovie movie) {
        return movies.createMovie(caller, movie);
    }

    @Override
    public MovieTree changeMovie(Caller caller, long movieId, Versioned<MovieTree> expected, MovieFields changes) {
        return movies.changeMovie(caller, movieId, expected, changes);
    }

    @Override
    public void deleteMovie(Caller caller, long movieId, Versioned<MovieTree> expected) {
        movies.deleteMovie(caller, movieId, expected);
    }

    @Override
    public Source createSource(Caller caller, SourceOwner owner, SourceFields source) {
        return sources.createSource(caller, owner, source);
    }

    @Override
    public Source changeSource(Caller caller, long sourceId, Versioned<Source> expected, SourceFields changes) {
        return sources.changeSource(caller, sourceId, expected, changes);
    }

    @Override
    public Source setSourceActive(Caller caller, long sourceId, Versioned<Source> expected, boolean active) {
        return sources.setSourceActive(caller, sourceId, expected, active);
    }

    @Override
    public void deleteSource(Caller caller, long sourceId, Versioned<Source> expected) {
        sources.deleteSource(caller, sourceId, expected);
    }

    @Override
    public <T> T unlock(Caller caller, ItemRef<T> item, Versioned<T> expected, String field) {
        return undo.unlock(caller, item, expected, field);
    }

    @Override
    public Page<Tombstone> listTombstones(Caller caller, TombstoneQuery query) {
        return undo.listTombstones(caller, query);
    }

    @Override
    public void restore(Caller caller, long tombstoneId) {
        undo.restore(caller, tombstoneId);
    }

    @Override
    public Page<AuditEntry> listAudit(Caller caller, AuditQuery query) {
        return undo.listAudit(caller, query);
    }

    @Override
    public Optional<SeasonTree> findSeason(long seasonId) {
        return items.findSeason(seasonId);
    }

    @Override
    public Optional<EpisodeTree> findEpisode(long episodeId) {
        return items.findEpisode(episodeId);
    }

    @Override
    public Optional<Source> findSource(long sourceId) {
        return items.findSource(sourceId);
    }

    @Override
    public boolean deletionLeavesTombstone(ItemRef<?> item) {
        // The same test the deletes make (ShowEditing, MovieEditing, SourceEditing): an item not added by hand.
        boolean exists = switch (item.kind()) {
            case SHOW -> queries.findShow(item.id()).isPresent();
            case MOVIE -> queries.findMovie(item.id()).isPresent();
            case SEASON -> items.findSeason(item.id()).isPresent();
            case EPISODE -> items.findEpisode(item.id()).isPresent();
            case SOURCE -> items.findSource(item.id()).isPresent();
        };
        return exists && !edits.addedByHand(item);
    }
}
