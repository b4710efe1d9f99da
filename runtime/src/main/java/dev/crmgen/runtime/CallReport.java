package dev.crmgen.runtime;

import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.internal.ListenerGuard;
import dev.crmgen.runtime.observe.CallListener;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * What the {@link CallListener} hears of one call: an event per attempt and one for the call, built from the counters
 * the call keeps here. Without a listener only the counters are kept, so calls build no events nobody reads.
 */
final class CallReport {
    /** Null without a listener. */
    private final ListenerGuard listener;

    private final ApiRequest request;
    private final long startedAt;
    /** Attempts sent so far. */
    int attempts;
    /** Time spent waiting for the rate limiter so far. */
    long rateLimitWaitNanos;
    /** The size of the request body each attempt sends. */
    int requestBytes;

    private int lastStatus;
    private String lastCorrelationId;

    CallReport(ListenerGuard listener, ApiRequest request, long startedAt) {
        this.listener = listener;
        this.request = request;
        this.startedAt = startedAt;
    }

    /**
     * The attempt just decided; {@code retryDelayNanos} is negative when it ended the call (with a value or an
     * exception), else the wait before the retry that follows.
     */
    void attempt(
            long latencyNanos,
            long waitNanos,
            HttpTransport.Response response,
            Throwable failure,
            long retryDelayNanos) {
        lastStatus = response == null ? 0 : response.status();
        lastCorrelationId = response == null ? null : response.header("X-HubSpot-Correlation-Id");
        if (listener == null) {
            return;
        }
        boolean retrying = retryDelayNanos >= 0;
        CallListener.RetryReason reason = !retrying
                ? null
                : response != null
                        ? CallListener.RetryReason.ofStatus(response.status())
                        : failure instanceof IOException e && RetryDecisions.notSent(e)
                                ? CallListener.RetryReason.NOT_SENT
                                : failure instanceof HttpTimeoutException
                                        ? CallListener.RetryReason.TIMEOUT
                                        : CallListener.RetryReason.IO_ERROR;
        listener.attempt(new CallListener.AttemptEvent(
                request.operationId(),
                request.method(),
                request.pathTemplate(),
                attempts,
                lastStatus,
                failure == null ? null : failure.getClass().getSimpleName(),
                Duration.ofNanos(latencyNanos),
                Duration.ofNanos(waitNanos),
                reason,
                Duration.ofNanos(retrying ? retryDelayNanos : 0),
                lastCorrelationId,
                requestBytes,
                response == null ? 0 : response.body().length));
    }

    /** The call is over, with {@code failure} null on success. */
    void ended(Throwable failure, long nowNanos) {
        if (listener == null) {
            return;
        }
        String correlationId = failure instanceof ApiException api && api.correlationId() != null
                ? api.correlationId()
                : lastCorrelationId;
        int status = failure instanceof ApiException api ? api.status() : lastStatus;
        listener.call(new CallListener.CallEvent(
                request.operationId(),
                request.method(),
                request.pathTemplate(),
                failure == null ? CallListener.Outcome.SUCCESS : CallListener.Outcome.ofFailure(failure),
                status,
                failure == null ? null : failure.getClass().getSimpleName(),
                correlationId,
                Duration.ofNanos(nowNanos - startedAt),
                attempts,
                Duration.ofNanos(rateLimitWaitNanos)));
    }
}
