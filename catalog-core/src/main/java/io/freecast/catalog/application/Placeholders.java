package io.freecast.catalog.application;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's placeholder hierarchy for a show the feed gives no seasons: 2 seasons × 2 episodes,
 * each episode with one source. Used only when an import runs with placeholders on, and only for a show
 * that has no seasons stored either (the repository decides that), so it is created once and never
 * overwrites real seasons.
 *
 * <p>Season N is described "Season N", episode M titled "Episode M", and each episode has one
 * playlist source {@code https://example.com/placeholder/season-N/episode-M.m3u8} with provider
 * {@code placeholder} — the same for every show, so shows share one repository call per batch, and
 * validate-sources marks them inactive like any dead link until the feed gives the show real seasons.
 */
final class Placeholders {

    static final int SEASONS = 2;
    static final int EPISODES_PER_SEASON = 2;
    static final String URL_PREFIX = "https://example.com/placeholder/";
    static final String PROVIDER = "placeholder";

    /** The placeholder seasons a show without seasons gets. */
    static final List<SeasonDraft> SEASONS_WHEN_NONE = build();

    private Placeholders() {
    }

    private static List<SeasonDraft> build() {
        List<SeasonDraft> seasons = new ArrayList<>(SEASONS);
        for (int s = 1; s <= SEASONS; s++) {
            List<EpisodeDraft> episodes = new ArrayList<>(EPISODES_PER_SEASON);
            for (int e = 1; e <= EPISODES_PER_SEASON; e++) {
                List<SourceDraft> sources = List.of(new SourceDraft(
                        URL_PREFIX + "season-" + s + "/episode-" + e + ".m3u8", SourceType.PLAYLIST, PROVIDER));
                episodes.add(new EpisodeDraft(e, "Episode " + e, null, null, sources));
            }
            seasons.add(new SeasonDraft(s, "Season " + s, episodes));
        }
        return List.copyOf(seasons);
    }
}
