package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A body is read whole up to the limit, and refused (413) as soon as it passes it, without reading on. */
class RequestBodyReaderTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[4096];

        assertThat(RequestBodyReader.read(new ByteArrayInputStream(body), 4096)).hasSize(4096);
        assertThat(RequestBodyReader.read(new ByteArrayInputStream(new byte[0]), 4096)).isEmpty();
    }

    @Test
    void aLargerBodyIs413AndTheRestIsNeverRead() {
        CountingEndlessStream endless = new CountingEndlessStream();

        JsonBodyTest.assertProblem(() -> {
            try {
                RequestBodyReader.read(endless, 64 * 1024);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, 413, "65536 bytes");
        assertThat(endless.read).isLessThan(64 * 1024 + 16 * 1024);
    }

    /** As much as anyone asks for: a client that never stops sending. */
    private static final class CountingEndlessStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }
}
