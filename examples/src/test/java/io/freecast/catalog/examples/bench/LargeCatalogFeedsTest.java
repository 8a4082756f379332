package io.freecast.catalog.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.domain.FeedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The large catalog's generator, at a small size: deterministic, the counts asked for, searches counted right. */
class LargeCatalogFeedsTest {

    private static final int MOVIES = 3_000;
    private static final int SHOWS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSameSeedAndSizesGiveByteIdenticalFilesAndAnotherSeedOthers() throws IOException {
        LargeCatalogFeeds.write(dir.resolve("a"), MOVIES, SHOWS, 7);
        LargeCatalogFeeds.write(dir.resolve("b"), MOVIES, SHOWS, 7);
        LargeCatalogFeeds.write(dir.resolve("c"), MOVIES, SHOWS, 8);

        for (String file : new String[] {"movies.json", "shows.json", "catalog.properties"}) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        assertThat(Files.readAllBytes(dir.resolve("c/movies.json")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/movies.json")));
    }

    @Test
    void aLargerCatalogStartsWithTheSmallerOnesItems() throws IOException {
        // Item i depends on (seed, i) only: the 1,000,000-movie feed begins with the items of a development-size one.
        LargeCatalogFeeds.write(dir.resolve("small"), 100, 5, 7);
        LargeCatalogFeeds.write(dir.resolve("large"), 200, 10, 7);

        JsonNode small = JSON.readTree(dir.resolve("small/movies.json").toFile());
        JsonNode large = JSON.readTree(dir.resolve("large/movies.json").toFile());
        for (int i = 0; i < 100; i++) {
            assertThat(large.get(i)).isEqualTo(small.get(i));
        }
        assertThat(JSON.readTree(dir.resolve("large/shows.json").toFile()).get(4))
                .isEqualTo(JSON.readTree(dir.resolve("small/shows.json").toFile()).get(4));
    }

    @Test
    void moviesHaveOneToThreeSourcesAndShowsThreeSeasonsOfTenEpisodesWithOneOrTwoSources() throws IOException {
        LargeCatalogFeeds.write(dir, MOVIES, SHOWS, 13);
        Map<String, String> summary = properties();

        JsonNode movies = JSON.readTree(dir.resolve("movies.json").toFile());
        assertThat(movies.size()).isEqualTo(MOVIES);
        long movieSources = 0;
        Set<Integer> sourceCounts = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode movie : movies) {
            int sources = 0;
            for (JsonNode kind : movie.at("/modes/web_sources")) {
                sources += kind.size();
            }
            sourceCounts.add(sources);
            movieSources += sources;
            ids.add(movie.get("id").asText());
            assertThat(movie.get("name").asText()).isNotBlank();
        }
        assertThat(ids).hasSize(MOVIES);
        assertThat(sourceCounts).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(summary).containsEntry("movies", "" + MOVIES).containsEntry("movie.sources", "" + movieSources);

        JsonNode shows = JSON.readTree(dir.resolve("shows.json").toFile());
        assertThat(shows.size()).isEqualTo(SHOWS);
        long episodeSources = 0;
        Set<Integer> perEpisode = new HashSet<>();
        for (JsonNode show : shows) {
            assertThat(show.get("seasons")).hasSize(3);
            for (JsonNode season : show.get("seasons")) {
                assertThat(season.get("episodes")).hasSize(10);
                for (JsonNode episode : season.get("episodes")) {
                    perEpisode.add(episode.get("sources").size());
                    episodeSources += episode.get("sources").size();
                }
            }
        }
        assertThat(perEpisode).containsExactlyInAnyOrder(1, 2);
        assertThat(summary).containsEntry("shows", "" + SHOWS).containsEntry("seasons", "" + SHOWS * 3)
                .containsEntry("episodes", "" + SHOWS * 30).containsEntry("episode.sources", "" + episodeSources);
    }

    @Test
    void theSearchesMatchAsManyTitlesAsTheSummarySaysFromCommonToNone() throws IOException {
        LargeCatalogFeeds.write(dir, MOVIES, 0, 13);
        Map<String, String> summary = properties();
        JsonNode movies = JSON.readTree(dir.resolve("movies.json").toFile());

        Map<String, Long> recounted = new LinkedHashMap<>();
        for (String name : new String[] {"common", "rare", "accented", "nomatch", "short"}) {
            String query = FeedKey.normaliseTitle(summary.get("search." + name));
            long matches = 0;
            for (JsonNode movie : movies) {
                if (FeedKey.normaliseTitle(movie.get("name").asText()).contains(query)) {
                    matches++;
                }
            }
            recounted.put(name, matches);
            assertThat(summary.get("search." + name + ".matches")).as(name).isEqualTo("" + matches);
        }
        assertThat(recounted.get("common")).isGreaterThan(MOVIES / 10);
        assertThat(recounted.get("rare")).isBetween(1L, 3L);
        assertThat(recounted.get("accented")).isBetween(1L, recounted.get("common") / 5);
        assertThat(recounted.get("nomatch")).isZero();
        assertThat(recounted.get("short")).isZero();
        assertThat(summary.get("search.short")).hasSize(2);
        assertThat(summary.get("search.accented")).isEqualTo("amélie");
        assertThat(summary.get("search.accented.q")).isEqualTo("am%C3%A9lie");
    }

    private Map<String, String> properties() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("catalog.properties"))) {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }
}
