package dev.crmgen.runtime;

import dev.crmgen.runtime.auth.AccessTokenProvider;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.internal.DailyLimitGate;
import dev.crmgen.runtime.internal.SharedRateLimiters;
import dev.crmgen.runtime.observe.CallListener;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import dev.crmgen.runtime.ratelimit.SearchRateLimiter;
import dev.crmgen.runtime.ratelimit.Ticker;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything an {@link ApiInvoker} needs: credentials, base URL, transport, retries, rate limiting and timeouts.
 * Immutable; {@link #toString()} never shows the token.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *         .accessToken(System.getenv("HUBSPOT_ACCESS_TOKEN"))
 *         .requestTimeout(Duration.ofSeconds(60))
 *         .build();
 * }</pre>
 */
public final class ClientOptions {
    /** HubSpot's API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.hubapi.com");
    /** The environment variable {@link #fromEnvironment()} reads. */
    public static final String TOKEN_ENVIRONMENT_VARIABLE = "HUBSPOT_ACCESS_TOKEN";

    private final AccessTokenProvider tokenProvider;
    private final URI baseUrl;
    private final HttpTransport transport;
    /** The transport given to the builder, or null for the default one, which {@link #toBuilder()} builds afresh. */
    private final HttpTransport givenTransport;

    private final long maxResponseBytes;
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    /** The limiter given to the builder, or null for the token's shared one, which {@link #toBuilder()} finds anew. */
    private final RateLimiter givenRateLimiter;

    private final RateLimiter searchRateLimiter;
    private final int requestsPerTenSeconds;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration dailyLimitRecheck;
    private final Ticker ticker;
    private final boolean logHttp;
    private final boolean strictResponses;
    private final Executor executor;
    private final CallListener listener;

    private ClientOptions(Builder b) {
        this.tokenProvider = b.tokenProvider;
        this.baseUrl = b.baseUrl;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.dailyLimitRecheck = b.dailyLimitRecheck;
        this.maxResponseBytes = b.maxResponseBytes;
        this.givenTransport = b.transport;
        this.transport = b.transport != null ? b.transport : HttpTransport.jdk(b.connectTimeout, b.maxResponseBytes);
        this.retryPolicy = b.retryPolicy;
        this.ticker = b.ticker;
        this.givenRateLimiter = b.rateLimiter;
        this.rateLimiter = b.rateLimiter != null
                ? b.rateLimiter
                : SharedRateLimiters.forProvider(b.tokenProvider, b.requestsPerTenSeconds, b.ticker);
        this.searchRateLimiter = b.searchRateLimiter;
        this.requestsPerTenSeconds = b.requestsPerTenSeconds;
        this.logHttp = b.logHttp;
        this.strictResponses = b.strictResponses;
        this.executor = b.executor;
        this.listener = b.listener;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options with the token from the {@code HUBSPOT_ACCESS_TOKEN} environment variable and defaults otherwise.
     *
     * @throws IllegalStateException when the variable is unset or blank
     */
    public static ClientOptions fromEnvironment() {
        return fromEnvironment(System.getenv()).build();
    }

    /** A builder holding the token from {@code env}'s {@code HUBSPOT_ACCESS_TOKEN}; for callers that add settings. */
    static Builder fromEnvironment(Map<String, String> env) {
        String token = env.get(TOKEN_ENVIRONMENT_VARIABLE);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "environment variable " + TOKEN_ENVIRONMENT_VARIABLE
                            + " is not set: export a HubSpot private-app or OAuth access token there, or pass one to ClientOptions.builder().accessToken(...)");
        }
        return builder().accessToken(token);
    }

    /** The source of bearer tokens. */
    public AccessTokenProvider tokenProvider() {
        return tokenProvider;
    }

    /** The base URL, without trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The HTTP transport. */
    public HttpTransport transport() {
        return transport;
    }

    /** The retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The rate limiter (by default shared by all clients using the same token). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * The limiter of CRM search calls, taken besides {@link #rateLimiter()} for each of them; null for the default,
     * {@link SearchRateLimiter#DEFAULT_PER_SECOND} per second shared by every client using the same token.
     */
    public RateLimiter searchRateLimiter() {
        return searchRateLimiter;
    }

    /**
     * The rate of the shared default limiter per token: of this client's token unless it was given a
     * {@link #rateLimiter()}, and of every token a call passes in its {@link RequestOptions}.
     */
    public int requestsPerTenSeconds() {
        return requestsPerTenSeconds;
    }

    /** The response body limit of the default transport. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** The connect timeout of the default transport. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The default response timeout of each attempt. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long a token's calls stay closed after its daily limit when HubSpot did not say when the quota resets (a
     * daily 429 without {@code Retry-After}, or {@code X-HubSpot-RateLimit-Daily-Remaining: 0}); then one call checks.
     */
    public Duration dailyLimitRecheck() {
        return dailyLimitRecheck;
    }

    /** The time source for backoff, deadlines and rate limits. */
    public Ticker ticker() {
        return ticker;
    }

    /** Whether requests and responses are logged (token redacted). */
    public boolean logHttp() {
        return logHttp;
    }

    /** Whether a success body that departs from the spec fails the call instead of being read tolerantly. */
    public boolean strictResponses() {
        return strictResponses;
    }

    /** The executor for asynchronous calls and batch concurrency, or null for the runtime's own daemon threads. */
    public Executor executor() {
        return executor;
    }

    /** The listener told of every attempt and call; {@link CallListener#NONE} by default. */
    public CallListener listener() {
        return listener;
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tokenProvider = tokenProvider;
        b.baseUrl = baseUrl;
        b.transport = givenTransport;
        b.maxResponseBytes = maxResponseBytes;
        b.retryPolicy = retryPolicy;
        b.rateLimiter = givenRateLimiter;
        b.searchRateLimiter = searchRateLimiter;
        b.requestsPerTenSeconds = requestsPerTenSeconds;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.dailyLimitRecheck = dailyLimitRecheck;
        b.ticker = ticker;
        b.logHttp = logHttp;
        b.strictResponses = strictResponses;
        b.executor = executor;
        b.listener = listener;
        return b;
    }

    @Override
    public String toString() {
        return "ClientOptions[baseUrl=" + baseUrl + ", token=[REDACTED], retryPolicy=" + retryPolicy
                + ", rateLimiter=" + rateLimiter + ", connectTimeout=" + connectTimeout + ", maxResponseBytes="
                + maxResponseBytes + ", requestTimeout="
                + requestTimeout
                + ", logHttp=" + logHttp + ", strictResponses=" + strictResponses + ", listener=" + listener + "]";
    }

    /** Builds {@link ClientOptions}. Exactly one of {@link #accessToken} and {@link #tokenProvider} is required. */
    public static final class Builder {
        private AccessTokenProvider tokenProvider;
        private URI baseUrl = DEFAULT_BASE_URL;
        private HttpTransport transport;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimiter rateLimiter;
        private RateLimiter searchRateLimiter;
        private int requestsPerTenSeconds = RateLimiter.TIER_DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private long maxResponseBytes = HttpTransport.DEFAULT_MAX_RESPONSE_BYTES;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration dailyLimitRecheck = DailyLimitGate.UNKNOWN_RESET_RECHECK;
        private Ticker ticker = Ticker.system();
        private boolean logHttp;
        private boolean strictResponses;
        private Executor executor;
        private CallListener listener = CallListener.NONE;

        private Builder() {}

        /** A fixed private-app or OAuth access token. */
        public Builder accessToken(String accessToken) {
            this.tokenProvider = AccessTokenProvider.of(accessToken);
            return this;
        }

        /** A token source that can refresh (OAuth). */
        public Builder tokenProvider(AccessTokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
        }

        /** The base URL (default {@code https://api.hubapi.com}); {@code http} is accepted only for loopback hosts. */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URI: " + baseUrl, e);
            }
            return baseUrl(uri);
        }

        /** The base URL (default {@code https://api.hubapi.com}); {@code http} is accepted only for loopback hosts. */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme =
                    baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            String host = baseUrl.getHost();
            if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("baseUrl must be an absolute https URL, got " + baseUrl);
            }
            if (scheme.equals("http") && !isLoopback(host)) {
                throw new IllegalArgumentException(
                        "baseUrl " + baseUrl
                                + " uses plain http: only https is allowed, except for loopback hosts (localhost, 127.0.0.1, [::1])");
            }
            if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
            }
            String s = baseUrl.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            this.baseUrl = URI.create(s);
            return this;
        }

        /**
         * Replaces the HTTP transport (default: a shared {@link java.net.http.HttpClient}). For a proxy, a TLS context or
         * an executor of your own, pass {@code HttpTransport.jdk(yourHttpClient)}: the runtime's timeouts still apply.
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The retry policy (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * A specific rate limiter. By default clients share one limiter per token at
         * {@link #requestsPerTenSeconds(int)}.
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /**
         * The limiter of CRM search calls ({@code POST …/search}), which HubSpot limits per token apart from the
         * general limit (default: {@link SearchRateLimiter#DEFAULT_PER_SECOND} per second, shared by every client
         * using the same token).
         */
        public Builder searchRateLimiter(RateLimiter searchRateLimiter) {
            this.searchRateLimiter = Objects.requireNonNull(searchRateLimiter, "searchRateLimiter");
            return this;
        }

        /**
         * The HubSpot tier of the shared default limiter: 100, 190 (default) or 250 per 10 seconds, or any positive
         * rate; also the rate of the limiters of tokens given per call ({@link RequestOptions.Builder#accessToken}).
         */
        public Builder requestsPerTenSeconds(int requestsPerTenSeconds) {
            if (requestsPerTenSeconds < 1) {
                throw new IllegalArgumentException("requestsPerTenSeconds must be >= 1, got " + requestsPerTenSeconds);
            }
            this.requestsPerTenSeconds = requestsPerTenSeconds;
            return this;
        }

        /**
         * The longest response body the default transport reads, as it arrives and after gzip decoding (default
         * {@link HttpTransport#DEFAULT_MAX_RESPONSE_BYTES}, 64 MiB). A longer one fails the call with a
         * {@link dev.crmgen.runtime.error.TransportException} caused by
         * {@link HttpTransport.ResponseTooLargeException}, without a retry: the request reached the server, so a
         * batch call's inputs end unconfirmed. A transport you pass has its own limit
         * ({@link HttpTransport#jdk(java.net.http.HttpClient, long)}).
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes < 1 || maxResponseBytes > HttpTransport.MAX_RESPONSE_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxResponseBytes must be between 1 and "
                        + HttpTransport.MAX_RESPONSE_BYTES_LIMIT + ", got " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Connect timeout of the default transport (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Default time to wait for each response (default 30 s); {@link RequestOptions.Builder#timeout} replaces it
         * for one call.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * How long a token's calls stay closed after its daily limit when the reset time is unknown (default one
         * minute); then one call finds out whether the quota has reset.
         */
        public Builder dailyLimitRecheck(Duration dailyLimitRecheck) {
            this.dailyLimitRecheck = positive(dailyLimitRecheck, "dailyLimitRecheck");
            return this;
        }

        /** The time source (default real time); tests pass a fake to avoid real sleeps. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Logs each request and response at INFO through {@link System.Logger}, with the token redacted. */
        public Builder logHttp(boolean logHttp) {
            this.logHttp = logHttp;
            return this;
        }

        /**
         * Off by default: a success body that breaks the spec where the caller can do without (a required property
         * missing, a value of another JSON type) is read anyway and its deviations are logged and kept. On, any
         * deviation fails the call with a {@link ResponseDecodingException} naming the status, the JSON path and the
         * raw body; for tests that should notice every departure.
         */
        public Builder strictResponses(boolean strictResponses) {
            this.strictResponses = strictResponses;
            return this;
        }

        /** The executor for asynchronous calls and batch concurrency (default: the runtime's daemon threads). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Tells {@code listener} of every attempt and call, on the blocking and the async path, for metrics and
         * traces (default {@link CallListener#NONE}). Its exceptions are logged, never passed to the caller; the
         * optional {@code crmgen-micrometer} module has one that records Micrometer timers and counters.
         */
        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalStateException when no token or token provider was given
         */
        public ClientOptions build() {
            if (tokenProvider == null) {
                throw new IllegalStateException("no credentials: call accessToken(...) or tokenProvider(...), or use "
                        + "ClientOptions.fromEnvironment() with " + TOKEN_ENVIRONMENT_VARIABLE + " set");
            }
            return new ClientOptions(this);
        }

        /** {@code d}, checked to be positive; the timeouts of every builder of this package take it so. */
        static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
                return true;
            }
            String[] parts = h.split("\\.", -1);
            if (parts.length != 4 || !parts[0].equals("127")) {
                return false;
            }
            for (String p : parts) {
                if (p.isEmpty()
                        || p.length() > 3
                        || !p.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(p) > 255) {
                    return false;
                }
            }
            return true;
        }
    }
}
