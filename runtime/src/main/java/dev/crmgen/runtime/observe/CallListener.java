package dev.crmgen.runtime.observe;

import dev.crmgen.runtime.ApiInvoker;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import java.time.Duration;
import java.util.Objects;

/**
 * Observes every HubSpot call an {@link ApiInvoker} makes, for metrics and traces, without wrapping the transport.
 * Set one with {@link ClientOptions.Builder#listener(CallListener)}.
 *
 * <p>{@link #onAttempt} follows each HTTP exchange (or failed exchange), once its retry decision is made;
 * {@link #onCall} follows the whole call, success or failure, before the caller sees the result. Both are called on
 * the blocking and the asynchronous path, on whichever thread ran the call (for async calls, the runtime's or the
 * configured executor's), possibly concurrently: implementations must be thread-safe and quick. An exception thrown
 * by a listener never changes the call's outcome: it is caught and logged (the first one at WARNING).
 *
 * <p>Events carry the path template, never the expanded path, query or headers, so they hold no record ids and never
 * the access token.
 */
public interface CallListener {
    /** A listener that does nothing: the default. */
    CallListener NONE = new CallListener() {
        @Override
        public String toString() {
            return "CallListener.NONE";
        }
    };

    /** One attempt is over and the invoker has decided whether another follows. The default does nothing. */
    default void onAttempt(AttemptEvent attempt) {}

    /** The call is over: its result or exception goes to the caller next. The default does nothing. */
    default void onCall(CallEvent call) {}

    /**
     * One HTTP attempt of a call.
     *
     * @param operationId the spec's operationId, or null when the request has none
     * @param method the HTTP method, upper case
     * @param pathTemplate the path with {@code {name}} placeholders, as in the spec
     * @param attempt 1 for the first attempt of the call, 2 for the first retry, and so on
     * @param status the response's HTTP status, or 0 when no response arrived
     * @param failure the simple class name of the I/O failure (such as {@code HttpTimeoutException}) when no
     *     response arrived, else null
     * @param latency from sending the request to the response's body or the failure
     * @param rateLimitWait how long the client-side rate limiter held the attempt before sending
     * @param retryReason why another attempt follows, or null when this one ends the call
     * @param retryDelay the wait before the next attempt; zero when none follows
     * @param correlationId the response's {@code X-HubSpot-Correlation-Id}, or null
     * @param requestBytes the request body's length
     * @param responseBytes the response body's length after decompression, 0 when no response arrived
     */
    record AttemptEvent(
            String operationId,
            String method,
            String pathTemplate,
            int attempt,
            int status,
            String failure,
            Duration latency,
            Duration rateLimitWait,
            RetryReason retryReason,
            Duration retryDelay,
            String correlationId,
            long requestBytes,
            long responseBytes) {
        /** Checks the required components. */
        public AttemptEvent {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(rateLimitWait, "rateLimitWait");
            Objects.requireNonNull(retryDelay, "retryDelay");
        }

        /** Whether another attempt of the same call follows this one. */
        public boolean retried() {
            return retryReason != null;
        }

        /** The class of this attempt's result. */
        public Outcome outcome() {
            return failure != null ? Outcome.TRANSPORT_ERROR : Outcome.ofStatus(status);
        }
    }

    /**
     * One call, from its start to its result: all attempts, rate-limit waits and retry delays included.
     *
     * @param operationId the spec's operationId, or null when the request has none
     * @param method the HTTP method, upper case
     * @param pathTemplate the path with {@code {name}} placeholders, as in the spec
     * @param outcome the class of the result
     * @param status the status of the last response, or 0 when the last attempt got none (or none was sent)
     * @param failure the simple class name of the exception the caller gets (such as {@code RateLimitException}),
     *     or null on success
     * @param correlationId HubSpot's correlation id of the last response (from the error body or the header), or null
     * @param totalTime from the call's start to its result
     * @param attempts the HTTP attempts made; 0 when the call failed before sending (a daily limit already reached,
     *     a rate-limit wait past the deadline)
     * @param rateLimitWait the client-side rate-limit waits of all attempts together
     */
    record CallEvent(
            String operationId,
            String method,
            String pathTemplate,
            Outcome outcome,
            int status,
            String failure,
            String correlationId,
            Duration totalTime,
            int attempts,
            Duration rateLimitWait) {
        /** Checks the required components. */
        public CallEvent {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(totalTime, "totalTime");
            Objects.requireNonNull(rateLimitWait, "rateLimitWait");
        }

        /** Whether the call produced a result. */
        public boolean succeeded() {
            return outcome == Outcome.SUCCESS;
        }
    }

    /** Why the invoker makes another attempt. */
    enum RetryReason {
        /** HTTP 429 from a rolling-window policy (a daily limit is never retried). */
        RATE_LIMITED,
        /** HTTP 423: the record was locked by another write. */
        LOCKED,
        /** HTTP 500, 502, 503 or 504. */
        SERVER_ERROR,
        /** HTTP 401, answered once with a refreshed token. */
        UNAUTHORIZED,
        /** No complete response within the attempt's timeout. */
        TIMEOUT,
        /** The connection failed after the request may have reached the server. */
        IO_ERROR,
        /** The request certainly never reached the server (connection refused, unknown host). */
        NOT_SENT;

        /** The reason for retrying after a response with this status. */
        public static RetryReason ofStatus(int status) {
            switch (status) {
                case 429:
                    return RATE_LIMITED;
                case 423:
                    return LOCKED;
                case 401:
                    return UNAUTHORIZED;
                default:
                    return SERVER_ERROR;
            }
        }
    }

    /** The class of an attempt's or a call's result; few values, so it suits a metric tag. */
    enum Outcome {
        /** A 2xx response, mapped (for a call: decoded) successfully. */
        SUCCESS,
        /** A 4xx response. */
        CLIENT_ERROR,
        /** A 5xx response. */
        SERVER_ERROR,
        /** No response: an I/O failure, a timeout, or nothing sent at all. */
        TRANSPORT_ERROR,
        /** A 2xx response whose body could not be read. */
        DECODING_ERROR,
        /** Anything else: a status outside 2xx, 4xx and 5xx, or a failure outside the runtime's exceptions. */
        OTHER;

        /** The outcome a response with this status stands for (0: no response). */
        public static Outcome ofStatus(int status) {
            if (status == 0) {
                return TRANSPORT_ERROR;
            }
            if (status >= 200 && status < 300) {
                return SUCCESS;
            }
            if (status >= 400 && status < 500) {
                return CLIENT_ERROR;
            }
            return status >= 500 && status < 600 ? SERVER_ERROR : OTHER;
        }

        /** The outcome of a call that ended with this exception. */
        public static Outcome ofFailure(Throwable failure) {
            if (failure instanceof ResponseDecodingException) {
                return DECODING_ERROR;
            }
            if (failure instanceof ApiException api) {
                return ofStatus(api.status());
            }
            return OTHER;
        }
    }
}
