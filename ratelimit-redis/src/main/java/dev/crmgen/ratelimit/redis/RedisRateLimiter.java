package dev.crmgen.ratelimit.redis;

import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * A {@link RateLimiter} shared by every process that uses one HubSpot token: at most {@code permits} requests in
 * any rolling window across all of them, coordinated through one Redis key.
 *
 * <p>The key is {@code crmgen:ratelimit:{name}} (and {@code …:daily} for the daily budget), where {@code name} is
 * what the application gives, such as the app's name or a hash of the token it computed itself; the token never
 * reaches Redis. Every instance sharing a name must use the same {@code permits} and window.
 *
 * <p>The slots live in a ring in Redis, the same scheme as {@link RateLimiter#rollingWindow}: a reservation is one
 * Lua script run that returns how long to wait, times come from the Redis server's clock (no skew between hosts),
 * and a slot is re-timed when its response arrives, since HubSpot counts a request on arrival. A 429 holds every
 * instance off for HubSpot's {@code Retry-After} (or its interval, or one window). Redisson's own
 * {@code RRateLimiter} is not used because it cannot say how long a permit is away: it either answers no or blocks
 * the thread, while the invoker's non-blocking path schedules the wait it is told.
 *
 * <p>Every Redis call is bounded by the {@linkplain Builder#timeout timeout}. When Redis cannot be reached, the
 * limiter logs one warning and paces this process alone with a local rolling window of
 * {@code permits / expectedInstances}, trying Redis again after {@linkplain Builder#recheckAfter a while}; it logs
 * again when Redis is back.
 *
 * <p>HubSpot's daily budget ({@code X-HubSpot-RateLimit-Daily} / {@code -Daily-Remaining}) seen by any instance is
 * stored too, so that each can read {@link #dailyRemaining()}.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisRateLimiter.class.getName());
    private static final String RESERVE = script("reserve.lua");
    private static final String COMPLETE = script("complete.lua");
    private static final String DAILY = script("daily.lua");
    /** How long a stored daily count must go unconfirmed before a higher one (after HubSpot's reset) replaces it. */
    private static final long DAILY_RESET_MILLIS = 60_000;

    private final RedissonClient redisson;
    private final boolean ownsClient;
    private final RScript scripts;
    private final String name;
    private final List<Object> ringKey;
    private final List<Object> dailyKey;
    private final int permits;
    private final Duration window;
    private final long timeoutNanos;
    private final long connectTimeoutNanos;
    private final long recheckNanos;
    private final int expectedInstances;
    private final RateLimiter fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private volatile long retryRedisAt;
    /** Until a call succeeds, and after one failed, a call may first have to open a connection. */
    private volatile boolean connected;

    private volatile long lastDailyLimit = -1;
    private volatile long lastDailyRemaining = -1;

    private RedisRateLimiter(Builder b, RedissonClient redisson, boolean ownsClient) {
        this.redisson = redisson;
        this.ownsClient = ownsClient;
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
        this.name = b.name;
        this.ringKey = List.of("crmgen:ratelimit:{" + b.name + "}");
        this.dailyKey = List.of("crmgen:ratelimit:{" + b.name + "}:daily");
        this.permits = b.permits;
        this.window = b.window;
        this.timeoutNanos = b.timeout.toNanos();
        this.connectTimeoutNanos = b.connectTimeout.toNanos();
        this.recheckNanos = b.recheckAfter.toNanos();
        this.expectedInstances = b.expectedInstances;
        this.fallback = RateLimiter.rollingWindow(Math.max(1, b.permits / b.expectedInstances), b.window);
    }

    /**
     * {@code requestsPerTenSeconds} per rolling 10 s (such as {@link RateLimiter#TIER_DEFAULT}) for every process
     * that uses {@code name}, through the Redis at {@code redisUrl} ({@code redis://host:port} or
     * {@code rediss://host:port}).
     */
    public static RedisRateLimiter create(String redisUrl, String name, int requestsPerTenSeconds) {
        return builder()
                .redisUrl(redisUrl)
                .name(name)
                .permits(requestsPerTenSeconds)
                .build();
    }

    /** A builder; {@link Builder#name} and either {@link Builder#redisUrl} or {@link Builder#redisson} are needed. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public long reserve() {
        return acquire().waitNanos();
    }

    @Override
    public Permit acquire() {
        if (degraded.get() && System.nanoTime() - retryRedisAt < 0) {
            return fallback.acquire();
        }
        List<?> reply;
        try {
            reply = await(scripts.evalAsync(
                    RScript.Mode.READ_WRITE,
                    RESERVE,
                    RScript.ReturnType.LIST,
                    ringKey,
                    Integer.toString(permits),
                    Long.toString(micros(window))));
        } catch (RuntimeException e) {
            return degrade(e);
        }
        if (degraded.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, () -> this + ": Redis reachable again, pacing the fleet through it");
        }
        long slot = ((Number) reply.get(0)).longValue();
        long reservation = ((Number) reply.get(1)).longValue();
        long waitNanos = TimeUnit.MICROSECONDS.toNanos(((Number) reply.get(2)).longValue());
        return new RedisPermit(this, slot, reservation, waitNanos);
    }

    @Override
    public void onResponse(int status, HttpHeaders headers) {
        long remaining = header(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        if (remaining < 0) {
            return;
        }
        // Not awaited: a response must not wait for Redis. Redisson bounds the call by its own timeout.
        reportDaily(header(headers, "X-HubSpot-RateLimit-Daily"), remaining);
    }

    /** Stores one daily report locally and, unless Redis is known to be down, in Redis. */
    CompletionStage<?> reportDaily(long limit, long remaining) {
        lastDailyLimit = limit;
        lastDailyRemaining = remaining;
        if (degraded.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return scripts.evalAsync(
                RScript.Mode.READ_WRITE,
                DAILY,
                RScript.ReturnType.LONG,
                dailyKey,
                Long.toString(limit),
                Long.toString(remaining),
                Long.toString(DAILY_RESET_MILLIS));
    }

    /**
     * Requests left today, as the latest {@code X-HubSpot-RateLimit-Daily-Remaining} any instance sharing the name
     * reported (the lowest when reports cross); empty when none has. Waits for Redis at most the timeout, and reads
     * this process's last value when Redis cannot be reached.
     */
    public OptionalLong dailyRemaining() {
        return dailyField("remaining", lastDailyRemaining);
    }

    /** The daily budget as {@code X-HubSpot-RateLimit-Daily} last reported it; empty when unknown. */
    public OptionalLong dailyLimit() {
        return dailyField("limit", lastDailyLimit);
    }

    /** Whether this process is pacing itself alone because Redis could not be reached. */
    public boolean fallbackActive() {
        return degraded.get();
    }

    private OptionalLong dailyField(String field, long local) {
        if (!degraded.get()) {
            try {
                long value = parse(
                        await(redisson.<String, String>getMap(dailyKey.get(0).toString(), StringCodec.INSTANCE)
                                .getAsync(field)));
                if (value >= 0) {
                    return OptionalLong.of(value);
                }
            } catch (RuntimeException e) {
                markUnreachable(e);
            }
        }
        return local >= 0 ? OptionalLong.of(local) : OptionalLong.empty();
    }

    private Permit degrade(RuntimeException failure) {
        markUnreachable(failure);
        return fallback.acquire();
    }

    private void markUnreachable(RuntimeException failure) {
        if (Thread.currentThread().isInterrupted()) {
            // This thread was interrupted while it waited for Redis: that says nothing about Redis.
            return;
        }
        connected = false;
        retryRedisAt = System.nanoTime() + recheckNanos;
        if (degraded.compareAndSet(false, true)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> this + ": Redis unreachable (" + brief(failure)
                            + "); pacing this process alone at " + Math.max(1, permits / expectedInstances) + " per "
                            + window + " until it is back");
        }
    }

    /**
     * Waits for one Redis reply, never longer than the timeout (plus the connect timeout while no connection is
     * known to work); any failure becomes an unchecked exception.
     */
    private <T> T await(CompletionStage<T> reply) {
        long budget = connected ? timeoutNanos : timeoutNanos + connectTimeoutNanos;
        try {
            T value = reply.toCompletableFuture().get(budget, TimeUnit.NANOSECONDS);
            connected = true;
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no reply within " + TimeUnit.NANOSECONDS.toMillis(budget) + " ms", e);
        }
    }

    /** A slot in the ring: {@code slot} is its place, {@code reservation} the number that holds it. */
    private record RedisPermit(RedisRateLimiter owner, long slot, long reservation, long waitNanos) implements Permit {
        @Override
        public void completed(int status, HttpHeaders headers) {
            owner.completed(this, status, headers);
        }
    }

    private void completed(RedisPermit permit, int status, HttpHeaders headers) {
        // Not awaited: if Redis misses this, the slot keeps its start time, which only paces a little less
        // conservatively.
        scripts.evalAsync(
                RScript.Mode.READ_WRITE,
                COMPLETE,
                RScript.ReturnType.LONG,
                ringKey,
                Long.toString(permit.slot()),
                Long.toString(permit.reservation()),
                Long.toString(micros(window)),
                Long.toString(status == 429 ? pauseMicros(headers) : 0));
        if (status > 0 && headers != null) {
            onResponse(status, headers);
        }
    }

    /** Shuts down the Redis client if this limiter created it. */
    @Override
    public void close() {
        if (ownsClient) {
            redisson.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "RedisRateLimiter[" + name + ": " + permits + " per " + window + "]";
    }

    /**
     * How long the whole fleet holds off after a 429: HubSpot's {@code Retry-After} (seconds or an HTTP date, read on
     * this instance's clock), else its interval, else one
     * window. Another instance's request may be the one that tipped the budget, so everyone waits.
     */
    private long pauseMicros(HttpHeaders headers) {
        Optional<Duration> retryAfter = headers == null
                ? Optional.empty()
                : RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), Instant.now());
        if (retryAfter.isPresent()) {
            return micros(retryAfter.get());
        }
        long intervalMillis = header(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        return intervalMillis > 0 ? TimeUnit.MILLISECONDS.toMicros(intervalMillis) : micros(window);
    }

    /** The root cause in one short line: Redisson's messages can carry whole scripts. */
    private static String brief(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": "
                + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
    }

    private static long micros(Duration d) {
        return TimeUnit.NANOSECONDS.toMicros(d.toNanos());
    }

    private static long header(HttpHeaders headers, String name) {
        return headers == null ? -1 : parse(headers.firstValue(name).orElse(null));
    }

    private static long parse(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String script(String resource) {
        try (InputStream in = RedisRateLimiter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures a {@link RedisRateLimiter}. */
    public static final class Builder {
        private String redisUrl;
        private RedissonClient redisson;
        private String name;
        private int permits = RateLimiter.TIER_DEFAULT;
        private Duration window = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofMillis(500);
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration recheckAfter = Duration.ofSeconds(5);
        private int expectedInstances = 1;

        private Builder() {}

        /** The Redis to connect to, {@code redis://host:port} or {@code rediss://host:port}. */
        public Builder redisUrl(String redisUrl) {
            this.redisUrl = Objects.requireNonNull(redisUrl, "redisUrl");
            return this;
        }

        /** A Redisson client the application configured itself (password, TLS, cluster); the limiter won't close it. */
        public Builder redisson(RedissonClient redisson) {
            this.redisson = Objects.requireNonNull(redisson, "redisson");
            return this;
        }

        /**
         * What every process sharing the budget calls it, such as the app's name: letters, digits and
         * {@code . _ : -}, at most 100. Never the token itself; a HubSpot token ({@code pat-…}) is refused.
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.toLowerCase(Locale.ROOT).startsWith("pat-")) {
                // The value is not repeated: it may be a secret.
                throw new IllegalArgumentException("name looks like an access token; give the app's name or a hash");
            }
            if (!name.matches("[A-Za-z0-9._:-]{1,100}")) {
                throw new IllegalArgumentException("name must be 1-100 of A-Z a-z 0-9 . _ : -");
            }
            this.name = name;
            return this;
        }

        /** Requests allowed per window across the fleet; {@link RateLimiter#TIER_DEFAULT} unless set. */
        public Builder permits(int permits) {
            if (permits < 1) {
                throw new IllegalArgumentException("permits must be >= 1, got " + permits);
            }
            this.permits = permits;
            return this;
        }

        /** The rolling window; 10 s (HubSpot's) unless set. */
        public Builder window(Duration window) {
            this.window = positive(window, "window");
            return this;
        }

        /** How long one Redis call may take before the limiter falls back; 500 ms unless set. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * How long opening a connection may take, on top of {@link #timeout} for the call that opens it (the first
         * call of a process also loads the client); 3 s unless set.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to pace locally after Redis failed before trying it again; 5 s unless set. */
        public Builder recheckAfter(Duration recheckAfter) {
            this.recheckAfter = positive(recheckAfter, "recheckAfter");
            return this;
        }

        /**
         * How many processes share the budget; while Redis is unreachable each paces itself at
         * {@code permits / expectedInstances}. 1 unless set.
         */
        public Builder expectedInstances(int expectedInstances) {
            if (expectedInstances < 1) {
                throw new IllegalArgumentException("expectedInstances must be >= 1, got " + expectedInstances);
            }
            this.expectedInstances = expectedInstances;
            return this;
        }

        /**
         * The limiter. Connecting is lazy: an unreachable Redis does not fail this call, the limiter falls back
         * on its first request instead.
         */
        public RedisRateLimiter build() {
            if (name == null) {
                throw new IllegalStateException("name is required");
            }
            if (redisson != null) {
                return new RedisRateLimiter(this, redisson, false);
            }
            if (redisUrl == null) {
                throw new IllegalStateException("redisUrl or redisson is required");
            }
            Config config = new Config();
            config.setLazyInitialization(true);
            config.useSingleServer()
                    .setAddress(redisUrl)
                    .setTimeout(millis(timeout))
                    .setConnectTimeout(millis(connectTimeout))
                    .setRetryAttempts(0)
                    .setConnectionMinimumIdleSize(1)
                    .setConnectionPoolSize(8);
            return new RedisRateLimiter(this, Redisson.create(config), true);
        }

        private static int millis(Duration d) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
