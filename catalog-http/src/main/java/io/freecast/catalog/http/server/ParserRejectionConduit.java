package io.freecast.catalog.http.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * The writing side of a connection, below Undertow: when Undertow's request parser refuses a request it
 * writes a fixed bare 400 with no body and closes; this writes our answer in its place — the one
 * {@link RequestLineConduit} kept for a line it refused (a 505, or a 400 naming the bad parameter), else a
 * 400 problem saying the request could not be read. Every other write passes through untouched: a handler's
 * response always carries a {@code Date} header, so it is never those exact bytes.
 */
final class ParserRejectionConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

    private static final byte[] BARE_REJECTION =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private final RequestLineConduit requestLines;
    /** Our answer, while it is being written in place of the bare one. */
    private ByteBuffer answer;

    ParserRejectionConduit(StreamSinkConduit next, RequestLineConduit requestLines) {
        super(next);
        this.requestLines = requestLines;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (answer == null && !isBareRejection(src)) {
            return next.write(src);
        }
        return answerInstead(src, false);
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
        if (answer == null && !isBareRejection(src)) {
            return next.writeFinal(src);
        }
        return answerInstead(src, true);
    }

    /**
     * Writes (more of) our answer; reports the bare rejection written only once all of ours is, so the
     * parser's writer keeps calling until then.
     */
    private int answerInstead(ByteBuffer src, boolean last) throws IOException {
        if (answer == null) {
            answer = requestLines.takeRejection().buffer();
        }
        if (last) {
            next.writeFinal(answer);
        } else {
            next.write(answer);
        }
        if (answer.hasRemaining()) {
            return 0;
        }
        answer = null;
        int written = src.remaining();
        src.position(src.limit());
        return written;
    }

    private static boolean isBareRejection(ByteBuffer src) {
        if (src.remaining() != BARE_REJECTION.length) {
            return false;
        }
        int start = src.position();
        for (int i = 0; i < BARE_REJECTION.length; i++) {
            if (src.get(start + i) != BARE_REJECTION[i]) {
                return false;
            }
        }
        return true;
    }
}
