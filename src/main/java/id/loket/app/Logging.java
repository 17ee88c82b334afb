package id.loket.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the log to {@code logs/loket.log} in the data folder, where support looks for it. */
final class Logging {

    private Logging() {
    }

    static void toFolder(Path dataDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(dataDir.resolve("logs").resolve("loket.log").toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file);
    }
}
