package io.freecast.catalog.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * The launcher's logging, set up in code (found by logback through {@code META-INF/services}): log lines
 * go to stderr, so a command's JSON report keeps stdout machine-readable; the libraries say only warnings;
 * {@code CATALOG_LOG_LEVEL} (environment or system property, default INFO) sets the level of the rest.
 *
 * <p>In code rather than a {@code logback.xml} because reading XML configuration loads an XML parser and
 * logback's configuration model, some 600 classes: a good part of every command's start-up (for the same
 * reason the line format is {@link ConsoleLogLayout}, not a pattern). A file given with
 * {@code -Dlogback.configurationFile=…} still takes over.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String LEVEL_SETTING = "CATALOG_LOG_LEVEL";
    private static final String BROKEN_CONNECTIONS = "com.zaxxer.hikari.pool.ProxyConnection";
    private static final List<String> QUIET_LIBRARIES =
            List.of("com.zaxxer.hikari", "org.flywaydb", "org.jooq", "io.undertow", "org.xnio", "org.jboss");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleLogLayout layout = new ConsoleLogLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        for (String library : QUIET_LIBRARIES) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        // HikariCP warns with a full stack trace for every pooled connection a lost database breaks; the
        // store says the same once, in one line ("database unavailable: … (connection … lost)").
        context.getLogger(BROKEN_CONNECTIONS).setLevel(Level.ERROR);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // As logback reads a level it does not know (DEBUG), so a typo shows more rather than less.
        root.setLevel(Level.toLevel(rootLevel()));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static String rootLevel() {
        String level = System.getProperty(LEVEL_SETTING);
        if (level == null) {
            level = System.getenv(LEVEL_SETTING);
        }
        return level == null || level.isEmpty() ? "INFO" : level;
    }
}
