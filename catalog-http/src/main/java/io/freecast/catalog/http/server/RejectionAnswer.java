package io.freecast.catalog.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A whole HTTP/1.1 response refusing a request before any handler ran: a problem+json body, and
 * {@code Connection: close}, since what follows the refused request on the connection cannot be trusted to
 * start where the parser would think.
 */
final class RejectionAnswer {

    private static final ObjectMapper JSON = CatalogHttpServer.objectMapper();

    /** What is said when Undertow's parser refuses a request we did not check first (a malformed header…). */
    static final RejectionAnswer UNREADABLE_REQUEST = of(400,
            "the request could not be read: its request line or a header is malformed", null);

    private final int status;
    private final byte[] bytes;

    private RejectionAnswer(int status, byte[] bytes) {
        this.status = status;
        this.bytes = bytes;
    }

    static RejectionAnswer of(int status, String detail, String parameter) {
        byte[] body = render(Problem.of(status, detail, null, parameter));
        String head = "HTTP/1.1 " + status + " " + Problem.reason(status) + "\r\n"
                + "Content-Type: " + ProblemWriter.PROBLEM_JSON + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(body, 0, whole, headBytes.length, body.length);
        return new RejectionAnswer(status, whole);
    }

    int status() {
        return status;
    }

    /** A fresh buffer over the bytes, for one connection to write. */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes);
    }

    private static byte[] render(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be rendered", e);
        }
    }
}
