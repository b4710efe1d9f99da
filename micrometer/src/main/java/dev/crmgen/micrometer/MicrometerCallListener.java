package dev.crmgen.micrometer;

import dev.crmgen.runtime.observe.CallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Records every HubSpot call of a client as Micrometer meters:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>one per</th><th>tags besides operation, method, uri</th></tr>
 *   <tr><td>{@value #REQUESTS}</td><td>timer</td><td>HTTP attempt</td><td>status, outcome, exception</td></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>call, retries and waits included</td>
 *       <td>status, outcome, exception</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>attempt followed by another</td><td>reason</td></tr>
 *   <tr><td>{@value #RATE_LIMIT_WAIT}</td><td>timer</td><td>attempt (zero when not held)</td><td></td></tr>
 *   <tr><td>{@value #REQUEST_SIZE}, {@value #RESPONSE_SIZE}</td><td>summary, bytes</td><td>HTTP attempt</td>
 *       <td></td></tr>
 * </table>
 *
 * <p>Every tag has few values, as metric backends need: {@code operation} is the spec's operationId ({@code none}
 * without one), {@code uri} the path template (never a record id), {@code status} the HTTP status ({@code NONE}
 * when no response came), {@code outcome} a {@link CallListener.Outcome}, {@code exception} the simple class name of
 * the failure ({@code none} on success), {@code reason} a {@link CallListener.RetryReason}.
 *
 * <pre>{@code
 * NotesClient notes = new NotesClient(ClientOptions.builder()
 *         .accessToken(token)
 *         .listener(new MicrometerCallListener(meterRegistry))
 *         .build());
 * }</pre>
 */
public final class MicrometerCallListener implements CallListener {
    /** Timer of each HTTP attempt. */
    public static final String REQUESTS = "hubspot.client.requests";
    /** Timer of each call, from its start to its result. */
    public static final String CALLS = "hubspot.client.calls";
    /** Counter of attempts that another attempt of the same call follows. */
    public static final String RETRIES = "hubspot.client.retries";
    /** Timer of the client-side rate limiter's hold before each attempt. */
    public static final String RATE_LIMIT_WAIT = "hubspot.client.ratelimit.wait";
    /** Distribution of request body sizes, in bytes. */
    public static final String REQUEST_SIZE = "hubspot.client.request.size";
    /** Distribution of response body sizes after decompression, in bytes. */
    public static final String RESPONSE_SIZE = "hubspot.client.response.size";

    private static final String NONE = "none";
    private static final String NO_STATUS = "NONE";

    private final Tags commonTags;
    private final Meter.MeterProvider<Timer> requests;
    private final Meter.MeterProvider<Timer> calls;
    private final Meter.MeterProvider<Counter> retries;
    private final Meter.MeterProvider<Timer> rateLimitWait;
    private final Meter.MeterProvider<DistributionSummary> requestSize;
    private final Meter.MeterProvider<DistributionSummary> responseSize;

    /** Records into {@code registry}. */
    public MicrometerCallListener(MeterRegistry registry) {
        this(registry, Tags.empty());
    }

    /**
     * Records into {@code registry}, adding {@code tags} to every meter: for example the HubSpot account when one
     * process works for several (a handful of values, never a token).
     */
    public MicrometerCallListener(MeterRegistry registry, Iterable<Tag> tags) {
        Objects.requireNonNull(registry, "registry");
        this.commonTags = Tags.of(Objects.requireNonNull(tags, "tags"));
        this.requests = Timer.builder(REQUESTS)
                .description("HTTP attempts of HubSpot API calls, retries included")
                .withRegistry(registry);
        this.calls = Timer.builder(CALLS)
                .description("HubSpot API calls from start to result, retries and waits included")
                .withRegistry(registry);
        this.retries = Counter.builder(RETRIES)
                .description("HubSpot API attempts that were followed by a retry")
                .withRegistry(registry);
        this.rateLimitWait = Timer.builder(RATE_LIMIT_WAIT)
                .description("Time the client-side rate limiter held HubSpot API attempts before sending")
                .withRegistry(registry);
        this.requestSize = DistributionSummary.builder(REQUEST_SIZE)
                .baseUnit("bytes")
                .description("Request body sizes of HubSpot API attempts")
                .withRegistry(registry);
        this.responseSize = DistributionSummary.builder(RESPONSE_SIZE)
                .baseUnit("bytes")
                .description("Response body sizes of HubSpot API attempts, after decompression")
                .withRegistry(registry);
    }

    @Override
    public void onAttempt(AttemptEvent attempt) {
        Tags route = route(attempt.operationId(), attempt.method(), attempt.pathTemplate());
        requests.withTags(result(route, attempt.status(), attempt.outcome(), attempt.failure()))
                .record(attempt.latency());
        rateLimitWait.withTags(route).record(attempt.rateLimitWait());
        if (attempt.retried()) {
            retries.withTags(route.and("reason", attempt.retryReason().name())).increment();
        }
        requestSize.withTags(route).record(attempt.requestBytes());
        if (attempt.failure() == null) {
            responseSize.withTags(route).record(attempt.responseBytes());
        }
    }

    @Override
    public void onCall(CallEvent call) {
        Tags route = route(call.operationId(), call.method(), call.pathTemplate());
        calls.withTags(result(route, call.status(), call.outcome(), call.failure()))
                .record(call.totalTime());
    }

    private Tags route(String operationId, String method, String pathTemplate) {
        return commonTags.and(
                "operation", operationId == null ? NONE : operationId, "method", method, "uri", pathTemplate);
    }

    private static Tags result(Tags route, int status, Outcome outcome, String failure) {
        return route.and(
                "status",
                status == 0 ? NO_STATUS : Integer.toString(status),
                "outcome",
                outcome.name(),
                "exception",
                failure == null ? NONE : failure);
    }

    @Override
    public String toString() {
        return "MicrometerCallListener" + commonTags;
    }
}
