package io.freecast.catalog.testing.contract;

import static io.freecast.catalog.testing.Drafts.episode;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.MovieFields;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.RatingRepository.RatingUpdate;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand edits win over feeds, on every store: fields changed by hand stay through re-imports (counted
 * as locked), items deleted by hand stay deleted (counted as suppressed), sources added by hand stay, and
 * unlocking or restoring brings the feed's values back on the next import.
 */
public abstract class FeedVersusHandContract extends EditingFixture {

    private static MovieDraft feedMovie(String id, String title, Double imdb, String... urls) {
        return new MovieDraft(FeedKey.of(id, null, title), id, null, title, "About " + title, null, null, 2001,
                Rating.ofNullable(imdb), null, java.util.Arrays.stream(urls).map(u -> SourceDraft.of(u, "Tubi")).toList());
    }

    private static ShowDraft feedShow(String id, String title, List<SeasonDraft> seasons) {
        return new ShowDraft(FeedKey.of(id, null, title), id, null, title, "About " + title, null, null, null, null,
                List.of(), seasons);
    }

    private static List<SeasonDraft> twoSeasons(String version) {
        return List.of(
                new SeasonDraft(1, "First " + version, List.of(
                        new EpisodeDraft(1, "Pilot " + version, null, null, List.of(SourceDraft.of("https://cdn.example/s1e1.m3u8", "P"))),
                        new EpisodeDraft(2, "Second " + version, null, null, List.of(SourceDraft.of("https://cdn.example/s1e2.m3u8", "P"))))),
                new SeasonDraft(2, "Second season " + version, List.of(
                        episode(1, "https://cdn.example/s2e1.m3u8"))));
    }

    @Test
    void editsAndDeletionsHoldThroughReimportsAndUnlockingAndRestoringBringTheFeedBack() {
        // 1. Import a feed of movies and a show.
        feed.movies = List.of(feedMovie("1", "Copper Valley", 7.0, "https://cdn.example/1.mp4"),
                feedMovie("2", "Silent Harbor", 6.5, "https://cdn.example/2.mp4"),
                feedMovie("3", "Northern Lights", 8.0, "https://cdn.example/3.mp4"));
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v1")));
        assertThat(importMovies().counts()).containsEntry("created", 3L);
        assertThat(importShows().counts()).containsEntry("created", 1L);

        // 2. By hand: a title and a rating, one movie and one episode deleted.
        MovieTree copper = movie("Copper Valley");
        MovieTree edited = editing.changeMovie(EDITOR, copper.movie().id(), copper::equals, MovieFields.NONE
                .withTitle(FieldEdit.set("Copper Valley (Director's Cut)"))
                .withImdbRating(FieldEdit.set(9.1)));
        assertThat(edited.movie().lockedFields()).containsExactly("imdb_rating", "title");
        MovieTree harbor = movie("Silent Harbor");
        editing.deleteMovie(EDITOR, harbor.movie().id(), harbor::equals);
        ShowTree show = shows().getFirst();
        EpisodeTree pilot = show.seasons().getFirst().episodes().getFirst();
        editing.deleteEpisode(EDITOR, pilot.episode().id(), pilot::equals);

        // 3. The same feed again: edits and deletions hold, and the report counts them.
        TaskReport sameMovies = importMovies();
        assertThat(sameMovies.counts()).containsEntry("locked", 1L).containsEntry("suppressed", 1L)
                .containsEntry("created", 0L).containsEntry("unchanged", 2L);
        TaskReport sameShows = importShows();
        assertThat(sameShows.counts()).containsEntry("suppressed", 1L).containsEntry("created", 0L);
        assertThat(movies()).extracting(m -> m.movie().title())
                .containsExactlyInAnyOrder("Copper Valley (Director's Cut)", "Northern Lights");
        assertThat(movie("Copper Valley (Director's Cut)").movie().imdbRating()).isEqualTo(Rating.of(9.1));
        assertThat(shows().getFirst().seasons().getFirst().episodes()).extracting(e -> e.episode().number())
                .containsExactly(2);

        // 4. A changed feed: unlocked fields follow it, locked ones and deletions still hold.
        feed.movies = List.of(feedMovie("1", "Copper Valley Remastered", 7.2, "https://cdn.example/1.mp4"),
                feedMovie("2", "Silent Harbor 2", 6.6, "https://cdn.example/2.mp4"),
                feedMovie("3", "Northern Lights", 8.3, "https://cdn.example/3.mp4"));
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v2")));
        TaskReport changedMovies = importMovies();
        // Copper Valley's unlocked description follows the feed; Northern Lights' rating does.
        assertThat(changedMovies.counts()).containsEntry("locked", 1L).containsEntry("suppressed", 1L)
                .containsEntry("updated", 2L);
        TaskReport changedShows = importShows();
        assertThat(changedShows.counts()).containsEntry("suppressed", 1L).containsEntry("updated", 1L);
        MovieTree kept = movie(copper.movie().id());
        assertThat(kept.movie().title()).isEqualTo("Copper Valley (Director's Cut)");
        assertThat(kept.movie().imdbRating()).isEqualTo(Rating.of(9.1));
        assertThat(kept.movie().description()).isEqualTo("About Copper Valley Remastered");
        assertThat(movie("Northern Lights").movie().imdbRating()).isEqualTo(Rating.of(8.3));
        assertThat(shows().getFirst().seasons().getFirst().episodes()).extracting(e -> e.episode().title())
                .containsExactly("Second v2");

        // 5. Unlock the title and restore both tombstones: the next import brings the feed's values back.
        MovieTree beforeUnlock = movie(copper.movie().id());
        editing.unlock(EDITOR, ItemRef.movie(copper.movie().id()), beforeUnlock::equals, "title");
        List<Tombstone> tombstones = editing.listTombstones(VIEWER, TombstoneQuery.all(PageRequest.first(10))).items();
        assertThat(tombstones).extracting(Tombstone::kind).containsExactly(ItemKind.EPISODE, ItemKind.MOVIE);
        assertThat(tombstones).extracting(Tombstone::deletedBy).containsOnly("account:alice");
        tombstones.forEach(t -> editing.restore(EDITOR, t.id()));

        TaskReport afterUndo = importMovies();
        assertThat(afterUndo.counts()).containsEntry("created", 1L).containsEntry("suppressed", 0L)
                .containsEntry("locked", 1L);
        assertThat(importShows().counts()).containsEntry("suppressed", 0L);
        MovieTree back = movie(copper.movie().id());
        assertThat(back.movie().title()).isEqualTo("Copper Valley Remastered");
        assertThat(back.movie().imdbRating()).as("the rating is still locked").isEqualTo(Rating.of(9.1));
        assertThat(back.movie().lockedFields()).containsExactly("imdb_rating");
        assertThat(movie("Silent Harbor 2").sources()).extracting(Source::url).containsExactly("https://cdn.example/2.mp4");
        assertThat(shows().getFirst().seasons().getFirst().episodes()).extracting(e -> e.episode().title())
                .containsExactly("Pilot v2", "Second v2");
    }

    @Test
    void sourcesAddedByHandStayWhenTheFeedDoesNotListThemAndDeletedOnesStayDeleted() {
        feed.movies = List.of(feedMovie("1", "Copper Valley", 7.0, "https://cdn.example/a.mp4", "https://cdn.example/b.mp4"));
        importMovies();
        MovieTree movie = movie("Copper Valley");
        long movieId = movie.movie().id();
        Source added = editing.createSource(EDITOR, new SourceOwner.OfMovie(movieId),
                SourceFields.NONE.withUrl(FieldEdit.set("https://mirror.example/c.m3u8")));
        Source b = movie.sources().get(1);
        editing.deleteSource(EDITOR, b.id(), b::equals);

        TaskReport report = importMovies();

        assertThat(report.counts()).containsEntry("suppressed", 1L).containsEntry("unchanged", 1L);
        assertThat(movie(movieId).sources()).extracting(Source::url)
                .containsExactly("https://cdn.example/a.mp4", "https://mirror.example/c.m3u8");
        assertThat(added.type().wireName()).isEqualTo("playlist");
    }

    @Test
    void aFeedSourceWhoseUrlIsChangedByHandIsNotAddedBackNorRemoved() {
        feed.movies = List.of(feedMovie("1", "Copper Valley", 7.0, "https://cdn.example/a.mp4"));
        importMovies();
        Source a = movie("Copper Valley").sources().getFirst();
        editing.changeSource(EDITOR, a.id(), a::equals, SourceFields.NONE.withUrl(FieldEdit.set("https://cdn.example/fixed.mp4")));

        TaskReport report = importMovies();

        assertThat(report.counts()).containsEntry("suppressed", 1L);
        assertThat(movie("Copper Valley").sources()).extracting(Source::url).containsExactly("https://cdn.example/fixed.mp4");
    }

    @Test
    void lockedSourceFieldsAndLockedEpisodeFieldsKeepTheirValues() {
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v1")));
        importShows();
        EpisodeTree pilot = shows().getFirst().seasons().getFirst().episodes().getFirst();
        editing.changeEpisode(EDITOR, pilot.episode().id(), pilot::equals,
                EpisodeFields.NONE.withTitle(FieldEdit.set("The Real Pilot")).withReleaseDate(FieldEdit.set(LocalDate.of(2020, 1, 2))));
        Source source = pilot.sources().getFirst();
        editing.changeSource(EDITOR, source.id(), source::equals, SourceFields.NONE.withProvider(FieldEdit.set("Hand")));

        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v2")));
        TaskReport report = importShows();

        assertThat(report.counts()).containsEntry("locked", 1L).containsEntry("updated", 1L);
        EpisodeTree after = shows().getFirst().seasons().getFirst().episodes().getFirst();
        assertThat(after.episode().title()).isEqualTo("The Real Pilot");
        assertThat(after.episode().releaseDate()).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(after.episode().lockedFields()).containsExactly("release_date", "title");
        assertThat(after.sources().getFirst().provider()).isEqualTo("Hand");
        assertThat(shows().getFirst().seasons().getFirst().episodes().get(1).episode().title()).isEqualTo("Second v2");
    }

    @Test
    void aLockedSourceFieldOfAMovieKeepsItsValueAndCountsTheMovieAsLockedOnlyWhileTheFeedDisagrees() {
        feed.movies = List.of(feedMovie("1", "Copper Valley", 7.0, "https://cdn.example/a.mp4"));
        importMovies();
        Source a = movie("Copper Valley").sources().getFirst();
        editing.changeSource(EDITOR, a.id(), a::equals, SourceFields.NONE.withProvider(FieldEdit.set("Hand")));

        assertThat(importMovies().counts()).as("the feed still says Tubi").containsEntry("locked", 1L)
                .containsEntry("unchanged", 1L).containsEntry("updated", 0L);
        assertThat(movie("Copper Valley").sources().getFirst().provider()).isEqualTo("Hand");

        feed.movies = List.of(new MovieDraft(FeedKey.of("1", null, "Copper Valley"), "1", null, "Copper Valley",
                "About Copper Valley", null, null, 2001, Rating.of(7.0), null,
                List.of(SourceDraft.of("https://cdn.example/a.mp4", "Hand"))));
        assertThat(importMovies().counts()).as("the feed now agrees with the hand").containsEntry("locked", 0L)
                .containsEntry("unchanged", 1L);
        assertThat(movie("Copper Valley").sources().getFirst().lockedFields()).containsExactly("provider");
    }

    @Test
    void lockedShowAndSeasonFieldsKeepTheirValuesAndTheShowIsCountedOnceAsLocked() {
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v1")));
        importShows();
        ShowTree show = shows().getFirst();
        long showId = show.show().id();
        editing.changeShow(EDITOR, showId, show::equals, ShowFields.NONE.withTitle(FieldEdit.set("The Long Show")));
        SeasonTree first = editing.findSeason(show.seasons().getFirst().season().id()).orElseThrow();
        editing.changeSeason(EDITOR, first.season().id(), first::equals,
                SeasonFields.NONE.withDescription(FieldEdit.set("Written by hand")));

        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v2")));
        assertThat(importShows().counts()).containsEntry("locked", 1L).containsEntry("updated", 1L);

        ShowTree after = show(showId);
        assertThat(after.show().title()).isEqualTo("The Long Show");
        assertThat(after.show().lockedFields()).containsExactly("title");
        assertThat(after.seasons()).extracting(s -> s.season().description())
                .containsExactly("Written by hand", "Second season v2");
        assertThat(after.seasons().getFirst().season().lockedFields()).containsExactly("description");
        assertThat(after.seasons().getFirst().episodes()).extracting(e -> e.episode().title())
                .containsExactly("Pilot v2", "Second v2");
        assertThat(importShows().counts()).as("the same feed again: nothing to write, still held back")
                .containsEntry("locked", 1L).containsEntry("unchanged", 1L);
    }

    @Test
    void aShowDeletedByHandStaysDeletedUntilRestoredAndThenComesBackFromTheFeed() {
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v1")), feedShow("s2", "Short Show", List.of()));
        importShows();
        ShowTree gone = shows().getFirst();
        editing.deleteShow(EDITOR, gone.show().id(), gone::equals);

        assertThat(importShows().counts()).containsEntry("suppressed", 1L).containsEntry("created", 0L)
                .containsEntry("unchanged", 1L);
        assertThat(shows()).extracting(s -> s.show().title()).containsExactly("Short Show");

        Tombstone tombstone = editing.listTombstones(VIEWER, new TombstoneQuery(ItemKind.SHOW, null)).items().getFirst();
        assertThat(tombstone.identity()).isEqualTo("id:s1");
        assertThat(tombstone.parent()).isNull();
        editing.restore(EDITOR, tombstone.id());
        assertThat(importShows().counts()).containsEntry("suppressed", 0L).containsEntry("created", 1L);
        ShowTree back = shows().stream().filter(s -> s.show().title().equals("Long Show")).findFirst().orElseThrow();
        assertThat(back.show().id()).as("a new row").isNotEqualTo(gone.show().id());
        assertThat(back.seasons()).hasSize(2);
    }

    @Test
    void aFeedsSeasonAndEpisodeRenumberedByHandAreTheHandsAndTheirOldNumbersAreNotRecreated() {
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v1")));
        importShows();
        ShowTree show = shows().getFirst();
        SeasonTree second = show.seasons().get(1);
        editing.changeSeason(EDITOR, second.season().id(), second::equals, SeasonFields.NONE.withNumber(FieldEdit.set(5)));
        EpisodeTree pilot = show(show.show().id()).seasons().getFirst().episodes().getFirst();
        editing.changeEpisode(EDITOR, pilot.episode().id(), pilot::equals, EpisodeFields.NONE.withNumber(FieldEdit.set(7)));

        assertThat(importShows().counts()).as("season 2 and episode 1 are not re-created")
                .containsEntry("suppressed", 2L).containsEntry("unchanged", 1L);

        ShowTree after = show(show.show().id());
        assertThat(after.seasons()).extracting(s -> s.season().number()).containsExactly(1, 5);
        assertThat(after.seasons().get(1).episodes()).as("the renumbered season keeps its episodes").hasSize(1);
        assertThat(after.seasons().getFirst().episodes()).extracting(e -> e.episode().number()).containsExactly(2, 7);
        assertThat(after.seasons().getFirst().episodes().get(1).sources()).extracting(Source::url)
                .containsExactly("https://cdn.example/s1e1.m3u8");
        assertThat(editing.listTombstones(VIEWER, TombstoneQuery.all(null)).items())
                .extracting(Tombstone::kind, Tombstone::identity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemKind.EPISODE, "1"),
                        org.assertj.core.groups.Tuple.tuple(ItemKind.SEASON, "2"));
    }

    @Test
    void aSeasonDeletedByHandIsNotRecreatedEvenAsPlaceholdersUntilRestored() {
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v1")));
        importShows();
        ShowTree show = shows().getFirst();
        var second = show.seasons().get(1);
        editing.deleteSeason(EDITOR, second.season().id(), second::equals);

        assertThat(importShows().counts()).containsEntry("suppressed", 1L).containsEntry("unchanged", 1L);
        assertThat(shows().getFirst().seasons()).hasSize(1);

        Tombstone tombstone = editing.listTombstones(VIEWER, new TombstoneQuery(ItemKind.SEASON, null)).items().getFirst();
        assertThat(tombstone.parent()).isEqualTo(ItemRef.show(show.show().id()));
        assertThat(tombstone.identity()).isEqualTo("2");
        editing.restore(EDITOR, tombstone.id());
        assertThat(importShows().counts()).containsEntry("suppressed", 0L).containsEntry("updated", 1L);
        assertThat(shows().getFirst().seasons()).hasSize(2);
    }

    @Test
    void aSourceSwitchedOffByHandStaysOffThroughLinkChecksAndRatingsSetByHandStayThroughRatingUpdates() {
        feed.movies = List.of(feedMovie("1", "Copper Valley", 7.0, "https://cdn.example/a.mp4"));
        importMovies();
        MovieTree movie = movie("Copper Valley");
        Source source = movie.sources().getFirst();
        Source off = editing.setSourceActive(EDITOR, source.id(), source::equals, false);
        assertThat(off.active()).isFalse();
        assertThat(off.lockedFields()).containsExactly("is_active");
        MovieTree current = movie(movie.movie().id());
        editing.changeMovie(EDITOR, movie.movie().id(), current::equals, MovieFields.NONE.withImdbRating(FieldEdit.clear()));

        // A link check that found the link alive (as a check that read the source before the lock would write it).
        store.ports().sources().saveChecks(List.of(new SourceCheck(source.id(), true,
                new LinkState(T0, 200, 0, null))));
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, movie.movie().id(),
                new RatingPair(Rating.of(5.5), Rating.of(6.5)), T0)));

        Source checked = editing.findSource(source.id()).orElseThrow();
        assertThat(checked.active()).as("still off").isFalse();
        assertThat(checked.check().lastStatus()).as("the check is still recorded").isEqualTo(200);
        MovieTree rated = movie(movie.movie().id());
        assertThat(rated.movie().imdbRating()).as("cleared by hand, so unknown").isNull();
        assertThat(rated.movie().kinopoiskRating()).isEqualTo(Rating.of(6.5));

        editing.unlock(EDITOR, ItemRef.source(source.id()), Versioned.any(), "is_active");
        store.ports().sources().saveChecks(List.of(new SourceCheck(source.id(), true, new LinkState(T0, 200, 0, null))));
        assertThat(editing.findSource(source.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void aRatingSetByHandStaysWhicheverProviderAnswersForIt() {
        feed.movies = List.of(feedMovie("1", "Copper Valley", 7.0, "https://cdn.example/a.mp4"));
        importMovies();
        MovieTree movie = movie("Copper Valley");
        editing.changeMovie(EDITOR, movie.movie().id(), movie(movie.movie().id())::equals,
                MovieFields.NONE.withImdbRating(FieldEdit.set(9.1)));

        // omdb is the source of imdb_rating, kinopoisk only mirrors it: neither moves a locked rating.
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, movie.movie().id(),
                new RatingPair(Rating.of(5.5), null), java.util.Set.of(RatingField.IMDB), T0)));
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, movie.movie().id(),
                new RatingPair(Rating.of(4.4), Rating.of(6.5)), java.util.Set.of(RatingField.KINOPOISK), T0)));

        MovieTree rated = movie(movie.movie().id());
        assertThat(rated.movie().imdbRating()).as("set by hand").isEqualTo(Rating.of(9.1));
        assertThat(rated.movie().kinopoiskRating()).isEqualTo(Rating.of(6.5));
    }

    @Test
    void whatAFeedBroughtLeavesATombstoneWhenDeletedAndWhatAHandAddedDoesNot() {
        feed.movies = List.of(feedMovie("1", "Copper Valley", 7.0, "https://cdn.example/1.mp4"));
        feed.shows = List.of(feedShow("s1", "Long Show", twoSeasons("v1")));
        importMovies();
        importShows();
        MovieTree fromFeed = movie("Copper Valley");
        ShowTree show = shows().getFirst();
        SeasonTree season = show.seasons().getFirst();
        EpisodeTree episode = season.episodes().getFirst();
        for (ItemRef<?> ref : List.of(ItemRef.movie(fromFeed.movie().id()), ItemRef.source(fromFeed.sources().getFirst().id()),
                ItemRef.show(show.show().id()), ItemRef.season(season.season().id()),
                ItemRef.episode(episode.episode().id()), ItemRef.source(episode.sources().getFirst().id()))) {
            assertThat(editing.deletionLeavesTombstone(ref)).as(ref.toString()).isTrue();
        }

        MovieTree byHand = editing.createMovie(EDITOR, new io.freecast.catalog.port.in.EditMoviesUseCase.NewMovie(
                MovieFields.NONE.withTitle(FieldEdit.set("Hand Made"))));
        Source handSource = editing.createSource(EDITOR, new SourceOwner.OfMovie(fromFeed.movie().id()),
                new SourceFields(FieldEdit.set("https://cdn.example/hand.mp4"), null, null, null));
        SeasonTree handSeason = editing.createSeason(EDITOR, show.show().id(), new SeasonFields(FieldEdit.set(9), null));
        EpisodeTree handEpisode = editing.createEpisode(EDITOR, handSeason.season().id(),
                new EpisodeFields(FieldEdit.set(1), null, null, null));
        for (ItemRef<?> ref : List.of(ItemRef.movie(byHand.movie().id()), ItemRef.source(handSource.id()),
                ItemRef.season(handSeason.season().id()), ItemRef.episode(handEpisode.episode().id()),
                ItemRef.movie(999_999), ItemRef.source(999_999))) {
            assertThat(editing.deletionLeavesTombstone(ref)).as(ref.toString()).isFalse();
        }
    }
}
