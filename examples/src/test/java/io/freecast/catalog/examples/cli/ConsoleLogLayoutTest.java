package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written layout prints, character for character, what logback's pattern would. */
class ConsoleLogLayoutTest {

    private final LoggerContext context = new LoggerContext();

    static Stream<Arguments> events() {
        IllegalStateException nested = new IllegalStateException("outer", new java.io.IOException("inner\nline two"));
        return Stream.of(
                Arguments.of("io.freecast.catalog.scheduler.TaskLoop", Level.INFO, "import-shows: ran {} items",
                        new Object[] {42}, null),
                Arguments.of("Short", Level.WARN, "plain", null, null),
                Arguments.of("org.jooq.impl.DefaultExecuteContext", Level.DEBUG, "unicode ✓ ü 名 and {} braces", null,
                        null),
                Arguments.of("io.freecast.catalog.examples.cli.ServeCommand", Level.ERROR, "failed", null, nested),
                Arguments.of("x", Level.TRACE, "", null, null),
                Arguments.of("a.b.c.d.e.f.g.h.VeryLongClassNameThatIsLongerThanTheTarget", Level.INFO, "{} and {}",
                        new Object[] {"one", null}, null));
    }

    @ParameterizedTest
    @MethodSource("events")
    void printsWhatTheEquivalentPatternPrints(String loggerName, Level level, String message, Object[] arguments,
                                             Throwable thrown) {
        Logger logger = context.getLogger(loggerName);
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, message, thrown, arguments);
        event.setInstant(Instant.parse("2026-11-24T21:07:05.042Z"));

        assertThat(layout().doLayout(event)).isEqualTo(pattern().doLayout(event));
    }

    private ConsoleLogLayout layout() {
        ConsoleLogLayout layout = new ConsoleLogLayout();
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private PatternLayout pattern() {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(ConsoleLogLayout.EQUIVALENT_PATTERN);
        pattern.start();
        return pattern;
    }
}
