package io.freecast.catalog.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.port.out.HandEdits;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.port.out.Tombstones;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The storage ports behind hand edits, {@link HandEdits} and {@link Tombstones}, below the use-cases: what a
 * store keeps, lists and refuses, and that their writes join the caller's transaction.
 */
public abstract class HandEditStorageContract extends EditingFixture {

    private HandEdits edits() {
        return store.ports().handEdits();
    }

    private Tombstones tombstones() {
        return store.ports().tombstones();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return store.ports().transactions().inTransaction(work);
    }

    private static Tombstone ofMovie(String feedKey) {
        return new Tombstone(0, ItemKind.MOVIE, null, feedKey, "Movie " + feedKey, T0, "account:alice");
    }

    private ShowTree importedShow() {
        store.ports().shows().upsertAll(List.of(Drafts.show("s", "Show", Drafts.seasons("s", 2, 2))), List.of());
        return catalog.queries().findShow(shows().getFirst().show().id()).orElseThrow();
    }

    @Test
    void tombstonesListNewestFirstByKindAndPageBothWays() {
        List<Long> ids = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> ids.add(inTransaction(() -> tombstones().add(ofMovie("id:" + i)))));
        long showStone = inTransaction(() -> tombstones().add(new Tombstone(0, ItemKind.SHOW, null, "slug:long-show",
                "Long Show", T0.plusSeconds(1), "token:bob/deploy")));

        Page<Tombstone> all = tombstones().list(TombstoneQuery.all(PageRequest.first(10)));
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.items()).extracting(Tombstone::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all.items().getFirst()).isEqualTo(new Tombstone(showStone, ItemKind.SHOW, null, "slug:long-show",
                "Long Show", T0.plusSeconds(1), "token:bob/deploy"));

        List<String> seen = new ArrayList<>();
        PageRequest request = new PageRequest(2, null);
        Page<Tombstone> page;
        do {
            page = tombstones().list(new TombstoneQuery(ItemKind.MOVIE, request));
            assertThat(page.total()).isEqualTo(5);
            page.items().forEach(t -> seen.add(t.identity()));
            request = new PageRequest(2, page.next());
        } while (page.next() != null);
        assertThat(seen).containsExactly("id:4", "id:3", "id:2", "id:1", "id:0");
        Page<Tombstone> back = tombstones().list(new TombstoneQuery(ItemKind.MOVIE, new PageRequest(2, page.previous())));
        assertThat(back.items()).extracting(Tombstone::identity).containsExactly("id:2", "id:1");

        assertThat(tombstones().feedKeys(ItemKind.MOVIE)).containsExactlyInAnyOrder("id:0", "id:1", "id:2", "id:3", "id:4");
        assertThat(tombstones().feedKeys(ItemKind.SHOW)).containsExactly("slug:long-show");
        assertThatThrownBy(() -> tombstones().feedKeys(ItemKind.SEASON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRemovedTombstoneIsAnsweredOnceAndGone() {
        long id = inTransaction(() -> tombstones().add(ofMovie("id:7")));

        Tombstone removed = inTransaction(() -> tombstones().remove(id)).orElseThrow();

        assertThat(removed).isEqualTo(new Tombstone(id, ItemKind.MOVIE, null, "id:7", "Movie id:7", T0, "account:alice"));
        assertThat(inTransaction(() -> tombstones().remove(id))).isEmpty();
        assertThat(tombstones().feedKeys(ItemKind.MOVIE)).isEmpty();
    }

    @Test
    void aChildsTombstoneNamesItsParentAndGoesWithIt() {
        ShowTree show = importedShow();
        long showId = show.show().id();
        long seasonId = show.seasons().getFirst().season().id();
        inTransaction(() -> tombstones().add(new Tombstone(0, ItemKind.SEASON, ItemRef.show(showId), "3", "Season 3",
                T0, "account:alice")));
        inTransaction(() -> tombstones().add(new Tombstone(0, ItemKind.EPISODE, ItemRef.season(seasonId), "9",
                "Episode 9", T0, "account:alice")));
        inTransaction(() -> tombstones().add(ofMovie("id:7")));
        assertThat(tombstones().list(new TombstoneQuery(ItemKind.SEASON, null)).items().getFirst().parent())
                .isEqualTo(ItemRef.show(showId));

        assertThatThrownBy(() -> inTransaction(() -> tombstones().add(new Tombstone(0, ItemKind.SEASON,
                ItemRef.movie(1), "1", "Season 1", T0, "account:alice")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inTransaction(() -> tombstones().add(new Tombstone(0, ItemKind.SOURCE, null,
                "https://a.example/x", "x", T0, "account:alice")))).isInstanceOf(RuntimeException.class);

        inTransaction(() -> {
            edits().deleteShow(showId);
            return null;
        });
        assertThat(tombstones().list(TombstoneQuery.all(null)).items()).extracting(Tombstone::kind)
                .containsExactly(ItemKind.MOVIE);
    }

    @Test
    void lockAnswersWhetherTheItemsTreeExists() {
        ShowTree show = importedShow();
        Source source = show.seasons().getFirst().episodes().getFirst().sources().getFirst();

        assertThat(inTransaction(() -> edits().lock(ItemRef.source(source.id())))).isTrue();
        assertThat(inTransaction(() -> edits().lock(ItemRef.season(show.seasons().get(1).season().id())))).isTrue();
        assertThat(inTransaction(() -> edits().lock(ItemRef.show(show.show().id())))).isTrue();
        assertThat(inTransaction(() -> edits().lock(ItemRef.episode(404_404)))).isFalse();
        assertThat(inTransaction(() -> edits().lock(ItemRef.movie(404_404)))).isFalse();
        assertThat(inTransaction(() -> edits().lock(ItemRef.source(404_404)))).isFalse();
    }

    @Test
    void itemsCreatedOrClaimedByHandAreTheHandsAndFeedTitlesCannotBeClaimed() {
        ShowTree show = importedShow();
        long seasonId = show.seasons().getFirst().season().id();
        Source source = show.seasons().getFirst().episodes().getFirst().sources().getFirst();
        long handSeason = inTransaction(() -> edits().insertSeason(new Season(0, show.show().id(), 7, "By hand")));
        long handMovie = inTransaction(() -> edits().insertMovie(new Movie(0, FeedKey.byHand(), null, null, "By hand",
                null, null, null, null, null, null, T0, T0)));

        assertThat(edits().addedByHand(ItemRef.season(seasonId))).isFalse();
        assertThat(edits().addedByHand(ItemRef.source(source.id()))).isFalse();
        assertThat(edits().addedByHand(ItemRef.show(show.show().id()))).isFalse();
        assertThat(edits().addedByHand(ItemRef.season(handSeason))).isTrue();
        assertThat(edits().addedByHand(ItemRef.movie(handMovie))).isTrue();
        assertThat(edits().addedByHand(ItemRef.episode(404_404))).isFalse();

        inTransaction(() -> {
            edits().claimByHand(ItemRef.source(source.id()));
            edits().claimByHand(ItemRef.season(seasonId));
            return null;
        });
        assertThat(edits().addedByHand(ItemRef.source(source.id()))).isTrue();
        assertThat(edits().addedByHand(ItemRef.season(seasonId))).isTrue();
        assertThatThrownBy(() -> inTransaction(() -> {
            edits().claimByHand(ItemRef.show(show.show().id()));
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeasonNumberTakenInItsShowIsRefusedAndTheTransactionLeavesNothing() {
        ShowTree show = importedShow();
        long showId = show.show().id();

        assertThatThrownBy(() -> inTransaction(() -> {
            edits().insertSeason(new Season(0, showId, 5, "first"));
            return edits().insertSeason(new Season(0, showId, 1, "taken"));
        })).isInstanceOf(RuntimeException.class);

        assertThat(catalog.queries().findShow(showId).orElseThrow()).isEqualTo(show);
    }

    @Test
    void handWritesAndTombstonesJoinTheCallersTransaction() {
        store.ports().movies().upsertAll(List.of(Drafts.movie("1", "Feed movie")));
        Movie feedMovie = movies().getFirst().movie();

        assertThatThrownBy(() -> inTransaction(() -> {
            edits().insertMovie(new Movie(0, FeedKey.byHand(), null, null, "By hand", null, null, null, null, null,
                    null, T0, T0));
            edits().deleteMovie(feedMovie.id());
            tombstones().add(ofMovie(feedMovie.key().value()));
            throw new IllegalStateException("the edit failed after its writes");
        })).hasMessage("the edit failed after its writes");

        assertThat(movies()).extracting(m -> m.movie()).containsExactly(feedMovie);
        assertThat(tombstones().list(TombstoneQuery.all(null)).total()).isZero();
    }

    @Test
    void anUpdateWritesTheEditableFieldsAndLocksButNeverTheFeedsIdentity() {
        store.ports().movies().upsertAll(List.of(Drafts.movie("1", "Feed movie")));
        Movie stored = movies().getFirst().movie();

        inTransaction(() -> {
            edits().updateMovie(new Movie(stored.id(), FeedKey.byHand(), "other-id", "other-slug", "Renamed",
                    "By hand", null, null, 1999, null, null, T0.minusSeconds(3600), T0.plusSeconds(5),
                    java.util.Set.of("title", "description")));
            return null;
        });

        Movie after = movie(stored.id()).movie();
        assertThat(after).isEqualTo(new Movie(stored.id(), stored.key(), stored.externalId(), stored.slug(), "Renamed",
                "By hand", null, null, 1999, null, null, stored.createdAt(), T0.plusSeconds(5),
                java.util.Set.of("description", "title")));
    }
}
