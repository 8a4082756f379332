package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** ETag comparison, gzip negotiation and id parsing: the small rules every response follows. */
class ResponseRulesTest {

    @Test
    void theSameBodyGetsTheSameStrongTagAndAnotherBodyAnother() {
        byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);

        assertThat(ETags.of(body)).isEqualTo(ETags.of(body.clone())).startsWith("\"").endsWith("\"");
        assertThat(ETags.of(body)).isNotEqualTo(ETags.of("[1,2]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTagIsTheFirst128BitsOfTheBodysSha256EvenWhenManyThreadsHash() throws Exception {
        List<byte[]> bodies = IntStream.range(0, 2_000).mapToObj(i -> ("[" + i + "]").repeat(i % 50 + 1)
                .getBytes(StandardCharsets.UTF_8)).toList();
        List<String> expected = new ArrayList<>();
        for (byte[] body : bodies) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            expected.add('"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"');
        }

        assertThat(bodies.parallelStream().map(ETags::of).toList()).isEqualTo(expected);
    }

    @Test
    void ifNoneMatchMatchesEitherRepresentationAndLists() {
        String tag = ETags.of(new byte[] {1});

        assertThat(ETags.matches(tag, tag)).isTrue();
        assertThat(ETags.matches(ETags.gzipped(tag), tag)).isTrue();
        assertThat(ETags.matches("W/" + tag, tag)).isTrue();
        assertThat(ETags.matches("\"other\", " + tag, tag)).isTrue();
        assertThat(ETags.matches("*", tag)).isTrue();
        assertThat(ETags.matches("\"other\"", tag)).isFalse();
        assertThat(ETags.matches(null, tag)).isFalse();
        assertThat(ETags.matches("garbage\"\"", tag)).isFalse();
    }

    @Test
    void gzipIsNegotiatedFromAcceptEncoding() {
        assertThat(Compression.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(Compression.acceptsGzip("br;q=1.0, gzip;q=0.5")).isTrue();
        assertThat(Compression.acceptsGzip("*")).isTrue();
        assertThat(Compression.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Compression.acceptsGzip("gzip;q=nonsense")).isFalse();
        assertThat(Compression.acceptsGzip("identity")).isFalse();
        assertThat(Compression.acceptsGzip(null)).isFalse();
    }

    @Test
    void onlyBodiesOverAKilobyteAreWorthCompressing() {
        assertThat(Compression.worthCompressing(1024)).isFalse();
        assertThat(Compression.worthCompressing(1025)).isTrue();
    }

    @Test
    void idsArePositiveSixtyFourBitIntegers() {
        assertThat(Ids.parse("id", "1")).isEqualTo(1);
        assertThat(Ids.parse("id", "007")).isEqualTo(7);
        assertThat(Ids.parse("id", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {"0", "-1", "+1", "1.0", "1e3", "9223372036854775808", "99999999999999999999",
                "", " 1", "0x10", "١"}) {
            try {
                Ids.parse("id", bad);
                throw new AssertionError("accepted " + bad);
            } catch (ApiProblem problem) {
                assertThat(problem.parameter()).isEqualTo("id");
                assertThat(problem.status()).isEqualTo(400);
            }
        }
    }
}
