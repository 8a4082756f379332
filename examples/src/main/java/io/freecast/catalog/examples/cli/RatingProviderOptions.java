package io.freecast.catalog.examples.cli;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.http.client.KinopoiskRatingProvider;
import io.freecast.catalog.http.client.OmdbRatingProvider;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.RandomRatingProvider;
import io.freecast.catalog.http.client.RatingApiSettings;
import io.freecast.catalog.port.out.RatingProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * {@code --provider}, {@code --ratings-url}, {@code --ratings-key}, {@code --rate-limit} and each provider's
 * own settings: which ratings APIs are asked. There is no default provider: random numbers must be asked for
 * by name, and a real API needs the operator's key.
 *
 * <p>One provider ({@code --provider omdb}) runs as the task {@code update-ratings} and may use the general
 * settings. Several ({@code --provider omdb,kinopoisk}, {@code serve} only) run one task per rating field,
 * each on its own schedule: {@code update-imdb-ratings} (omdb) and {@code update-kinopoisk-ratings}
 * (kinopoisk). Each then needs a key of its own ({@code CATALOG_OMDB_API_KEY} or a key file): a key for one
 * API is never sent to another. Keys come from the environment or a file, so they need not appear in the
 * process list.
 */
public final class RatingProviderOptions {

    @Option(names = "--provider", paramLabel = "kinopoisk|omdb|random[,…]",
            defaultValue = "${env:CATALOG_RATINGS_PROVIDER}",
            description = "Where ratings come from: kinopoisk (kinopoisk.dev API), omdb (OMDb API) or random "
                    + "(placeholder numbers 5.0-9.0, as the reference did). serve takes several, comma-separated "
                    + "(omdb,kinopoisk): each then runs as its field's task, update-imdb-ratings and "
                    + "update-kinopoisk-ratings. Env: CATALOG_RATINGS_PROVIDER. No default.")
    String provider;

    @Option(names = "--ratings-url", paramLabel = "URL", defaultValue = "${env:CATALOG_RATINGS_URL}",
            description = "Base URL of the ratings API when one provider is chosen. Env: CATALOG_RATINGS_URL. "
                    + "Default: https://api.kinopoisk.dev for kinopoisk, https://www.omdbapi.com for omdb.")
    String ratingsUrl;

    @Option(names = "--ratings-key", paramLabel = "KEY", defaultValue = "${env:CATALOG_RATINGS_API_KEY}",
            description = "API key of the ratings API when one provider is chosen (kinopoisk and omdb need one). "
                    + "Env: CATALOG_RATINGS_API_KEY (prefer the environment or --ratings-key-file: a flag shows in "
                    + "the process list).")
    String ratingsKey;

    @Option(names = "--ratings-key-file", paramLabel = "PATH", defaultValue = "${env:CATALOG_RATINGS_API_KEY_FILE}",
            description = "A file holding the API key (one provider). Env: CATALOG_RATINGS_API_KEY_FILE.")
    String ratingsKeyFile;

    @Option(names = "--rate-limit", paramLabel = "PER-SECOND",
            defaultValue = "${env:CATALOG_RATINGS_RATE_LIMIT:-5}",
            description = "Most requests a second sent to a ratings API (each provider its own); 0 lifts the limit. "
                    + "Env: CATALOG_RATINGS_RATE_LIMIT. Default: ${DEFAULT-VALUE}")
    double rateLimit;

    @Option(names = "--omdb-url", paramLabel = "URL", defaultValue = "${env:CATALOG_OMDB_URL}",
            description = "Base URL of the OMDb API. Env: CATALOG_OMDB_URL. Default: https://www.omdbapi.com")
    String omdbUrl;

    @Option(names = "--omdb-key-file", paramLabel = "PATH", defaultValue = "${env:CATALOG_OMDB_API_KEY_FILE}",
            description = "A file holding the OMDb API key. Env: CATALOG_OMDB_API_KEY_FILE, or the key itself in "
                    + "CATALOG_OMDB_API_KEY.")
    String omdbKeyFile;

    @Option(names = "--omdb-rate-limit", paramLabel = "PER-SECOND", defaultValue = "${env:CATALOG_OMDB_RATE_LIMIT}",
            description = "Most requests a second sent to OMDb. Env: CATALOG_OMDB_RATE_LIMIT. Default: --rate-limit.")
    Double omdbRateLimit;

    @Option(names = "--kinopoisk-url", paramLabel = "URL", defaultValue = "${env:CATALOG_KINOPOISK_URL}",
            description = "Base URL of the kinopoisk.dev API. Env: CATALOG_KINOPOISK_URL. "
                    + "Default: https://api.kinopoisk.dev")
    String kinopoiskUrl;

    @Option(names = "--kinopoisk-key-file", paramLabel = "PATH", defaultValue = "${env:CATALOG_KINOPOISK_API_KEY_FILE}",
            description = "A file holding the kinopoisk.dev API key. Env: CATALOG_KINOPOISK_API_KEY_FILE, or the key "
                    + "itself in CATALOG_KINOPOISK_API_KEY.")
    String kinopoiskKeyFile;

    @Option(names = "--kinopoisk-rate-limit", paramLabel = "PER-SECOND",
            defaultValue = "${env:CATALOG_KINOPOISK_RATE_LIMIT}",
            description = "Most requests a second sent to kinopoisk.dev. Env: CATALOG_KINOPOISK_RATE_LIMIT. "
                    + "Default: --rate-limit.")
    Double kinopoiskRateLimit;

    /** Where per-provider keys are read from (never a flag); tests give their own. */
    UnaryOperator<String> environment = System::getenv;

    /**
     * Whether a provider was named at all: {@code serve} can leave scheduled rating updates off when none
     * was, where the update-ratings command refuses to run.
     */
    public boolean chosen() {
        return !names().isEmpty();
    }

    /** Whether several providers were named: each runs as the task of the field it is the source of. */
    public boolean several() {
        return names().size() > 1;
    }

    /**
     * Checks the options without building anything, so a command can refuse them before it opens the
     * database.
     *
     * @throws ConfigurationException naming the flag and the environment variable to fix
     */
    public void validate() {
        for (String name : names()) {
            check(name);
        }
    }

    /** The one provider the options name (update-ratings); checks everything before anything is sent. */
    public RatingProvider create(OutboundHttp http) {
        List<String> names = names();
        if (names.size() > 1) {
            throw new ConfigurationException("update-ratings asks one provider at a time, got --provider "
                    + String.join(",", names) + "; run it once per provider, or let serve schedule them all");
        }
        return names.isEmpty() ? create(http, "") : create(http, names.getFirst());
    }

    /** Every provider the options name, each for the per-field task of the field it is the source of. */
    public List<RatingProvider> createAll(OutboundHttp http) {
        List<RatingProvider> providers = new ArrayList<>();
        for (String name : names()) {
            providers.add(create(http, name));
        }
        return providers;
    }

    /**
     * The rating tasks these options leave without a provider, with the reason: one provider runs as
     * update-ratings, several as the per-field tasks, none as nothing.
     */
    public Map<TaskName, String> unavailableTasks() {
        Map<TaskName, String> unavailable = new EnumMap<>(TaskName.class);
        List<String> names = names();
        String none = "no ratings provider chosen (set --provider / CATALOG_RATINGS_PROVIDER to kinopoisk, omdb or "
                + "random, or to omdb,kinopoisk for both)";
        if (names.isEmpty()) {
            unavailable.put(TaskName.UPDATE_RATINGS, none);
        } else if (names.size() > 1) {
            unavailable.put(TaskName.UPDATE_RATINGS, "several ratings providers chosen: each runs as its field's "
                    + "task (update-imdb-ratings, update-kinopoisk-ratings)");
        }
        if (names.size() <= 1) {
            String reason = names.isEmpty() ? none : "one ratings provider chosen: its runs are update-ratings";
            unavailable.put(TaskName.UPDATE_IMDB_RATINGS, reason);
            unavailable.put(TaskName.UPDATE_KINOPOISK_RATINGS, reason);
        } else {
            if (!names.contains("omdb")) {
                unavailable.put(TaskName.UPDATE_IMDB_RATINGS, "no provider for imdb_rating among --provider "
                        + String.join(",", names) + " (omdb is its source)");
            }
            if (!names.contains("kinopoisk")) {
                unavailable.put(TaskName.UPDATE_KINOPOISK_RATINGS, "no provider for kinopoisk_rating among --provider "
                        + String.join(",", names) + " (kinopoisk is its source)");
            }
        }
        return unavailable;
    }

    private RatingProvider create(OutboundHttp http, String name) {
        return switch (name) {
            case "kinopoisk" -> new KinopoiskRatingProvider(http, settings(name, KinopoiskRatingProvider.DEFAULT_BASE_URL));
            case "omdb" -> new OmdbRatingProvider(http, settings(name, OmdbRatingProvider.DEFAULT_BASE_URL));
            case "random" -> new RandomRatingProvider();
            default -> throw noSuchProvider(name);
        };
    }

    private void check(String name) {
        switch (name) {
            case "kinopoisk" -> settings(name, KinopoiskRatingProvider.DEFAULT_BASE_URL);
            case "omdb" -> settings(name, OmdbRatingProvider.DEFAULT_BASE_URL);
            case "random" -> { }
            default -> throw noSuchProvider(name);
        }
    }

    private ConfigurationException noSuchProvider(String name) {
        if (name.isEmpty()) {
            return new ConfigurationException("no ratings provider chosen: pass --provider kinopoisk|omdb "
                    + "(with --ratings-key) or --provider random for placeholder ratings, or set CATALOG_RATINGS_PROVIDER");
        }
        return new ConfigurationException("unknown ratings provider '" + SchedulerOptions.abbreviate(name)
                + "': choose kinopoisk, omdb or random (--provider or CATALOG_RATINGS_PROVIDER)");
    }

    /**
     * The providers named, in order, lower case, without repeats; random only alone (it is the source of both
     * fields, so it cannot share them).
     */
    List<String> names() {
        if (provider == null || provider.isBlank()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : provider.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new ConfigurationException("--provider / CATALOG_RATINGS_PROVIDER has an empty name in '"
                        + SchedulerOptions.abbreviate(provider) + "'; separate providers with commas: omdb,kinopoisk");
            }
            if (!names.add(name)) {
                throw new ConfigurationException("--provider / CATALOG_RATINGS_PROVIDER names '" + name + "' twice");
            }
        }
        if (names.size() > 1 && names.contains("random")) {
            throw new ConfigurationException("--provider random cannot be combined with another provider: its "
                    + "placeholders would fill both rating fields");
        }
        return List.copyOf(names);
    }

    private RatingApiSettings settings(String name, URI defaultBaseUrl) {
        boolean alone = names().size() == 1;
        String upper = name.toUpperCase(Locale.ROOT);
        String key = apiKey(name, upper, alone);
        double limit = rateLimit(name, upper);
        String url = name.equals("omdb") ? omdbUrl : kinopoiskUrl;
        String urlSetting = "--" + name + "-url / CATALOG_" + upper + "_URL";
        if ((url == null || url.isBlank()) && alone) {
            url = ratingsUrl;
            urlSetting = "--ratings-url / CATALOG_RATINGS_URL";
        }
        URI base = defaultBaseUrl;
        if (url != null && !url.isBlank()) {
            try {
                base = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(urlSetting + " is not a URL: " + SchedulerOptions.abbreviate(url));
            }
        }
        try {
            return RatingApiSettings.of(base, key).withRequestsPerSecond(limit);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (" + urlSetting + ")", e);
        }
    }

    /**
     * The provider's own key ({@code CATALOG_<NAME>_API_KEY}, or its key file), else, when it is the only
     * provider, the general one. Never a key meant for another API.
     */
    private String apiKey(String name, String upper, boolean alone) {
        String own = environment.apply("CATALOG_" + upper + "_API_KEY");
        if (own != null && !own.isBlank()) {
            return own.strip();
        }
        String ownFile = name.equals("omdb") ? omdbKeyFile : kinopoiskKeyFile;
        if (ownFile != null && !ownFile.isBlank()) {
            return ApiKeyFile.read(ownFile, "--" + name + "-key-file / CATALOG_" + upper + "_API_KEY_FILE");
        }
        if (alone) {
            if (ratingsKey != null && !ratingsKey.isBlank()) {
                return ratingsKey.strip();
            }
            if (ratingsKeyFile != null && !ratingsKeyFile.isBlank()) {
                return ApiKeyFile.read(ratingsKeyFile, "--ratings-key-file / CATALOG_RATINGS_API_KEY_FILE");
            }
            throw new ConfigurationException("the " + name + " ratings provider needs an API key: set "
                    + "CATALOG_RATINGS_API_KEY or CATALOG_" + upper + "_API_KEY (or pass --ratings-key-file or "
                    + "--ratings-key)");
        }
        throw new ConfigurationException("the " + name + " ratings provider needs an API key of its own when several "
                + "providers are chosen: set CATALOG_" + upper + "_API_KEY or CATALOG_" + upper + "_API_KEY_FILE "
                + "(--" + name + "-key-file)");
    }

    private double rateLimit(String name, String upper) {
        Double own = name.equals("omdb") ? omdbRateLimit : kinopoiskRateLimit;
        double limit = own != null ? own : rateLimit;
        String setting = own != null ? "--" + name + "-rate-limit / CATALOG_" + upper + "_RATE_LIMIT" : "--rate-limit";
        if (Double.isNaN(limit) || limit < 0 || Double.isInfinite(limit)) {
            throw new ConfigurationException(setting + " must be 0 (no limit) or a positive number of requests "
                    + "a second, got " + limit);
        }
        return limit;
    }
}
