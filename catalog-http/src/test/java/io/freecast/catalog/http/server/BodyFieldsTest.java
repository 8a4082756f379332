package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freecast.catalog.domain.FieldViolation;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Members of a write's body against an item's fields: merge-patch meaning, types, unknown and server-owned fields. */
class BodyFieldsTest {

    private static final BodyFields.Shape MOVIE = new BodyFields.Shape(Map.of(
            "title", BodyFields.Type.TEXT, "release_date", BodyFields.Type.DATE,
            "release_year", BodyFields.Type.INTEGER, "imdb_rating", BodyFields.Type.NUMBER,
            "is_active", BodyFields.Type.BOOLEAN), Set.of("id", "locked_fields", "sources"));

    @Test
    void absentNullAndValuesAreToldApart() throws Exception {
        BodyFields.Fields fields = BodyFields.read(json("{\"title\":\"Heat\",\"imdb_rating\":null,"
                + "\"release_date\":\"1995-12-15\",\"release_year\":1995.0,\"is_active\":false}"), MOVIE);

        assertThat(fields.get("title")).isEqualTo(new BodyFields.Member.Value("Heat"));
        assertThat(fields.get("imdb_rating")).isEqualTo(new BodyFields.Member.Null());
        assertThat(fields.get("release_date")).isEqualTo(new BodyFields.Member.Value(LocalDate.of(1995, 12, 15)));
        assertThat(fields.get("release_year")).isEqualTo(new BodyFields.Member.Value(1995));
        assertThat(fields.get("is_active")).isEqualTo(new BodyFields.Member.Value(false));
        assertThat(BodyFields.read(json("{}"), MOVIE).get("title")).isEqualTo(new BodyFields.Member.Absent());
    }

    @Test
    void wrongTypesAreKeptForTheCoreToReportWithItsOwnRules() throws Exception {
        BodyFields.Fields fields = BodyFields.read(json("{\"title\":5,\"imdb_rating\":\"8.1\","
                + "\"release_date\":\"2019-13-45\",\"release_year\":1995.5,\"is_active\":\"yes\"}"), MOVIE);

        assertThat(fields.get("title")).isEqualTo(new BodyFields.Member.WrongType("must be a string"));
        assertThat(fields.get("imdb_rating")).isEqualTo(new BodyFields.Member.WrongType("must be a number"));
        assertThat(fields.get("release_date")).isEqualTo(new BodyFields.Member.WrongType("must be a date as YYYY-MM-DD"));
        assertThat(fields.get("release_year")).isEqualTo(new BodyFields.Member.WrongType("must be a whole number"));
        assertThat(fields.get("is_active")).isEqualTo(new BodyFields.Member.WrongType("must be true or false"));
        assertThat(BodyFields.read(json("{\"release_year\":99999999999}"), MOVIE).get("release_year"))
                .isInstanceOf(BodyFields.Member.WrongType.class);
        assertThat(BodyFields.read(json("{\"title\":{\"nested\":1}}"), MOVIE).get("title"))
                .isInstanceOf(BodyFields.Member.WrongType.class);
    }

    @Test
    void unknownAndServerOwnedFieldsAreAll422Together() {
        assertThatThrownBy(() -> BodyFields.read(json("{\"id\":7,\"titel\":\"x\",\"locked_fields\":[],\"title\":\"ok\"}"), MOVIE))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.errors()).extracting(FieldViolation::field)
                            .containsExactly("id", "titel", "locked_fields");
                    assertThat(problem.errors().get(0).message()).contains("set by the server");
                    assertThat(problem.errors().get(1).message()).contains("not a field").contains("title");
                });
    }

    @Test
    void hostileMemberNamesAreCutShortAndControlCharactersHidden() {
        String name = "\\u0000" + "k".repeat(10_000);

        assertThatThrownBy(() -> BodyFields.read(json("{\"" + name + "\":1}"), MOVIE))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    String shown = problem.errors().getFirst().field();
                    assertThat(shown).startsWith("?k").hasSizeLessThan(Quoting.MAX_ECHO + 2);
                });
    }

    @Test
    void aBodyWithMoreMembersThanAnyItemHasFieldsIs400() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
        }
        JsonBodyTest.assertProblem(() -> BodyFields.read(json(many.append('}').toString()), MOVIE), 400, "1000 members");
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
