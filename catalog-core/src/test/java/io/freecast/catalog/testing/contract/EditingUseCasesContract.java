package io.freecast.catalog.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.application.UseCases;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.EditMoviesUseCase.NewMovie;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.MovieFields;
import io.freecast.catalog.port.in.NotPermittedException;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.AuditTrail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every editing use-case on every store: what it stores, what it audits, what it refuses (scope,
 * version, every broken rule at once, hostile input), and that a write and its audit entries commit or
 * roll back together and two conditional writes to one item never both win.
 */
public abstract class EditingUseCasesContract extends EditingFixture {

    private MovieTree newMovie(String title) {
        return editing.createMovie(EDITOR, new NewMovie(MovieFields.NONE.withTitle(FieldEdit.set(title))));
    }

    private List<FieldViolation> violationsOf(Runnable edit) {
        try {
            edit.run();
        } catch (InvalidEditException e) {
            return e.violations();
        }
        throw new AssertionError("the edit was accepted");
    }

    // ------------------------------------------------------------------ movies

    @Test
    void aMovieIsCreatedChangedFieldByFieldAndDeletedWithEveryStepAudited() {
        MovieTree created = editing.createMovie(EDITOR, new NewMovie(MovieFields.NONE
                .withTitle(FieldEdit.set("  Copper Valley  ")).withDescription(FieldEdit.set("Line one\nline two"))
                .withReleaseYear(FieldEdit.set(1999)).withImdbRating(FieldEdit.set(7.5)),
                List.of(SourceFields.NONE.withUrl(FieldEdit.set("https://cdn.example/cv.m3u8")),
                        SourceFields.NONE.withUrl(FieldEdit.set("https://cdn.example/cv.mp4"))
                                .withProvider(FieldEdit.set("Tubi")).withActive(FieldEdit.set(false)))));

        assertThat(created.movie().id()).isPositive();
        assertThat(created.movie().title()).isEqualTo("Copper Valley");
        assertThat(created.movie().key().isByHand()).isTrue();
        assertThat(created.movie().lockedFields()).isEmpty();
        assertThat(created.sources()).extracting(Source::url, Source::type, Source::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://cdn.example/cv.m3u8", SourceType.PLAYLIST, true),
                        org.assertj.core.groups.Tuple.tuple("https://cdn.example/cv.mp4", SourceType.DIRECT, false));
        assertThat(catalog.queries().findMovie(created.movie().id())).contains(created);

        clock.advance(java.time.Duration.ofMinutes(1));
        MovieTree changed = editing.changeMovie(EDITOR, created.movie().id(), created::equals, MovieFields.NONE
                .withImdbRating(FieldEdit.set(8.0)).withDescription(FieldEdit.clear()));

        assertThat(changed.movie().imdbRating()).isEqualTo(Rating.of(8.0));
        assertThat(changed.movie().description()).isNull();
        assertThat(changed.movie().title()).as("not in the patch: unchanged").isEqualTo("Copper Valley");
        assertThat(changed.movie().releaseYear()).isEqualTo(1999);
        assertThat(changed.movie().lockedFields()).containsExactly("description", "imdb_rating");
        assertThat(changed.movie().updatedAt()).isEqualTo(T0.plusSeconds(60));

        List<AuditEntry> changes = editing.listAudit(ADMIN, new AuditQuery("movie", created.movie().id(), null,
                T0.plusSeconds(60), null, null)).items();
        assertThat(changes).extracting(AuditEntry::field, AuditEntry::before, AuditEntry::after).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("imdb_rating", "7.5", "8.0"),
                org.assertj.core.groups.Tuple.tuple("description", "Line one\nline two", null),
                org.assertj.core.groups.Tuple.tuple("locked_fields", null, "description,imdb_rating"));
        assertThat(changes).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(EDITOR.actor());
            assertThat(e.at()).isEqualTo(T0.plusSeconds(60));
        });

        editing.deleteMovie(EDITOR, created.movie().id(), changed::equals);
        assertThat(catalog.queries().findMovie(created.movie().id())).isEmpty();
        assertThat(editing.listTombstones(EDITOR, TombstoneQuery.all(null)).total())
                .as("created by hand: nothing for an import to bring back").isZero();
        List<AuditEntry> all = audit();
        assertThat(all).filteredOn(e -> e.field().equals("*") && e.after() != null).extracting(AuditEntry::entity)
                .containsExactlyInAnyOrder("movie", "source", "source");
        assertThat(all).filteredOn(e -> e.field().equals("*") && e.after() == null).extracting(AuditEntry::entity)
                .containsExactlyInAnyOrder("movie", "source", "source");
    }

    @Test
    void aChangeThatChangesNothingWritesNothingAndLocksNothing() {
        MovieTree movie = newMovie("Same");
        MovieTree again = editing.changeMovie(EDITOR, movie.movie().id(), movie::equals,
                MovieFields.NONE.withTitle(FieldEdit.set("Same")));
        assertThat(again).isEqualTo(movie);
        assertThat(audit()).hasSize(1);
    }

    // ------------------------------------------------------- shows, seasons, episodes

    @Test
    void showsSeasonsAndEpisodesAreCreatedChangedAndDeleted() {
        ShowTree show = editing.createShow(EDITOR, ShowFields.NONE.withTitle(FieldEdit.set("Long Show"))
                .withReleaseDate(FieldEdit.set(LocalDate.of(2010, 5, 1))));
        long showId = show.show().id();
        SeasonTree season = editing.createSeason(EDITOR, showId, SeasonFields.NONE.withNumber(FieldEdit.set(0))
                .withDescription(FieldEdit.set("Specials")));
        EpisodeTree episode = editing.createEpisode(EDITOR, season.season().id(), EpisodeFields.NONE
                .withNumber(FieldEdit.set(1)).withTitle(FieldEdit.set("Behind the scenes")));
        Source source = editing.createSource(EDITOR, new SourceOwner.OfEpisode(episode.episode().id()),
                SourceFields.NONE.withUrl(FieldEdit.set("https://cdn.example/bts.mp4")));

        assertThat(editing.findSeason(season.season().id()).orElseThrow().episodes()).hasSize(1);
        assertThat(editing.findEpisode(episode.episode().id()).orElseThrow().sources()).containsExactly(source);
        assertThat(editing.findEpisode(episode.episode().id()).orElseThrow().seasonNumber()).isZero();

        ShowTree before = show(showId);
        ShowTree renamed = editing.changeShow(EDITOR, showId, before::equals,
                ShowFields.NONE.withTitle(FieldEdit.set("Longer Show")));
        assertThat(renamed.show().title()).isEqualTo("Longer Show");
        assertThat(renamed.seasons()).hasSize(1);
        SeasonTree s = editing.findSeason(season.season().id()).orElseThrow();
        SeasonTree renumbered = editing.changeSeason(EDITOR, s.season().id(), s::equals,
                SeasonFields.NONE.withNumber(FieldEdit.set(3)).withDescription(FieldEdit.set("Extras")));
        assertThat(renumbered.season().number()).isEqualTo(3);
        assertThat(renumbered.season().lockedFields()).containsExactly("description");
        EpisodeTree e = editing.findEpisode(episode.episode().id()).orElseThrow();
        EpisodeTree retitled = editing.changeEpisode(EDITOR, e.episode().id(), e::equals,
                EpisodeFields.NONE.withTitle(FieldEdit.clear()).withReleaseDate(FieldEdit.set(LocalDate.of(2011, 2, 3))));
        assertThat(retitled.episode().title()).isNull();
        assertThat(retitled.seasonNumber()).isEqualTo(3);

        editing.deleteEpisode(EDITOR, retitled.episode().id(), retitled::equals);
        assertThat(editing.findEpisode(retitled.episode().id())).isEmpty();
        assertThat(editing.findSource(source.id())).as("went with its episode").isEmpty();
        SeasonTree emptied = editing.findSeason(season.season().id()).orElseThrow();
        editing.deleteSeason(EDITOR, emptied.season().id(), emptied::equals);
        ShowTree last = show(showId);
        editing.deleteShow(EDITOR, showId, last::equals);
        assertThat(catalog.queries().findShow(showId)).isEmpty();
        assertThat(editing.listTombstones(EDITOR, TombstoneQuery.all(null)).total()).isZero();
    }

    // ---------------------------------------------------------------- sources

    @Test
    void aSourceIsSwitchedOffAndOnByHandChangedAndUnlocked() {
        MovieTree movie = newMovie("With a source");
        Source source = editing.createSource(EDITOR, new SourceOwner.OfMovie(movie.movie().id()),
                SourceFields.NONE.withUrl(FieldEdit.set("https://cdn.example/a.mp4")).withProvider(FieldEdit.set("Tubi")));
        Source off = editing.setSourceActive(EDITOR, source.id(), source::equals, false);
        assertThat(off.active()).isFalse();
        assertThat(off.lockedFields()).containsExactly("is_active");
        Source changed = editing.changeSource(EDITOR, off.id(), off::equals, SourceFields.NONE
                .withSourceType(FieldEdit.set("playlist")).withProvider(FieldEdit.clear()));
        assertThat(changed.type()).isEqualTo(SourceType.PLAYLIST);
        assertThat(changed.provider()).isNull();
        assertThat(changed.lockedFields()).containsExactly("is_active", "provider", "source_type");

        Source unlocked = editing.unlock(EDITOR, ItemRef.source(source.id()), changed::equals, "is_active");
        assertThat(unlocked.lockedFields()).containsExactly("provider", "source_type");
        assertThat(unlocked.active()).as("the value stays until the next check").isFalse();
        assertThat(editing.unlock(EDITOR, ItemRef.source(source.id()), unlocked::equals, "is_active"))
                .as("not locked: nothing to do").isEqualTo(unlocked);
        assertThat(violationsOf(() -> editing.unlock(EDITOR, ItemRef.source(source.id()), Versioned.any(), "url")))
                .extracting(FieldViolation::field).containsExactly("field");

        editing.deleteSource(EDITOR, source.id(), unlocked::equals);
        assertThat(editing.findSource(source.id())).isEmpty();
    }

    // ------------------------------------------------------- who may, which version

    @Test
    void aCallerWithoutTheScopeChangesNothing() {
        MovieTree movie = newMovie("Guarded");
        int entries = audit().size();

        assertThatThrownBy(() -> editing.createMovie(VIEWER, new NewMovie(MovieFields.NONE.withTitle(FieldEdit.set("X")))))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("needs edit");
        assertThatThrownBy(() -> editing.changeMovie(VIEWER, movie.movie().id(), Versioned.any(),
                MovieFields.NONE.withTitle(FieldEdit.set("X")))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> editing.deleteMovie(VIEWER, movie.movie().id(), Versioned.any()))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> editing.createShow(VIEWER, ShowFields.NONE.withTitle(FieldEdit.set("X"))))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> editing.unlock(VIEWER, ItemRef.movie(movie.movie().id()), Versioned.any(), "title"))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> editing.restore(VIEWER, 1)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> editing.listAudit(EDITOR, AuditQuery.all(null)))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("needs admin");

        assertThat(movie(movie.movie().id())).isEqualTo(movie);
        assertThat(movies()).hasSize(1);
        assertThat(audit()).hasSize(entries);
        assertThat(editing.listTombstones(VIEWER, TombstoneQuery.all(null)).total()).isZero();
    }

    @Test
    void aStaleVersionIsAConflictCarryingTheCurrentItemAndChangesNothing() {
        MovieTree read = newMovie("Before");
        MovieTree current = editing.changeMovie(EDITOR, read.movie().id(), read::equals,
                MovieFields.NONE.withTitle(FieldEdit.set("Saved first")));
        int entries = audit().size();

        assertThatThrownBy(() -> editing.changeMovie(EDITOR, read.movie().id(), read::equals,
                MovieFields.NONE.withTitle(FieldEdit.set("Saved second"))))
                .isInstanceOfSatisfying(EditConflictException.class, e -> assertThat(e.current()).isEqualTo(current));
        assertThatThrownBy(() -> editing.deleteMovie(EDITOR, read.movie().id(), read::equals))
                .isInstanceOf(EditConflictException.class);

        assertThat(movie(read.movie().id())).isEqualTo(current);
        assertThat(audit()).hasSize(entries);
    }

    @Test
    void aMissingItemOrParentIsNotFound() {
        assertThatThrownBy(() -> editing.changeMovie(EDITOR, 404, Versioned.any(), MovieFields.NONE))
                .isInstanceOf(ItemNotFoundException.class).hasMessage("movie 404 does not exist");
        assertThatThrownBy(() -> editing.createSeason(EDITOR, 404, SeasonFields.NONE.withNumber(FieldEdit.set(1))))
                .isInstanceOf(ItemNotFoundException.class).hasMessage("show 404 does not exist");
        assertThatThrownBy(() -> editing.createEpisode(EDITOR, 404, EpisodeFields.NONE.withNumber(FieldEdit.set(1))))
                .isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> editing.createSource(EDITOR, new SourceOwner.OfEpisode(404),
                SourceFields.NONE.withUrl(FieldEdit.set("https://a.example/x")))).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> editing.deleteSource(EDITOR, 404, Versioned.any())).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> editing.restore(EDITOR, 404)).isInstanceOf(ItemNotFoundException.class);
    }

    // --------------------------------------------------------------- validation

    @Test
    void everyRuleOfEveryMovieFieldIsReportedOnItsWireName() {
        long id = newMovie("Valid").movie().id();
        record Case(MovieFields patch, String field, String message) {
        }
        List<Case> cases = List.of(
                new Case(MovieFields.NONE.withTitle(FieldEdit.set("   ")), "title", "must not be blank"),
                new Case(MovieFields.NONE.withTitle(FieldEdit.clear()), "title", "is required and cannot be null"),
                new Case(MovieFields.NONE.withTitle(FieldEdit.set("x".repeat(501))), "title", "must be at most 500 characters"),
                new Case(MovieFields.NONE.withTitle(FieldEdit.set("bell\u0007")), "title", "must not contain control characters or line breaks"),
                new Case(MovieFields.NONE.withTitle(FieldEdit.set("half \uD800 pair")), "title", "must be valid Unicode text"),
                new Case(MovieFields.NONE.withDescription(FieldEdit.set("d".repeat(10_001))), "description", "must be at most 10,000 characters"),
                new Case(MovieFields.NONE.withImage(FieldEdit.set("javascript:alert(1)")), "image", "must be an absolute http or https URL with a host"),
                new Case(MovieFields.NONE.withImage(FieldEdit.set("/relative.png")), "image", "must be an absolute http or https URL with a host"),
                new Case(MovieFields.NONE.withImage(FieldEdit.set("https://i.example/" + "p".repeat(2040))), "image", "must be at most 2,048 characters"),
                new Case(MovieFields.NONE.withReleaseDate(FieldEdit.set(LocalDate.of(1800, 1, 1))), "release_date", "must be between 1870-01-01 and 2200-12-31"),
                new Case(MovieFields.NONE.withReleaseDate(FieldEdit.invalid("must be a date (YYYY-MM-DD)")), "release_date", "must be a date (YYYY-MM-DD)"),
                new Case(MovieFields.NONE.withReleaseYear(FieldEdit.set(1869)), "release_year", "must be between 1870 and 2200"),
                new Case(MovieFields.NONE.withReleaseYear(FieldEdit.set(2201)), "release_year", "must be between 1870 and 2200"),
                new Case(MovieFields.NONE.withImdbRating(FieldEdit.set(10.5)), "imdb_rating", "must be between 0 and 10, or null for unknown"),
                new Case(MovieFields.NONE.withKinopoiskRating(FieldEdit.set(-0.1)), "kinopoisk_rating", "must be between 0 and 10, or null for unknown"),
                new Case(MovieFields.NONE.withImdbRating(FieldEdit.set(Double.NaN)), "imdb_rating", "must be between 0 and 10, or null for unknown"),
                new Case(MovieFields.NONE.withImdbRating(FieldEdit.invalid("must be a number")), "imdb_rating", "must be a number"));
        MovieTree before = movie(id);
        for (Case c : cases) {
            assertThat(violationsOf(() -> editing.changeMovie(EDITOR, id, Versioned.any(), c.patch())))
                    .as(c.field() + ": " + c.message()).containsExactly(new FieldViolation(c.field(), c.message()));
        }
        assertThat(movie(id)).isEqualTo(before);
        assertThat(audit()).hasSize(1);
    }

    @Test
    void everyBrokenRuleIsReportedTogetherAndNothingIsStored() {
        List<FieldViolation> violations = violationsOf(() -> editing.createMovie(EDITOR, new NewMovie(MovieFields.NONE
                .withTitle(FieldEdit.set("x".repeat(600) + "\nsecond line")).withImdbRating(FieldEdit.set(11.0))
                .withImage(FieldEdit.set("ftp://files.example/p.png")),
                List.of(SourceFields.NONE.withUrl(FieldEdit.set("https://a.example/1.mp4")),
                        SourceFields.NONE.withSourceType(FieldEdit.set("mp4")),
                        SourceFields.NONE.withUrl(FieldEdit.set("https://a.example/1.mp4")).withActive(FieldEdit.clear())))));

        assertThat(violations).extracting(FieldViolation::field).containsExactly("title", "title", "image", "imdb_rating",
                "sources[1].url", "sources[1].source_type", "sources[2].is_active", "sources[2].url");
        assertThat(movies()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void seasonAndEpisodeNumbersAreAtLeastZeroAndUniqueWithinTheirParent() {
        ShowTree show = editing.createShow(EDITOR, ShowFields.NONE.withTitle(FieldEdit.set("Numbered")));
        SeasonTree one = editing.createSeason(EDITOR, show.show().id(), SeasonFields.NONE.withNumber(FieldEdit.set(1)));
        SeasonTree two = editing.createSeason(EDITOR, show.show().id(), SeasonFields.NONE.withNumber(FieldEdit.set(2)));
        editing.createEpisode(EDITOR, one.season().id(), EpisodeFields.NONE.withNumber(FieldEdit.set(1)));
        EpisodeTree second = editing.createEpisode(EDITOR, one.season().id(), EpisodeFields.NONE.withNumber(FieldEdit.set(2)));

        assertThat(violationsOf(() -> editing.createSeason(EDITOR, show.show().id(), SeasonFields.NONE)))
                .containsExactly(new FieldViolation("number", "is required"));
        assertThat(violationsOf(() -> editing.createSeason(EDITOR, show.show().id(),
                SeasonFields.NONE.withNumber(FieldEdit.set(-1))))).containsExactly(new FieldViolation("number", "must be 0 or more"));
        assertThat(violationsOf(() -> editing.createSeason(EDITOR, show.show().id(),
                SeasonFields.NONE.withNumber(FieldEdit.set(2))))).extracting(FieldViolation::field).containsExactly("number");
        assertThat(violationsOf(() -> editing.changeSeason(EDITOR, two.season().id(), Versioned.any(),
                SeasonFields.NONE.withNumber(FieldEdit.set(1))))).extracting(FieldViolation::field).containsExactly("number");
        assertThat(violationsOf(() -> editing.changeEpisode(EDITOR, second.episode().id(), Versioned.any(),
                EpisodeFields.NONE.withNumber(FieldEdit.set(1)).withTitle(FieldEdit.set("t".repeat(501))))))
                .extracting(FieldViolation::field).containsExactly("title", "number");
        assertThat(violationsOf(() -> editing.createEpisode(EDITOR, one.season().id(),
                EpisodeFields.NONE.withNumber(FieldEdit.set(-5))))).extracting(FieldViolation::field).containsExactly("number");
    }

    @Test
    void sourceUrlsAreAbsoluteHttpUniquePerOwnerAndTypesAreKnown() {
        MovieTree movie = newMovie("Sources");
        SourceOwner owner = new SourceOwner.OfMovie(movie.movie().id());
        Source first = editing.createSource(EDITOR, owner, SourceFields.NONE.withUrl(FieldEdit.set("https://a.example/1.mp4")));

        assertThat(violationsOf(() -> editing.createSource(EDITOR, owner, SourceFields.NONE)))
                .containsExactly(new FieldViolation("url", "is required"));
        assertThat(violationsOf(() -> editing.createSource(EDITOR, owner,
                SourceFields.NONE.withUrl(FieldEdit.set("https://a.example/1.mp4"))))).extracting(FieldViolation::field)
                .containsExactly("url");
        assertThat(violationsOf(() -> editing.changeSource(EDITOR, first.id(), Versioned.any(), SourceFields.NONE
                .withUrl(FieldEdit.set("file:///etc/passwd")).withSourceType(FieldEdit.set("torrent"))
                .withProvider(FieldEdit.set("p".repeat(256))).withActive(FieldEdit.clear()))))
                .extracting(FieldViolation::field).containsExactly("url", "source_type", "provider", "is_active");
    }

    // ------------------------------------------------------------- hostile input

    @Test
    void hostileInputIsStoredAsTextOrRejectedPerField() {
        String markup = "<script>alert('x')</script> & \"quotes\"";
        String sql = "Robert'); DROP TABLE movie;-- %_\\";
        MovieTree stored = editing.createMovie(EDITOR, new NewMovie(MovieFields.NONE.withTitle(FieldEdit.set(markup))
                .withDescription(FieldEdit.set(sql + "\n🎬 Ünïcödé"))));
        assertThat(movie(stored.movie().id()).movie().title()).isEqualTo(markup);
        assertThat(movie(stored.movie().id()).movie().description()).isEqualTo(sql + "\n🎬 Ünïcödé");
        MovieTree renamed = editing.changeMovie(EDITOR, stored.movie().id(), Versioned.any(),
                MovieFields.NONE.withTitle(FieldEdit.set(sql)));
        assertThat(renamed.movie().title()).isEqualTo(sql);

        String tenMegabytes = "T".repeat(10 * 1024 * 1024);
        assertThat(violationsOf(() -> editing.changeMovie(EDITOR, stored.movie().id(), Versioned.any(),
                MovieFields.NONE.withTitle(FieldEdit.set(tenMegabytes)).withDescription(FieldEdit.set(tenMegabytes)))))
                .extracting(FieldViolation::field).containsExactly("title", "description");
        assertThat(violationsOf(() -> editing.changeMovie(EDITOR, stored.movie().id(), Versioned.any(),
                MovieFields.NONE.withTitle(FieldEdit.set("nul\u0000byte")).withDescription(FieldEdit.set("esc\u001b[31m")))))
                .extracting(FieldViolation::field).containsExactly("title", "description");
        assertThat(violationsOf(() -> editing.createSource(EDITOR, new SourceOwner.OfMovie(stored.movie().id()),
                SourceFields.NONE.withUrl(FieldEdit.set("https://a.example/\u0000")))))
                .extracting(FieldViolation::field).containsExactly("url");
        assertThat(movie(stored.movie().id()).movie().title()).isEqualTo(sql);
        assertThat(audit()).allSatisfy(e -> assertThat(e.after() == null ? 0 : e.after().length()).isLessThan(20_000));
    }

    // ---------------------------------------------------------- one transaction

    @Test
    void aWriteWhoseAuditFailsLeavesNeitherTheChangeNorAnyEntry() {
        MovieTree movie = newMovie("Untouched");
        AuditTrail real = store.ports().auditTrail();
        AuditTrail failing = new AuditTrail() {
            @Override
            public void append(List<AuditEntry> entries) {
                real.append(entries);
                throw new IllegalStateException("the audit trail failed after writing");
            }

            @Override
            public Page<AuditEntry> list(AuditQuery query) {
                return real.list(query);
            }
        };
        CatalogEditing withFailingAudit = UseCases.editing(store.ports().transactions(), store.ports().handEdits(),
                store.ports().tombstones(), failing, store.ports().queries(), store.ports().items(), clock);

        assertThatThrownBy(() -> withFailingAudit.changeMovie(EDITOR, movie.movie().id(), movie::equals,
                MovieFields.NONE.withTitle(FieldEdit.set("Changed")))).hasMessageContaining("audit trail failed");
        assertThatThrownBy(() -> withFailingAudit.deleteMovie(EDITOR, movie.movie().id(), movie::equals))
                .hasMessageContaining("audit trail failed");
        assertThatThrownBy(() -> withFailingAudit.createShow(EDITOR, ShowFields.NONE.withTitle(FieldEdit.set("New"))))
                .hasMessageContaining("audit trail failed");

        assertThat(movie(movie.movie().id())).isEqualTo(movie);
        assertThat(shows()).isEmpty();
        assertThat(editing.listTombstones(EDITOR, TombstoneQuery.all(null)).total()).isZero();
        assertThat(audit()).hasSize(1);
    }

    // --------------------------------------------------------------- concurrency

    @Test
    void twoConcurrentConditionalWritesToOneItemNeverBothWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                MovieTree read = newMovie("Round " + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<MovieTree>> writes = new ArrayList<>();
                for (String title : List.of("Alice's " + round, "Bob's " + round)) {
                    Callable<MovieTree> write = () -> {
                        start.await();
                        return editing.changeMovie(EDITOR, read.movie().id(), read::equals,
                                MovieFields.NONE.withTitle(FieldEdit.set(title)));
                    };
                    writes.add(pool.submit(write));
                }
                start.countDown();
                List<MovieTree> won = new ArrayList<>();
                int conflicts = 0;
                for (Future<MovieTree> write : writes) {
                    try {
                        won.add(write.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(EditConflictException.class);
                        assertThat(((EditConflictException) e.getCause()).current()).isEqualTo(movie(read.movie().id()));
                        conflicts++;
                    }
                }
                assertThat(won).as("round " + round).hasSize(1);
                assertThat(conflicts).isEqualTo(1);
                assertThat(movie(read.movie().id())).isEqualTo(won.getFirst());
                assertThat(editing.listAudit(ADMIN, new AuditQuery("movie", read.movie().id(), null, null, null, null))
                        .items()).filteredOn(e -> e.field().equals("title")).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
