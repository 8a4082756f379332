package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminPathsTest {

    @Test
    void pathsSplitIntoDecodedSegments() {
        assertThat(AdminPaths.segments("/")).isEmpty();
        assertThat(AdminPaths.segments("/movies/12/")).containsExactly("movies", "12");
        assertThat(AdminPaths.segments("/a%2Fb/c")).containsExactly("a/b", "c");
    }

    @Test
    void queriesAndFormsDecodePlusAndPercent() {
        assertThat(AdminPaths.query("q=a+b%21&filter=x&filter=y&flag"))
                .containsEntry("q", List.of("a b!")).containsEntry("filter", List.of("x", "y")).containsEntry("flag", List.of(""));
        assertThat(AdminPaths.query("description=line%0Aline")).containsEntry("description", List.of("line\nline"));
    }

    @Test
    void malformedInputIsRefusedWithAReason() {
        for (String bad : List.of("q=%", "q=%G0", "q=%C3%28", "q=%00", "q=%7F", "q=é")) {
            assertThatThrownBy(() -> AdminPaths.query(bad)).as(bad).isInstanceOf(BadRequestException.class);
        }
        assertThatThrownBy(() -> AdminPaths.query("a=1&".repeat(AdminPaths.MAX_PARAMETERS + 1)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("parameters");
    }

    @Test
    void linksGoOnlyToHttpUrls() {
        assertThat(Html.safeHref("https://cdn.example.com/a.m3u8")).isEqualTo("https://cdn.example.com/a.m3u8");
        assertThat(Html.safeHref("javascript:alert(1)")).isEqualTo("#");
        assertThat(Html.safeHref(" JavaScript:alert(1)")).isEqualTo("#");
        assertThat(Html.safeHref("data:text/html,x")).isEqualTo("#");
        assertThat(Html.safeHref(null)).isEqualTo("#");
    }
}
