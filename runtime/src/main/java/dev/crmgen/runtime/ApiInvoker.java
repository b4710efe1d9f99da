package dev.crmgen.runtime;

import dev.crmgen.runtime.auth.AccessTokenProvider;
import dev.crmgen.runtime.batch.BatchExecutor;
import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.http.RequestBody;
import dev.crmgen.runtime.internal.ErrorMapping;
import dev.crmgen.runtime.internal.ListenerGuard;
import dev.crmgen.runtime.internal.RuntimeLog;
import dev.crmgen.runtime.internal.RuntimeThreads;
import dev.crmgen.runtime.internal.Secrets;
import dev.crmgen.runtime.internal.SharedRateLimiters;
import dev.crmgen.runtime.observe.CallListener;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import dev.crmgen.runtime.ratelimit.SearchRateLimiter;
import dev.crmgen.runtime.ratelimit.Ticker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends {@link ApiRequest}s: adds credentials and standard headers, paces requests through the
 * {@link RateLimiter}, retries according to the {@link RetryPolicy}, refreshes the token once on 401, maps
 * errors to {@link ApiException} subclasses and successes through a {@link ResponseMapper}. Thread-safe; create
 * one per token and share it.
 *
 * <p>Rules it enforces:
 * <ul>
 *   <li>Every attempt ends by its request timeout, the whole body read included, and never runs past the call's
 *       {@linkplain RetryPolicy#deadline() deadline}: each exchange gets the smaller of the two as its
 *       {@link HttpTransport.Request#timeout()}. A timeout after sending is a {@link TransportException} with
 *       {@link TransportException#isTimeout()} and {@link TransportException#requestSent()}.</li>
 *   <li>A call that is not {@linkplain ApiRequest#retrySafe() retry-safe} is resent only after a 429, a 423, or a
 *       failure certainly before sending; see {@link RetryPolicy}.</li>
 *   <li>A token with a character not allowed in a header fails before sending, without quoting the token; every
 *       message, raw body and log line it builds is scrubbed of the tokens it used.</li>
 *   <li>A 429 of HubSpot's {@code DAILY} policy is a {@link DailyLimitException}, never retried, and later calls on
 *       any client sharing the token fail the same way at once, sending nothing, until the quota resets. A response
 *       saying {@code X-HubSpot-RateLimit-Daily-Remaining: 0} closes the token the same way (for a minute, then one
 *       call checks again), so the request after the day's last is not sent just to earn the 429.</li>
 * </ul>
 *
 * <p>A call's {@link RequestOptions} replace, for that call only, the timeout (the call's deadline and each attempt's
 * response timeout), add headers to every attempt, or use another token: then that token's rate limiter, search
 * limiter and daily-limit gate pace and gate the call (each shared by every call with that token, at
 * {@link ClientOptions#requestsPerTenSeconds()}), a 401 refreshes through its provider, and whatever the call
 * produces is scrubbed of it.
 *
 * <p>A {@link ClientOptions#listener() listener} hears of every attempt and every call, on both paths.
 *
 * <p>Logs through {@link System.Logger} {@code dev.crmgen.runtime}: one INFO line per retry and per rate-limit
 * wait of a second or more (DEBUG for shorter waits); with {@link ClientOptions#logHttp()} each request and
 * response at INFO. The token is never logged.
 *
 * <p>Kept whole on purpose: its {@code Call} makes every decision of one call (token, pacing, timeouts, retry or
 * fail, mapping) in one place for both the blocking and the async path. What can stand apart does: retry delays in
 * {@code RetryDecisions}, listener events in {@code CallReport}, token checks in {@code TokenChecks}, log lines in
 * {@code HttpLog}, error responses in {@code internal.ErrorMapping}.
 */
public final class ApiInvoker {
    /** The least time left before the deadline for which an attempt is still sent. */
    static final long LEAST_ATTEMPT_NANOS = 10_000_000L;

    private static final System.Logger LOG = RuntimeLog.LOG;
    private static final String USER_AGENT = "crmgen/" + Version.VALUE;

    private final ClientOptions options;
    private final HttpTransport transport;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Ticker ticker;
    private final AccessTokenProvider tokens;
    private final String baseUrl;
    private final Executor executor;
    private final Secrets secrets = new Secrets();
    private final TokenChecks tokenChecks;
    private final HttpLog httpLog;
    private final BatchExecutor batchExecutor;
    /** Null without a listener, so that calls build no events nobody reads. */
    private final ListenerGuard listener;

    private ApiInvoker(ClientOptions options) {
        this.options = options;
        this.transport = options.transport();
        this.limiter = options.rateLimiter();
        this.retry = options.retryPolicy();
        this.ticker = options.ticker();
        this.tokens = options.tokenProvider();
        this.baseUrl = options.baseUrl().toString();
        this.executor = options.executor() != null ? options.executor() : RuntimeThreads.executor();
        this.batchExecutor = new BatchExecutor(this.executor);
        this.listener = options.listener() == CallListener.NONE ? null : new ListenerGuard(options.listener());
        this.tokenChecks = new TokenChecks(ticker);
        this.httpLog = new HttpLog(secrets, options.logHttp(), retry.maxRetries());
    }

    /** An invoker for these options. */
    public static ApiInvoker create(ClientOptions options) {
        return new ApiInvoker(Objects.requireNonNull(options, "options"));
    }

    /** The options this invoker was created with. */
    public ClientOptions options() {
        return options;
    }

    /**
     * What is left of the token's daily request budget, as HubSpot's last {@code X-HubSpot-RateLimit-Daily-Remaining}
     * through this invoker's rate limiter said; empty until a response carried it.
     */
    public OptionalLong dailyRemaining() {
        return limiter.dailyRemaining();
    }

    /** Runs batch operations on this invoker's threads; generated {@code …All} methods use it. */
    public BatchExecutor batchExecutor() {
        return batchExecutor;
    }

    /**
     * Performs the call without holding a thread while it waits: the HTTP exchange goes through
     * {@link HttpTransport#sendAsync}, and rate-limit waits and retry backoffs through {@link Ticker#delay}. Retries,
     * deadlines and errors are exactly those of {@link #invoke}; the future fails with the exception it would throw.
     */
    public <T> CompletableFuture<T> invokeAsync(ApiRequest request, ResponseMapper<T> mapper) {
        return invokeAsync(request, mapper, RequestOptions.none());
    }

    /**
     * {@link #invokeAsync(ApiRequest, ResponseMapper)} with {@code requestOptions} for this call only.
     *
     * @throws java.io.UncheckedIOException when the JSON body cannot be encoded (here, not through the future)
     */
    public <T> CompletableFuture<T> invokeAsync(
            ApiRequest request, ResponseMapper<T> mapper, RequestOptions requestOptions) {
        Call<T> call = new Call<>(request, mapper, requestOptions);
        // Started on the runtime's threads: a token provider may block, and the caller should not.
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            CompletableFuture.supplyAsync(() -> attemptAsync(call), executor)
                    .thenCompose(Function.identity())
                    .whenComplete((value, failure) -> {
                        call.releaseBody();
                        call.ended(failure == null ? null : unwrap(failure));
                        if (failure == null) {
                            result.complete(value);
                        } else {
                            result.completeExceptionally(unwrap(failure));
                        }
                    });
        } catch (RuntimeException | Error e) {
            call.releaseBody();
            throw e;
        }
        // Cancelling the caller's future ends the call: no further attempt starts, the exchange in flight is aborted.
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        return result;
    }

    private <T> CompletableFuture<T> attemptAsync(Call<T> call) {
        call.checkNotCancelled();
        Attempt attempt = call.begin();
        return ticker.delay(attempt.waitNanos(), executor)
                .thenCompose(ignored -> {
                    if (call.cancelled) {
                        attempt.complete(0, null);
                        throw new CancellationException(call.request.describe() + ": cancelled");
                    }
                    return call.inFlight(transport.sendAsync(call.httpRequest(attempt), executor));
                })
                .handle((response, failure) ->
                        failure == null ? call.onResponse(attempt, response) : call.onFailure(attempt, unwrap(failure)))
                .thenCompose(next -> next.done()
                        ? CompletableFuture.completedFuture(next.value())
                        : ticker.delay(next.delayNanos(), executor).thenCompose(ignored -> attemptAsync(call)));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * Performs the call, with retries, and maps the response.
     *
     * @throws ApiException (a subclass per status, {@link TransportException} or {@link ResponseDecodingException})
     * @throws java.io.UncheckedIOException when the JSON body cannot be encoded; nothing is sent then
     */
    public <T> T invoke(ApiRequest request, ResponseMapper<T> mapper) {
        return invoke(request, mapper, RequestOptions.none());
    }

    /**
     * {@link #invoke(ApiRequest, ResponseMapper)} with {@code requestOptions} for this call only.
     *
     * @throws ApiException (a subclass per status, {@link TransportException} or {@link ResponseDecodingException})
     * @throws java.io.UncheckedIOException when the JSON body cannot be encoded; nothing is sent then
     */
    public <T> T invoke(ApiRequest request, ResponseMapper<T> mapper, RequestOptions requestOptions) {
        Call<T> call = new Call<>(request, mapper, requestOptions);
        T value;
        try {
            value = attemptUntilDone(call);
        } catch (RuntimeException e) {
            call.ended(e);
            throw e;
        } finally {
            call.releaseBody();
        }
        call.ended(null);
        return value;
    }

    private <T> T attemptUntilDone(Call<T> call) {
        ApiRequest request = call.request;
        while (true) {
            Attempt attempt = call.begin();
            sleep(attempt.waitNanos(), request);
            Next<T> next;
            try {
                next = call.onResponse(attempt, transport.send(call.httpRequest(attempt)));
            } catch (IOException e) {
                next = call.onFailure(attempt, e);
            } catch (InterruptedException e) {
                attempt.complete(0, null);
                call.reportAttempt(attempt, null, e, null);
                Thread.currentThread().interrupt();
                throw new TransportException(request.describe() + ": interrupted", true, false, e);
            }
            if (next.done()) {
                return next.value();
            }
            sleep(next.delayNanos(), request);
        }
    }

    /** One attempt: its token and rate-limit slot, and how long to wait before sending. */
    private record Attempt(String token, RateLimiter.Permit permit, long waitNanos, AtomicBoolean completed) {
        Attempt(String token, RateLimiter.Permit permit, long waitNanos) {
            this(token, permit, waitNanos, new AtomicBoolean());
        }

        /** Reports the attempt's end to its rate-limit slot, once, whichever path ends it. */
        void complete(int status, HttpHeaders headers) {
            if (completed.compareAndSet(false, true)) {
                permit.completed(status, headers);
            }
        }
    }

    /** After an attempt: the mapped value, or a retry after {@code delayNanos}. */
    private record Next<T>(boolean done, T value, long delayNanos) {
        static <T> Next<T> value(T value) {
            return new Next<>(true, value, 0);
        }

        static <T> Next<T> retryIn(long delayNanos) {
            return new Next<>(false, null, delayNanos);
        }
    }

    /**
     * One call's state across its attempts. {@link #invoke} and {@link #invokeAsync} differ only in how they send and
     * wait; every decision (token, pacing, timeouts, retry or fail, mapping) is made here.
     */
    private final class Call<T> {
        private final ApiRequest request;
        private final ResponseMapper<T> mapper;
        private final URI uri;
        private final long deadline;
        /** The time the call may take, from its start to its deadline. */
        private final Duration budget;

        private final Duration callTimeout;
        /** The call's token source, rate limiter and secrets: the client's, or those of the call's own token. */
        private final AccessTokenProvider tokens;

        private final RateLimiter limiter;
        private final Secrets secrets;
        private final HttpLog httpLog;
        private final Map<String, String> extraHeaders;
        /** Encoded once for all attempts; pooled when the transport reads it only while sending. */
        private final RequestBody body;

        private int retries;
        private boolean refreshed;
        private String refreshedToken;
        private long sentAt;
        private Duration timeout;
        /** Set when the caller cancelled an async call. */
        private volatile boolean cancelled;
        /** The async exchange in flight, to abort on cancellation. */
        private volatile CompletableFuture<?> exchange;

        void cancel() {
            cancelled = true;
            CompletableFuture<?> current = exchange;
            if (current != null) {
                current.cancel(true);
            }
        }

        void checkNotCancelled() {
            if (cancelled) {
                throw new CancellationException(request.describe() + ": cancelled");
            }
        }

        <R> CompletableFuture<R> inFlight(CompletableFuture<R> sending) {
            exchange = sending;
            if (cancelled) {
                sending.cancel(true);
            }
            return sending;
        }
        /** What the listener is told; kept whether or not there is one, as it costs next to nothing. */
        private final CallReport report;

        Call(ApiRequest request, ResponseMapper<T> mapper, RequestOptions requestOptions) {
            this.request = Objects.requireNonNull(request, "request");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            Objects.requireNonNull(requestOptions, "requestOptions");
            this.uri = URI.create(
                    request.query().isEmpty()
                            ? baseUrl + request.path()
                            : baseUrl + request.path() + "?" + request.query());
            long startedAt = ticker.nanoTime();
            this.report = new CallReport(listener, request, startedAt);
            this.budget = requestOptions.timeout().orElse(retry.deadline());
            this.deadline = startedAt + budget.toNanos();
            this.callTimeout = request.timeout() != null
                    ? request.timeout()
                    : requestOptions.timeout().orElse(options.requestTimeout());
            AccessTokenProvider own = requestOptions
                    .accessToken()
                    .filter(p -> p != ApiInvoker.this.tokens)
                    .orElse(null);
            this.tokens = own == null ? ApiInvoker.this.tokens : own;
            this.limiter = own == null
                    ? ApiInvoker.this.limiter
                    : SharedRateLimiters.forProvider(own, options.requestsPerTenSeconds(), ticker);
            this.secrets = own == null ? ApiInvoker.this.secrets : ApiInvoker.this.secrets.child();
            this.httpLog = own == null ? ApiInvoker.this.httpLog : ApiInvoker.this.httpLog.with(secrets);
            this.extraHeaders = requestOptions.headers();
            // Last, so that nothing after it can fail and strand pooled segments.
            this.body = request.content(transport.readsBodyOnlyWhileSending());
            report.requestBytes = body == null ? 0 : body.length();
        }

        /** The call is over: a pooled body goes back once the transport no longer reads it. */
        void releaseBody() {
            if (body != null) {
                body.close();
            }
        }

        /** The search limiter of {@code token}: the client's when it set one for its own token, else the shared one. */
        private RateLimiter searchLimiter(String token) {
            RateLimiter configured = options.searchRateLimiter();
            return configured != null && tokens == ApiInvoker.this.tokens
                    ? configured
                    : SharedRateLimiters.searchLimiter(token, ticker);
        }

        Attempt begin() {
            // Asked per attempt: a provider may rotate tokens during long backoffs.
            String token = refreshedToken != null ? refreshedToken : tokenChecks.checked(tokens.accessToken(), secrets);
            tokenChecks.dailyLimitGate(token).check(request.describe(), ticker.now());
            RateLimiter.Permit permit = SearchRateLimiter.paces(request.method(), request.pathTemplate())
                    ? SearchRateLimiter.both(
                            limiter.acquire(), searchLimiter(token).acquire())
                    : limiter.acquire();
            long wait = permit.waitNanos();
            if (wait > 0) {
                if (!fits(wait, deadline)) {
                    throw new TransportException(
                            request.describe() + ": the client-side rate limit would delay the call by "
                                    + HttpLog.millis(wait) + " ms, past its deadline of "
                                    + budget.toMillis() + " ms",
                            false,
                            true,
                            null);
                }
                System.Logger.Level level =
                        wait >= 1_000_000_000L ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
                LOG.log(level, () -> request.describe() + ": rate limit, waiting " + HttpLog.millis(wait) + " ms");
            }
            return new Attempt(token, permit, Math.max(wait, 0));
        }

        /**
         * The exchange to send once the attempt's wait is over; its timeout never runs past the deadline. With less
         * than {@link #LEAST_ATTEMPT_NANOS} left (a wait overran), nothing is sent: an answer could not arrive in time,
         * and a non-idempotent call would be left not knowing whether it was applied.
         */
        HttpTransport.Request httpRequest(Attempt attempt) {
            report.rateLimitWaitNanos += attempt.waitNanos();
            long remaining = deadline - ticker.nanoTime();
            if (remaining < LEAST_ATTEMPT_NANOS) {
                attempt.complete(0, null);
                throw new TransportException(
                        request.describe() + ": the call's deadline of "
                                + budget.toMillis()
                                + " ms passed before this attempt could be sent; it was not sent",
                        false,
                        true,
                        null);
            }
            report.attempts++;
            timeout = remaining < callTimeout.toNanos() ? Duration.ofNanos(remaining) : callTimeout;
            HttpTransport.Request httpRequest = new HttpTransport.Request(
                    request.method(), uri, headers(request, attempt.token(), extraHeaders), body, timeout);
            httpLog.request(httpRequest);
            sentAt = ticker.nanoTime();
            return httpRequest;
        }

        Next<T> onFailure(Attempt attempt, Throwable failure) {
            return reported(attempt, null, failure, () -> decideAfterFailure(attempt, failure));
        }

        Next<T> onResponse(Attempt attempt, HttpTransport.Response response) {
            return reported(attempt, response, null, () -> decideAfterResponse(attempt, response));
        }

        /** The decision, after which the attempt is reported whether it returns or throws. */
        private Next<T> reported(
                Attempt attempt, HttpTransport.Response response, Throwable failure, Supplier<Next<T>> decision) {
            Next<T> next = null;
            try {
                next = decision.get();
                return next;
            } finally {
                reportAttempt(attempt, response, failure, next);
            }
        }

        private Next<T> decideAfterFailure(Attempt attempt, Throwable failure) {
            attempt.complete(0, null);
            if (!(failure instanceof IOException e)) {
                throw failure instanceof RuntimeException r ? r : new CompletionException(failure);
            }
            boolean sent = !RetryDecisions.notSent(e);
            boolean timedOut = e instanceof HttpTimeoutException;
            String reason = (timedOut
                            ? "no complete response within " + timeout.toMillis() + " ms"
                            : (sent ? "I/O failure" : "request not sent"))
                    + ": " + secrets.scrub(String.valueOf(e.getMessage()));
            // A body over the limit would come back as long on the next attempt.
            boolean tooLarge = e instanceof HttpTransport.ResponseTooLargeException;
            if (!tooLarge && retries < retry.maxRetries() && (!sent || request.retrySafe())) {
                long delay =
                        retry.backoffNanos(retries, ThreadLocalRandom.current().nextDouble());
                if (fits(delay, deadline)) {
                    retries++;
                    httpLog.retry(request, reason, retries, delay);
                    return Next.retryIn(delay);
                }
            }
            throw new TransportException(request.describe() + ": " + reason, sent, timedOut, tooLarge, e);
        }

        /** This request was the day's last: later ones fail at once rather than each earning the daily 429. */
        private void closeIfDailyBudgetSpent(Attempt attempt, HttpTransport.Response response) {
            if (HttpTransport.Response.firstLong(response.headers(), "X-HubSpot-RateLimit-Daily-Remaining") != 0) {
                return;
            }
            DailyLimitException spent = tokenChecks
                    .dailyLimitGate(attempt.token())
                    .closeSpent(
                            request.describe(),
                            response.status(),
                            HttpTransport.Response.firstLong(response.headers(), "X-HubSpot-RateLimit-Daily"),
                            response.header("X-HubSpot-Correlation-Id"),
                            ticker.now(),
                            options.dailyLimitRecheck());
            if (spent != null) {
                LOG.log(System.Logger.Level.WARNING, () -> secrets.scrub(spent.getMessage()));
            }
        }

        private Next<T> decideAfterResponse(Attempt attempt, HttpTransport.Response response) {
            int status = response.status();
            if (status >= 200 && status < 300) {
                attempt.complete(status, response.headers());
                httpLog.response(response, ticker.nanoTime() - sentAt);
                closeIfDailyBudgetSpent(attempt, response);
                return Next.value(map(status, response));
            }
            Duration retryAfter = ErrorMapping.retryAfter(response, ticker.now());
            ApiException error =
                    ErrorMapping.toException(request.describe(), response, retryAfter, ticker.now(), secrets);
            if (error instanceof DailyLimitException daily) {
                // Not a pacing signal: its day-long Retry-After would hold the other policies' calls as well.
                attempt.complete(0, null);
                httpLog.response(response, ticker.nanoTime() - sentAt);
                tokenChecks.dailyLimitGate(attempt.token()).close(daily, ticker.now(), options.dailyLimitRecheck());
                LOG.log(System.Logger.Level.WARNING, () -> secrets.scrub(daily.getMessage()));
                throw daily;
            }
            attempt.complete(status, response.headers());
            httpLog.response(response, ticker.nanoTime() - sentAt);
            closeIfDailyBudgetSpent(attempt, response);
            if (status == 401 && !refreshed) {
                refreshed = true;
                String fresh = tokenChecks.checked(tokens.refresh(attempt.token()), secrets);
                if (!fresh.equals(attempt.token())) {
                    LOG.log(
                            System.Logger.Level.INFO,
                            () -> request.describe() + ": 401, retrying once with a refreshed token");
                    refreshedToken = fresh;
                    return Next.retryIn(0);
                }
            }
            long delay = retries < retry.maxRetries()
                    ? RetryDecisions.afterStatus(retry, status, request.retrySafe(), retryAfter, retries)
                    : -1;
            if (delay < 0 || !fits(delay, deadline)) {
                throw error;
            }
            retries++;
            httpLog.retry(
                    request,
                    "HTTP " + status
                            + (error.correlationId() == null ? "" : " [correlationId " + error.correlationId() + "]"),
                    retries,
                    delay);
            return Next.retryIn(delay);
        }

        /**
         * Tells the listener of the attempt just decided: {@code next} is null when it ended the call (with a value
         * or an exception), else the retry that follows.
         */
        void reportAttempt(Attempt attempt, HttpTransport.Response response, Throwable failure, Next<T> next) {
            report.attempt(
                    ticker.nanoTime() - sentAt,
                    attempt.waitNanos(),
                    response,
                    failure,
                    next == null || next.done() ? -1 : next.delayNanos());
        }

        /** Tells the listener the call is over, with {@code failure} null on success. */
        void ended(Throwable failure) {
            report.ended(failure, ticker.nanoTime());
        }

        /** The mapped success; a body that does not decode is reported without any token it may echo. */
        private T map(int status, HttpTransport.Response response) {
            String correlationId = response.header("X-HubSpot-Correlation-Id");
            try {
                return mapper.map(status, response.body(), correlationId, options.strictResponses());
            } catch (ResponseDecodingException e) {
                String message = secrets.scrub(e.getMessage());
                String raw = secrets.scrub(e.rawBody());
                if (message.equals(e.getMessage()) && raw.equals(e.rawBody())) {
                    throw e;
                }
                // The cause's message quotes the same text, so it is left out.
                throw new ResponseDecodingException(message, e.status(), e.correlationId(), raw, e.path(), null);
            }
        }
    }

    private boolean fits(long delay, long deadline) {
        return ticker.nanoTime() + delay - deadline <= 0;
    }

    private void sleep(long nanos, ApiRequest request) {
        try {
            ticker.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.describe() + ": interrupted while waiting", false, false, e);
        }
    }

    private Map<String, String> headers(ApiRequest request, String token, Map<String, String> extra) {
        Map<String, String> h = new LinkedHashMap<>(8 + request.headers().size() + extra.size());
        h.put("Authorization", "Bearer " + token);
        h.put("User-Agent", USER_AGENT);
        h.put("Accept", request.accept());
        h.put("Accept-Encoding", "gzip");
        if (request.contentType() != null) {
            h.put("Content-Type", request.contentType());
        }
        h.putAll(request.headers());
        // A per-call header replaces one of the same name in any case (RequestOptions refuses the runtime's own).
        extra.forEach((name, value) -> {
            h.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            h.put(name, value);
        });
        return h;
    }

    @Override
    public String toString() {
        return "ApiInvoker[" + options + "]";
    }
}
