package dev.crmgen.runtime.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Sends one HTTP exchange. The default ({@link #jdk(Duration)}) uses {@link java.net.http.HttpClient}; tests and
 * users may supply their own. Implementations must be thread-safe, return gzip-decoded bodies, and throw
 * {@link RequestNotSentException} when they know the request never reached the server (so that even a
 * non-idempotent call may be retried). Each exchange must end within {@link Request#timeout()}, reading the whole
 * body included, failing with {@link java.net.http.HttpTimeoutException} otherwise: the invoker relies on it to keep
 * its own deadline.
 */
@FunctionalInterface
public interface HttpTransport {
    /** Performs the exchange; any status is a normal return. */
    Response send(Request request) throws IOException, InterruptedException;

    /**
     * Performs the exchange without blocking the caller; the future fails with the {@link IOException} that
     * {@link #send} would throw. The default runs {@link #send} on {@code executor}; the JDK transport holds no thread
     * while the exchange is in flight.
     */
    default CompletableFuture<Response> sendAsync(Request request, Executor executor) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return send(request);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                },
                executor);
    }

    /**
     * Whether this transport reads a request's {@link Request#content() body} only while the exchange runs, through
     * {@link RequestBody#publisher()} subscriptions it finishes or cancels, or through {@link Request#body()} then.
     * If so, the invoker lends it the body in pooled segments and reuses them once the call is over; if not (the
     * default) the body is an array the request owns, which the transport may keep as long as it likes.
     */
    default boolean readsBodyOnlyWhileSending() {
        return false;
    }

    /**
     * The largest response body the default transport reads, as it arrives and again after gzip decoding: 64 MiB,
     * far more than a full HubSpot batch response holds.
     */
    long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

    /** The largest response body limit there can be: a body is read into one array. */
    long MAX_RESPONSE_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    /**
     * The default transport on {@link java.net.http.HttpClient} with this connect timeout. Transports with the same
     * settings share one client (its connection pool and selector thread).
     */
    static HttpTransport jdk(Duration connectTimeout) {
        return jdk(connectTimeout, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * The default transport with this connect timeout and response body limit: a longer body fails the call with
     * {@link ResponseTooLargeException} as soon as the limit is passed, and its connection is closed.
     */
    static HttpTransport jdk(Duration connectTimeout, long maxResponseBytes) {
        return JdkHttpTransport.shared(connectTimeout, maxResponseBytes);
    }

    /**
     * The default transport on a client you built: a proxy ({@code HttpClient.Builder.proxy}), a TLS context, an
     * authenticator, an executor, an HTTP version. Everything else stays the runtime's: each exchange, body
     * included, still ends by its request timeout, gzip bodies are decoded, bodies are limited to
     * {@link #DEFAULT_MAX_RESPONSE_BYTES}, and the client's own connect timeout applies (set one: {@code HttpClient}'s
     * default waits as long as the operating system does). Keep the client's default of not following redirects: a
     * redirected batch call would be resent to wherever it points.
     */
    static HttpTransport jdk(HttpClient client) {
        return jdk(client, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** {@link #jdk(HttpClient)} with this response body limit (see {@link #jdk(Duration, long)}). */
    static HttpTransport jdk(HttpClient client, long maxResponseBytes) {
        return new JdkHttpTransport(client, maxResponseBytes);
    }

    /**
     * One request. {@code headers} is ordered and may include {@code Authorization}: {@link #toString()} redacts it.
     *
     * @param method HTTP method, upper case
     * @param uri absolute URI
     * @param headers header name to value
     * @param content the body, or null for none
     * @param timeout how long the whole exchange (connecting, sending, status, headers and body) may take
     */
    record Request(String method, URI uri, Map<String, String> headers, RequestBody content, Duration timeout) {
        /** Copies the headers, keeping their order. */
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(timeout, "timeout");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** A request whose body is {@code body} (not copied), or none when it is null. */
        public Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
            this(method, uri, headers, body == null ? null : RequestBody.of(body), timeout);
        }

        /**
         * The body's bytes, or null for none: the array of a body made from one, else a copy, which can be taken
         * only while the exchange runs (see {@link HttpTransport#readsBodyOnlyWhileSending()}).
         */
        public byte[] body() {
            return content == null ? null : content.bytes();
        }

        /** The value of a header, matched case-insensitively, or null. */
        public String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(method).append(' ').append(uri).append(" {");
            String sep = "";
            for (Map.Entry<String, String> e : headers.entrySet()) {
                sb.append(sep).append(e.getKey()).append(": ");
                sb.append(isSecret(e.getKey()) ? "[REDACTED]" : e.getValue());
                sep = ", ";
            }
            return sb.append("} body=")
                    .append(content == null ? 0 : content.length())
                    .append(" bytes")
                    .toString();
        }

        static boolean isSecret(String headerName) {
            String n = headerName.toLowerCase(Locale.ROOT);
            return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie");
        }
    }

    /**
     * One response.
     *
     * @param status the HTTP status code
     * @param headers the response headers
     * @param body the (decompressed) body, empty when there is none
     */
    record Response(int status, HttpHeaders headers, byte[] body) {
        /** A null body becomes empty. */
        public Response {
            Objects.requireNonNull(headers, "headers");
            body = body == null ? new byte[0] : body;
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return first(headers, name);
        }

        /**
         * The first value of a header in {@code headers}, or null. Unlike {@link HttpHeaders#firstValue} it builds no
         * stream or Optional; it runs several times per response.
         */
        public static String first(HttpHeaders headers, String name) {
            List<String> values = headers.allValues(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** The first value of a numeric header in {@code headers}, or -1 when absent or unreadable. */
        public static long firstLong(HttpHeaders headers, String name) {
            String v = first(headers, name);
            if (v == null) {
                return -1;
            }
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return "Response[status=" + status + ", body=" + body.length + " bytes]";
        }
    }

    /**
     * A response body, as it arrived or after gzip decoding, passed the transport's limit. The request reached the
     * server, so a batch call's inputs may have been applied; the body was not read to its end.
     */
    class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final long limit;

        /**
         * @param status the response's HTTP status
         * @param limit the limit passed, in bytes
         * @param decoded whether the limit was passed while gzip decoding rather than while receiving
         */
        public ResponseTooLargeException(int status, long limit, boolean decoded) {
            super("the body of the " + status + " response passed the limit of " + limit + " bytes"
                    + (decoded ? " when gzip decoded" : "")
                    + " (ClientOptions.Builder.maxResponseBytes raises it)");
            this.status = status;
            this.limit = limit;
        }

        /** The response's HTTP status. */
        public int status() {
            return status;
        }

        /** The limit passed, in bytes. */
        public long limit() {
            return limit;
        }
    }

    /** The request certainly did not reach the server (for example the connection was refused). */
    class RequestNotSentException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message what failed; @param cause the underlying failure */
        public RequestNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
