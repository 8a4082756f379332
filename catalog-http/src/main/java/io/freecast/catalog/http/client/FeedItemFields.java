package io.freecast.catalog.http.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.List;

/**
 * The fields of one FreeCast feed item (README, "Importing feeds") that the catalog reads, taken token by token from the
 * stream; every other field, however large or deeply nested, is skipped unread. Nothing here judges a
 * value: {@link FreeCastItems} turns these fields into a draft by the tolerance rules.
 *
 * <p>A field given twice counts once, with its last value — as when a JSON object is read whole into a
 * map — and so does a nested one ({@code "modes"} twice keeps only the second {@code modes}).
 */
final class FeedItemFields {

    FeedScalar id;
    FeedScalar slug;
    FeedScalar name;
    FeedScalar title;
    FeedScalar description;
    FeedScalar image;
    FeedScalar releaseDate;
    FeedScalar releaseYear;
    FeedScalar firstAired;
    FeedScalar imdbRating;
    FeedScalar kinopoiskRating;
    FeedNested<Modes> modes;
    FeedNested<List<FeedNested<Season>>> seasons;

    private FeedItemFields() {
    }

    /**
     * Reads the object at the parser's current token ({@code START_OBJECT}) up to its end.
     *
     * @param withSeasons whether {@code seasons} is read (shows) or skipped (movies have none)
     */
    static FeedItemFields read(JsonParser parser, boolean withSeasons) throws IOException {
        FeedItemFields item = new FeedItemFields();
        for (String field = nextField(parser); field != null; field = nextField(parser)) {
            parser.nextToken();
            switch (field) {
                case "id" -> item.id = FeedScalar.read(parser);
                case "slug" -> item.slug = FeedScalar.read(parser);
                case "name" -> item.name = FeedScalar.read(parser);
                case "title" -> item.title = FeedScalar.read(parser);
                case "description" -> item.description = FeedScalar.read(parser);
                case "image" -> item.image = FeedScalar.read(parser);
                case "release_date" -> item.releaseDate = FeedScalar.read(parser);
                case "release_year" -> item.releaseYear = FeedScalar.read(parser);
                case "first_aired" -> item.firstAired = FeedScalar.read(parser);
                case "imdb_rating" -> item.imdbRating = FeedScalar.read(parser);
                case "kinopoisk_rating" -> item.kinopoiskRating = FeedScalar.read(parser);
                case "modes" -> item.modes = FeedNested.object(parser, Modes::read);
                case "seasons" -> {
                    if (withSeasons) {
                        item.seasons = FeedNested.array(parser, p -> FeedNested.object(p, Season::read));
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return item;
    }

    /** {@code modes}: only {@code web_sources} is read. */
    static final class Modes {
        FeedNested<WebSources> webSources;

        static Modes read(JsonParser parser) throws IOException {
            Modes modes = new Modes();
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                parser.nextToken();
                if (field.equals("web_sources")) {
                    modes.webSources = FeedNested.object(parser, WebSources::read);
                } else {
                    parser.skipChildren();
                }
            }
            return modes;
        }
    }

    /** {@code modes.web_sources}: the lists of {@link FreeCastItems#WEB_SOURCE_KINDS}, each of links. */
    static final class WebSources {
        private FeedNested<List<FeedNested<Link>>> free;
        private FeedNested<List<FeedNested<Link>>> subscriptions;
        private FeedNested<List<FeedNested<Link>>> authenticated;
        private FeedNested<List<FeedNested<Link>>> ppv;

        static WebSources read(JsonParser parser) throws IOException {
            WebSources sources = new WebSources();
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                parser.nextToken();
                switch (field) {
                    case "free" -> sources.free = links(parser);
                    case "subscriptions" -> sources.subscriptions = links(parser);
                    case "authenticated" -> sources.authenticated = links(parser);
                    case "ppv" -> sources.ppv = links(parser);
                    default -> parser.skipChildren();
                }
            }
            return sources;
        }

        /** The list of one kind; {@code null} when the feed has none. */
        FeedNested<List<FeedNested<Link>>> list(String kind) {
            return switch (kind) {
                case "free" -> free;
                case "subscriptions" -> subscriptions;
                case "authenticated" -> authenticated;
                case "ppv" -> ppv;
                default -> throw new IllegalArgumentException("not a web source kind: " + kind);
            };
        }
    }

    /** A season of {@code seasons[]}. */
    static final class Season {
        FeedScalar number;
        FeedScalar description;
        FeedNested<List<FeedNested<Episode>>> episodes;

        static Season read(JsonParser parser) throws IOException {
            Season season = new Season();
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                parser.nextToken();
                switch (field) {
                    case "number" -> season.number = FeedScalar.read(parser);
                    case "description" -> season.description = FeedScalar.read(parser);
                    case "episodes" -> season.episodes = FeedNested.array(parser, p -> FeedNested.object(p, Episode::read));
                    default -> parser.skipChildren();
                }
            }
            return season;
        }
    }

    /** An episode of {@code seasons[].episodes[]}. */
    static final class Episode {
        FeedScalar number;
        FeedScalar title;
        FeedScalar name;
        FeedScalar description;
        FeedScalar releaseDate;
        FeedNested<List<FeedNested<Link>>> sources;

        static Episode read(JsonParser parser) throws IOException {
            Episode episode = new Episode();
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                parser.nextToken();
                switch (field) {
                    case "number" -> episode.number = FeedScalar.read(parser);
                    case "title" -> episode.title = FeedScalar.read(parser);
                    case "name" -> episode.name = FeedScalar.read(parser);
                    case "description" -> episode.description = FeedScalar.read(parser);
                    case "release_date" -> episode.releaseDate = FeedScalar.read(parser);
                    case "sources" -> episode.sources = links(parser);
                    default -> parser.skipChildren();
                }
            }
            return episode;
        }
    }

    /** A stream link: a web source ({@code link}, {@code name}) or an episode source (also {@code url}, {@code source_type}). */
    static final class Link {
        FeedScalar url;
        FeedScalar link;
        FeedScalar name;
        FeedScalar sourceType;

        static Link read(JsonParser parser) throws IOException {
            Link link = new Link();
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                parser.nextToken();
                switch (field) {
                    case "url" -> link.url = FeedScalar.read(parser);
                    case "link" -> link.link = FeedScalar.read(parser);
                    case "name" -> link.name = FeedScalar.read(parser);
                    case "source_type" -> link.sourceType = FeedScalar.read(parser);
                    default -> parser.skipChildren();
                }
            }
            return link;
        }
    }

    private static FeedNested<List<FeedNested<Link>>> links(JsonParser parser) throws IOException {
        return FeedNested.array(parser, p -> FeedNested.object(p, Link::read));
    }

    /** The next field of the object being read, positioned on its name; {@code null} at the object's end. */
    private static String nextField(JsonParser parser) throws IOException {
        String field = parser.nextFieldName();
        if (field == null && parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonEOFException(parser, null, "the feed ends inside an object");
        }
        return field;
    }
}
