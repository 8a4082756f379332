package io.freecast.catalog.http.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * A write's request body as one JSON object, read strictly: the declared media type must be JSON (or JSON
 * Merge Patch where a route takes one), the bytes UTF-8 JSON, the top level an object, no key twice, no
 * trailing content, and nesting no deeper than {@link #MAX_DEPTH}. Every refusal is a 4xx problem that
 * says what is wrong without echoing the body.
 */
final class JsonBody {

    /** Items are flat objects; a handful of levels covers every body the API takes, with room to spare. */
    static final int MAX_DEPTH = 8;

    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    /** The body of a create (POST): {@code application/json}. */
    static ObjectNode object(ApiRequest request) {
        return parse(request.header("Content-Type").orElse(null), request.body(), Set.of(JSON));
    }

    /** The body of a partial update (PATCH): a JSON Merge Patch, sent as either media type. */
    static ObjectNode mergePatch(ApiRequest request) {
        return parse(request.header("Content-Type").orElse(null), request.body(), Set.of(MERGE_PATCH, JSON));
    }

    static ObjectNode parse(String contentType, byte[] body, Set<String> accepted) {
        checkMediaType(contentType, accepted);
        if (body.length == 0) {
            throw ApiProblem.badRequest("the request has no body; send a JSON object");
        }
        JsonNode node;
        try (JsonParser parser = STRICT.createParser(body)) {
            node = STRICT.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw ApiProblem.badRequest("the JSON body is nested deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("the body is not valid JSON (" + where(e) + ")");
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object, got "
                    + (node == null ? "nothing" : article(node)));
        }
        return (ObjectNode) node;
    }

    private static void checkMediaType(String contentType, Set<String> accepted) {
        String expected = String.join(" or ", accepted.stream().sorted().toList());
        if (contentType == null || contentType.isBlank()) {
            throw ApiProblem.of(415, "send the body with Content-Type " + expected);
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type)) {
            throw ApiProblem.of(415, "Content-Type " + Quoting.quote(type) + " is not accepted here; send "
                    + expected).header("Accept-Patch", MERGE_PATCH);
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw ApiProblem.of(415, "JSON bodies are UTF-8; charset " + Quoting.quote(parameter.substring(8))
                        + " is not accepted");
            }
        }
    }

    /** Line and column of a parse error, never the offending text (it may be huge or hostile). */
    private static String where(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "malformed";
        }
        return "malformed at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String article(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
