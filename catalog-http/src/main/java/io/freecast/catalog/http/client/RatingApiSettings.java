package io.freecast.catalog.http.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a ratings API and how politely.
 *
 * @param baseUrl           the API's root, e.g. {@code https://api.kinopoisk.dev}
 * @param apiKey            the key the API bills; {@code null} for none (a provider that needs one refuses
 *                          to start without it)
 * @param requestsPerSecond the most requests a second this run sends; {@code 0} lifts the limit
 * @param maxAttempts       tries per title before the provider counts as unavailable (connection
 *                          failures, 429, 5xx); at least 1
 * @param initialBackoff    the first pause after a failure without a {@code Retry-After}; doubled each time
 * @param maxWait           the longest single pause: a {@code Retry-After} longer than this (a spent daily
 *                          quota, say) fails the run at once instead of hanging it
 */
public record RatingApiSettings(URI baseUrl, String apiKey, double requestsPerSecond, int maxAttempts,
                                Duration initialBackoff, Duration maxWait) {

    /** How a refused key's message names the setting, so an application that sets it from a flag can say which. */
    public static final String API_KEY = "RatingApiSettings.apiKey";


    public static final double DEFAULT_REQUESTS_PER_SECOND = 5;
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

    public RatingApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the ratings URL must be an http(s) URL with a host, got '" + baseUrl + "'");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (Double.isNaN(requestsPerSecond) || requestsPerSecond < 0) {
            throw new IllegalArgumentException("the rate limit must be 0 (no limit) or a positive number of "
                    + "requests per second, got " + requestsPerSecond);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 20, got " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxWait, "maxWait");
        if (initialBackoff.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /** The defaults for an API at {@code baseUrl} with {@code apiKey}: 5 requests a second, 4 attempts. */
    public static RatingApiSettings of(URI baseUrl, String apiKey) {
        return new RatingApiSettings(baseUrl, apiKey, DEFAULT_REQUESTS_PER_SECOND, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_WAIT);
    }

    public RatingApiSettings withRequestsPerSecond(double perSecond) {
        return new RatingApiSettings(baseUrl, apiKey, perSecond, maxAttempts, initialBackoff, maxWait);
    }

    public RatingApiSettings withRetries(int attempts, Duration firstBackoff, Duration longestWait) {
        return new RatingApiSettings(baseUrl, apiKey, requestsPerSecond, attempts, firstBackoff, longestWait);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "RatingApiSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", requestsPerSecond=" + requestsPerSecond + ", maxAttempts=" + maxAttempts + "]";
    }
}
