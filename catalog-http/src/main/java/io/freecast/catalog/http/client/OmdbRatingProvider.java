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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IMDb ratings from an OMDb-style API: {@code GET {base}/?apikey={key}&t={title}&y={year}&type=movie|series}
 * answers {@code {"Response":"True","imdbRating":"7.4",…}} or {@code {"Response":"False","Error":…}}.
 *
 * <p>"Not found" and {@code "N/A"} leave the rating unknown. An answer for another title (OMDb's title
 * lookup is forgiving) is treated as not found. A refused key or a spent quota (HTTP 401, or an error
 * that says so) makes the provider unavailable, and so does an answer that is not OMDb's JSON: the run
 * fails, keeping the answers it received before.
 */
public final class OmdbRatingProvider implements RatingProvider {

    /** The public API this adapter speaks to unless told otherwise. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://www.omdbapi.com");

    private final RatingApiSettings settings;
    private final RatingApiClient client;

    /** @throws IllegalArgumentException when the settings have no API key: nothing is sent without one */
    public OmdbRatingProvider(OutboundHttp http, RatingApiSettings settings) {
        if (settings.apiKey() == null) {
            throw new IllegalArgumentException("the omdb ratings provider needs an API key");
        }
        this.settings = settings;
        this.client = new RatingApiClient(name(), http, settings);
    }

    /** The source of imdb_rating. */
    @Override
    public Set<RatingField> fills() {
        return Set.of(RatingField.IMDB);
    }

    @Override
    public String name() {
        return "omdb";
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
        RatingApiClient.Answer answer = client.requireOk(client.get(lookupUri(title), Map.of()),
                "the lookup of '" + title.title() + "'");
        JsonNode body = answer.body();
        JsonNode response = body == null ? null : body.get("Response");
        if (response == null || !response.isTextual()) {
            throw new RatingProviderUnavailableException("omdb answered without a 'Response' field at "
                    + settings.baseUrl() + "; is the ratings URL an OMDb-style API?");
        }
        if (!response.asText().equalsIgnoreCase("True")) {
            String error = answer.errorText().orElse("");
            if (refusesService(error)) {
                throw new RatingProviderUnavailableException("omdb refused the lookup: " + error
                        + " (check the API key: " + RatingApiSettings.API_KEY + ")");
            }
            return Optional.empty();
        }
        if (!sameTitle(body.get("Title"), title.title())) {
            return Optional.empty();
        }
        Rating imdb = ratingOf(body.get("imdbRating"));
        return imdb == null ? Optional.empty() : Optional.of(new RatingPair(imdb, null));
    }

    private URI lookupUri(RatingTarget title) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        StringBuilder uri = new StringBuilder(base).append("/?apikey=").append(encode(settings.apiKey()))
                .append("&t=").append(encode(title.title()));
        if (title.year() != null) {
            uri.append("&y=").append(title.year());
        }
        uri.append("&type=").append(title.kind() == TitleKind.SHOW ? "series" : "movie");
        return URI.create(uri.toString());
    }

    /** OMDb says "Invalid API key!", "No API key provided." or "Request limit reached!". */
    private static boolean refusesService(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return e.contains("api key") || e.contains("limit");
    }

    private static boolean sameTitle(JsonNode answered, String asked) {
        return answered == null || !answered.isTextual()
                || FeedKey.normaliseTitle(answered.asText()).equals(FeedKey.normaliseTitle(asked));
    }

    /** {@code "7.4"} → 7.4; {@code "N/A"}, {@code "0"} or anything unreadable → unknown. */
    static Rating ratingOf(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return Rating.ofNullable(value.asDouble());
        }
        try {
            return Rating.ofNullable(Double.valueOf(value.asText().strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
