package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.FieldViolation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client error, answered as an RFC 9457 {@code application/problem+json} body:
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and, for a bad parameter,
 * the extension member {@code parameter} naming it; for a body that breaks rules, {@code errors} with one
 * entry per field at fault; for a conditional write that lost, {@code current}: the item as it is now.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String parameter;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private List<FieldViolation> errors = List.of();
    private Object current;

    private ApiProblem(int status, String detail, String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.parameter = parameter;
    }

    /** 400: a parameter (path or query) is malformed or out of range. */
    public static ApiProblem badParameter(String parameter, String detail) {
        return new ApiProblem(400, detail, Objects.requireNonNull(parameter, "parameter"));
    }

    /** 400: the request itself is malformed (not one parameter). */
    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail, null);
    }

    /** 404: the resource does not exist. */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail, null);
    }

    /** Any other 4xx status, e.g. 401 or 403 for a protected route, 409 for a conflict. */
    public static ApiProblem of(int status, String detail) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a problem for the client has a 4xx status, got " + status);
        }
        return new ApiProblem(status, detail, null);
    }

    /**
     * Adds a header to the problem response, e.g. {@code WWW-Authenticate} on a 401 (RFC 9110 requires
     * it there).
     */
    public ApiProblem header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** 422: every rule the request body broke, one entry per field at fault. */
    public static ApiProblem invalid(String detail, List<FieldViolation> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid body names at least one field at fault");
        }
        ApiProblem problem = new ApiProblem(422, detail, null);
        problem.errors = List.copyOf(errors);
        return problem;
    }

    /**
     * Adds the item as it is now (already in its JSON form) to the problem, e.g. to a 412 so the client
     * can merge without another request.
     */
    ApiProblem current(Object representation) {
        this.current = Objects.requireNonNull(representation, "representation");
        return this;
    }

    /** The fields at fault, empty unless this is a 422. */
    public List<FieldViolation> errors() {
        return errors;
    }

    /** The item's current representation, or {@code null}. */
    Object current() {
        return current;
    }

    Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public int status() {
        return status;
    }

    /** The parameter at fault, or {@code null}. */
    public String parameter() {
        return parameter;
    }

    public String detail() {
        return getMessage();
    }
}
