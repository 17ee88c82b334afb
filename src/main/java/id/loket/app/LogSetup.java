package id.loket.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;

/**
 * Loket's logging, set up in code (found by logback through {@code META-INF/services}) instead
 * of an XML file: logback's XML reader and pattern parser cost about a quarter of a second of
 * every start. The console gets errors only; {@link Logging#toFolder} adds the data folder's
 * log, which gets INFO and up. The tests' {@code logback-test.xml} still applies when it is on
 * the class path, unless {@code -Dloket.appLogging=true} asks for the application's own.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** Set to {@code true} to use this set-up even where a {@code logback-test.xml} is on the class path (a test of the log). */
    static final String APP_LOGGING = "loket.appLogging";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Boolean.getBoolean(APP_LOGGING)
                && (System.getProperty("logback.configurationFile") != null || getClass().getResource("/logback-test.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger("org.jooq.Constants").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        ThresholdFilter errorsOnly = new ThresholdFilter();
        errorsOnly.setLevel(Level.ERROR.levelStr);
        errorsOnly.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.addFilter(errorsOnly);
        console.setEncoder(encoder(context, new Line(DateTimeFormatter.ofPattern("HH:mm:ss"), 20, false)));
        console.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, Line line) {
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        return encoder;
    }

    /** One log line: time, level, (thread,) shortened logger name, message, and the stack of a failure. */
    static final class Line extends LayoutBase<ILoggingEvent> {
        private final DateTimeFormatter time;
        private final TargetLengthBasedClassNameAbbreviator logger;
        private final boolean thread;

        Line(DateTimeFormatter time, int loggerLength, boolean thread) {
            this.time = time.withZone(ZoneId.systemDefault());
            this.logger = new TargetLengthBasedClassNameAbbreviator(loggerLength);
            this.thread = thread;
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder b = new StringBuilder(128);
            b.append(time.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
            String level = event.getLevel().levelStr;
            b.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
            if (thread) {
                b.append('[').append(event.getThreadName()).append("] ");
            }
            b.append(logger.abbreviate(event.getLoggerName())).append(" - ").append(event.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            if (event.getThrowableProxy() != null) {
                b.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(CoreConstants.LINE_SEPARATOR);
            }
            return b.toString();
        }
    }
}
