package dev.hypercare.alert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures what the outbox logs (System.Logger goes to java.util.logging here), formatted, thrown included. */
final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger(AlertOutbox.class.getName()); // held: JUL keeps loggers weakly
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final boolean parents;
    private final Level level;

    LogCapture() {
        parents = logger.getUseParentHandlers();
        level = logger.getLevel();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String all() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parents);
        logger.setLevel(level);
    }
}
