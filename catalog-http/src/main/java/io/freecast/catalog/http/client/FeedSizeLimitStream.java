package io.freecast.catalog.http.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails once they pass a limit: a feed's size is not known in
 * advance (no Content-Length, or gzip), and an endless or gigantic feed must not run until the disk or
 * the transaction log is full. Counted after gzip decoding, so a small "zip bomb" is caught too.
 */
final class FeedSizeLimitStream extends FilterInputStream {

    /** The feed passed the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private final long limit;
    private long count;

    FeedSizeLimitStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException("the feed is larger than the limit of " + describe(limit));
        }
    }

    /**
     * A size as an operator would have written it: in the largest unit, binary ({@code 512 MiB}, {@code 2 GiB}) or
     * decimal ({@code 800 MB}), of which it is a whole number, else in bytes — the words of the launcher's
     * {@code --max-feed-size}. (The default, 512 MiB or 536,870,912 bytes, was called "512 MB" before, and a limit
     * of 800,000,000 bytes would have read "781250 KB".)
     */
    static String describe(long bytes) {
        String[] names = {"KiB", "MiB", "GiB", "TiB", "kB", "MB", "GB", "TB"};
        long[] units = {1L << 10, 1L << 20, 1L << 30, 1L << 40, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L};
        String best = bytes + " bytes";
        long fewest = bytes;
        for (int i = 0; i < units.length; i++) {
            if (bytes >= units[i] && bytes % units[i] == 0 && bytes / units[i] < fewest) {
                fewest = bytes / units[i];
                best = fewest + " " + names[i];
            }
        }
        return best;
    }
}
