package dev.crmgen.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Fails a test when a test token shows up where the runtime promises it never does: in any log record
 * ({@link System.Logger} goes to java.util.logging) or in the message or {@code toString()} of an exception the test
 * threw, causes and suppressed ones included. Registered for every test through {@code META-INF/services} (the
 * runtime's test jar carries it to other modules' suites).
 *
 * <p>A test token is recognised by its shape, that of a HubSpot private-app token: {@code pat-<region>-…}, such as
 * {@code pat-na1-5e1f0c2a-…}. Tests must use tokens of that shape for the check to cover them. Its own failures
 * never quote the token.
 */
public final class TokenLeakCheck implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    /** HubSpot's private-app token shape; any eight characters after the region count as a leak. */
    static final Pattern TEST_TOKEN = Pattern.compile("pat-[a-z]{2}\\d-[0-9A-Za-z-]{8,}");

    private final Logger watched;
    /** Loggers lowered to ALL so debug records are formatted and checked too; kept strongly while lowered. */
    private final Logger product = Logger.getLogger("dev.crmgen");

    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> leaks = new ArrayList<>();
    private Level productLevel;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String text = recordText(r);
            if (TEST_TOKEN.matcher(text).find()) {
                synchronized (leaks) {
                    leaks.add(r.getLevel() + " record of logger " + r.getLoggerName() + ": " + mask(text));
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    /** Watches every log record that reaches the root logger. */
    public TokenLeakCheck() {
        this(Logger.getLogger(""));
    }

    /** Watches the records that reach {@code watched}. */
    TokenLeakCheck(Logger watched) {
        this.watched = Objects.requireNonNull(watched, "watched");
        handler.setLevel(Level.ALL);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (leaks) {
            leaks.clear();
        }
        productLevel = product.getLevel();
        product.setLevel(Level.ALL);
        watched.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        watched.removeHandler(handler);
        product.setLevel(productLevel);
        List<String> found;
        synchronized (leaks) {
            found = new ArrayList<>(leaks);
            leaks.clear();
        }
        if (!found.isEmpty()) {
            throw new AssertionError(
                    "a test token appeared in " + found.size() + " log record(s):\n" + String.join("\n", found));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        String leak = leakIn(thrown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        if (leak != null) {
            // The original is not attached: printing it would print the token.
            throw new AssertionError("a test token appeared in an exception the test threw: " + leak);
        }
        throw thrown;
    }

    /** Where in {@code t}, its causes or suppressed exceptions a token appears (masked), or null. */
    private static String leakIn(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        String text = t + " / " + t.getMessage();
        if (TEST_TOKEN.matcher(text).find()) {
            return t.getClass().getName() + ": " + mask(String.valueOf(t.getMessage()));
        }
        for (Throwable s : t.getSuppressed()) {
            String leak = leakIn(s, seen);
            if (leak != null) {
                return leak;
            }
        }
        return leakIn(t.getCause(), seen);
    }

    private String recordText(LogRecord r) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append(formatter.formatMessage(r));
        } catch (RuntimeException unformattable) {
            sb.append(r.getMessage());
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t);
        }
        return sb.toString();
    }

    private static String mask(String text) {
        return TEST_TOKEN.matcher(text).replaceAll("pat-[TEST TOKEN]");
    }
}
