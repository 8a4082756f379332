package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.jdbc.internal.schema.tables.records.MovieRecord;
import io.freecast.catalog.jdbc.internal.schema.tables.records.ShowRecord;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Field;

import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;

/**
 * The columns a show and a movie share (plus a movie's release year, {@code null} for shows), as stored
 * or as an import wants them. An upsert compares the two: equal means the item is UNCHANGED and nothing is
 * written; otherwise the wanted values are the UPDATE's.
 */
record TitleColumns(String externalId, String slug, String title, String titleSearch, String description,
                    String image, LocalDate releaseDate, Integer releaseYear, Double imdbRating,
                    Double kinopoiskRating) {

    /** What an upsert reads of a stored show: its id and key, and these columns. */
    static final List<Field<?>> SHOW_COLUMNS = List.of(SHOW.ID, SHOW.FEED_KEY, SHOW.EXTERNAL_ID, SHOW.SLUG, SHOW.TITLE,
            SHOW.TITLE_SEARCH, SHOW.DESCRIPTION, SHOW.IMAGE, SHOW.RELEASE_DATE, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING,
            SHOW.LOCKED_FIELDS);
    /** What an upsert reads of a stored movie: its id and key, and these columns. */
    static final List<Field<?>> MOVIE_COLUMNS = List.of(MOVIE.ID, MOVIE.FEED_KEY, MOVIE.EXTERNAL_ID, MOVIE.SLUG,
            MOVIE.TITLE, MOVIE.TITLE_SEARCH, MOVIE.DESCRIPTION, MOVIE.IMAGE, MOVIE.RELEASE_DATE, MOVIE.RELEASE_YEAR,
            MOVIE.IMDB_RATING, MOVIE.KINOPOISK_RATING, MOVIE.LOCKED_FIELDS);

    static TitleColumns stored(ShowRecord row) {
        return new TitleColumns(row.getExternalId(), row.getSlug(), row.getTitle(), row.getTitleSearch(),
                row.getDescription(), row.getImage(), row.getReleaseDate(), null, row.getImdbRating(),
                row.getKinopoiskRating());
    }

    static TitleColumns stored(MovieRecord row) {
        return new TitleColumns(row.getExternalId(), row.getSlug(), row.getTitle(), row.getTitleSearch(),
                row.getDescription(), row.getImage(), row.getReleaseDate(), row.getReleaseYear(),
                row.getImdbRating(), row.getKinopoiskRating());
    }

    static TitleColumns wanted(ShowDraft d, TitleColumns stored) {
        return new TitleColumns(d.externalId(), d.slug(), d.title(), FeedKey.normaliseTitle(d.title()),
                d.description(), d.image(), d.releaseDate(), null,
                keepKnown(d.imdbRating(), stored.imdbRating()), keepKnown(d.kinopoiskRating(), stored.kinopoiskRating()));
    }

    static TitleColumns wanted(MovieDraft d, TitleColumns stored) {
        return new TitleColumns(d.externalId(), d.slug(), d.title(), FeedKey.normaliseTitle(d.title()),
                d.description(), d.image(), d.releaseDate(), d.releaseYear(),
                keepKnown(d.imdbRating(), stored.imdbRating()), keepKnown(d.kinopoiskRating(), stored.kinopoiskRating()));
    }

    /**
     * These wanted columns with every field locked by hand ({@code locked}, the stored column's text) kept
     * as {@code stored} has it; these very columns when nothing is locked (nearly always), at no cost.
     */
    TitleColumns keepLocked(String locked, TitleColumns stored) {
        if (locked == null) {
            return this;
        }
        boolean title = LockedColumn.locks(locked, "title");
        return new TitleColumns(externalId, slug, title ? stored.title : this.title,
                title ? stored.titleSearch : titleSearch,
                LockedColumn.locks(locked, "description") ? stored.description : description,
                LockedColumn.locks(locked, "image") ? stored.image : image,
                LockedColumn.locks(locked, "release_date") ? stored.releaseDate : releaseDate,
                LockedColumn.locks(locked, "release_year") ? stored.releaseYear : releaseYear,
                LockedColumn.locks(locked, "imdb_rating") ? stored.imdbRating : imdbRating,
                LockedColumn.locks(locked, "kinopoisk_rating") ? stored.kinopoiskRating : kinopoiskRating);
    }

    /** A rating the feed does not know never erases one the ratings task found. */
    private static Double keepKnown(Rating fromFeed, Double stored) {
        return fromFeed != null ? Rows.toDb(fromFeed) : stored;
    }
}
