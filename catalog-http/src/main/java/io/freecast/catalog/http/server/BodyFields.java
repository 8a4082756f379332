package io.freecast.catalog.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freecast.catalog.domain.FieldViolation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members of a write's JSON object, sorted out against what the item allows. A member that is not a
 * field the client may write (unknown, or owned by the server like {@code id}) is refused here, all of
 * them together in one 422. Every other member is read as its field's type; one of the wrong type is kept
 * as {@link Member.WrongType}, for the core to report together with every rule its value breaks, so a
 * client sees all its mistakes in one answer. Rules about values (a title's length, a URL's form, a
 * rating's range, unique numbers, required fields) are the core's.
 *
 * <p>JSON Merge Patch (RFC 7396): a member set to {@code null} removes the value ({@link Member.Null}); a
 * member absent leaves it as it is ({@link Member.Absent}).
 */
final class BodyFields {

    /** The JSON shape a field takes. */
    enum Type {
        /** A string. */
        TEXT("a string"),
        /** A date as {@code YYYY-MM-DD}. */
        DATE("a date as YYYY-MM-DD"),
        /** Any finite JSON number. */
        NUMBER("a number"),
        /** A whole number that fits a 32-bit integer. */
        INTEGER("a whole number"),
        /** {@code true} or {@code false}. */
        BOOLEAN("true or false");

        private final String expected;

        Type(String expected) {
            this.expected = expected;
        }
    }

    /**
     * What one kind of item accepts.
     *
     * @param writable the fields a client may set, by wire name, with their JSON type
     * @param readOnly fields the item shows but the server owns ({@code id}, {@code locked_fields}, children):
     *                 sending one is a mistake worth naming as such, not as an unknown field
     */
    record Shape(Map<String, Type> writable, Set<String> readOnly) {

        Shape {
            writable = Map.copyOf(writable);
            readOnly = Set.copyOf(readOnly);
        }
    }

    /** One field as the body gave it. */
    sealed interface Member {
        record Absent() implements Member {
        }

        record Null() implements Member {
        }

        /** @param value {@code String}, {@code LocalDate}, {@code Double}, {@code Integer} or {@code Boolean} */
        record Value(Object value) implements Member {
        }

        /** @param message what the field must be, without the value sent */
        record WrongType(String message) implements Member {
        }
    }

    /** The members of a body, checked to be fields of the item. */
    static final class Fields {

        private final Map<String, Member> members;

        private Fields(Map<String, Member> members) {
            this.members = members;
        }

        Member get(String field) {
            return members.getOrDefault(field, new Member.Absent());
        }

        boolean isEmpty() {
            return members.isEmpty();
        }

        Set<String> names() {
            return members.keySet();
        }
    }

    /** More members than any item has fields, by far. */
    static final int MAX_MEMBERS = 64;

    private BodyFields() {
    }

    /**
     * Sorts out every member of {@code body}.
     *
     * @throws ApiProblem 422 listing every member that is not a writable field; 400 for a body with more
     *                    members than any item has fields
     */
    static Fields read(ObjectNode body, Shape shape) {
        if (body.size() > MAX_MEMBERS) {
            // An item has a dozen fields; answering each of thousands of members would echo the attack.
            throw ApiProblem.badRequest("the body has " + body.size() + " members; an item has at most "
                    + shape.writable().size() + " writable fields");
        }
        Map<String, Member> members = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            Type type = shape.writable().get(name);
            if (shape.readOnly().contains(name)) {
                violations.add(new FieldViolation(shownName(name), "is set by the server and cannot be written"));
            } else if (type == null) {
                violations.add(new FieldViolation(shownName(name), "is not a field of this item; the writable fields are "
                        + String.join(", ", shape.writable().keySet().stream().sorted().toList())));
            } else {
                members.put(name, member(member.getValue(), type));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations.size() == 1 ? "the body has a member that is not a writable field"
                    : "the body has " + violations.size() + " members that are not writable fields", violations);
        }
        return new Fields(members);
    }

    private static Member member(JsonNode value, Type type) {
        if (value.isNull()) {
            return new Member.Null();
        }
        Object converted = convert(value, type);
        return converted == null ? new Member.WrongType("must be " + type.expected) : new Member.Value(converted);
    }

    /** The value as Java sees it, or {@code null} when the JSON value is not of the type. */
    private static Object convert(JsonNode value, Type type) {
        return switch (type) {
            case TEXT -> value.isTextual() ? value.textValue() : null;
            case DATE -> value.isTextual() ? date(value.textValue()) : null;
            case NUMBER -> value.isNumber() && Double.isFinite(value.doubleValue()) ? value.doubleValue() : null;
            case INTEGER -> value.isNumber() && value.canConvertToInt()
                    && value.doubleValue() == Math.rint(value.doubleValue()) ? value.intValue() : null;
            case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
        };
    }

    private static LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A member name as a violation shows it: at most a short line, no control characters. */
    private static String shownName(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(Quoting.MAX_ECHO).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (name.codePointCount(0, name.length()) > Quoting.MAX_ECHO) {
            shown.append('…');
        }
        return shown.toString();
    }
}
