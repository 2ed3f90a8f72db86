package io.cellfloor.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Moves every log line of this JVM (the embedded broker's, the Kafka clients', cellfloor's own) from the console to
 * one file while the demo runs, so that its console is the demo's own lines: addresses, progress, cycles, stage
 * changes. The broker and the clients log what an operator of a real cluster wants to see (a controller activating
 * an empty metadata log, a transaction coordinator racing to create its topic), which a newcomer's first screen
 * cannot use. {@link #close} puts the console appenders back.
 */
final class DemoLogs implements AutoCloseable {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n";

    private final List<Detached> detached;
    private final FileAppender<ILoggingEvent> file;
    private final Logger root;

    private DemoLogs(final List<Detached> detached, final FileAppender<ILoggingEvent> file, final Logger root) {
        this.detached = detached;
        this.file = file;
        this.root = root;
    }

    /** Sends every log line to {@code logFile} (appended, created with its directories) instead of the console. */
    static DemoLogs toFile(final Path logFile) {
        final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        final FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("demo-file");
        file.setFile(logFile.toAbsolutePath().toString());
        file.setEncoder(encoder);
        file.start();
        final List<Detached> detached = new ArrayList<>();
        for (final Logger logger : context.getLoggerList()) {
            for (final Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
                final Appender<ILoggingEvent> appender = it.next();
                if (appender instanceof ConsoleAppender) {
                    detached.add(new Detached(logger, appender));
                }
            }
        }
        detached.forEach(d -> d.logger().detachAppender(d.appender()));
        final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        return new DemoLogs(List.copyOf(detached), file, root);
    }

    /** A console appender taken off its logger, to be put back. */
    private record Detached(Logger logger, Appender<ILoggingEvent> appender) {
    }

    @Override
    public void close() {
        detached.forEach(d -> d.logger().addAppender(d.appender()));
        root.detachAppender(file);
        file.stop();
    }
}
