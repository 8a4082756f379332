package io.freecast.catalog.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ratings from a kinopoisk.dev-style API: {@code GET {base}/v1.4/movie/search?query={title}} with the key
 * in the {@code X-API-KEY} header.
 *
 * <p>The search answers several documents; the one taken is the first (the API's relevance order) whose
 * {@code name} or {@code alternativeName} is the title (compared as {@link FeedKey#normaliseTitle}
 * does), whose {@code type} fits a show or a movie, and whose {@code year} is the title's when the catalog
 * knows it. A same-named film of another year is another film (a remake): it is not taken. The result is
 * the kinopoisk rating, and the IMDb rating the API mirrors only for titles that have none yet (the feed's
 * IMDb rating is the primary one). A rating of 0 (not rated yet) is unknown.
 *
 * <p>An answer that is not the expected JSON (malformed, or without {@code docs}) makes the provider
 * unavailable and fails the run: an API that changed shape or a proxy's error page must be seen by the
 * operator, not quietly stamp every title as "rated, not found".
 */
public final class KinopoiskRatingProvider implements RatingProvider {

    /** The public API this adapter speaks to unless told otherwise. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.kinopoisk.dev");

    private static final Set<String> SERIES_TYPES = Set.of("tv-series", "animated-series", "mini-series");
    private static final Set<String> FILM_TYPES = Set.of("movie", "cartoon");

    private final RatingApiSettings settings;
    private final RatingApiClient client;

    /** @throws IllegalArgumentException when the settings have no API key: nothing is sent without one */
    public KinopoiskRatingProvider(OutboundHttp http, RatingApiSettings settings) {
        if (settings.apiKey() == null) {
            throw new IllegalArgumentException("the kinopoisk ratings provider needs an API key");
        }
        this.settings = settings;
        this.client = new RatingApiClient(name(), http, settings);
    }

    /** The source of kinopoisk_rating; the IMDb rating it mirrors only fills an unknown imdb_rating. */
    @Override
    public Set<RatingField> fills() {
        return Set.of(RatingField.KINOPOISK);
    }

    @Override
    public String name() {
        return "kinopoisk";
    }

    @Override
    public Optional<RatingPair> findRatings(RatingTarget title) {
        try {
            return lookUp(title);
        } catch (RuntimeException e) {
            // The API's answer may echo the key into any message on the way: none leaves with it.
            throw client.redacted(e);
        }
    }

    private Optional<RatingPair> lookUp(RatingTarget title) {
        URI uri = searchUri(title.title());
        RatingApiClient.Answer answer = client.requireOk(
                client.get(uri, Map.of("X-API-KEY", settings.apiKey())), "the search for '" + title.title() + "'");
        JsonNode docs = answer.body() == null ? null : answer.body().get("docs");
        if (docs == null || !docs.isArray()) {
            throw new RatingProviderUnavailableException("kinopoisk answered without a 'docs' list at "
                    + RatingApiClient.describe(uri) + "; is the ratings URL a kinopoisk.dev-style API?");
        }
        for (JsonNode doc : docs) {
            if (matches(doc, title)) {
                return ratingsOf(doc, title);
            }
        }
        return Optional.empty();
    }

    private URI searchUri(String title) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/v1.4/movie/search?query=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
    }

    static boolean matches(JsonNode doc, RatingTarget title) {
        String wanted = FeedKey.normaliseTitle(title.title());
        boolean sameTitle = wanted.equals(normalised(doc.get("name")))
                || wanted.equals(normalised(doc.get("alternativeName")));
        return sameTitle && fitsKind(doc.get("type"), title.kind()) && fitsYear(doc.get("year"), title.year());
    }

    private static String normalised(JsonNode name) {
        return name != null && name.isTextual() ? FeedKey.normaliseTitle(name.asText()) : null;
    }

    /** A show is a series, a movie is a film; an unknown or other type (anime, …) may be either. */
    private static boolean fitsKind(JsonNode type, TitleKind kind) {
        if (type == null || !type.isTextual()) {
            return true;
        }
        String t = type.asText();
        return kind == TitleKind.SHOW ? !FILM_TYPES.contains(t) : !SERIES_TYPES.contains(t);
    }

    private static boolean fitsYear(JsonNode year, Integer wanted) {
        return wanted == null || year == null || !year.canConvertToInt() || year.asInt() == wanted;
    }

    private static Optional<RatingPair> ratingsOf(JsonNode doc, RatingTarget title) {
        JsonNode rating = doc.path("rating");
        Rating kinopoisk = ratingOf(rating.get("kp"));
        Rating imdb = title.current().imdb() == null ? ratingOf(rating.get("imdb")) : null;
        if (kinopoisk == null && imdb == null) {
            return Optional.empty();
        }
        return Optional.of(new RatingPair(imdb, kinopoisk));
    }

    static Rating ratingOf(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        return Rating.ofNullable(value.asDouble());
    }
}
