package dev.crmgen.runtime;

import dev.crmgen.runtime.auth.AccessTokenProvider;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one call does differently from its client's {@link ClientOptions}: a timeout, extra headers, another access
 * token. Every generated operation method takes one as its last argument; the form without it passes
 * {@link #none()}. Immutable; {@link #toString()} never shows the token or header values.
 *
 * <pre>{@code
 * notes.batchUpdate(body, RequestOptions.builder()
 *         .timeout(Duration.ofSeconds(5))
 *         .header("X-Request-Id", requestId)
 *         .accessToken(otherPortalToken)
 *         .build());
 * }</pre>
 */
public final class RequestOptions {
    /**
     * Headers the runtime or the HTTP client sets, lower case: credentials go through {@link Builder#accessToken},
     * the body's type is the operation's, and the rest belong to the connection.
     */
    private static final Set<String> REFUSED_HEADERS = Set.of(
            "authorization",
            "content-type",
            "content-length",
            "host",
            "connection",
            "expect",
            "upgrade",
            "transfer-encoding",
            "accept-encoding");

    private static final RequestOptions NONE = new RequestOptions(new Builder());

    private final Duration timeout;
    private final Map<String, String> headers;
    private final AccessTokenProvider accessToken;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.accessToken = b.accessToken;
    }

    /** No per-call changes: the client's timeout, headers and token. */
    public static RequestOptions none() {
        return NONE;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The call's timeout, replacing the client's request timeout and retry deadline; empty for the client's. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The extra headers, in the order given; names as given. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The token source replacing the client's for this call; empty for the client's. */
    public Optional<AccessTokenProvider> accessToken() {
        return Optional.ofNullable(accessToken);
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.headers.putAll(headers);
        b.accessToken = accessToken;
        return b;
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + (timeout == null ? "client's" : timeout) + ", headers=" + headers.keySet()
                + ", accessToken=" + (accessToken == null ? "client's" : "[REDACTED]") + "]";
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private AccessTokenProvider accessToken;

        private Builder() {}

        /**
         * The call ends within {@code timeout} of its start, whatever it meets: every attempt, rate-limit wait and
         * retry backoff fits in it. For this call it replaces both {@link ClientOptions#requestTimeout()} (an attempt
         * may take what is left of {@code timeout}) and the retry policy's {@linkplain
         * dev.crmgen.runtime.ratelimit.RetryPolicy#deadline() deadline}, so it may be shorter or longer than either.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = ClientOptions.Builder.positive(timeout, "timeout");
            return this;
        }

        /**
         * Adds a header to every attempt of the call, such as a tracing or idempotency header; a header of the same
         * name (in any case) given before, or set by the operation's own header parameter, is replaced.
         *
         * @throws IllegalArgumentException for a header the runtime sets ({@code Authorization}: use
         *     {@link #accessToken}; {@code Content-Type}; connection headers such as {@code Content-Length} and
         *     {@code Host}), a name that is not an HTTP token, or a value with a line break or control character
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("authorization")) {
                throw new IllegalArgumentException("header '" + name
                        + "' is set by the runtime from the token: pass another token with accessToken(...)");
            }
            if (REFUSED_HEADERS.contains(key)) {
                throw new IllegalArgumentException("header '" + name + "' is set by the runtime or the HTTP client "
                        + "for each request and cannot be given per call");
            }
            if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < ' ' && c != '\t') || c == 0x7F) {
                    throw new IllegalArgumentException("the value of header '" + name + "' has a control character "
                            + "at position " + (i + 1) + " (line breaks cannot be sent in a header)");
                }
            }
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /** A fixed token for this call instead of the client's, such as another portal's. */
        public Builder accessToken(String accessToken) {
            this.accessToken = AccessTokenProvider.of(accessToken);
            return this;
        }

        /**
         * A token source for this call instead of the client's; a 401 refreshes through it. Calls through one
         * provider instance share its rate limiter, so pass the same instance for every call on behalf of one portal.
         */
        public Builder accessToken(AccessTokenProvider accessToken) {
            this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
            return this;
        }

        /** The options. */
        public RequestOptions build() {
            return new RequestOptions(this);
        }

        /** RFC 9110 {@code tchar}. */
        private static boolean isTokenChar(int c) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
