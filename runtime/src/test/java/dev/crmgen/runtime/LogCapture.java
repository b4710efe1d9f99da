package dev.crmgen.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures everything the runtime logs (System.Logger defaults to java.util.logging) while open. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.crmgen.runtime");
    private final Level previous = logger.getLevel();
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder sb = new StringBuilder(r.getLevel() + " " + r.getMessage());
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                sb.append(" | ").append(t);
            }
            synchronized (lines) {
                lines.add(sb.toString());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    public List<String> linesContaining(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }
}
