package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.out.HandEdits;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.TableField;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Single-row writes of hand edits, on the thread's transaction. Locking a tree is {@code SELECT … FOR
 * UPDATE} of its show or movie row on PostgreSQL; on SQLite the transaction already holds the database's
 * one write lock from its start ({@code BEGIN IMMEDIATE}, and {@link WriteGate} in this process), so no
 * other writer can come between the read and the write.
 */
final class JooqHandEdits implements HandEdits {

    private final DSLContext dsl;
    private final boolean postgres;

    JooqHandEdits(DSLContext dsl) {
        this.dsl = dsl;
        this.postgres = DatabaseKind.of(dsl).locksRowsForUpdate();
    }

    @Override
    public boolean lock(ItemRef<?> item) {
        Optional<ItemRef<?>> root = root(item);
        if (root.isEmpty()) {
            return false;
        }
        ItemRef<?> r = root.get();
        Table<?> table = r.kind() == ItemKind.SHOW ? SHOW : MOVIE;
        TableField<?, Long> id = r.kind() == ItemKind.SHOW ? SHOW.ID : MOVIE.ID;
        var select = dsl.select(id).from(table).where(id.eq(r.id()));
        return (postgres ? select.forUpdate().fetchOptional() : select.fetchOptional()).isPresent();
    }

    /** The show or movie at the root of the item's tree; empty when the item does not exist. */
    private Optional<ItemRef<?>> root(ItemRef<?> item) {
        return switch (item.kind()) {
            case SHOW -> Optional.of(item);
            case MOVIE -> Optional.of(item);
            case SEASON -> dsl.select(SEASON.SHOW_ID).from(SEASON).where(SEASON.ID.eq(item.id()))
                    .fetchOptional(r -> ItemRef.show(r.value1()));
            case EPISODE -> dsl.select(SEASON.SHOW_ID).from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                    .where(EPISODE.ID.eq(item.id())).fetchOptional(r -> ItemRef.show(r.value1()));
            case SOURCE -> {
                Optional<Record2<Long, Long>> owner = dsl.select(SOURCE.MOVIE_ID, SOURCE.EPISODE_ID).from(SOURCE)
                        .where(SOURCE.ID.eq(item.id())).fetchOptional();
                if (owner.isEmpty()) {
                    yield Optional.empty();
                }
                Long movieId = owner.get().value1();
                yield movieId != null ? Optional.of(ItemRef.movie(movieId)) : root(ItemRef.episode(owner.get().value2()));
            }
        };
    }

    @Override
    public boolean addedByHand(ItemRef<?> item) {
        return switch (item.kind()) {
            case SHOW -> dsl.select(SHOW.FEED_KEY).from(SHOW).where(SHOW.ID.eq(item.id()))
                    .fetchOptional(r -> new FeedKey(r.value1()).isByHand()).orElse(false);
            case MOVIE -> dsl.select(MOVIE.FEED_KEY).from(MOVIE).where(MOVIE.ID.eq(item.id()))
                    .fetchOptional(r -> new FeedKey(r.value1()).isByHand()).orElse(false);
            case SEASON -> dsl.select(SEASON.ADDED_BY_HAND).from(SEASON).where(SEASON.ID.eq(item.id()))
                    .fetchOptional(r -> r.value1()).orElse(false);
            case EPISODE -> dsl.select(EPISODE.ADDED_BY_HAND).from(EPISODE).where(EPISODE.ID.eq(item.id()))
                    .fetchOptional(r -> r.value1()).orElse(false);
            case SOURCE -> dsl.select(SOURCE.ADDED_BY_HAND).from(SOURCE).where(SOURCE.ID.eq(item.id()))
                    .fetchOptional(r -> r.value1()).orElse(false);
        };
    }

    @Override
    public void claimByHand(ItemRef<?> item) {
        switch (item.kind()) {
            case SEASON -> dsl.update(SEASON).set(SEASON.ADDED_BY_HAND, true).where(SEASON.ID.eq(item.id())).execute();
            case EPISODE -> dsl.update(EPISODE).set(EPISODE.ADDED_BY_HAND, true).where(EPISODE.ID.eq(item.id())).execute();
            case SOURCE -> dsl.update(SOURCE).set(SOURCE.ADDED_BY_HAND, true).where(SOURCE.ID.eq(item.id())).execute();
            default -> throw new IllegalArgumentException("a " + item.kind().wireName()
                    + " created by an import keeps its feed key; only seasons, episodes and sources are claimed");
        }
    }

    @Override
    public long insertShow(Show s) {
        return dsl.insertInto(SHOW).set(SHOW.FEED_KEY, s.key().value()).set(SHOW.EXTERNAL_ID, s.externalId())
                .set(SHOW.SLUG, s.slug()).set(SHOW.TITLE, s.title()).set(SHOW.TITLE_SEARCH, FeedKey.normaliseTitle(s.title()))
                .set(SHOW.DESCRIPTION, s.description()).set(SHOW.IMAGE, s.image()).set(SHOW.RELEASE_DATE, s.releaseDate())
                .set(SHOW.IMDB_RATING, Rows.toDb(s.imdbRating())).set(SHOW.KINOPOISK_RATING, Rows.toDb(s.kinopoiskRating()))
                .set(SHOW.CREATED_AT, Rows.toDb(s.createdAt())).set(SHOW.UPDATED_AT, Rows.toDb(s.updatedAt()))
                .set(SHOW.LOCKED_FIELDS, LockedColumn.toDb(s.lockedFields()))
                .returningResult(SHOW.ID).fetchSingle().value1();
    }

    @Override
    public void updateShow(Show s) {
        dsl.update(SHOW).set(SHOW.TITLE, s.title()).set(SHOW.TITLE_SEARCH, FeedKey.normaliseTitle(s.title()))
                .set(SHOW.DESCRIPTION, s.description()).set(SHOW.IMAGE, s.image()).set(SHOW.RELEASE_DATE, s.releaseDate())
                .set(SHOW.IMDB_RATING, Rows.toDb(s.imdbRating())).set(SHOW.KINOPOISK_RATING, Rows.toDb(s.kinopoiskRating()))
                .set(SHOW.UPDATED_AT, Rows.toDb(s.updatedAt())).set(SHOW.LOCKED_FIELDS, LockedColumn.toDb(s.lockedFields()))
                .where(SHOW.ID.eq(s.id())).execute();
    }

    @Override
    public void deleteShow(long showId) {
        dsl.deleteFrom(SHOW).where(SHOW.ID.eq(showId)).execute();
    }

    @Override
    public long insertSeason(Season s) {
        return dsl.insertInto(SEASON).set(SEASON.SHOW_ID, s.showId()).set(SEASON.NUMBER, s.number())
                .set(SEASON.DESCRIPTION, s.description()).set(SEASON.LOCKED_FIELDS, LockedColumn.toDb(s.lockedFields()))
                .set(SEASON.ADDED_BY_HAND, true)
                .returningResult(SEASON.ID).fetchSingle().value1();
    }

    @Override
    public void updateSeason(Season s) {
        dsl.update(SEASON).set(SEASON.NUMBER, s.number()).set(SEASON.DESCRIPTION, s.description())
                .set(SEASON.LOCKED_FIELDS, LockedColumn.toDb(s.lockedFields()))
                .where(SEASON.ID.eq(s.id())).execute();
    }

    @Override
    public void deleteSeason(long seasonId) {
        dsl.deleteFrom(SEASON).where(SEASON.ID.eq(seasonId)).execute();
    }

    @Override
    public long insertEpisode(Episode e) {
        return dsl.insertInto(EPISODE).set(EPISODE.SEASON_ID, e.seasonId()).set(EPISODE.NUMBER, e.number())
                .set(EPISODE.TITLE, e.title()).set(EPISODE.DESCRIPTION, e.description())
                .set(EPISODE.RELEASE_DATE, e.releaseDate()).set(EPISODE.LOCKED_FIELDS, LockedColumn.toDb(e.lockedFields()))
                .set(EPISODE.ADDED_BY_HAND, true)
                .returningResult(EPISODE.ID).fetchSingle().value1();
    }

    @Override
    public void updateEpisode(Episode e) {
        dsl.update(EPISODE).set(EPISODE.NUMBER, e.number()).set(EPISODE.TITLE, e.title())
                .set(EPISODE.DESCRIPTION, e.description()).set(EPISODE.RELEASE_DATE, e.releaseDate())
                .set(EPISODE.LOCKED_FIELDS, LockedColumn.toDb(e.lockedFields()))
                .where(EPISODE.ID.eq(e.id())).execute();
    }

    @Override
    public void deleteEpisode(long episodeId) {
        dsl.deleteFrom(EPISODE).where(EPISODE.ID.eq(episodeId)).execute();
    }

    @Override
    public long insertMovie(Movie m) {
        return dsl.insertInto(MOVIE).set(MOVIE.FEED_KEY, m.key().value()).set(MOVIE.EXTERNAL_ID, m.externalId())
                .set(MOVIE.SLUG, m.slug()).set(MOVIE.TITLE, m.title())
                .set(MOVIE.TITLE_SEARCH, FeedKey.normaliseTitle(m.title())).set(MOVIE.DESCRIPTION, m.description())
                .set(MOVIE.IMAGE, m.image()).set(MOVIE.RELEASE_DATE, m.releaseDate())
                .set(MOVIE.RELEASE_YEAR, m.releaseYear()).set(MOVIE.IMDB_RATING, Rows.toDb(m.imdbRating()))
                .set(MOVIE.KINOPOISK_RATING, Rows.toDb(m.kinopoiskRating()))
                .set(MOVIE.CREATED_AT, Rows.toDb(m.createdAt())).set(MOVIE.UPDATED_AT, Rows.toDb(m.updatedAt()))
                .set(MOVIE.LOCKED_FIELDS, LockedColumn.toDb(m.lockedFields()))
                .returningResult(MOVIE.ID).fetchSingle().value1();
    }

    @Override
    public void updateMovie(Movie m) {
        dsl.update(MOVIE).set(MOVIE.TITLE, m.title()).set(MOVIE.TITLE_SEARCH, FeedKey.normaliseTitle(m.title()))
                .set(MOVIE.DESCRIPTION, m.description()).set(MOVIE.IMAGE, m.image())
                .set(MOVIE.RELEASE_DATE, m.releaseDate()).set(MOVIE.RELEASE_YEAR, m.releaseYear())
                .set(MOVIE.IMDB_RATING, Rows.toDb(m.imdbRating())).set(MOVIE.KINOPOISK_RATING, Rows.toDb(m.kinopoiskRating()))
                .set(MOVIE.UPDATED_AT, Rows.toDb(m.updatedAt())).set(MOVIE.LOCKED_FIELDS, LockedColumn.toDb(m.lockedFields()))
                .where(MOVIE.ID.eq(m.id())).execute();
    }

    @Override
    public void deleteMovie(long movieId) {
        dsl.deleteFrom(MOVIE).where(MOVIE.ID.eq(movieId)).execute();
    }

    @Override
    public long insertSource(Source s) {
        Long movieId = s.owner() instanceof SourceOwner.OfMovie m ? m.id() : null;
        Long episodeId = s.owner() instanceof SourceOwner.OfEpisode e ? e.id() : null;
        return dsl.insertInto(SOURCE).set(SOURCE.MOVIE_ID, movieId).set(SOURCE.EPISODE_ID, episodeId)
                .set(SOURCE.URL, s.url()).set(SOURCE.SOURCE_TYPE, s.type().wireName()).set(SOURCE.PROVIDER, s.provider())
                .set(SOURCE.IS_ACTIVE, s.active()).set(SOURCE.LOCKED_FIELDS, LockedColumn.toDb(s.lockedFields()))
                .set(SOURCE.ADDED_BY_HAND, true)
                .returningResult(SOURCE.ID).fetchSingle().value1();
    }

    @Override
    public void updateSource(Source s) {
        dsl.update(SOURCE).set(SOURCE.URL, s.url()).set(SOURCE.SOURCE_TYPE, s.type().wireName())
                .set(SOURCE.PROVIDER, s.provider()).set(SOURCE.IS_ACTIVE, s.active())
                .set(SOURCE.LOCKED_FIELDS, LockedColumn.toDb(s.lockedFields()))
                .where(SOURCE.ID.eq(s.id())).execute();
    }

    @Override
    public void deleteSource(long sourceId) {
        dsl.deleteFrom(SOURCE).where(SOURCE.ID.eq(sourceId)).execute();
    }
}
