package io.freecast.catalog.examples.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.freecast.catalog.http.client.JsonFeedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the large catalog of {@code bench/scale.sh} (issue 13) as two FreeCast-format feeds, to be read by the
 * real import: {@code movies.json} ({@code --movies}, default 1,000,000, each with 1–3 web sources) and
 * {@code shows.json} ({@code --shows}, default 100,000, each with 3 seasons × 10 episodes × 1–2 sources), plus
 * {@code catalog.properties}: what was written and the benchmark's searches with the number of titles each
 * matches.
 *
 * <pre>java -cp catalog.jar:test-classes io.freecast.catalog.examples.bench.LargeCatalogFeeds --dir DIR
 *      [--movies N] [--shows N] [--seed S]</pre>
 *
 * <p>Deterministic: item {@code i} is drawn from a random generator seeded with (seed, kind, i) alone, so the same
 * seed and sizes give byte-identical files, and any one item can be recomputed without writing the rest (the
 * rare search word is the made-up word of a title in the middle of the feed). Streaming: one item is in memory
 * at a time, whatever the sizes. Items are kept compact — a million movies come to about 400 MB, under the
 * importer's 512 MiB limit per feed ({@link JsonFeedReader#DEFAULT_MAX_BYTES}), which the generator checks.
 */
public final class LargeCatalogFeeds {

    static final int SEASONS = 3;
    static final int EPISODES_PER_SEASON = 10;
    private static final long MOVIE_STREAM = 0x6d6f766965L;
    private static final long SHOW_STREAM = 0x73686f77L;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] GENRES = {"Drama", "Comedy", "Thriller", "Documentary", "Romance", "Action",
        "Horror", "Animation", "Western", "Science Fiction", "Mystery", "Family"};
    private static final String[] KINDS = {"free", "subscriptions", "ppv"};
    /** Providers and the kind of web source each is listed under. */
    private static final String[][] PROVIDERS = {{"Tubi", "free"}, {"Pluto", "free"}, {"Netflix", "subscriptions"},
        {"Hulu", "subscriptions"}, {"Max", "subscriptions"}, {"Prime Video", "subscriptions"}, {"Vudu", "ppv"},
        {"Apple TV", "ppv"}};

    private LargeCatalogFeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = null;
        int movies = 1_000_000;
        int shows = 100_000;
        long seed = 13;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--movies" -> movies = Integer.parseInt(args[i + 1]);
                case "--shows" -> shows = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null || movies < 1 || shows < 0) {
            System.err.println("usage: LargeCatalogFeeds --dir DIR [--movies N>0] [--shows N] [--seed S]");
            System.exit(2);
        }
        long started = System.nanoTime();
        CatalogSummary summary = write(dir, movies, shows, seed);
        System.out.printf(Locale.ROOT, "%s in %.1f s%n", summary.describe(), (System.nanoTime() - started) / 1e9);
    }

    /** Writes DIR/movies.json, DIR/shows.json and, last (so its presence means the feeds are whole), catalog.properties. */
    static CatalogSummary write(Path dir, int movies, int shows, long seed) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("catalog.properties"));
        SearchTerms terms = SearchTerms.forMovies(seed, movies);
        CatalogSummary summary = new CatalogSummary(seed, movies, terms);
        try (JsonGenerator json = open(dir.resolve("movies.json"))) {
            json.writeStartArray();
            for (int i = 0; i < movies; i++) {
                writeMovie(json, seed, i, summary);
            }
            json.writeEndArray();
        }
        try (JsonGenerator json = open(dir.resolve("shows.json"))) {
            json.writeStartArray();
            for (int i = 0; i < shows; i++) {
                writeShow(json, seed, i, summary);
            }
            json.writeEndArray();
        }
        summary.movieFeedBytes = requireImportable(dir.resolve("movies.json"));
        summary.showFeedBytes = requireImportable(dir.resolve("shows.json"));
        Files.writeString(dir.resolve("catalog.properties"), summary.properties());
        return summary;
    }

    /** The title of movie {@code i}: the same draw as in the feed. */
    static GeneratedTitles.Title movieTitle(long seed, int i) {
        return GeneratedTitles.title(itemRandom(seed, MOVIE_STREAM, i));
    }

    /** The generator of item {@code i} of one feed: a function of (seed, feed, i) only. */
    private static SplittableRandom itemRandom(long seed, long stream, int i) {
        return new SplittableRandom(mix(mix(seed ^ stream) + i));
    }

    /** MurmurHash3's 64-bit finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static JsonGenerator open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return JSON.createGenerator(out, JsonEncoding.UTF8);
    }

    private static long requireImportable(Path feed) throws IOException {
        long size = Files.size(feed);
        if (size > JsonFeedReader.DEFAULT_MAX_BYTES) {
            throw new IllegalStateException(feed + " is " + size + " bytes, over the importer's limit of "
                    + JsonFeedReader.DEFAULT_MAX_BYTES + ": make the items smaller or the feed shorter");
        }
        return size;
    }

    private static void writeMovie(JsonGenerator json, long seed, int i, CatalogSummary summary) throws IOException {
        SplittableRandom random = itemRandom(seed, MOVIE_STREAM, i);
        GeneratedTitles.Title title = GeneratedTitles.title(random);
        int id = i + 1;
        summary.countMovie(title.text());
        writeTitleFields(json, "m", id, title, random);
        json.writeNumberField("release_year", 1920 + random.nextInt(107));
        json.writeNumberField("runtime", 70 + random.nextInt(110));
        writeGenres(json, random);
        List<String[]> providers = pickProviders(random, 1 + random.nextInt(3));
        summary.movieSources += providers.size();
        json.writeObjectFieldStart("modes");
        json.writeObjectFieldStart("web_sources");
        for (String kind : KINDS) {
            boolean opened = false;
            for (String[] provider : providers) {
                if (!provider[1].equals(kind)) {
                    continue;
                }
                if (!opened) {
                    json.writeArrayFieldStart(kind);
                    opened = true;
                }
                json.writeStartObject();
                json.writeStringField("name", provider[0]);
                json.writeStringField("link", "https://watch.example.org/"
                        + provider[0].toLowerCase(Locale.ROOT).replace(' ', '-') + "/m" + id);
                if (kind.equals("ppv")) {
                    json.writeStringField("price", (2 + random.nextInt(4)) + ".99");
                }
                json.writeEndObject();
            }
            if (opened) {
                json.writeEndArray();
            }
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Opens a movie's or show's object ({@code kind} "m" or "s") with the fields both have, up to its rating. */
    private static void writeTitleFields(JsonGenerator json, String kind, int id, GeneratedTitles.Title title,
                                         SplittableRandom random) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("slug", kind + id);
        json.writeStringField("name", title.text());
        json.writeStringField("description", description(random));
        json.writeStringField("image", "//img.example.org/" + kind + "/" + id + ".jpg");
        writeRating(json, random);
    }

    private static void writeShow(JsonGenerator json, long seed, int i, CatalogSummary summary) throws IOException {
        SplittableRandom random = itemRandom(seed, SHOW_STREAM, i);
        GeneratedTitles.Title title = GeneratedTitles.title(random);
        int id = i + 1;
        LocalDate firstAired = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(35 * 365));
        summary.shows++;
        writeTitleFields(json, "s", id, title, random);
        json.writeStringField("first_aired", firstAired.toString());
        writeGenres(json, random);
        json.writeArrayFieldStart("seasons");
        for (int s = 1; s <= SEASONS; s++) {
            json.writeStartObject();
            json.writeNumberField("number", s);
            json.writeArrayFieldStart("episodes");
            for (int e = 1; e <= EPISODES_PER_SEASON; e++) {
                json.writeStartObject();
                json.writeNumberField("number", e);
                json.writeStringField("title", GeneratedTitles.episodeTitle(random));
                json.writeStringField("release_date", firstAired.plusDays(365L * (s - 1) + 7L * (e - 1)).toString());
                json.writeArrayFieldStart("sources");
                // A playlist always; a direct file for about half the episodes (the type follows from the URL).
                String path = "https://cdn.example.org/s" + id + "/" + s + "/" + e;
                writeEpisodeSource(json, path + ".m3u8");
                summary.episodeSources++;
                if (random.nextBoolean()) {
                    writeEpisodeSource(json, path + ".mp4");
                    summary.episodeSources++;
                }
                json.writeEndArray();
                json.writeEndObject();
                summary.episodes++;
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeEpisodeSource(JsonGenerator json, String url) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", url);
        json.writeEndObject();
    }

    /** A rating from 1.0 to 9.9, or null for about one item in 14 (unknown, as in real feeds). */
    private static void writeRating(JsonGenerator json, SplittableRandom random) throws IOException {
        if (random.nextInt(14) == 0) {
            json.writeNullField("imdb_rating");
        } else {
            json.writeNumberField("imdb_rating", (10 + random.nextInt(90)) / 10.0);
        }
    }

    private static void writeGenres(JsonGenerator json, SplittableRandom random) throws IOException {
        json.writeArrayFieldStart("genres");
        int first = random.nextInt(GENRES.length);
        json.writeString(GENRES[first]);
        if (random.nextBoolean()) {
            json.writeString(GENRES[(first + 1 + random.nextInt(GENRES.length - 1)) % GENRES.length]);
        }
        json.writeEndArray();
    }

    private static String description(SplittableRandom random) {
        return "The story of a " + GeneratedTitles.adjective(random).toLowerCase(Locale.ROOT) + " "
                + GeneratedTitles.noun(random).toLowerCase(Locale.ROOT) + " in " + GeneratedTitles.place(random) + ".";
    }

    /** {@code count} different providers, in the list's order (so each kind's array is written once). */
    private static List<String[]> pickProviders(SplittableRandom random, int count) {
        boolean[] taken = new boolean[PROVIDERS.length];
        for (int picked = 0; picked < count; ) {
            int p = random.nextInt(PROVIDERS.length);
            if (!taken[p]) {
                taken[p] = true;
                picked++;
            }
        }
        List<String[]> providers = new ArrayList<>(count);
        for (int p = 0; p < PROVIDERS.length; p++) {
            if (taken[p]) {
                providers.add(PROVIDERS[p]);
            }
        }
        return providers;
    }
}
