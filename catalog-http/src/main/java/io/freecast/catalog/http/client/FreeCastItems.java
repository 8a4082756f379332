package io.freecast.catalog.http.client;

import static io.freecast.catalog.http.client.FeedFields.abbreviate;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Turns one element of a FreeCast feed (DESIGN §7) into a show or movie draft, or a rejection.
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

    static FeedItem<MovieDraft> movie(long index, JsonNode node) {
        if (!node.isObject()) {
            return new FeedItem.Rejected<>(index, null, "the item is " + typeOf(node) + ", not a JSON object");
        }
        String itemId = itemId(node);
        Warnings warnings = new Warnings();
        try {
            Identity id = identity(node);
            MovieDraft draft = new MovieDraft(id.key(), id.externalId(), id.slug(), id.title(),
                    FeedFields.text(node, "description"), image(node, warnings), FeedFields.date(node, "release_date"),
                    FeedFields.year(node, "release_year"), FeedFields.rating(node, "imdb_rating"),
                    FeedFields.rating(node, "kinopoisk_rating"), webSources(node, warnings));
            return new FeedItem.Accepted<>(index, itemId, draft, warnings.list);
        } catch (IllegalArgumentException e) {
            return new FeedItem.Rejected<>(index, itemId, e.getMessage());
        }
    }

    static FeedItem<ShowDraft> show(long index, JsonNode node) {
        if (!node.isObject()) {
            return new FeedItem.Rejected<>(index, null, "the item is " + typeOf(node) + ", not a JSON object");
        }
        String itemId = itemId(node);
        Warnings warnings = new Warnings();
        try {
            Identity id = identity(node);
            ShowDraft draft = new ShowDraft(id.key(), id.externalId(), id.slug(), id.title(),
                    FeedFields.text(node, "description"), image(node, warnings), FeedFields.date(node, "first_aired"),
                    FeedFields.rating(node, "imdb_rating"), FeedFields.rating(node, "kinopoisk_rating"),
                    webSources(node, warnings), seasons(node, warnings));
            return new FeedItem.Accepted<>(index, itemId, draft, warnings.list);
        } catch (IllegalArgumentException e) {
            return new FeedItem.Rejected<>(index, itemId, e.getMessage());
        }
    }

    /** The id, else the slug, as the report shows it (shortened: a hostile id can be 200 KB). */
    static String itemId(JsonNode node) {
        String id = FeedFields.identifier(node, "id");
        if (id == null) {
            id = FeedFields.text(node, "slug");
        }
        return id == null ? null : abbreviate(id, 100);
    }

    private record Identity(FeedKey key, String externalId, String slug, String title) {
    }

    private static Identity identity(JsonNode node) {
        String externalId = FeedFields.identifier(node, "id");
        String slug = FeedFields.text(node, "slug");
        requireShort(externalId, "id");
        requireShort(slug, "slug");
        String title = FeedFields.text(node, "name");
        if (title == null) {
            title = FeedFields.text(node, "title");
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

    private static String image(JsonNode node, Warnings warnings) {
        String text = FeedFields.text(node, "image");
        String url = FeedFields.imageUrl(text);
        if (text != null && url == null) {
            warnings.add("image '" + abbreviate(text, 80) + "' dropped: not an http(s) URL");
        }
        return url;
    }

    /** {@code modes.web_sources.{free,subscriptions,authenticated,ppv}[]}: {@code link} and {@code name}. */
    private static List<SourceDraft> webSources(JsonNode node, Warnings warnings) {
        JsonNode modes = node.get("modes");
        if (modes == null || modes.isNull()) {
            return List.of();
        }
        JsonNode webSources = modes.get("web_sources");
        if (!modes.isObject() || (webSources != null && !webSources.isNull() && !webSources.isObject())) {
            warnings.add("modes.web_sources ignored: not an object");
            return List.of();
        }
        if (webSources == null || webSources.isNull()) {
            return List.of();
        }
        SourceList sources = new SourceList("modes.web_sources", warnings);
        for (String kind : WEB_SOURCE_KINDS) {
            JsonNode list = webSources.get(kind);
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                warnings.add("modes.web_sources." + kind + " ignored: not an array");
                continue;
            }
            for (JsonNode entry : list) {
                if (!entry.isObject()) {
                    warnings.add("a " + kind + " web source dropped: " + typeOf(entry) + ", not an object");
                    continue;
                }
                sources.add(FeedFields.text(entry, "link"), null, provider(entry, warnings));
            }
        }
        return sources.list;
    }

    /** {@code seasons[]}: each with a {@code number}, an optional description and {@code episodes[]}. */
    private static List<SeasonDraft> seasons(JsonNode node, Warnings warnings) {
        JsonNode seasons = node.get("seasons");
        if (seasons == null || seasons.isNull()) {
            return List.of();
        }
        if (!seasons.isArray()) {
            warnings.add("seasons ignored: not an array");
            return List.of();
        }
        Map<Integer, SeasonDraft> byNumber = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode season : seasons) {
            position++;
            String where = "season at position " + position;
            if (!season.isObject()) {
                warnings.add(where + " dropped: " + typeOf(season) + ", not an object");
                continue;
            }
            Integer number = FeedFields.positiveInt(season, "number", MAX_SEASON_NUMBER);
            if (number == null) {
                warnings.add(where + " dropped: 'number' is not a whole number from 1 to " + MAX_SEASON_NUMBER);
                continue;
            }
            if (byNumber.containsKey(number)) {
                warnings.add(where + " dropped: season " + number + " is listed twice (the first is kept)");
                continue;
            }
            byNumber.put(number, new SeasonDraft(number, FeedFields.text(season, "description"),
                    episodes(season, "season " + number, warnings)));
        }
        return List.copyOf(byNumber.values());
    }

    private static List<EpisodeDraft> episodes(JsonNode season, String seasonName, Warnings warnings) {
        JsonNode episodes = season.get("episodes");
        if (episodes == null || episodes.isNull()) {
            return List.of();
        }
        if (!episodes.isArray()) {
            warnings.add(seasonName + ": episodes ignored: not an array");
            return List.of();
        }
        Map<Integer, EpisodeDraft> byNumber = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode episode : episodes) {
            position++;
            String where = seasonName + ", episode at position " + position;
            if (!episode.isObject()) {
                warnings.add(where + " dropped: " + typeOf(episode) + ", not an object");
                continue;
            }
            Integer number = FeedFields.positiveInt(episode, "number", MAX_EPISODE_NUMBER);
            if (number == null) {
                warnings.add(where + " dropped: 'number' is not a whole number from 1 to " + MAX_EPISODE_NUMBER);
                continue;
            }
            if (byNumber.containsKey(number)) {
                warnings.add(where + " dropped: episode " + number + " is listed twice (the first is kept)");
                continue;
            }
            String title = FeedFields.text(episode, "title");
            if (title == null) {
                title = FeedFields.text(episode, "name");
            }
            if (title != null && title.length() > MAX_EPISODE_TITLE_LENGTH) {
                warnings.add(where + " dropped: title longer than " + MAX_EPISODE_TITLE_LENGTH + " characters");
                continue;
            }
            byNumber.put(number, new EpisodeDraft(number, title, FeedFields.text(episode, "description"),
                    FeedFields.date(episode, "release_date"), episodeSources(episode, seasonName + " episode " + number,
                    warnings)));
        }
        return List.copyOf(byNumber.values());
    }

    /** An episode's {@code sources[]}: {@code url} (or {@code link}) and {@code source_type}. */
    private static List<SourceDraft> episodeSources(JsonNode episode, String episodeName, Warnings warnings) {
        JsonNode list = episode.get("sources");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            warnings.add(episodeName + ": sources ignored: not an array");
            return List.of();
        }
        SourceList sources = new SourceList(episodeName, warnings);
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                warnings.add(episodeName + ": a source dropped: " + typeOf(entry) + ", not an object");
                continue;
            }
            String url = FeedFields.text(entry, "url");
            if (url == null) {
                url = FeedFields.text(entry, "link");
            }
            String provider = provider(entry, warnings);
            sources.add(url, sourceType(entry, episodeName, warnings), provider);
        }
        return sources.list;
    }

    private static SourceType sourceType(JsonNode entry, String episodeName, Warnings warnings) {
        String type = FeedFields.text(entry, "source_type");
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

    private static String provider(JsonNode entry, Warnings warnings) {
        String name = FeedFields.text(entry, "name");
        if (name != null && name.length() > MAX_PROVIDER_LENGTH) {
            warnings.add("provider name '" + abbreviate(name, 40) + "' dropped: longer than "
                    + MAX_PROVIDER_LENGTH + " characters");
            return null;
        }
        return name;
    }

    /** A JSON value's type, for messages: "a string", "an array", "null". */
    static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY, POJO -> "a value of an unexpected type";
        };
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
