package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.NotPermittedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core's refusals of a write become problems: 422 per field, 412 with the current item, 404, 403. */
class CoreRefusalsTest {

    private final Representations representations = new Representations(CatalogHttpServer.objectMapper());

    @Test
    void everyViolationIsOneErrorOfA422() {
        InvalidEditException invalid = new InvalidEditException(List.of(new FieldViolation("title", "must not be empty"),
                new FieldViolation("imdb_rating", "must be between 0 and 10")));

        assertThatThrownBy(() -> CoreRefusals.translate(() -> { throw invalid; }))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.errors()).isEqualTo(invalid.violations());
                });
    }

    @Test
    void aConflictIs412WithTheCurrentItemAndItsTag() {
        Map<String, Object> current = Map.of("id", 1, "title", "Saved first");

        assertThatThrownBy(() -> CoreRefusals.translate(() -> { throw new EditConflictException("movie 1", "stored"); },
                stored -> current, representations))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(412);
                    assertThat(problem.current()).isEqualTo(current);
                    assertThat(problem.headers().get("ETag")).isEqualTo(representations.etag(current));
                });
    }

    @Test
    void aMissingItemIs404AndASmallScope403() {
        assertThatThrownBy(() -> CoreRefusals.run(() -> { throw new ItemNotFoundException("movie", 9); }))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
        Caller viewer = new Caller(Actor.account(1, "vera", Channel.API), Scope.READ);
        assertThatThrownBy(() -> CoreRefusals.run(() -> { throw new NotPermittedException(viewer, Scope.EDIT); }))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(403);
                    assertThat(problem.detail()).contains("edit");
                });
    }
}
