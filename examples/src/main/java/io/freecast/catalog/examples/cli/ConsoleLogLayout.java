package io.freecast.catalog.examples.cli;

import ch.qos.logback.classic.pattern.Abbreviator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One log line, {@code 12:34:56.789 INFO  i.f.c.s.TaskLoop - message}, then the stack trace if there is
 * one: exactly what logback's {@link #EQUIVALENT_PATTERN} prints. Written out rather than given as a
 * pattern because logback's PatternLayout registers its fifty-odd converters when it is first loaded, a
 * good part of every command's start-up.
 */
final class ConsoleLogLayout extends LayoutBase<ILoggingEvent> {

    /** The logback pattern this layout is equivalent to (a test compares the two). */
    static final String EQUIVALENT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final int LEVEL_WIDTH = 5;

    private final Abbreviator loggerNames = new TargetLengthBasedClassNameAbbreviator(20);
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        TIME.formatTo(LocalTime.ofInstant(event.getInstant(), zone), line);
        String level = event.getLevel().toString();
        line.append(' ').append(level).repeat(' ', Math.max(0, LEVEL_WIDTH - level.length()));
        line.append(' ').append(loggerNames.abbreviate(event.getLoggerName()));
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
