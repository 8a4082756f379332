package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

    @Test
    void answersMinusOneForANewKeyAndTheFirstIndexForARepeatedOne() {
        SeenKeys seen = new SeenKeys();
        assertThat(seen.putIfAbsent("id:5", 0)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("slug:x", 1)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("id:5", 7)).isZero();
        assertThat(seen.putIfAbsent("id:5", 9)).as("still the first occurrence").isZero();
        assertThat(seen.size()).isEqualTo(2);
    }

    @Test
    void keepsEveryKeyWhileGrowingFarBeyondItsInitialCapacity() {
        SeenKeys seen = new SeenKeys();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.putIfAbsent("id:" + i, i)).isEqualTo(-1);
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(seen.putIfAbsent("id:" + i, -5)).isEqualTo(i);
        }
        assertThat(seen.size()).isEqualTo(200_000);
    }

    @Test
    void hashesSimilarKeysApartAndNeverToTheEmptyMarker() {
        assertThat(SeenKeys.hash("id:1")).isNotEqualTo(SeenKeys.hash("id:2")).isNotZero();
        assertThat(SeenKeys.hash("")).isNotZero();
    }
}
