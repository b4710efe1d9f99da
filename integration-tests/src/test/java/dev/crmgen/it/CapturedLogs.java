package dev.crmgen.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the runtime logs (System.Logger "dev.crmgen.runtime", backed by java.util.logging) while open. */
public final class CapturedLogs implements AutoCloseable {
    private static final String RUNTIME_LOGGER = "dev.crmgen.runtime";

    private final Logger logger = Logger.getLogger(RUNTIME_LOGGER);
    private final Level previousLevel = logger.getLevel();
    private final boolean previousUseParentHandlers = logger.getUseParentHandlers();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String thrown = record.getThrown() == null ? "" : " " + record.getThrown();
            lines.add(record.getLevel() + " " + record.getMessage() + thrown);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public CapturedLogs() {
        logger.setLevel(Level.ALL);
        // Captured lines are asserted on; echoing them to the console as well would only add noise to the build log.
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** Every line logged so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(previousUseParentHandlers);
        logger.setLevel(previousLevel);
    }
}
