package io.freecast.catalog.http.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The API's JSON shapes: the reference's field names and nesting, plus what it lacked ({@code is_active},
 * {@code season_number}, the link-check state, and {@code locked_fields}: the fields changed by hand, which
 * imports leave as they are, sorted). Jackson writes the records with snake_case names, in
 * declaration order, nulls included (an unknown rating is {@code null}, never {@code 0}).
 */
final class JsonViews {

    private JsonViews() {
    }

    record ShowJson(long id, String title, String description, String image, String releaseDate,
                    Double imdbRating, Double kinopoiskRating, Set<String> lockedFields, List<SeasonJson> seasons) {
    }

    record SeasonJson(long id, int number, String description, Set<String> lockedFields, List<EpisodeJson> episodes) {
    }

    record EpisodeJson(long id, int number, String title, String description, String releaseDate,
                       int seasonNumber, Set<String> lockedFields, List<SourceJson> sources) {
    }

    record MovieJson(long id, String title, String description, String image, String releaseDate,
                     Integer releaseYear, Double imdbRating, Double kinopoiskRating, Set<String> lockedFields,
                     List<SourceJson> sources) {
    }

    /** {@code is_active} is spelled out: a record component cannot start with "is" and keep it in JSON. */
    record SourceJson(long id, String url, String sourceType,
                      @JsonProperty("is_active") boolean isActive,
                      String provider, String lastCheckedAt, Integer lastStatus, Set<String> lockedFields) {
    }

    static ShowJson show(ShowTree tree) {
        Show show = tree.show();
        return new ShowJson(show.id(), show.title(), show.description(), show.image(), date(show.releaseDate()),
                rating(show.imdbRating()), rating(show.kinopoiskRating()), show.lockedFields(),
                tree.seasons().stream().map(JsonViews::season).toList());
    }

    static SeasonJson season(SeasonTree tree) {
        Season season = tree.season();
        return new SeasonJson(season.id(), season.number(), season.description(), season.lockedFields(),
                tree.episodes().stream().map(JsonViews::episode).toList());
    }

    static EpisodeJson episode(EpisodeTree tree) {
        Episode episode = tree.episode();
        return new EpisodeJson(episode.id(), episode.number(), episode.title(), episode.description(),
                date(episode.releaseDate()), tree.seasonNumber(), episode.lockedFields(), sources(tree.sources()));
    }

    static MovieJson movie(MovieTree tree) {
        Movie movie = tree.movie();
        return new MovieJson(movie.id(), movie.title(), movie.description(), movie.image(),
                date(movie.releaseDate()), movie.releaseYear(), rating(movie.imdbRating()),
                rating(movie.kinopoiskRating()), movie.lockedFields(), sources(tree.sources()));
    }

    static List<SourceJson> sources(List<Source> sources) {
        return sources.stream().map(JsonViews::source).toList();
    }

    static SourceJson source(Source source) {
        return new SourceJson(source.id(), source.url(), source.type().wireName(), source.active(),
                source.provider(), instant(source.check().lastCheckedAt()), source.check().lastStatus(),
                source.lockedFields());
    }

    private static Double rating(Rating rating) {
        return rating == null ? null : rating.value();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
