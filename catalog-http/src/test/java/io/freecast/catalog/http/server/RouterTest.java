package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final ApiHandler NOTHING = request -> ApiResponse.json(List.of());

    private final Router router = new Router();

    RouterTest() {
        router.get("/shows", NOTHING)
                .get("/shows/{id}", NOTHING)
                .get("/shows/{id}/episodes", NOTHING)
                .get("/shows/episodes/{id}/sources", NOTHING)
                .get("/episodes/{id}/sources", NOTHING)
                .post("/tasks/{name}/run", NOTHING);
    }

    @Test
    void placeholdersBindTheirSegment() {
        Router.Outcome outcome = router.match("GET", List.of("shows", "42", "episodes"));

        assertThat(outcome).isInstanceOfSatisfying(Router.Outcome.Matched.class, matched -> {
            assertThat(matched.route().template()).isEqualTo("/shows/{id}/episodes");
            assertThat(matched.parameters()).containsEntry("id", "42");
        });
    }

    @Test
    void theMoreLiteralTemplateWinsWhenTwoMatch() {
        router.get("/shows/{id}/{what}/sources", NOTHING);

        Router.Outcome outcome = router.match("GET", List.of("shows", "episodes", "7", "sources"));

        assertThat(outcome).isInstanceOfSatisfying(Router.Outcome.Matched.class, matched ->
                assertThat(matched.route().template()).isEqualTo("/shows/episodes/{id}/sources"));
    }

    @Test
    void headIsServedByGetRoutes() {
        assertThat(router.match("HEAD", List.of("shows"))).isInstanceOf(Router.Outcome.Matched.class);
    }

    @Test
    void anotherMethodOnAKnownPathIsNotAllowedAndSaysWhatIs() {
        Router.Outcome outcome = router.match("DELETE", List.of("shows", "1"));

        assertThat(outcome).isInstanceOfSatisfying(Router.Outcome.NotAllowed.class, notAllowed ->
                assertThat(notAllowed.allow()).containsExactly("GET", "HEAD", "OPTIONS"));
    }

    @Test
    void postRoutesAreOnlyPost() {
        assertThat(router.match("POST", List.of("tasks", "import-shows", "run")))
                .isInstanceOf(Router.Outcome.Matched.class);
        assertThat(router.match("GET", List.of("tasks", "import-shows", "run")))
                .isInstanceOfSatisfying(Router.Outcome.NotAllowed.class, notAllowed ->
                        assertThat(notAllowed.allow()).containsExactly("POST", "OPTIONS"));
    }

    @Test
    void unknownPathsAndEmptySegmentsAreNotFound() {
        assertThat(router.match("GET", List.of("nothing"))).isInstanceOf(Router.Outcome.NotFound.class);
        assertThat(router.match("GET", List.of("shows", "", "episodes"))).isInstanceOf(Router.Outcome.NotFound.class);
        assertThat(router.match("GET", List.of())).isInstanceOf(Router.Outcome.NotFound.class);
    }

    @Test
    void clashingRegistrationsFailAtOnce() {
        assertThatThrownBy(() -> router.get("/shows/{showId}", NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clashes with GET /shows/{id}");
    }

    @Test
    void malformedTemplatesAreRefused() {
        assertThatThrownBy(() -> router.get("shows", NOTHING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/a//b", NOTHING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/a/{b", NOTHING)).isInstanceOf(IllegalArgumentException.class);
    }
}
