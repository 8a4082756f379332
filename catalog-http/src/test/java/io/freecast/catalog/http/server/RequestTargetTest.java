package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

    @Test
    void aTrailingSlashIsOptional() {
        assertThat(RequestTarget.parse("/shows/", "").segments()).containsExactly("shows");
        assertThat(RequestTarget.parse("/shows", "").segments()).containsExactly("shows");
        assertThat(RequestTarget.parse("/shows/", "").trailingSlash()).isTrue();
    }

    @Test
    void anEncodedSlashStaysInsideItsSegment() {
        assertThat(RequestTarget.parse("/movies/..%2F..%2Fetc", "").segments()).containsExactly("movies", "../../etc");
    }

    @Test
    void queryValuesAreFormDecoded() {
        RequestTarget target = RequestTarget.parse("/movies", "q=am%C3%A9lie+poulain&limit=5&flag");

        assertThat(target.single("q")).contains("amélie poulain");
        assertThat(target.single("limit")).contains("5");
        assertThat(target.single("flag")).contains("");
        assertThat(target.single("absent")).isEmpty();
    }

    @Test
    void aParameterGivenTwiceIsRefusedWhenRead() {
        RequestTarget target = RequestTarget.parse("/movies", "limit=1&limit=2");

        assertThatThrownBy(() -> target.single("limit"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.parameter()).isEqualTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%0A", "%7F", "%C3%28", "%FF", "%C0%AF", "%E0%A4", "%", "%4", "%zz", "\u00e9"})
    void malformedOrControlEscapesInAQueryValueNameTheParameter(String value) {
        assertThatThrownBy(() -> RequestTarget.parse("/movies", "q=" + value))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.parameter()).isEqualTo("q");
                });
    }

    @Test
    void tooManyParametersAreRefused() {
        String query = String.join("&", java.util.Collections.nCopies(RequestTarget.MAX_QUERY_PARAMETERS + 1, "a=1"));

        assertThatThrownBy(() -> RequestTarget.parse("/movies", query))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void splitPathKeepsInnerEmptySegments() {
        assertThat(RequestTarget.splitPath("/a//b/")).isEqualTo(List.of("a", "", "b"));
        assertThat(RequestTarget.splitPath("/")).isEmpty();
    }
}
