package id.loket.app;

import ch.qos.logback.classic.LoggerContext;
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
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(dataDir.resolve("logs").resolve("loket.log").toString());
        file.setAppend(true);
        file.setEncoder(LogSetup.encoder(context,
                new LogSetup.Line(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"), 30, true)));
        file.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file);
    }
}
