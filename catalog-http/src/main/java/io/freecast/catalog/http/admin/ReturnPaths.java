package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.in.ItemQueries;

/**
 * Where a form sends the browser back to: the page it was posted from when that is one of the admin's own
 * item pages (the {@code back} field is the browser's, so anything else is ignored), else the item's owner.
 */
final class ReturnPaths {

    private static final String OWN_PAGES = "/(dead-links|shows/\\d{1,18}|movies/\\d{1,18}|seasons/\\d{1,18}|episodes/\\d{1,18}|sources/\\d{1,18})";

    private ReturnPaths() {
    }

    /** {@code back} when it names an admin item page, else {@code otherwise}. */
    static String back(String back, String otherwise) {
        return back != null && back.matches(OWN_PAGES) ? back : otherwise;
    }

    /** The page that shows a source: its movie's, or its episode's show's; the dead links when that is gone. */
    static String ownerPage(SourceOwner owner, ItemQueries items) {
        return switch (owner) {
            case SourceOwner.OfMovie movie -> "/movies/" + movie.id();
            case SourceOwner.OfEpisode episode -> items.findEpisode(episode.id())
                    .flatMap(e -> items.findSeason(e.episode().seasonId()))
                    .map(s -> "/shows/" + s.season().showId()).orElse("/dead-links");
        };
    }
}
