package dev.crmgen.runtime;

import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Which failed attempts the invoker sends again, and after how long: the {@link RetryPolicy} applied to one answer. */
final class RetryDecisions {
    private RetryDecisions() {}

    /**
     * Nanoseconds to wait before retrying this status, or -1 when it must not be retried. 429 and 423 are refusals
     * (rate limit, locked resource) made before anything was applied, so any call may be resent; after a 5xx the
     * server, or the one behind a gateway, may have applied the request, so only a retry-safe call is resent.
     */
    static long afterStatus(RetryPolicy retry, int status, boolean retrySafe, Duration retryAfter, int retries) {
        long backoff = retry.backoffNanos(retries, ThreadLocalRandom.current().nextDouble());
        switch (status) {
            case 429:
                return told(retry, retryAfter, backoff);
            case 423: {
                long wait = told(retry, retryAfter, backoff);
                return wait < 0 ? -1 : Math.max(wait, retry.lockedMinimum().toNanos());
            }
            case 500:
            case 502:
            case 503:
            case 504:
                return retrySafe ? told(retry, retryAfter, backoff) : -1;
            default:
                return -1;
        }
    }

    /** The server's requested wait when given (and within the cap; a longer one ends retries), else the backoff. */
    private static long told(RetryPolicy retry, Duration retryAfter, long backoff) {
        if (retryAfter == null) {
            return backoff;
        }
        if (retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
            return -1;
        }
        return retryAfter.toNanos();
    }

    /** Whether the failure certainly came before anything was sent, so that any call may be sent again. */
    static boolean notSent(IOException e) {
        return e instanceof HttpTransport.RequestNotSentException
                || e instanceof ConnectException
                || e instanceof HttpConnectTimeoutException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
    }
}
