package io.freecast.catalog.examples.testing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes large FreeCast-format feeds (README, "Importing feeds"), streaming, for tests and the benchmark. Item {@code i}
 * is the same every time, so two feeds of one size are identical and a benchmark baseline can insert
 * exactly the rows an import of the feed creates (see {@link #movieSources} and friends).
 */
public final class FeedGenerator {

    public static final long MOVIE_ID_BASE = 1_000_000;
    public static final long SHOW_ID_BASE = 2_000_000;

    private static final JsonFactory JSON = new JsonFactory();

    private FeedGenerator() {
    }

    /** A movies feed of {@code count} items, each with two web sources. */
    public static Path movies(Path file, int count) {
        return write(file, count, FeedGenerator::movie);
    }

    /** A shows feed of {@code count} items without seasons, each with one show-level web source. */
    public static Path shows(Path file, int count) {
        return write(file, count, FeedGenerator::show);
    }

    /** Writes {@code count} items to an output stream (e.g. a slow HTTP response), without the array brackets. */
    public static void movieItems(JsonGenerator json, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            movie(json, i);
        }
    }

    public static String movieTitle(int i) {
        return "Generated Movie " + i;
    }

    public static String movieDescription(int i) {
        return "Movie number " + i + ": a generated film about the " + (i % 97) + "th lighthouse keeper, "
                + "told over one long night in a harbour town that the ships stopped visiting.";
    }

    public static String[] movieSources(int i) {
        return new String[] {"https://stream.example.org/tubi/movie-" + i, "https://stream.example.org/netflix/" + (80_000_000 + i)};
    }

    public static double movieRating(int i) {
        return 1.0 + (i % 90) / 10.0;
    }

    public static int movieYear(int i) {
        return 1950 + i % 70;
    }

    public static String showTitle(int i) {
        return "Generated Show " + i;
    }

    public static String showDescription(int i) {
        return "Show number " + i + ": a generated series following " + (i % 13) + " families in a mining town.";
    }

    public static LocalDate showFirstAired(int i) {
        return LocalDate.of(2000, 1, 1).plusDays(i % 9000);
    }

    public static double showRating(int i) {
        return 1.0 + (i % 80) / 10.0;
    }

    @FunctionalInterface
    private interface ItemWriter {
        void write(JsonGenerator json, int i) throws IOException;
    }

    private static Path write(Path file, int count, ItemWriter items) {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (int i = 0; i < count; i++) {
                items.write(json, i);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void movie(JsonGenerator json, int i) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", MOVIE_ID_BASE + i);
        json.writeStringField("slug", "generated-movie-" + i);
        json.writeStringField("name", movieTitle(i));
        json.writeStringField("description", movieDescription(i));
        json.writeStringField("image", "//img.example.org/posters/movie-" + i + ".jpg");
        json.writeStringField("bg_image", "//img.example.org/backdrops/movie-" + i + ".jpg");
        if (i % 2 == 0) {
            json.writeNumberField("imdb_rating", movieRating(i));
        } else {
            json.writeStringField("imdb_rating", Double.toString(movieRating(i)));
        }
        json.writeNumberField("release_year", movieYear(i));
        json.writeNumberField("runtime", 80 + i % 60);
        json.writeStringField("rating", "PG-13");
        json.writeObjectFieldStart("modes");
        json.writeObjectFieldStart("web_sources");
        String[] links = movieSources(i);
        webSource(json, "free", 3 * i, "Tubi", links[0]);
        webSource(json, "subscriptions", 3 * i + 1, "Netflix", links[1]);
        json.writeArrayFieldStart("authenticated");
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void show(JsonGenerator json, int i) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", SHOW_ID_BASE + i);
        json.writeStringField("slug", "generated-show-" + i);
        json.writeStringField("name", showTitle(i));
        json.writeStringField("description", showDescription(i));
        json.writeStringField("image", "//img.example.org/posters/show-" + i + ".jpg");
        json.writeNumberField("imdb_rating", showRating(i));
        json.writeStringField("first_aired", showFirstAired(i).toString());
        json.writeObjectFieldStart("modes");
        json.writeObjectFieldStart("web_sources");
        webSource(json, "subscriptions", i, "HBO Max", "https://stream.example.org/max/show-" + i);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void webSource(JsonGenerator json, String kind, long id, String name, String link) throws IOException {
        json.writeArrayFieldStart(kind);
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("name", name);
        json.writeStringField("link", link);
        json.writeEndObject();
        json.writeEndArray();
    }
}
