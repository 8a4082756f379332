package io.freecast.catalog.http.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is {@code about:blank}, so {@code title} is the status's
 * reason phrase; {@code detail} says what was wrong with this request and {@code parameter} which
 * parameter, when one is at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String instance, String parameter,
               List<FieldError> errors, Object current) {

    /** One field at fault in a request body: its wire name and what is wrong with it. */
    record FieldError(String field, String message) {
    }

    static Problem of(int status, String detail, String instance, String parameter) {
        return new Problem("about:blank", reason(status), status, detail, instance, parameter, null, null);
    }

    /** The problem document of a thrown {@link ApiProblem}, with its field errors and current item if any. */
    static Problem of(ApiProblem problem, String instance) {
        List<FieldError> errors = problem.errors().isEmpty() ? null : problem.errors().stream()
                .map(v -> new FieldError(v.field(), v.message())).toList();
        return new Problem("about:blank", reason(problem.status()), problem.status(), problem.detail(), instance,
                problem.parameter(), errors, problem.current());
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
