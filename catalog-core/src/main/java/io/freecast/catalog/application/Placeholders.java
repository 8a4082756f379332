package io.freecast.catalog.application;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
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
 * <p>Each placeholder episode's source is the show's own web sources ({@code modes.web_sources}) when
 * the feed gives any — a real provider link is more use to a viewer than a dead example URL — and
 * otherwise one placeholder URL, {@code https://example.com/placeholder/season-N/episode-M.m3u8}
 * (provider {@code placeholder}), which validate-sources will mark inactive like any dead link.
 * Placeholders are not refreshed by later imports: a show whose web sources change keeps the ones its
 * placeholder episodes were created with, until the feed gives it real seasons.
 */
final class Placeholders {

    static final int SEASONS = 2;
    static final int EPISODES_PER_SEASON = 2;
    static final String URL_PREFIX = "https://example.com/placeholder/";
    static final String PROVIDER = "placeholder";

    private static final List<SeasonDraft> GENERIC = build(null);

    private Placeholders() {
    }

    /** The placeholder seasons for {@code show}, should it have none. */
    static List<SeasonDraft> forShow(ShowDraft show) {
        return show.sources().isEmpty() ? GENERIC : build(show.sources());
    }

    private static List<SeasonDraft> build(List<SourceDraft> webSources) {
        List<SeasonDraft> seasons = new ArrayList<>(SEASONS);
        for (int s = 1; s <= SEASONS; s++) {
            List<EpisodeDraft> episodes = new ArrayList<>(EPISODES_PER_SEASON);
            for (int e = 1; e <= EPISODES_PER_SEASON; e++) {
                List<SourceDraft> sources = webSources != null ? webSources : List.of(new SourceDraft(
                        URL_PREFIX + "season-" + s + "/episode-" + e + ".m3u8", SourceType.PLAYLIST, PROVIDER));
                episodes.add(new EpisodeDraft(e, "Episode " + e, null, null, sources));
            }
            seasons.add(new SeasonDraft(s, "Season " + s, episodes));
        }
        return List.copyOf(seasons);
    }
}
