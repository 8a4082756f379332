package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A limit is told in the units an operator writes it in ({@code --max-feed-size 2GiB} or {@code 800MB}). */
class FeedSizeLimitStreamTest {

    @Test
    void describesALimitInBinaryUnitsWhenWholeElseInDecimalOnesElseInBytes() {
        assertThat(FeedSizeLimitStream.describe(JsonFeedReader.DEFAULT_MAX_BYTES)).isEqualTo("512 MiB");
        assertThat(FeedSizeLimitStream.describe(2L << 30)).isEqualTo("2 GiB");
        assertThat(FeedSizeLimitStream.describe(1536L << 20)).isEqualTo("1536 MiB");
        assertThat(FeedSizeLimitStream.describe(64 * 1024)).isEqualTo("64 KiB");
        assertThat(FeedSizeLimitStream.describe(800_000_000L)).isEqualTo("800 MB");
        assertThat(FeedSizeLimitStream.describe(2_000_000_000L)).isEqualTo("2 GB");
        assertThat(FeedSizeLimitStream.describe(1_000)).isEqualTo("1 kB");
        assertThat(FeedSizeLimitStream.describe(1_234_567)).isEqualTo("1234567 bytes");
        assertThat(FeedSizeLimitStream.describe(999)).isEqualTo("999 bytes");
    }
}
