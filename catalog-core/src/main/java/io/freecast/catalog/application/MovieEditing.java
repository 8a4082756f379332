package io.freecast.catalog.application;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LockedFields;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditMoviesUseCase;
import io.freecast.catalog.port.in.MovieFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.freecast.catalog.application.FieldRules.date;
import static io.freecast.catalog.application.FieldRules.description;
import static io.freecast.catalog.application.FieldRules.rating;
import static io.freecast.catalog.application.FieldRules.title;
import static io.freecast.catalog.application.FieldRules.url;
import static io.freecast.catalog.application.FieldRules.year;

/** Movies by hand: validated, conditional, audited; changed fields locked; a feed's movie tombstoned when deleted. */
final class MovieEditing implements EditMoviesUseCase {

    private final EditSupport support;
    private final CatalogQueries queries;
    private final SourceEditing sources;

    MovieEditing(EditSupport support, CatalogQueries queries, SourceEditing sources) {
        this.support = support;
        this.queries = queries;
        this.sources = sources;
    }

    @Override
    public MovieTree createMovie(Caller caller, NewMovie movie) {
        EditSupport.require(caller, Scope.EDIT);
        Violations violations = new Violations();
        Movie values = apply(violations, movie.fields(), null, null);
        List<SourceEditing.NewSource> newSources = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < movie.sources().size(); i++) {
            String prefix = "sources[" + i + "].";
            SourceEditing.NewSource source = sources.validateNew(violations, prefix, movie.sources().get(i));
            if (source.url() != null && !urls.add(source.url())) {
                violations.add(prefix + "url", "is listed twice for this movie");
            }
            newSources.add(source);
        }
        violations.throwIfAny();
        return support.transactions.inInteractiveTransaction(() -> {
            AuditRecord record = support.record(caller);
            Instant now = record.at();
            Movie toInsert = new Movie(0, FeedKey.byHand(), null, null, values.title(), values.description(),
                    values.image(), values.releaseDate(), values.releaseYear(), values.imdbRating(),
                    values.kinopoiskRating(), now, now, LockedFields.NONE);
            long id = support.edits.insertMovie(toInsert);
            record.created(ItemKind.MOVIE, id, summary(toInsert));
            for (SourceEditing.NewSource source : newSources) {
                sources.insert(record, source.toSource(new SourceOwner.OfMovie(id)));
            }
            support.write(record);
            return read(id);
        });
    }

    @Override
    public MovieTree changeMovie(Caller caller, long movieId, Versioned<MovieTree> expected, MovieFields changes) {
        EditSupport.require(caller, Scope.EDIT);
        return support.transactions.inInteractiveTransaction(() -> {
            MovieTree current = support.lockAndCheck(ItemRef.movie(movieId), expected, queries::findMovie);
            Violations violations = new Violations();
            Movie old = current.movie();
            Movie values = apply(violations, changes, old, old.title());
            violations.throwIfAny();
            AuditRecord record = support.record(caller);
            List<String> changed = new ArrayList<>();
            diff(record, changed, movieId, "title", old.title(), values.title());
            diff(record, changed, movieId, "description", old.description(), values.description());
            diff(record, changed, movieId, "image", old.image(), values.image());
            diff(record, changed, movieId, "release_date", old.releaseDate(), values.releaseDate());
            diff(record, changed, movieId, "release_year", old.releaseYear(), values.releaseYear());
            diff(record, changed, movieId, "imdb_rating", old.imdbRating(), values.imdbRating());
            diff(record, changed, movieId, "kinopoisk_rating", old.kinopoiskRating(), values.kinopoiskRating());
            if (changed.isEmpty()) {
                return current;
            }
            Set<String> locked = LockedFields.plus(old.lockedFields(), changed);
            record.changed(ItemKind.MOVIE, movieId, "locked_fields", AuditRecord.locks(old.lockedFields()), AuditRecord.locks(locked));
            support.edits.updateMovie(new Movie(movieId, old.key(), old.externalId(), old.slug(), values.title(),
                    values.description(), values.image(), values.releaseDate(), values.releaseYear(),
                    values.imdbRating(), values.kinopoiskRating(), old.createdAt(), record.at(), locked));
            support.write(record);
            return read(movieId);
        });
    }

    @Override
    public void deleteMovie(Caller caller, long movieId, Versioned<MovieTree> expected) {
        EditSupport.require(caller, Scope.EDIT);
        support.transactions.inInteractiveTransaction(() -> {
            MovieTree current = support.lockAndCheck(ItemRef.movie(movieId), expected, queries::findMovie);
            AuditRecord record = support.record(caller);
            Movie movie = current.movie();
            for (Source source : current.sources()) {
                record.deleted(ItemKind.SOURCE, source.id(), SourceEditing.summary(source));
            }
            record.deleted(ItemKind.MOVIE, movieId, summary(movie));
            support.edits.deleteMovie(movieId);
            if (!movie.key().isByHand()) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.MOVIE, null, movie.key().value(),
                        movie.title(), record.at(), caller.actor().label()));
            }
            support.write(record);
            return null;
        });
    }

    /** The movie's fields after {@code changes} (a movie with only those fields; {@code old} null when creating). */
    private static Movie apply(Violations v, MovieFields changes, Movie old, String currentTitle) {
        String title = title(v, "title", changes.title(), currentTitle, true);
        String description = description(v, "description", changes.description(), old == null ? null : old.description());
        String image = url(v, "image", changes.image(), old == null ? null : old.image(), false);
        var releaseDate = date(v, "release_date", changes.releaseDate(), old == null ? null : old.releaseDate());
        Integer releaseYear = year(v, "release_year", changes.releaseYear(), old == null ? null : old.releaseYear());
        var imdb = rating(v, "imdb_rating", changes.imdbRating(), old == null ? null : old.imdbRating());
        var kinopoisk = rating(v, "kinopoisk_rating", changes.kinopoiskRating(), old == null ? null : old.kinopoiskRating());
        return new Movie(0, FeedKey.byHand(), null, null, title == null ? "" : title, description, image, releaseDate,
                releaseYear, imdb, kinopoisk, null, null, LockedFields.NONE);
    }

    private static void diff(AuditRecord record, List<String> changed, long id, String field, Object before, Object after) {
        if (record.changed(ItemKind.MOVIE, id, field, before, after)) {
            changed.add(field);
        }
    }

    static JsonText summary(Movie m) {
        return new JsonText().put("title", m.title()).put("description", m.description()).put("image", m.image())
                .put("release_date", m.releaseDate()).put("release_year", m.releaseYear())
                .put("imdb_rating", m.imdbRating()).put("kinopoisk_rating", m.kinopoiskRating());
    }

    private MovieTree read(long id) {
        return queries.findMovie(id).orElseThrow(() -> new IllegalStateException("movie " + id + " vanished in its own transaction"));
    }
}
