package io.freecast.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PlainHttpUrl}: every text it matches, {@link URI} reads as an absolute http(s) URL with a host. */
class PlainHttpUrlTest {

    private static final String[] SCHEMES = {"http://", "https://", "HTTPS://", "ftp://", "http:/", "https:", ""};
    private static final String LABEL_CHARS = "abcxyzABZ0189-_.";
    private static final String REST_CHARS = "abcXYZ019-._~!$&'()*+,;=:@/?#%[]{}|\\^`\"<> é\u0000\t";

    @Test
    void everyMatchIsAnAbsoluteHttpUrlWithAHostToJavaNetUri() {
        Random random = new Random(20261124);
        int matched = 0;
        for (int i = 0; i < 300_000; i++) {
            String url = SCHEMES[random.nextInt(SCHEMES.length)] + text(random, LABEL_CHARS, 12)
                    + (random.nextBoolean() ? "" : text(random, REST_CHARS, 16));
            if (PlainHttpUrl.matches(url)) {
                matched++;
                assertAbsoluteHttpWithHost(url);
            }
        }
        assertThat(matched).as("the generator reaches the plain form often enough to mean something").isGreaterThan(10_000);
    }

    @Test
    void everyAsciiCharacterInTheHostThePathAndTheQueryIsJudgedSafely() {
        for (char c = 0; c < 0x80; c++) {
            for (String url : new String[] {"https://a" + c + "b.example/p", "https://stream.example.org/" + c,
                    "https://stream.example.org/a?q=" + c + "&r=1", "http://h" + c, "http://" + c + "x.org"}) {
                if (PlainHttpUrl.matches(url)) {
                    assertAbsoluteHttpWithHost(url);
                }
            }
        }
    }

    @Test
    void matchesTheUrlsFeedsAreMadeOf() {
        for (String url : new String[] {"https://stream.example.org/tubi/the-silent-harbor",
                "https://stream.example.org/netflix/80001234", "http://img.example.org/posters/movie-0.jpg",
                "https://cdn.example.org/live.m3u8?token=a1b2&expires=1700000000", "https://example.com/placeholder/season-1/episode-2.m3u8",
                "https://localhost", "https://a-b--c.example/x_(y)~z"}) {
            assertThat(PlainHttpUrl.matches(url)).as(url).isTrue();
        }
    }

    @Test
    void leavesEverythingElseToJavaNetUri() {
        for (String url : new String[] {"http://127.0.0.1/admin", "https://example.org:8443/a", "https://user@example.org/",
                "https://example.org/a%20b", "https://example.org/a#part", "https://exämple.org/", "https://example.org./",
                "https://-bad.example/", "https://bad-.example/", "https://a..b/", "https://1.2.3.4x/", "https:///path",
                "javascript:alert(1)", "//cdn.example.org/x", "https://example.org/a b", "ftp://example.org/"}) {
            assertThat(PlainHttpUrl.matches(url)).as(url).isFalse();
        }
    }

    private static void assertAbsoluteHttpWithHost(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new AssertionError("matched, but java.net.URI refuses it: " + url, e);
        }
        assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).as(url).isIn("http", "https");
        assertThat(uri.getHost()).as(url).isNotBlank();
    }

    private static String text(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
