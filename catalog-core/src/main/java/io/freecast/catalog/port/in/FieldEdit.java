package io.freecast.catalog.port.in;

import java.util.Objects;
import java.util.function.Function;

/**
 * What an edit does to one field, with JSON Merge Patch's meaning (RFC 7396): a field not given is
 * {@link Keep kept}, an explicit {@code null} {@link Clear clears} it (an optional field becomes unknown),
 * and a value {@link Value replaces} it. {@link Invalid} is a value the adapter could not even read as the
 * field's type (a string where a number belongs, "2019-13-45" for a date): the use-case reports it together
 * with every other broken rule, so a client sees all its mistakes in one answer.
 *
 * <p>The JSON API fills these from a merge-patch body; a web form from its fields with
 * {@link #text(String)} and {@link #parse(String, Function, String)}.
 *
 * @param <T> the field's type
 */
public sealed interface FieldEdit<T> {

    /** The field was not given: it stays as it is (or, when creating, unknown). */
    record Keep<T>() implements FieldEdit<T> {
    }

    /** An explicit {@code null}: the field becomes unknown (refused for a required field). */
    record Clear<T>() implements FieldEdit<T> {
    }

    /** A new value, to be validated by the field's rules. */
    record Value<T>(T value) implements FieldEdit<T> {
        public Value {
            Objects.requireNonNull(value, "value (use clear() for null)");
        }
    }

    /**
     * A value of the wrong type or form.
     *
     * @param message one line a person can act on, e.g. "must be a number"; never the rejected value itself
     */
    record Invalid<T>(String message) implements FieldEdit<T> {
        public Invalid {
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> FieldEdit<T> keep() {
        return new Keep<>();
    }

    static <T> FieldEdit<T> clear() {
        return new Clear<>();
    }

    static <T> FieldEdit<T> set(T value) {
        return new Value<>(value);
    }

    /** {@code null} clears, anything else replaces: a field present in a merge patch. */
    static <T> FieldEdit<T> ofNullable(T value) {
        return value == null ? clear() : set(value);
    }

    static <T> FieldEdit<T> invalid(String message) {
        return new Invalid<>(message);
    }

    /**
     * A text field as a web form sends it: {@code null} (not in the form) keeps it, a blank value clears
     * it, anything else replaces it as typed.
     */
    static FieldEdit<String> text(String formValue) {
        if (formValue == null) {
            return keep();
        }
        return formValue.isBlank() ? clear() : set(formValue);
    }

    /**
     * A typed field as a web form sends it: {@code null} keeps it, a blank value clears it, a value
     * {@code parser} reads replaces it, and one it refuses (by throwing) is {@link Invalid} with
     * "must be {@code expected}".
     */
    static <T> FieldEdit<T> parse(String formValue, Function<String, T> parser, String expected) {
        if (formValue == null) {
            return keep();
        }
        if (formValue.isBlank()) {
            return clear();
        }
        try {
            T value = parser.apply(formValue.strip());
            return value == null ? clear() : set(value);
        } catch (RuntimeException e) {
            return invalid("must be " + expected);
        }
    }

    /** Whether the edit touches the field at all. */
    default boolean given() {
        return !(this instanceof Keep<T>);
    }
}
