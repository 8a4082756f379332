package io.freecast.catalog.examples.cli;

import io.freecast.catalog.http.client.KinopoiskRatingProvider;
import io.freecast.catalog.http.client.OmdbRatingProvider;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.RandomRatingProvider;
import io.freecast.catalog.http.client.RatingApiSettings;
import io.freecast.catalog.port.out.RatingProvider;
import java.net.URI;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --provider}, {@code --ratings-url}, {@code --ratings-key}, {@code --rate-limit}: which ratings
 * API update-ratings asks. There is no default provider: random numbers must be asked for by name, and a
 * real API needs the operator's key.
 */
public final class RatingProviderOptions {

    @Option(names = "--provider", paramLabel = "kinopoisk|omdb|random",
            defaultValue = "${env:CATALOG_RATINGS_PROVIDER}",
            description = "Where ratings come from: kinopoisk (kinopoisk.dev API), omdb (OMDb API) or random "
                    + "(placeholder numbers 5.0-9.0, as the reference did). Env: CATALOG_RATINGS_PROVIDER. "
                    + "No default.")
    String provider;

    @Option(names = "--ratings-url", paramLabel = "URL", defaultValue = "${env:CATALOG_RATINGS_URL}",
            description = "Base URL of the ratings API. Env: CATALOG_RATINGS_URL. Default: "
                    + "https://api.kinopoisk.dev for kinopoisk, https://www.omdbapi.com for omdb.")
    String ratingsUrl;

    @Option(names = "--ratings-key", paramLabel = "KEY", defaultValue = "${env:CATALOG_RATINGS_API_KEY}",
            description = "API key of the ratings API (kinopoisk and omdb need one). Env: CATALOG_RATINGS_API_KEY "
                    + "(prefer the environment: a flag shows in the process list).")
    String ratingsKey;

    @Option(names = "--rate-limit", paramLabel = "PER-SECOND",
            defaultValue = "${env:CATALOG_RATINGS_RATE_LIMIT:-5}",
            description = "Most requests a second sent to the ratings API; 0 lifts the limit. "
                    + "Env: CATALOG_RATINGS_RATE_LIMIT. Default: ${DEFAULT-VALUE}")
    double rateLimit;

    /**
     * Checks the options without building anything, so a command can refuse them before it opens the
     * database.
     *
     * @throws ConfigurationException naming the flag and the environment variable to fix
     */
    public void validate() {
        String name = name();
        switch (name) {
            case "kinopoisk" -> settings(name, KinopoiskRatingProvider.DEFAULT_BASE_URL);
            case "omdb" -> settings(name, OmdbRatingProvider.DEFAULT_BASE_URL);
            case "random" -> { }
            default -> throw noSuchProvider(name);
        }
    }

    /** The provider the options name; checks everything before anything is sent. */
    public RatingProvider create(OutboundHttp http) {
        String name = name();
        return switch (name) {
            case "kinopoisk" -> new KinopoiskRatingProvider(http, settings(name, KinopoiskRatingProvider.DEFAULT_BASE_URL));
            case "omdb" -> new OmdbRatingProvider(http, settings(name, OmdbRatingProvider.DEFAULT_BASE_URL));
            case "random" -> new RandomRatingProvider();
            default -> throw noSuchProvider(name);
        };
    }

    private ConfigurationException noSuchProvider(String name) {
        if (name.isEmpty()) {
            return new ConfigurationException("no ratings provider chosen: pass --provider kinopoisk|omdb "
                    + "(with --ratings-key) or --provider random for placeholder ratings, or set CATALOG_RATINGS_PROVIDER");
        }
        return new ConfigurationException("unknown ratings provider '" + provider
                + "': choose kinopoisk, omdb or random (--provider or CATALOG_RATINGS_PROVIDER)");
    }

    private String name() {
        return provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
    }

    private RatingApiSettings settings(String name, URI defaultBaseUrl) {
        if (ratingsKey == null || ratingsKey.isBlank()) {
            throw new ConfigurationException("the " + name + " ratings provider needs an API key: set "
                    + "CATALOG_RATINGS_API_KEY (or pass --ratings-key)");
        }
        if (Double.isNaN(rateLimit) || rateLimit < 0) {
            throw new ConfigurationException("--rate-limit must be 0 (no limit) or a positive number of requests "
                    + "a second, got " + rateLimit);
        }
        URI base = defaultBaseUrl;
        if (ratingsUrl != null && !ratingsUrl.isBlank()) {
            try {
                base = URI.create(ratingsUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("--ratings-url is not a URL: " + ratingsUrl);
            }
        }
        try {
            return RatingApiSettings.of(base, ratingsKey.strip()).withRequestsPerSecond(rateLimit);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (--ratings-url or CATALOG_RATINGS_URL)", e);
        }
    }
}
