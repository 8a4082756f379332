package io.freecast.catalog.http.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both ratings APIs share: the pacing, the retries and the JSON. A request is paced by the
 * {@link RequestPacer}; a connection failure, a {@code 5xx} or a {@code 429} is tried again after a pause
 * ({@code Retry-After} when the API sends one, else a doubling backoff), at most
 * {@link RatingApiSettings#maxAttempts()} times; then the provider is unavailable and the run fails.
 *
 * <p>Messages name the API by its base URL and path only: the OMDb key travels in the query string and
 * must never reach a log or a task report. Whatever the API sends back may echo the key (in an error body,
 * a redirect's URL, a malformed answer a parser quotes): every message this client logs or throws goes
 * through {@link SecretRedaction}, causes included, and so do its providers' ({@link #redacted}).
 *
 * <p>A request that fails says why in the words of {@link OutboundFailure}: "connection refused", "timed
 * out waiting for an answer", "TLS handshake failed", "unknown host".
 */
final class RatingApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(RatingApiClient.class);
    /** A search answer is a few kilobytes; anything far bigger is not an answer. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private final OutboundHttp http;
    private final RatingApiSettings settings;
    private final RequestPacer pacer;
    private final Clock clock;
    private final SecretRedaction redaction;

    RatingApiClient(String provider, OutboundHttp http, RatingApiSettings settings) {
        this(provider, http, settings, Clock.systemUTC());
    }

    RatingApiClient(String provider, OutboundHttp http, RatingApiSettings settings, Clock clock) {
        this.provider = provider;
        this.http = http;
        this.settings = settings;
        this.pacer = new RequestPacer(settings.requestsPerSecond());
        this.clock = clock;
        this.redaction = new SecretRedaction(settings.apiKey());
    }

    /** A final answer: its status and its body as JSON ({@code null} for an empty body). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The API's own error text ({@code Error}, {@code message} or {@code error}), if it gave one. */
        Optional<String> errorText() {
            if (body == null) {
                return Optional.empty();
            }
            for (String field : new String[] {"Error", "message", "error"}) {
                JsonNode node = body.get(field);
                if (node != null && node.isTextual() && !node.asText().isBlank()) {
                    return Optional.of(node.asText());
                }
                if (node != null && node.isArray() && !node.isEmpty()) {
                    return Optional.of(node.get(0).asText());
                }
            }
            return Optional.empty();
        }
    }

    /**
     * GETs {@code uri} and returns the API's final answer; 429 and 5xx are retried and never returned.
     *
     * @throws RatingProviderUnavailableException when the API cannot be asked: unreachable, still failing
     *                                            after the last attempt, asking for a pause longer than
     *                                            allowed, refused by the SSRF guard, or answering
     *                                            something that is not JSON
     */
    Answer get(URI uri, Map<String, String> headers) {
        try {
            return ask(uri, headers);
        } catch (RuntimeException e) {
            throw redacted(e);
        }
    }

    private Answer ask(URI uri, Map<String, String> headers) {
        String where = describe(uri);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            Duration pause;
            try {
                pacer.awaitTurn();
                HttpResponse<InputStream> response = http.sendFollowingRedirects(request(uri, headers),
                        BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    response.body().close();
                    String why = provider + " answered HTTP " + status + " at " + where;
                    if (last) {
                        throw unavailable(why + " on all " + settings.maxAttempts() + " attempts", null);
                    }
                    pause = pauseAfter(status, response, attempt, why);
                    LOG.info("{}; trying again in {} ms", redaction.redact(why), pause.toMillis());
                } else {
                    return new Answer(status, readJson(response, where));
                }
            } catch (BlockedTargetException e) {
                throw unavailable(e.getMessage(), e);
            } catch (RedirectException e) {
                throw unavailable(provider + " redirected badly at " + where + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                // A redirect to a URL java.net.http refuses outright (another scheme, say).
                throw unavailable(provider + " redirected badly at " + where + ": " + e.getMessage(), e);
            } catch (IOException e) {
                String why = "cannot reach " + provider + " at " + where + ": " + OutboundFailure.describe(e, uri.getHost());
                if (last) {
                    throw unavailable(why + " (" + settings.maxAttempts() + " attempts)", e);
                }
                pause = backoff(attempt);
                LOG.info("{}; trying again in {} ms", redaction.redact(why), pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while asking " + provider, e);
            }
            sleep(pause);
        }
    }

    /** Throws unless {@code answer} is a 2xx: a refused key or a bad request fails the run. */
    Answer requireOk(Answer answer, String what) {
        if (answer.ok()) {
            return answer;
        }
        String reason = answer.errorText().map(text -> ": " + text).orElse("");
        String hint = answer.status() == 401 || answer.status() == 403
                ? " (check the API key: " + RatingApiSettings.API_KEY + ")" : "";
        throw redacted(unavailable(provider + " refused " + what + " with HTTP " + answer.status() + reason + hint, null));
    }

    /**
     * {@code failure} without the API key in its message or any cause's (a new chain when one held it): what
     * a provider throws from a lookup, so nothing the API echoed leaves the adapter.
     */
    RuntimeException redacted(RuntimeException failure) {
        return redaction.redact(failure);
    }

    RatingProviderUnavailableException unavailable(String message, Throwable cause) {
        return new RatingProviderUnavailableException(message, cause);
    }

    private HttpRequest request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder.build();
    }

    private JsonNode readJson(HttpResponse<InputStream> response, String where) throws IOException {
        byte[] bytes;
        try (InputStream body = response.body()) {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw unavailable(provider + " sent more than " + MAX_BODY_BYTES + " bytes at " + where
                    + "; that is not a ratings answer", null);
        }
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw unavailable(provider + " answered HTTP " + response.statusCode() + " with malformed JSON at "
                    + where + ": " + jsonProblem(e), e);
        }
    }

    /** Jackson's reason without its source excerpt: {@code Unexpected end-of-input (line 1, column 9)}. */
    private static String jsonProblem(JacksonException e) {
        String reason = e.getOriginalMessage().replaceAll("\\s*\\(start marker.*", "").strip();
        var at = e.getLocation();
        return at == null ? reason : reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** {@code Retry-After} when the API sent one (bounded by maxWait), else the doubling backoff. */
    private Duration pauseAfter(int status, HttpResponse<?> response, int attempt, String why) {
        Optional<Duration> asked = response.headers().firstValue("Retry-After")
                .flatMap(value -> retryAfter(value, clock));
        if (asked.isEmpty()) {
            return backoff(attempt);
        }
        if (asked.get().compareTo(settings.maxWait()) > 0) {
            throw unavailable(why + " and asked to wait " + asked.get().toSeconds() + " s, longer than the "
                    + settings.maxWait().toSeconds() + " s a run waits (quota spent?)", null);
        }
        return asked.get();
    }

    private Duration backoff(int attempt) {
        Duration pause = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return pause.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : pause;
    }

    /** Parses {@code Retry-After}: delay seconds or an HTTP date (RFC 9110 §10.2.3). Unparsable: empty. */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RatingProviderUnavailableException("interrupted while waiting to retry", e);
        }
    }

    /** The URL without its query string, where keys and titles travel. */
    static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

}
