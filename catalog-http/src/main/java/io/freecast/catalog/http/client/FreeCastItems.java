package io.freecast.catalog.http.client;

import static io.freecast.catalog.http.client.FeedFields.abbreviate;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.port.out.FeedItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the fields of one element of a FreeCast feed (README, "Importing feeds"), as {@link FeedItemFields} read them
 * from the stream, into a show or movie draft, or a rejection.
 *
 * <p>An item is rejected only when it cannot be a catalog entry at all: not a JSON object, no usable
 * title ({@code name}, else {@code title}), an identifier or title too long to be real. Anything smaller
 * that is wrong — a source with a {@code javascript:} URL, a season without a number, an unreadable image —
 * is dropped from the item with a warning, and the item imports. Fields that are merely unknown
 * (a rating of 0 or "N/A", an empty date) become {@code null} silently: that is normal in these feeds.
 */
final class FreeCastItems {

    /** An id or slug longer than this is not an identifier; the item is rejected. */
    static final int MAX_IDENTIFIER_LENGTH = 255;
    /** A provider name longer than this is dropped (the source stays). */
    static final int MAX_PROVIDER_LENGTH = 200;
    /** An episode title longer than this drops the episode. */
    static final int MAX_EPISODE_TITLE_LENGTH = 500;
    static final int MAX_SEASON_NUMBER = 1_000;
    static final int MAX_EPISODE_NUMBER = 100_000;
    /** The kinds of {@code modes.web_sources}, in the order their sources are kept. */
    static final List<String> WEB_SOURCE_KINDS = List.of("free", "subscriptions", "authenticated", "ppv");

    private FreeCastItems() {
    }

    static FeedItem<MovieDraft> movie(long index, FeedItemFields item) {
        String itemId = itemId(item);
        Warnings warnings = new Warnings();
        try {
            Identity id = identity(item);
            MovieDraft draft = new MovieDraft(id.key(), id.externalId(), id.slug(), id.title(),
                    FeedFields.text(item.description), image(item, warnings), FeedFields.date(item.releaseDate),
                    FeedFields.year(item.releaseYear), FeedFields.rating(item.imdbRating),
                    FeedFields.rating(item.kinopoiskRating), webSources(item, warnings));
            return new FeedItem.Accepted<>(index, itemId, draft, warnings.list);
        } catch (IllegalArgumentException e) {
            return new FeedItem.Rejected<>(index, itemId, e.getMessage());
        }
    }

    static FeedItem<ShowDraft> show(long index, FeedItemFields item) {
        String itemId = itemId(item);
        Warnings warnings = new Warnings();
        try {
            Identity id = identity(item);
            ShowDraft draft = new ShowDraft(id.key(), id.externalId(), id.slug(), id.title(),
                    FeedFields.text(item.description), image(item, warnings), FeedFields.date(item.firstAired),
                    FeedFields.rating(item.imdbRating), FeedFields.rating(item.kinopoiskRating),
                    webSources(item, warnings), seasons(item, warnings));
            return new FeedItem.Accepted<>(index, itemId, draft, warnings.list);
        } catch (IllegalArgumentException e) {
            return new FeedItem.Rejected<>(index, itemId, e.getMessage());
        }
    }

    /** The id, else the slug, as the report shows it (shortened: a hostile id can be 200 KB). */
    static String itemId(FeedItemFields item) {
        String id = FeedFields.identifier(item.id);
        if (id == null) {
            id = FeedFields.text(item.slug);
        }
        return id == null ? null : abbreviate(id, 100);
    }

    private record Identity(FeedKey key, String externalId, String slug, String title) {
    }

    private static Identity identity(FeedItemFields item) {
        if (FeedFields.isBeyondDouble(item.id)) {
            throw new IllegalArgumentException("id is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        }
        String externalId = FeedFields.identifier(item.id);
        String slug = FeedFields.text(item.slug);
        requireShort(externalId, "id");
        requireShort(slug, "slug");
        String title = FeedFields.text(item.name);
        if (title == null) {
            title = FeedFields.text(item.title);
        }
        if (title == null) {
            throw new IllegalArgumentException("no usable title: 'name' (or 'title') must be a non-empty string");
        }
        return new Identity(FeedKey.of(externalId, slug, title), externalId, slug, title);
    }

    private static void requireShort(String identifier, String field) {
        if (identifier != null && identifier.length() > MAX_IDENTIFIER_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        }
    }

    private static String image(FeedItemFields item, Warnings warnings) {
        String text = FeedFields.text(item.image);
        String url = FeedFields.imageUrl(text);
        if (text != null && url == null) {
            warnings.add("image '" + abbreviate(text, 80) + "' dropped: not an http(s) URL");
        }
        return url;
    }

    /** {@code modes.web_sources.{free,subscriptions,authenticated,ppv}[]}: {@code link} and {@code name}. */
    private static List<SourceDraft> webSources(FeedItemFields item, Warnings warnings) {
        FeedNested<FeedItemFields.Modes> modes = item.modes;
        if (modes == null || modes.isNull()) {
            return List.of();
        }
        FeedNested<FeedItemFields.WebSources> webSources = modes.isExpected() ? modes.content().webSources : null;
        if (!modes.isExpected() || (webSources != null && !webSources.isNull() && !webSources.isExpected())) {
            warnings.add("modes.web_sources ignored: not an object");
            return List.of();
        }
        if (webSources == null || webSources.isNull()) {
            return List.of();
        }
        SourceList sources = new SourceList("modes.web_sources", warnings);
        for (String kind : WEB_SOURCE_KINDS) {
            FeedNested<List<FeedNested<FeedItemFields.Link>>> list = webSources.content().list(kind);
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isExpected()) {
                warnings.add("modes.web_sources." + kind + " ignored: not an array");
                continue;
            }
            for (FeedNested<FeedItemFields.Link> entry : list.content()) {
                if (!entry.isExpected()) {
                    warnings.add("a " + kind + " web source dropped: " + entry.type().description() + ", not an object");
                    continue;
                }
                sources.add(FeedFields.text(entry.content().link), null, provider(entry.content(), warnings));
            }
        }
        return sources.list;
    }

    /** {@code seasons[]}: each with a {@code number}, an optional description and {@code episodes[]}. */
    private static List<SeasonDraft> seasons(FeedItemFields item, Warnings warnings) {
        FeedNested<List<FeedNested<FeedItemFields.Season>>> seasons = item.seasons;
        if (seasons == null || seasons.isNull()) {
            return List.of();
        }
        if (!seasons.isExpected()) {
            warnings.add("seasons ignored: not an array");
            return List.of();
        }
        Map<Integer, SeasonDraft> byNumber = new LinkedHashMap<>();
        int position = 0;
        for (FeedNested<FeedItemFields.Season> entry : seasons.content()) {
            position++;
            String where = "season at position " + position;
            if (!entry.isExpected()) {
                warnings.add(where + " dropped: " + entry.type().description() + ", not an object");
                continue;
            }
            FeedItemFields.Season season = entry.content();
            Integer number = FeedFields.positiveInt(season.number, MAX_SEASON_NUMBER);
            if (number == null) {
                warnings.add(where + " dropped: 'number' is not a whole number from 1 to " + MAX_SEASON_NUMBER);
                continue;
            }
            if (byNumber.containsKey(number)) {
                warnings.add(where + " dropped: season " + number + " is listed twice (the first is kept)");
                continue;
            }
            byNumber.put(number, new SeasonDraft(number, FeedFields.text(season.description),
                    episodes(season, "season " + number, warnings)));
        }
        return List.copyOf(byNumber.values());
    }

    private static List<EpisodeDraft> episodes(FeedItemFields.Season season, String seasonName, Warnings warnings) {
        FeedNested<List<FeedNested<FeedItemFields.Episode>>> episodes = season.episodes;
        if (episodes == null || episodes.isNull()) {
            return List.of();
        }
        if (!episodes.isExpected()) {
            warnings.add(seasonName + ": episodes ignored: not an array");
            return List.of();
        }
        Map<Integer, EpisodeDraft> byNumber = new LinkedHashMap<>();
        int position = 0;
        for (FeedNested<FeedItemFields.Episode> entry : episodes.content()) {
            position++;
            String where = seasonName + ", episode at position " + position;
            if (!entry.isExpected()) {
                warnings.add(where + " dropped: " + entry.type().description() + ", not an object");
                continue;
            }
            FeedItemFields.Episode episode = entry.content();
            Integer number = FeedFields.positiveInt(episode.number, MAX_EPISODE_NUMBER);
            if (number == null) {
                warnings.add(where + " dropped: 'number' is not a whole number from 1 to " + MAX_EPISODE_NUMBER);
                continue;
            }
            if (byNumber.containsKey(number)) {
                warnings.add(where + " dropped: episode " + number + " is listed twice (the first is kept)");
                continue;
            }
            String title = FeedFields.text(episode.title);
            if (title == null) {
                title = FeedFields.text(episode.name);
            }
            if (title != null && title.length() > MAX_EPISODE_TITLE_LENGTH) {
                warnings.add(where + " dropped: title longer than " + MAX_EPISODE_TITLE_LENGTH + " characters");
                continue;
            }
            byNumber.put(number, new EpisodeDraft(number, title, FeedFields.text(episode.description),
                    FeedFields.date(episode.releaseDate), episodeSources(episode, seasonName + " episode " + number,
                    warnings)));
        }
        return List.copyOf(byNumber.values());
    }

    /** An episode's {@code sources[]}: {@code url} (or {@code link}) and {@code source_type}. */
    private static List<SourceDraft> episodeSources(FeedItemFields.Episode episode, String episodeName,
                                                    Warnings warnings) {
        FeedNested<List<FeedNested<FeedItemFields.Link>>> list = episode.sources;
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isExpected()) {
            warnings.add(episodeName + ": sources ignored: not an array");
            return List.of();
        }
        SourceList sources = new SourceList(episodeName, warnings);
        for (FeedNested<FeedItemFields.Link> entry : list.content()) {
            if (!entry.isExpected()) {
                warnings.add(episodeName + ": a source dropped: " + entry.type().description() + ", not an object");
                continue;
            }
            FeedItemFields.Link link = entry.content();
            String url = FeedFields.text(link.url);
            if (url == null) {
                url = FeedFields.text(link.link);
            }
            String provider = provider(link, warnings);
            sources.add(url, sourceType(link, episodeName, warnings), provider);
        }
        return sources.list;
    }

    private static SourceType sourceType(FeedItemFields.Link link, String episodeName, Warnings warnings) {
        String type = FeedFields.text(link.sourceType);
        if (type == null) {
            return null;
        }
        try {
            return SourceType.fromWireName(type);
        } catch (IllegalArgumentException e) {
            warnings.add(episodeName + ": source_type '" + abbreviate(type, 40)
                    + "' is not direct or playlist; guessed from the URL");
            return null;
        }
    }

    private static String provider(FeedItemFields.Link link, Warnings warnings) {
        String name = FeedFields.text(link.name);
        if (name != null && name.length() > MAX_PROVIDER_LENGTH) {
            warnings.add("provider name '" + abbreviate(name, 40) + "' dropped: longer than "
                    + MAX_PROVIDER_LENGTH + " characters");
            return null;
        }
        return name;
    }

    /** The sources of one owner, kept once per URL (a link listed as free and as ppv is one source). */
    private static final class SourceList {
        private final String owner;
        private final Warnings warnings;
        private final List<SourceDraft> list = new ArrayList<>();
        private final Set<String> urls = new HashSet<>();

        SourceList(String owner, Warnings warnings) {
            this.owner = owner;
            this.warnings = warnings;
        }

        void add(String rawUrl, SourceType type, String provider) {
            if (rawUrl == null) {
                warnings.add(owner + ": a source without a URL dropped");
                return;
            }
            String url = FeedFields.url(rawUrl);
            try {
                SourceDraft source = type == null ? SourceDraft.of(url, provider) : new SourceDraft(url, type, provider);
                if (urls.add(source.url())) {
                    list.add(source);
                }
            } catch (IllegalArgumentException e) {
                warnings.add(owner + ": source '" + abbreviate(rawUrl, 80) + "' dropped: " + e.getMessage());
            }
        }
    }

    /** What was dropped from an item that is still imported. */
    private static final class Warnings {
        private final List<String> list = new ArrayList<>();

        void add(String warning) {
            list.add(warning);
        }
    }
}
