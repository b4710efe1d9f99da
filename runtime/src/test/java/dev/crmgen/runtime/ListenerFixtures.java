package dev.crmgen.runtime;

import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.observe.CallListener;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the listener tests (here and in other modules, through the test jar) share: HubSpot's answers and options on a
 * {@link FakeTicker} under which every duration a listener hears is exact, as the transport advances the ticker by
 * {@link #EXCHANGE} per exchange and the rate limiter holds each attempt for {@link #PACING}.
 */
public final class ListenerFixtures {
    public static final String PATH = "/crm/v3/objects/notes/batch/update";
    public static final String OPERATION = "post-/crm/v3/objects/notes/batch/update_update";
    public static final Duration EXCHANGE = Duration.ofMillis(40);
    public static final Duration PACING = Duration.ofMillis(250);
    public static final String CORRELATION = "aeb5f871-7f07-4993-9211-075dc63e7cbf";
    /** HubSpot's 429 as its documentation shows it. */
    public static final String RATE_LIMITED = "{\"status\":\"error\","
            + "\"message\":\"You have reached your ten_secondly_rolling limit.\",\"errorType\":\"RATE_LIMIT\","
            + "\"correlationId\":\"" + CORRELATION + "\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}";

    public static final String UPDATED = "{\"status\":\"COMPLETE\",\"results\":[],"
            + "\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:01Z\"}";
    public static final ResponseMapper<JsonValue> JSON = ResponseMapper.<JsonValue>builder()
            .json(200, JsonCodecs.JSON_VALUE, v -> v)
            .build();

    private ListenerFixtures() {}

    /** Options for a loopback server on {@code port}, timed by {@code ticker}, telling {@code listener}. */
    public static ClientOptions.Builder options(String token, int port, FakeTicker ticker, CallListener listener) {
        HttpTransport wire = HttpTransport.jdk(Duration.ofSeconds(5));
        HttpTransport timedWire = request -> {
            ticker.advance(EXCHANGE.toNanos());
            return wire.send(request);
        };
        return ClientOptions.builder()
                .accessToken(token)
                .baseUrl("http://127.0.0.1:" + port)
                .ticker(ticker)
                .transport(timedWire)
                .rateLimiter(() -> PACING.toNanos())
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .listener(listener);
    }

    /** An empty batch update of notes. */
    public static ApiRequest batchUpdate() {
        return ApiRequest.builder("POST", PATH)
                .operationId(OPERATION)
                .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE)
                .build();
    }

    /** A note update by id, resent after failures only when {@code retrySafe}. */
    public static ApiRequest noteUpdate(long noteId, boolean retrySafe) {
        return ApiRequest.builder("PATCH", "/crm/v3/objects/notes/{noteId}")
                .pathParam("noteId", noteId)
                .jsonBody(
                        JsonValue.of(Map.of("properties", Map.of("hs_note_body", "Called back"))),
                        JsonCodecs.JSON_VALUE)
                .retrySafe(retrySafe)
                .build();
    }
}
