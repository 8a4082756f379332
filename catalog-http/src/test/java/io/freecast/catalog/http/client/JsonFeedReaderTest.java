package io.freecast.catalog.http.client;

import static io.freecast.catalog.http.client.FeedReading.accepted;
import static io.freecast.catalog.http.client.FeedReading.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedUnreadableException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The FreeCast format and its tolerance rules, read from files and classpath resources. */
class JsonFeedReaderTest {

    @TempDir
    Path dir;

    private OutboundHttp http;
    private FeedReading feeds;

    @BeforeEach
    void setUp() {
        http = new OutboundHttp(OutboundHttpSettings.defaults());
        feeds = new FeedReading(dir, new JsonFeedReader(http));
    }

    @AfterEach
    void tearDown() {
        http.close();
    }

    // --- the sample feeds -------------------------------------------------------------------------------

    @Test
    void readsTheSampleMoviesFeedWithEveryFieldAsTheFormatMeansIt() {
        List<FeedItem<MovieDraft>> items = new ArrayList<>();
        new JsonFeedReader(http).readMovies(FeedLocation.parse("classpath:feeds/movies.sample.json"), items::add);

        assertThat(items).hasSize(3).allMatch(i -> i instanceof FeedItem.Accepted<MovieDraft> a && a.warnings().isEmpty());
        MovieDraft harbor = accepted(items.get(0)).draft();
        assertThat(harbor.key()).isEqualTo(new FeedKey("id:101"));
        assertThat(harbor.slug()).isEqualTo("the-silent-harbor");
        assertThat(harbor.title()).isEqualTo("The Silent Harbor");
        assertThat(harbor.image()).isEqualTo("https://img.example.org/posters/the-silent-harbor.jpg");
        assertThat(harbor.imdbRating()).isEqualTo(Rating.of(7.4));
        assertThat(harbor.releaseYear()).isEqualTo(2019);
        assertThat(harbor.sources()).containsExactly(
                new SourceDraft("https://stream.example.org/tubi/the-silent-harbor", SourceType.DIRECT, "Tubi"),
                new SourceDraft("https://stream.example.org/netflix/80001234", SourceType.DIRECT, "Netflix"),
                new SourceDraft("https://stream.example.org/vudu/the-silent-harbor", SourceType.DIRECT, "Vudu"));

        MovieDraft moons = accepted(items.get(1)).draft();
        assertThat(moons.imdbRating()).isEqualTo(Rating.of(6.9));
        assertThat(moons.sources()).isEmpty();

        MovieDraft nightshift = accepted(items.get(2)).draft();
        assertThat(nightshift.description()).isNull();
        assertThat(nightshift.image()).isNull();
        assertThat(nightshift.imdbRating()).isNull();
        assertThat(nightshift.releaseYear()).isNull();
        assertThat(items).extracting(FeedItem::index).containsExactly(0L, 1L, 2L);
        assertThat(items).extracting(FeedItem::itemId).containsExactly("101", "102", "103");
    }

    @Test
    void readsTheSampleShowsFeedWithNestedSeasonsEpisodesAndSources() {
        List<FeedItem<ShowDraft>> items = new ArrayList<>();
        new JsonFeedReader(http).readShows(FeedLocation.parse("classpath:feeds/shows.sample.json"), items::add);

        assertThat(items).hasSize(3);
        ShowDraft copper = accepted(items.get(0)).draft();
        assertThat(copper.releaseDate()).isEqualTo(LocalDate.of(2018, 3, 11));
        assertThat(copper.image()).isEqualTo("https://img.example.org/posters/copper-valley.jpg");
        assertThat(copper.sources()).containsExactly(
                new SourceDraft("https://stream.example.org/max/copper-valley", SourceType.DIRECT, "HBO Max"));
        assertThat(copper.seasons()).isEmpty();

        ShowDraft understudies = accepted(items.get(1)).draft();
        assertThat(understudies.seasons()).hasSize(1);
        SeasonDraft one = understudies.seasons().getFirst();
        assertThat(one.number()).isEqualTo(1);
        assertThat(one.description()).isEqualTo("The first season.");
        assertThat(one.episodes()).extracting(EpisodeDraft::number, EpisodeDraft::title, EpisodeDraft::releaseDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Places, Please", LocalDate.of(2020, 9, 1)),
                        org.assertj.core.groups.Tuple.tuple(2, "The Swing", LocalDate.of(2020, 9, 8)));
        assertThat(one.episodes().get(0).sources()).containsExactly(
                new SourceDraft("https://stream.example.org/hulu/understudies/s1e1", SourceType.DIRECT, null));
        assertThat(one.episodes().get(1).sources()).containsExactly(
                new SourceDraft("https://stream.example.org/hulu/understudies/s1.m3u8", SourceType.PLAYLIST, null));

        ShowDraft lowTide = accepted(items.get(2)).draft();
        assertThat(lowTide.imdbRating()).as("0 means unknown").isNull();
        assertThat(lowTide.releaseDate()).as("an empty first_aired is unknown").isNull();
    }

    // --- field tolerance ----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7.4 | 7.4", "'\"6.9\"' | 6.9", "'\" 8,1 \"' | 8.1", "10 | 10.0", "'\"10\"' | 10.0",
        "null | ", "0 | ", "'\"0\"' | ", "'\"N/A\"' | ", "'\"\"' | ", "-3 | ", "'\"-3\"' | ", "11 | ", "1e308 | ",
        "'\"abc\"' | ", "true | ", "{} | ", "[] | ", "'\"NaN\"' | ", "'\"Infinity\"' | "})
    void readsRatingsAsNumbersOrNumericStringsAndEverythingElseAsUnknown(String json, Double expected) throws IOException {
        MovieDraft movie = feeds.movie("{\"name\": \"M\", \"imdb_rating\": " + json + ", \"kinopoisk_rating\": " + json + "}");
        Rating rating = expected == null ? null : Rating.of(expected);
        assertThat(movie.imdbRating()).isEqualTo(rating);
        assertThat(movie.kinopoiskRating()).isEqualTo(rating);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2019 | 2019", "'\"2019\"' | 2019", "'\" 2019 \"' | 2019", "'\"2019-05-01\"' | 2019", "2019.0 | 2019",
        "'\"\"' | ", "null | ", "0 | ", "-5 | ", "99999 | ", "1869 | ", "2201 | ", "'\"abc\"' | ", "2019.5 | ",
        "{} | ", "[2019] | ", "true | ", "'\"20190\"' | "})
    void readsReleaseYearTolerantlyAndAbsurdYearsAsUnknown(String json, Integer expected) throws IOException {
        MovieDraft movie = feeds.movie("{\"name\": \"M\", \"release_year\": " + json + "}");
        assertThat(movie.releaseYear()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"2018-03-11\"' | 2018-03-11", "'\"2018-03-11T20:00:00Z\"' | 2018-03-11", "'\" 2018-03-11 \"' | 2018-03-11",
        "'\"\"' | ", "null | ", "'\"2018-02-30\"' | ", "'\"0000-00-00\"' | ", "'\"11/03/2018\"' | ", "2018 | ",
        "'\"1500-01-01\"' | ", "'\"9999-12-31\"' | ", "{} | ", "'\"soon\"' | "})
    void readsFirstAiredTolerantlyAndBadDatesAsUnknown(String json, LocalDate expected) throws IOException {
        ShowDraft show = feeds.show("{\"name\": \"S\", \"first_aired\": " + json + "}");
        assertThat(show.releaseDate()).isEqualTo(expected);
    }

    @Test
    void turnsProtocolRelativeImagesIntoHttpsAndDropsImagesThatAreNotWebUrls() throws IOException {
        assertThat(feeds.movie("{\"name\": \"M\", \"image\": \"//img.example.org/p.jpg\"}").image())
                .isEqualTo("https://img.example.org/p.jpg");
        assertThat(feeds.movie("{\"name\": \"M\", \"image\": \"http://img.example.org/p.jpg\"}").image())
                .isEqualTo("http://img.example.org/p.jpg");
        assertThat(feeds.movie("{\"name\": \"M\", \"image\": \" https://img.example.org/a b.jpg \"}").image())
                .isEqualTo("https://img.example.org/a%20b.jpg");
        for (String bad : List.of("javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/p.jpg", "/relative/p.jpg",
                "https://" + "a".repeat(5000) + ".org/p.jpg")) {
            FeedItem.Accepted<MovieDraft> item = accepted(feeds.movies("[{\"name\": \"M\", \"image\": \"" + bad + "\"}]").getFirst());
            assertThat(item.draft().image()).as(bad).isNull();
            assertThat(item.warnings()).singleElement().asString().contains("image").contains("dropped");
        }
        assertThat(feeds.movie("{\"name\": \"M\", \"image\": \"\"}").image()).isNull();
        assertThat(feeds.movie("{\"name\": \"M\", \"image\": 42}").image()).isNull();
    }

    @Test
    void keepsOnlyHttpSourcesAndDropsEachBadOneWithAWarningButKeepsTheItem() throws IOException {
        String longUrl = "https://stream.example.org/" + "x".repeat(5000);
        FeedItem.Accepted<MovieDraft> item = accepted(feeds.movies("""
                [{"name": "M", "modes": {"web_sources": {
                  "free": [
                    {"name": "Good", "link": "https://stream.example.org/good"},
                    {"name": "Js", "link": "javascript:alert(1)"},
                    {"name": "File", "link": "file:///etc/passwd"},
                    {"name": "Loop", "link": "http://127.0.0.1/admin"},
                    {"name": "Spaces", "link": " https://stream.example.org/with space "},
                    {"name": "Long", "link": "%s"},
                    {"name": "NoLink"},
                    {"name": "Empty", "link": ""},
                    {"name": "Relative", "link": "//cdn.example.org/live.m3u8"},
                    "just a string", 42, null
                  ],
                  "subscriptions": [{"name": "Again", "link": "https://stream.example.org/good"}],
                  "authenticated": "not an array",
                  "ppv": [{"name": {"nested": true}, "link": "https://stream.example.org/ppv", "price": "3.99"}],
                  "unknown_kind": [{"link": "https://stream.example.org/ignored"}]
                }}}]""".formatted(longUrl)).getFirst());

        assertThat(item.draft().sources()).containsExactly(
                new SourceDraft("https://stream.example.org/good", SourceType.DIRECT, "Good"),
                new SourceDraft("http://127.0.0.1/admin", SourceType.DIRECT, "Loop"),
                new SourceDraft("https://stream.example.org/with%20space", SourceType.DIRECT, "Spaces"),
                new SourceDraft("https://cdn.example.org/live.m3u8", SourceType.PLAYLIST, "Relative"),
                new SourceDraft("https://stream.example.org/ppv", SourceType.DIRECT, null));
        assertThat(item.warnings()).hasSize(9);
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("javascript:alert(1)").contains("http or https"));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("file:///etc/passwd"));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("longer than 2048"));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("authenticated ignored: not an array"));
        assertThat(item.warnings()).allSatisfy(w -> assertThat(w.length()).isLessThan(300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"modes\": \"free\"", "\"modes\": []", "\"modes\": {\"web_sources\": []}",
        "\"modes\": {\"web_sources\": 7}", "\"modes\": null", "\"modes\": {\"web_sources\": null}", "\"modes\": {}"})
    void survivesWebSourcesOfTheWrongType(String modes) throws IOException {
        assertThat(feeds.movie("{\"name\": \"M\", " + modes + "}").sources()).isEmpty();
    }

    @Test
    void identifiesItemsByIdWrittenAsNumberOrStringAlikeThenSlugThenTitle() throws IOException {
        assertThat(feeds.movie("{\"id\": 101, \"name\": \"M\"}").key()).isEqualTo(new FeedKey("id:101"));
        assertThat(feeds.movie("{\"id\": \"101\", \"name\": \"M\"}").key()).isEqualTo(new FeedKey("id:101"));
        assertThat(feeds.movie("{\"id\": 101.0, \"name\": \"M\"}").key()).isEqualTo(new FeedKey("id:101"));
        assertThat(feeds.movie("{\"id\": {\"x\": 1}, \"slug\": \"Paper-Moons\", \"name\": \"M\"}").key())
                .isEqualTo(new FeedKey("slug:paper-moons"));
        assertThat(feeds.movie("{\"id\": \"\", \"slug\": null, \"name\": \"Amélie \"}").key())
                .isEqualTo(new FeedKey("title:amelie"));
    }

    @Test
    void takesTheTitleFromNameElseTitleAndKeepsUnicodeExactly() throws IOException {
        assertThat(feeds.movie("{\"title\": \"From title\"}").title()).isEqualTo("From title");
        assertThat(feeds.movie("{\"name\": \"\", \"title\": \"Fallback\"}").title()).isEqualTo("Fallback");
        assertThat(feeds.movie("{\"name\": 1917}").title()).isEqualTo("1917");
        String unicode = "Амели — 天使 🎬 مرحبا e\u0301";
        assertThat(feeds.movie("{\"name\": \"" + unicode + "\", \"description\": \"" + unicode + "\"}"))
                .satisfies(m -> {
                    assertThat(m.title()).isEqualTo(unicode);
                    assertThat(m.description()).isEqualTo(unicode);
                });
    }

    @Test
    void removesControlCharactersAndRepairsBrokenUnicodeSoDatabasesStoreWhatWasRead() throws IOException {
        MovieDraft movie = feeds.movie("{\"name\": \"Nul\\u0000Byte\\u0007\", \"description\": \"half \\ud83c pair\\tok\"}");
        assertThat(movie.title()).isEqualTo("NulByte");
        assertThat(movie.description()).isEqualTo("half \uFFFD pair\tok");
    }

    @Test
    void keepsA200KilobyteDescriptionButRejectsA200KilobyteTitleOrId() throws IOException {
        String huge = "é".repeat(200_000);
        assertThat(feeds.movie("{\"name\": \"M\", \"description\": \"" + huge + "\"}").description()).isEqualTo(huge);

        List<FeedItem<MovieDraft>> items = feeds.movies("[{\"id\": 1, \"name\": \"" + huge + "\"},"
                + "{\"id\": \"" + huge + "\", \"name\": \"M\"}, {\"slug\": \"" + huge + "\", \"name\": \"M\"}]");
        assertThat(rejected(items.get(0)).reason()).isEqualTo("title is longer than 500 characters");
        assertThat(rejected(items.get(1)).reason()).isEqualTo("id is longer than 255 characters");
        assertThat(rejected(items.get(1)).itemId()).hasSize(101);
        assertThat(rejected(items.get(2)).reason()).isEqualTo("slug is longer than 255 characters");
    }

    @Test
    void rejectsElementsThatAreNotObjectsOrHaveNoTitleWithTheirIndexAndId() throws IOException {
        List<FeedItem<MovieDraft>> items = feeds.movies("""
                ["a string", 42, null, true, [1, [2, {"name": "nested"}]],
                 {"id": 7}, {"id": 8, "name": "  "}, {"slug": "s9", "name": {"en": "Object"}}, {"id": 10, "name": null, "title": []},
                 {"id": 11, "name": "Fine", "release_year": 1700}]""");

        assertThat(items).hasSize(10);
        assertThat(rejected(items.get(0))).isEqualTo(new FeedItem.Rejected<>(0, null, "the item is a string, not a JSON object"));
        assertThat(rejected(items.get(1)).reason()).isEqualTo("the item is a number, not a JSON object");
        assertThat(rejected(items.get(2)).reason()).isEqualTo("the item is null, not a JSON object");
        assertThat(rejected(items.get(3)).reason()).isEqualTo("the item is a boolean, not a JSON object");
        assertThat(rejected(items.get(4)).reason()).isEqualTo("the item is an array, not a JSON object");
        String noTitle = "no usable title: 'name' (or 'title') must be a non-empty string";
        assertThat(rejected(items.get(5))).isEqualTo(new FeedItem.Rejected<>(5, "7", noTitle));
        assertThat(rejected(items.get(6))).isEqualTo(new FeedItem.Rejected<>(6, "8", noTitle));
        assertThat(rejected(items.get(7))).isEqualTo(new FeedItem.Rejected<>(7, "s9", noTitle));
        assertThat(rejected(items.get(8))).isEqualTo(new FeedItem.Rejected<>(8, "10", noTitle));
        assertThat(accepted(items.get(9)).draft().releaseYear()).as("an absurd year is unknown, not a rejection").isNull();
    }

    @Test
    void ignoresUnknownFieldsOfAnyShape() throws IOException {
        MovieDraft movie = feeds.movie("""
                {"name": "M", "runtime": 112, "rating": "PG-13", "bg_image": "//x.org/b.jpg",
                 "cast": [{"name": "A", "roles": [[[]]]}], "extra": {"deep": {"deeper": [null, true, 1.5e300]}}}""");
        assertThat(movie.title()).isEqualTo("M");
    }

    @Test
    void skipsUnknownFieldsAtEveryLevelHoweverLargeOrDeepWithoutTheirContentCounting() throws IOException {
        String deep = "[".repeat(200) + "{\"name\": \"inner\", \"link\": \"https://x.org/inner\"}" + "]".repeat(200);
        String big = "x".repeat(1_000_000);
        FeedItem.Accepted<ShowDraft> item = accepted(feeds.shows("""
                [{"deep": %1$s, "big": "%2$s", "link": "https://x.org/top", "number": 9, "id": 5, "name": "S",
                  "modes": {"deep": %1$s, "web_sources": {"deep": %1$s, "free": [
                      {"deep": %1$s, "url": "https://x.org/not-a-web-source-field", "link": "https://x.org/w"}]}},
                  "seasons": [{"deep": %1$s, "name": "Named", "number": 1, "episodes": [
                      {"deep": %1$s, "big": "%2$s", "number": 1, "sources": [{"deep": %1$s, "url": "https://x.org/e"}]}]}]
                }]""".formatted(deep, big)).getFirst());

        ShowDraft show = item.draft();
        assertThat(show.title()).isEqualTo("S");
        assertThat(show.sources()).containsExactly(SourceDraft.of("https://x.org/w", null));
        assertThat(show.seasons()).singleElement().satisfies(season -> {
            assertThat(season.number()).isEqualTo(1);
            assertThat(season.description()).isNull();
            assertThat(season.episodes()).singleElement().satisfies(episode ->
                    assertThat(episode.sources()).containsExactly(SourceDraft.of("https://x.org/e", null)));
        });
        assertThat(item.warnings()).isEmpty();
    }

    @Test
    void aFieldGivenTwiceCountsWithItsLastValueAtEveryLevelAndOnlyItsWarnings() throws IOException {
        FeedItem.Accepted<ShowDraft> item = accepted(feeds.shows("""
                [{"id": 1, "name": "First", "name": "Second", "imdb_rating": 9, "imdb_rating": "N/A",
                  "modes": {"web_sources": {"free": "not an array"}},
                  "modes": {"web_sources": {"free": [{"link": "https://x.org/a", "link": "https://x.org/b",
                                                      "name": "A", "name": "B"}],
                                            "free": [{"link": "https://x.org/c", "name": "C"}]}},
                  "seasons": ["dropped with a warning"],
                  "seasons": [{"number": 1, "number": 2, "description": "x", "description": "y",
                               "episodes": [{"number": 1, "sources": "not an array", "sources": [{"url": "https://x.org/e"}]}]}]
                }]""").getFirst());

        ShowDraft show = item.draft();
        assertThat(show.title()).isEqualTo("Second");
        assertThat(show.imdbRating()).isNull();
        assertThat(show.sources()).containsExactly(SourceDraft.of("https://x.org/c", "C"));
        assertThat(show.seasons()).singleElement().satisfies(season -> {
            assertThat(season.number()).isEqualTo(2);
            assertThat(season.description()).isEqualTo("y");
            assertThat(season.episodes().getFirst().sources()).containsExactly(SourceDraft.of("https://x.org/e", null));
        });
        assertThat(item.warnings()).as("the replaced values' problems are gone with them").isEmpty();
    }

    @Test
    void readsAStringOrNumberFieldHoldingAnObjectArrayOrBooleanAsUnknownAtEveryLevel() throws IOException {
        for (String wrong : List.of("{\"a\": [1, {\"b\": 2}]}", "[\"2019\", 7]", "true", "false", "null")) {
            FeedItem.Accepted<ShowDraft> item = accepted(feeds.shows(("""
                    [{"name": "S", "slug": W, "description": W, "image": W, "first_aired": W, "imdb_rating": W,
                      "kinopoisk_rating": W, "modes": {"web_sources": {"free": [{"link": "https://x.org/a", "name": W}]}},
                      "seasons": [{"number": 1, "description": W, "episodes": [{"number": 1, "title": W, "name": W,
                          "description": W, "release_date": W,
                          "sources": [{"url": W, "link": "https://x.org/e", "source_type": W, "name": W}]}]}]}]""")
                    .replace("W", wrong)).getFirst());
            ShowDraft show = item.draft();
            assertThat(show.key()).as(wrong).isEqualTo(new FeedKey("title:s"));
            assertThat(show.slug()).isNull();
            assertThat(show.description()).isNull();
            assertThat(show.image()).isNull();
            assertThat(show.releaseDate()).isNull();
            assertThat(show.imdbRating()).isNull();
            assertThat(show.kinopoiskRating()).isNull();
            assertThat(show.sources()).containsExactly(SourceDraft.of("https://x.org/a", null));
            SeasonDraft season = show.seasons().getFirst();
            assertThat(season.description()).isNull();
            EpisodeDraft episode = season.episodes().getFirst();
            assertThat(episode).isEqualTo(new EpisodeDraft(1, null, null, null, List.of(SourceDraft.of("https://x.org/e", null))));
            assertThat(item.warnings()).as(wrong).isEmpty();
        }
    }

    @Test
    void rejectsAnItemWhoseIdIsANumberTooLargeForAnyNumberTypeAndReadsTheRest() throws IOException {
        List<FeedItem<MovieDraft>> items = feeds.movies("""
                [{"id": 1e400, "slug": "huge", "name": "A"}, {"id": -1e400, "name": "B"}, {"id": 2, "name": "C"}]""");
        assertThat(rejected(items.get(0))).isEqualTo(new FeedItem.Rejected<>(0, "huge", "id is longer than 255 characters"));
        assertThat(rejected(items.get(1))).isEqualTo(new FeedItem.Rejected<>(1, null, "id is longer than 255 characters"));
        assertThat(accepted(items.get(2)).draft().key()).isEqualTo(new FeedKey("id:2"));
    }

    @Test
    void toleratesWrongTypesAtEveryLevelOfAShowDroppingOnlyTheBrokenPart() throws IOException {
        FeedItem.Accepted<ShowDraft> item = accepted(feeds.shows("""
                [{"id": 1, "name": "S", "seasons": [
                   "season as a string",
                   {"number": "two", "episodes": []},
                   {"number": -1}, {"number": 0}, {"number": 1e9}, {"description": "no number"},
                   {"number": "3", "description": 5, "episodes": "not an array"},
                   {"number": 1, "description": "first", "episodes": [
                      7, {"title": "no number"}, {"number": 1.5},
                      {"number": 1, "title": "One", "release_date": "garbage", "sources": {"url": "https://x.org/a"}},
                      {"number": 1, "title": "Duplicate"},
                      {"number": "2", "title": ["not text"], "sources": [
                         {"url": "https://stream.example.org/e2", "source_type": "torrent"},
                         {"link": "https://stream.example.org/e2.m3u8", "source_type": null},
                         {"url": "javascript:void(0)", "source_type": "direct"},
                         {"url": 42}, "x"
                      ]},
                      {"number": 3, "title": "%s"}
                   ]},
                   {"number": 1, "description": "duplicate season"}
                ]}]""".formatted("t".repeat(600))).getFirst());

        ShowDraft show = item.draft();
        assertThat(show.seasons()).extracting(SeasonDraft::number).containsExactly(3, 1);
        SeasonDraft three = show.seasons().get(0);
        assertThat(three.description()).isEqualTo("5");
        assertThat(three.episodes()).isEmpty();
        SeasonDraft one = show.seasons().get(1);
        assertThat(one.description()).isEqualTo("first");
        assertThat(one.episodes()).extracting(EpisodeDraft::number).containsExactly(1, 2);
        assertThat(one.episodes().get(0).releaseDate()).isNull();
        assertThat(one.episodes().get(0).sources()).isEmpty();
        assertThat(one.episodes().get(1).title()).isNull();
        assertThat(one.episodes().get(1).sources()).containsExactly(
                new SourceDraft("https://stream.example.org/e2", SourceType.DIRECT, null),
                new SourceDraft("https://stream.example.org/e2.m3u8", SourceType.PLAYLIST, null));
        assertThat(item.warnings()).containsExactly(
                "season at position 1 dropped: a string, not an object",
                "season at position 2 dropped: 'number' is not a whole number from 1 to 1000",
                "season at position 3 dropped: 'number' is not a whole number from 1 to 1000",
                "season at position 4 dropped: 'number' is not a whole number from 1 to 1000",
                "season at position 5 dropped: 'number' is not a whole number from 1 to 1000",
                "season at position 6 dropped: 'number' is not a whole number from 1 to 1000",
                "season 3: episodes ignored: not an array",
                "season 1, episode at position 1 dropped: a number, not an object",
                "season 1, episode at position 2 dropped: 'number' is not a whole number from 1 to 100000",
                "season 1, episode at position 3 dropped: 'number' is not a whole number from 1 to 100000",
                "season 1 episode 1: sources ignored: not an array",
                "season 1, episode at position 5 dropped: episode 1 is listed twice (the first is kept)",
                "season 1 episode 2: source_type 'torrent' is not direct or playlist; guessed from the URL",
                "season 1 episode 2: source 'javascript:void(0)' dropped: source URL must be http or https, got 'javascript'",
                "season 1 episode 2: source '42' dropped: source URL must be http or https, got ''",
                "season 1 episode 2: a source dropped: a string, not an object",
                "season 1, episode at position 7 dropped: title longer than 500 characters",
                "season at position 9 dropped: season 1 is listed twice (the first is kept)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"seasons\": {}", "\"seasons\": \"none\"", "\"seasons\": 3", "\"seasons\": null",
        "\"seasons\": []", "\"seasons\": [[]]"})
    void survivesSeasonsOfTheWrongType(String seasons) throws IOException {
        assertThat(feeds.show("{\"name\": \"S\", " + seasons + "}").seasons()).isEmpty();
    }

    @Test
    void readsA5000DigitNumberAsAnUnknownRatingInsteadOfFailingTheFeed() throws IOException {
        assertThat(feeds.movie("{\"name\": \"M\", \"imdb_rating\": " + "9".repeat(5000) + "}").imdbRating()).isNull();
    }

    @Test
    void readsGzippedFilesAndAByteOrderMark() throws IOException {
        Path gz = dir.resolve("movies.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("[{\"id\": 1, \"name\": \"Zipped\"}]".getBytes(StandardCharsets.UTF_8));
        }
        List<FeedItem<MovieDraft>> items = new ArrayList<>();
        new JsonFeedReader(http).readMovies(FeedLocation.parse(gz.toString()), items::add);
        assertThat(accepted(items.getFirst()).draft().title()).isEqualTo("Zipped");

        assertThat(feeds.movies("\uFEFF[{\"name\": \"Bom\"}]")).hasSize(1);
    }

    // --- unreadable feeds -----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | the feed is empty",
        "'   ' | the feed is empty",
        "hello | the feed is not valid JSON at line 1, column 1 (after 0 items): Unrecognized token 'hello'",
        "'<!DOCTYPE html><html><body>502 Bad Gateway</body></html>' | the feed is an HTML or XML page, not JSON",
        "'  <?xml version=\"1.0\"?><feed/>' | the feed is an HTML or XML page, not JSON",
        "'{\"results\": []}' | the feed is a JSON object, not a JSON array",
        "'\"[]\"' | the feed is a string, not a JSON array",
        "42 | the feed is a number, not a JSON array",
        "null | the feed is null, not a JSON array",
        "'[{\"name\": \"A\"}, {\"name\": \"B' | the feed ends in the middle of its JSON: truncated (after 1 items)",
        "'[{\"name\": \"A\"},' | the feed ends in the middle of its JSON: truncated (after 1 items)",
        "'[{\"name\": \"A\"}' | the feed ends in the middle of its JSON: truncated (after 1 items)",
        "'[{\"name\": \"A\"}] [1]' | unexpected content after the feed's closing ']' (after 1 items)",
        "'[{\"name\": \"A\"}] garbage' | the feed is not valid JSON at line 1, column 17 (after 1 items): Unrecognized token 'garbage'",
        "'[{\"name\": \"A\"} {\"name\": \"B\"}]' | the feed is not valid JSON at line 1, column 16 (after 1 items)"})
    void refusesAFeedThatIsNotAJsonArrayWithAOneLineReason(String json, String reason) throws IOException {
        Path file = feeds.write(json);
        assertThatThrownBy(() -> new JsonFeedReader(http).readMovies(FeedLocation.parse(file.toString()), item -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageStartingWith("feed " + file + ": " + reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void hasAlreadyHandedOverTheItemsBeforeTheCutWhenAFeedIsTruncated() throws IOException {
        Path file = feeds.write("[{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"C\"");
        List<FeedItem<MovieDraft>> seen = new ArrayList<>();
        assertThatThrownBy(() -> new JsonFeedReader(http).readMovies(FeedLocation.parse(file.toString()), seen::add))
                .isInstanceOf(FeedUnreadableException.class).hasMessageContaining("truncated (after 2 items)");
        assertThat(seen).hasSize(2);
    }

    @Test
    void aFeedCutAnywhereInsideANestedItemIsUnreadableAfterTheItemsBeforeIt() throws IOException {
        String first = "{\"id\": 1, \"name\": \"A\"}";
        String nested = """
                {"id": 2, "name": "B", "x": [1, {"y": null}], "modes": {"web_sources": {"free": [{"link": "https://x.org/a",
                 "name": "P"}]}}, "seasons": [{"number": 1, "episodes": [{"number": 2, "title": "T", "sources": [
                 {"url": "https://x.org/e", "source_type": "direct"}]}]}], "imdb_rating": 7.5, "ok": true}""";
        for (int cut = 1; cut < nested.length(); cut++) {
            Path file = feeds.write("[" + first + ", " + nested.substring(0, cut));
            List<FeedItem<ShowDraft>> seen = new ArrayList<>();
            assertThatThrownBy(() -> new JsonFeedReader(http).readShows(FeedLocation.parse(file.toString()), seen::add))
                    .as("cut after %s", nested.substring(0, cut))
                    .isInstanceOf(FeedUnreadableException.class)
                    // A cut inside a literal ("nu") reads as a bad token; anywhere else, as the end coming early.
                    .hasMessageMatching(".*: the feed (ends in the middle of its JSON: truncated|is not valid JSON at .*)"
                            + " \\(after 1 items\\).*");
            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void refusesAFeedLargerThanTheLimit() throws IOException {
        Path file = feeds.write("[" + "{\"name\": \"A\"},".repeat(10_000) + "{\"name\": \"A\"}]");
        assertThatThrownBy(() -> new JsonFeedReader(http, 64 * 1024).readMovies(FeedLocation.parse(file.toString()), item -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("the feed is larger than the limit of 64 KiB");
    }

    @Test
    void refusesAGzipBombByItsDecodedSize() throws IOException {
        Path gz = dir.resolve("bomb.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write('[');
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 8; i++) {
                out.write(spaces);
            }
            out.write(']');
        }
        assertThat(Files.size(gz)).isLessThan(64 * 1024);
        assertThatThrownBy(() -> new JsonFeedReader(http, 1024 * 1024).readMovies(FeedLocation.parse(gz.toString()), item -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("larger than the limit of 1 MiB");
    }

    @Test
    void refusesMissingFilesDirectoriesAndResourcesByName() {
        JsonFeedReader reader = new JsonFeedReader(http);
        assertThatThrownBy(() -> reader.readShows(FeedLocation.parse(dir.resolve("nope.json").toString()), i -> { }))
                .isInstanceOf(FeedUnreadableException.class).hasMessageEndingWith("no such feed file: " + dir.resolve("nope.json"));
        assertThatThrownBy(() -> reader.readShows(FeedLocation.parse(dir.toString()), i -> { }))
                .isInstanceOf(FeedUnreadableException.class).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> reader.readShows(FeedLocation.parse("classpath:feeds/nope.json"), i -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessage("feed classpath:feeds/nope.json: no such classpath resource: feeds/nope.json");
    }

    @Test
    void refusesAnItemNestedDeeperThanTheParserAllowsAsAnUnreadableFeed() throws IOException {
        Path file = feeds.write("[{\"name\": \"A\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}]");
        assertThatThrownBy(() -> new JsonFeedReader(http).readMovies(FeedLocation.parse(file.toString()), i -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("an item exceeds the parser's limits (after 0 items)");
    }

    @Test
    void letsAFailureOfTheSinkThroughUnchanged() throws IOException {
        Path file = feeds.write("[{\"name\": \"A\"}]");
        IllegalStateException failure = new IllegalStateException("database is gone");
        assertThatThrownBy(() -> new JsonFeedReader(http).readMovies(FeedLocation.parse(file.toString()), i -> {
            throw failure;
        })).isSameAs(failure);
    }
}
