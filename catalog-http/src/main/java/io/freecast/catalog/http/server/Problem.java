package io.freecast.catalog.http.server;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code type} is {@code about:blank}, so {@code title} is the status's
 * reason phrase; {@code detail} says what was wrong with this request and {@code parameter} which
 * parameter, when one is at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    static Problem of(int status, String detail, String instance, String parameter) {
        return new Problem("about:blank", reason(status), status, detail, instance, parameter);
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
            case 414 -> "URI Too Long";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
