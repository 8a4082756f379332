package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each serve gets a warm-up of its own: the early one goes to the first serve only. */
class ServeWarmUpTest {

    @Test
    void theEarlyWarmUpGoesToOneServeAndLaterOnesGetTheirOwnRegistry() {
        ServeWarmUp.runEarly();
        ServeWarmUp.runEarly();

        ServeWarmUp first = ServeWarmUp.start();
        ServeWarmUp second = ServeWarmUp.start();

        assertThat(first).isNotSameAs(second);
        assertThat(first.meterRegistry()).isNotNull().isNotSameAs(second.meterRegistry());
        assertThat(first.meterRegistry().scrape()).isNotNull();
    }
}
