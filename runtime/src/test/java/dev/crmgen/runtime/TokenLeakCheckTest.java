package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.internal.Secrets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check itself, on a logger of its own so the check registered for this suite sees none of it. */
class TokenLeakCheckTest {
    static final String TOKEN = "pat-eu1-9f8e7d6c-5b4a-4392-8170-LEAK-CHECK";

    final Logger isolated = Logger.getLogger("token-leak-check-test");
    final TokenLeakCheck check = new TokenLeakCheck(isolated);

    @BeforeEach
    void isolate() {
        isolated.setUseParentHandlers(false);
        isolated.setLevel(Level.ALL);
    }

    @AfterEach
    void restore() {
        isolated.setUseParentHandlers(true);
    }

    @Test
    void aTokenInALogRecordFailsTheTestWithoutBeingQuoted() {
        check.beforeEach(null);
        isolated.log(Level.FINE, "sending with Bearer {0}", TOKEN);
        AssertionError e = assertThrows(AssertionError.class, () -> check.afterEach(null));
        assertTrue(e.getMessage().contains("1 log record"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), "the check quoted the token");
    }

    @Test
    void aTokenInAThrownExceptionOrItsCauseFailsTheTestWithoutBeingQuoted() {
        Throwable thrown = new IllegalStateException(
                "wrapped", new IllegalArgumentException("invalid header value: Bearer " + TOKEN));
        AssertionError e = assertThrows(AssertionError.class, () -> check.handleTestExecutionException(null, thrown));
        assertTrue(e.getMessage().contains("IllegalArgumentException"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN) || e.getCause() != null, "the check quoted the token");
    }

    @Test
    void cleanRecordsAndExceptionsPassThrough() throws Throwable {
        check.beforeEach(null);
        isolated.info("sending with Bearer " + Secrets.MASK);
        check.afterEach(null);
        Throwable thrown = new IllegalStateException("no token here");
        assertSame(
                thrown,
                assertThrows(IllegalStateException.class, () -> check.handleTestExecutionException(null, thrown)));
    }
}
