package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.auth.AccessTokenProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestOptionsTest {
    private static final String TOKEN = "pat-eu1-7c0ffee0-1a2b-4c3d-9e8f-OTHER-PORTAL";

    @Test
    void noneChangesNothing() {
        RequestOptions none = RequestOptions.none();
        assertTrue(none.timeout().isEmpty());
        assertTrue(none.headers().isEmpty());
        assertTrue(none.accessToken().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Content-Type", "Content-Length", "Host", "CONNECTION"})
    void refusesHeadersTheRuntimeSets(String name) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RequestOptions.builder().header(name, "x"));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("set by the runtime"), e.getMessage());
    }

    @Test
    void authorizationPointsToAccessToken() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RequestOptions.builder().header("Authorization", "Bearer " + TOKEN));
        assertTrue(e.getMessage().contains("accessToken(...)"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void refusesHeadersThatCannotBeSent() {
        assertThrows(
                IllegalArgumentException.class, () -> RequestOptions.builder().header("X-Trace Id", "1"));
        assertThrows(
                IllegalArgumentException.class, () -> RequestOptions.builder().header("", "1"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RequestOptions.builder().header("X-Trace-Id", "abc\r\nX-Injected: 1"));
        assertTrue(e.getMessage().contains("position 4"), e.getMessage());
    }

    @Test
    void aHeaderGivenAgainInAnotherCaseReplacesTheFirst() {
        RequestOptions options = RequestOptions.builder()
                .header("X-Request-Id", "first")
                .header("Idempotency-Key", "k-1")
                .header("x-request-id", "second")
                .build();
        assertEquals(Map.of("Idempotency-Key", "k-1", "x-request-id", "second"), options.headers());
        assertEquals(
                List.of("Idempotency-Key", "x-request-id"),
                List.copyOf(options.headers().keySet()));
    }

    @Test
    void refusesNonPositiveTimeouts() {
        assertThrows(
                IllegalArgumentException.class, () -> RequestOptions.builder().timeout(Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> RequestOptions.builder().timeout(Duration.ofSeconds(-1)));
    }

    @Test
    void toStringShowsNeitherTokenNorHeaderValues() {
        RequestOptions options = RequestOptions.builder()
                .timeout(Duration.ofSeconds(5))
                .header("X-Request-Id", "secret-trace-value")
                .accessToken(TOKEN)
                .build();
        String text = options.toString();
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains("secret-trace-value"), text);
        assertTrue(text.contains("X-Request-Id") && text.contains("PT5S") && text.contains("[REDACTED]"), text);
        assertEquals(TOKEN, options.accessToken().orElseThrow().accessToken());
    }

    @Test
    void toBuilderKeepsEverything() {
        AccessTokenProvider provider = AccessTokenProvider.of(TOKEN);
        RequestOptions options = RequestOptions.builder()
                .timeout(Duration.ofSeconds(5))
                .header("X-Request-Id", "1")
                .accessToken(provider)
                .build();
        RequestOptions copy = options.toBuilder().header("X-Other", "2").build();
        assertEquals(Duration.ofSeconds(5), copy.timeout().orElseThrow());
        assertEquals(Map.of("X-Request-Id", "1", "X-Other", "2"), copy.headers());
        assertEquals(provider, copy.accessToken().orElseThrow());
        assertEquals(Map.of("X-Request-Id", "1"), options.headers(), "the original is unchanged");
    }

    @Test
    void headersCannotBeModified() {
        RequestOptions options =
                RequestOptions.builder().header("X-Request-Id", "1").build();
        assertThrows(
                UnsupportedOperationException.class, () -> options.headers().put("X-Other", "2"));
    }
}
